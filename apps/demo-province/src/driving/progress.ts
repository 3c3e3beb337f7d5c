import { SingleBar, Presets } from 'cli-progress';

/** What the driver reports as it goes: a step name and one tick per call planned. */
export interface Progress {
  step(name: string): void;
  tick(count?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { step: () => undefined, tick: () => undefined, stop: () => undefined };

/** A progress bar on stderr (cli-progress), so stdout keeps only the summary. */
export function progressBar(total: number): Progress {
  const bar = new SingleBar(
    { format: '{bar} {percentage}% | {value}/{total} calls | {step} | {duration_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 200 },
    Presets.shades_classic,
  );
  bar.start(total, 0, { step: 'starting' });
  return {
    step: (name) => bar.update({ step: name }),
    tick: (count = 1) => bar.increment(count),
    stop: () => bar.stop(),
  };
}
