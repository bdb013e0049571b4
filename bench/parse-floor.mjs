// The parse-only floor of the benchmark: read every YAML file below DIR and parse it, nothing
// else, with PARSER = js-yaml (plain load, no positions) or ast (the parser alliance-audit uses),
// on WORKERS threads (the same split as alliance-audit --jobs).
// usage: node bench/parse-floor.mjs DIR js-yaml|ast [WORKERS]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fg from "fast-glob";

const require = createRequire(import.meta.url);

function parseAll(files, parser) {
  const load = parser === "ast" ? (t) => require("@stoplight/yaml-ast-parser").load(t, {}) : (t) => require("js-yaml").load(t);
  let n = 0;
  for (const f of files) {
    load(readFileSync(f, "utf8"));
    n++;
  }
  return n;
}

if (isMainThread) {
  const [dir, parser = "js-yaml", workersArg = "1"] = process.argv.slice(2);
  const files = fg.sync("**/*.yaml", { cwd: dir, absolute: true }).sort();
  const workers = Math.max(1, Number(workersArg));
  const parts = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  // Like alliance-audit, the main thread parses one part itself.
  const others = parts.slice(1).map((part) => new Promise((res, rej) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { files: part, parser } });
    w.on("message", res).on("error", rej);
  }));
  const mine = parseAll(parts[0], parser);
  const counts = await Promise.all(others);
  console.log(`${mine + counts.reduce((a, b) => a + b, 0)} files parsed`);
} else {
  parentPort.postMessage(parseAll(workerData.files, workerData.parser));
}
