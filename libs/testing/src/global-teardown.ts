export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__khuInfra;
  if (!running) return;
  globalThis.__khuInfra = undefined;
  await running.control.close();
  await running.infra.stop();
}
