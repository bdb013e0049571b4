import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Slow tests that install things (pack + global install, pre-commit, Chromium) run with
    // `npm run test:integration` (vitest.integration.config.ts), not with `npm test`.
    exclude: [...configDefaults.exclude, "test/integration/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CLI tests spawn the built binary; two cores: keep the pool small.
    maxWorkers: 2,
  },
});
