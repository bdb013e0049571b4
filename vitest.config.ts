import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CLI tests spawn the built binary; two cores: keep the pool small.
    maxWorkers: 2,
  },
});
