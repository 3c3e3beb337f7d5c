const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

/** Folders under `root` (up to `depth` levels down) that hold a jest.config.cjs. */
function projectsUnder(root, depth) {
  if (!existsSync(root)) return [];
  const here = existsSync(join(root, 'jest.config.cjs')) ? [root] : [];
  if (depth === 0) return here;
  const children = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => projectsUnder(join(root, entry.name), depth - 1));
  return [...here, ...children];
}

/**
 * Every project's tests in one jest run: one global setup, hence one broker and one database server. Projects are
 * found by their config files (Nx's project-graph helper leaves plugin workers running, and jest would not exit).
 */
module.exports = {
  projects: [...projectsUnder(join(__dirname, 'infra'), 0), ...projectsUnder(join(__dirname, 'libs'), 2), ...projectsUnder(join(__dirname, 'apps'), 1)],
  // A safety net only, for a test that hangs: waits are for conditions, never time budgets (the preset passes it on).
  testTimeout: 10 * 60_000,
};
