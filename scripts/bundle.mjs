// Bundles the compiled CLI (and the pool's worker) into single files, dist/cli.mjs and
// dist/worker.mjs, with the precompiled validators linked in. Loading ~50 ES modules and their
// packages one by one cost more than half of a cold one-proposal run (BENCHMARKS.md).
// The library entry (dist/index.js) stays unbundled for API users. Run by `npm run build`.
import { build } from "esbuild";

const register = `
import charter from "./dist/validators/charter.cjs";
import members from "./dist/validators/members.cjs";
import { registerPrecompiled } from "./dist/schema/validators.js";
registerPrecompiled({ charter, members });
`;
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Packages loaded on demand with createRequire (jsonc-parser, csv-parse, fast-glob, ajv) stay
  // in node_modules; `require` inside the bundle resolves from dist/.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
};
await build({ ...common, stdin: { contents: `${register}export { main } from "./dist/cli/main.js";`, resolveDir: ".", loader: "js" }, outfile: "dist/cli.mjs" });
await build({ ...common, stdin: { contents: `${register}import "./dist/engine/worker.js";`, resolveDir: ".", loader: "js" }, outfile: "dist/worker.mjs" });
// stderr: `npm pack` prints the tarball name on stdout, and tools (pre-commit) read it from there.
console.error("bundle: dist/cli.mjs, dist/worker.mjs");
