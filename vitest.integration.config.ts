import { defineConfig } from "vitest/config";

// `npm run test:integration`: tests that pack and install the package, install the pre-commit
// hook, or drive Chromium. Each skips, printing why, where its tool is not installed
// (.ci/run installs them first).
export default defineConfig({
  test: {
    include: ["test/integration/**/*.test.ts"],
    // npm pack rebuilds dist/ and rewrites package.json for a moment (scripts/pack-manifest.mjs):
    // one file at a time, so that no other test reads them meanwhile.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
