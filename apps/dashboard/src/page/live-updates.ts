import { getJson, type ProjectionsAnswer } from './api.js';

export type LiveMode = 'live' | 'polling' | 'offline';

const pollEveryMs = 5_000;
const retryStreamEveryMs = 60_000;

/**
 * Calls `changed` whenever the read model moves on: from the reporting service's Server-Sent Events (`projected`),
 * or, when the stream fails, by asking `/projections` every 5 s and comparing its generation and position — while
 * trying the stream again every minute. Returns a function that stops it all.
 */
export function followReadModel(changed: () => void, mode: (mode: LiveMode) => void): () => void {
  let stream: EventSource | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastSeen: string | undefined;
  let reopening = false;

  function openStream(): void {
    stream = new EventSource('/api/projections/changes');
    stream.addEventListener('open', () => {
      stopPolling();
      mode('live');
      // Whatever happened while the stream was down.
      if (reopening) changed();
    });
    stream.addEventListener('projected', () => changed());
    stream.addEventListener('error', () => {
      stream?.close();
      stream = undefined;
      reopening = true;
      startPolling();
      retry = setTimeout(openStream, retryStreamEveryMs);
    });
  }

  async function poll(): Promise<void> {
    try {
      const { projector } = await getJson<ProjectionsAnswer>('/projections');
      mode('polling');
      const seen = `${projector.generation ?? 0}:${projector.position}`;
      if (lastSeen !== undefined && seen !== lastSeen) changed();
      lastSeen = seen;
    } catch {
      mode('offline');
    }
  }

  function startPolling(): void {
    if (poller) return;
    void poll();
    poller = setInterval(() => void poll(), pollEveryMs);
  }

  function stopPolling(): void {
    if (poller) clearInterval(poller);
    poller = undefined;
    lastSeen = undefined;
  }

  openStream();
  return () => {
    stream?.close();
    stopPolling();
    if (retry) clearTimeout(retry);
  };
}
