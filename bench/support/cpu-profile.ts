/**
 * Preloaded into a service process by `startService(..., { cpuProfile: file })` (bench/projection.ts
 * --profile-rebuild): runs the V8 CPU profiler from the start ({ cpuProfile: 'restart' } over IPC starts it afresh,
 * answered by { cpuProfile: 'restarted' }), and on the IPC message { cpuProfile: 'write' } stops
 * it, writes the profile (.cpuprofile, readable by Chrome DevTools) to $KHU_BENCH_CPU_PROFILE and answers
 * { cpuProfile: <file> }. Node's own --cpu-prof would not do: the service re-raises SIGTERM after its shutdown hooks,
 * and a process that dies of a signal writes no profile.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env['KHU_BENCH_CPU_PROFILE'];
if (file && process.send) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  process.channel?.unref();
  process.on('message', (message: unknown) => {
    const request = (message as { cpuProfile?: unknown } | null)?.cpuProfile;
    if (request === 'restart') {
      // Drops what was profiled so far (start-up), so that the profile holds only what follows.
      session.post('Profiler.stop', () => session.post('Profiler.start', () => process.send?.({ cpuProfile: 'restarted' })));
      return;
    }
    if (request !== 'write') return;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
      process.send?.({ cpuProfile: error ? null : file });
    });
  });
}
