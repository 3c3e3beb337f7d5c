const { getJestProjectsAsync } = require('@nx/jest');

/** Every project's tests in one jest run: one global setup, hence one broker and one database server. */
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  // A global option (ignored inside project configs in a multi-project run): real servers need more than 5 s.
  testTimeout: 120000,
});
