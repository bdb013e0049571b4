// Bundles the compiled CLI (and the pool's worker) into dist/cli.mjs and dist/worker.mjs, with the
// precompiled validators linked in. Loading ~50 ES modules and their packages one by one cost more
// than half of a cold one-proposal run (BENCHMARKS.md). Code splitting keeps everything behind a
// dynamic import() — formats, document readers, the xlsx and linked-document loaders, the cache,
// subcommands — in chunks of their own (dist/chunks/), so a YAML-only audit neither parses nor
// evaluates them; code both entries share is in chunks loaded once per thread. Whitespace and
// syntax are minified (names are kept, for readable stack traces): V8 parses every byte of a
// module at start-up. The library entry (dist/index.js) stays unbundled for API users.
// Run by `npm run build`.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const register = `
import charter from "../validators/charter.cjs";
import members from "../validators/members.cjs";
import { registerPrecompiled } from "../schema/validators.js";
registerPrecompiled({ charter, members });
`;
// esbuild splits only real entry files (not stdin): two small ones, removed after the build.
const entries = "dist/.entries";
mkdirSync(entries, { recursive: true });
writeFileSync(`${entries}/cli.mjs`, `${register}export { main } from "../cli/main.js";\n`);
writeFileSync(`${entries}/worker.mjs`, `${register}import "../engine/worker.js";\n`);
// Chunks are named by content hash: remove an earlier build's, so none goes stale into a pack.
rmSync("dist/chunks", { recursive: true, force: true });

await build({
  entryPoints: { cli: `${entries}/cli.mjs`, worker: `${entries}/worker.mjs` },
  outdir: "dist",
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  // Packages loaded on demand with createRequire (jsonc-parser, csv-parse, fast-glob, ajv) stay
  // in node_modules; `require` inside the bundle resolves from dist/ (each chunk gets its own).
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
rmSync(entries, { recursive: true, force: true });
// stderr: `npm pack` prints the tarball name on stdout, and tools (pre-commit) read it from there.
console.error("bundle: dist/cli.mjs, dist/worker.mjs, dist/chunks/");
