#!/usr/bin/env node
// alliance-audit benchmark: whole processes, one run, one machine, ratios (issues 3 and 14).
//   npm run bench                 # sizes 1000 and 10000, 1,000 document proposals, median of 3
//   npm run bench -- --quick      # size 10000 only, 200 document proposals, one run each (~3 min)
//   node bench/run.mjs --sizes 1000 --repeat 3 --docs 1000
// Prints wall time, CPU (user+sys) and peak RSS of each command, as measured by GNU time,
// and the ratios the targets are stated in. Machines are noisy: compare ratios within one run.
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench", "out");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const quick = args.includes("--quick");
const sizes = opt("--sizes", quick ? "10000" : "1000,10000").split(",").map(Number);
const repeat = Number(opt("--repeat", quick ? "1" : "3"));
const docsN = Number(opt("--docs", quick ? "200" : "1000"));
// The cache lives in bench/out (its HMAC key too): a benchmark never touches the user's cache.
const benchEnv = { ...process.env, XDG_CACHE_HOME: join(root, "bench", "out", "xdg") };
const bin = join(root, "bin", "alliance-audit.js");
const ajv = join(root, "node_modules", "ajv-cli", "dist", "index.js");

if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("bench: build first (npm run build)");
  process.exit(2);
}
if (!existsSync("/usr/bin/time")) {
  console.error("bench: needs GNU time (/usr/bin/time; Debian package `time`)");
  process.exit(2);
}

/** Run a command `repeat` times; keep the run with the median wall time. */
function measure(cmd, cmdArgs, { cwd = root, expectExit = [0, 1], times = repeat } = {}) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const r = spawnSync("/usr/bin/time", ["-f", "BENCH %e %U %S %M", cmd, ...cmdArgs], { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: benchEnv });
    const line = r.stderr.split("\n").reverse().find((l) => l.startsWith("BENCH "));
    if (!line || !expectExit.includes(r.status)) {
      throw new Error(`${cmd} ${cmdArgs.join(" ")} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    }
    const [wall, user, sys, rssKb] = line.split(" ").slice(1).map(Number);
    runs.push({ wall, cpu: user + sys, rssMb: rssKb / 1024 });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(runs.length / 2)];
}

const rows = [];
const row = (label, m) => {
  rows.push({ label, ...m });
  console.log(`${label.padEnd(58)} ${m.wall.toFixed(3).padStart(8)} s ${m.cpu.toFixed(3).padStart(8)} s CPU ${m.rssMb.toFixed(0).padStart(6)} MiB`);
  return m;
};
// Wall time is what the targets are stated in; CPU time (user + sys) is printed beside it because
// on a shared machine it moves far less with the other tenants' load.
const ratio = (label, a, b, target) => {
  const r = a.wall / b.wall;
  console.log(`  ratio ${label}: ${r.toFixed(2)} (CPU ${(a.cpu / b.cpu).toFixed(2)})${target ? `  (target ${target})` : ""}`);
  return r;
};

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

// How many cores this run really had: the same CPU-bound loop once alone and once per CPU at
// the same time. On a shared VM this is often well under cpus().length, which caps what
// --jobs can gain; read the parallel ratios below against it.
const spin = ["-e", "let x=0;for(let i=0;i<2e8;i++)x+=i%7"];
const alone = measure(process.execPath, spin);
const together = measure("bash", ["-c", Array.from(cpus(), () => `"${process.execPath}" ${spin[0]} '${spin[1]}' &`).join(" ") + " wait"]);
console.log(`effective cores: ${((cpus().length * alone.wall) / together.wall).toFixed(2)} of ${cpus().length} (one spin loop ${alone.wall.toFixed(2)} s alone, ${together.wall.toFixed(2)} s with ${cpus().length} side by side)`);
console.log(`median of ${repeat} runs each\n`);

// 1. Cold start: one proposal vs an empty Node process (at least 5 runs: these are short).
const coldTimes = Math.max(5, repeat);
const empty = row("node -e 0", measure(process.execPath, ["-e", "0"], { times: coldTimes }));
const one = row("alliance-audit, one YAML proposal (cold, --format json)", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "examples/compliant-national"], { times: coldTimes }));
const oneDocs = row("alliance-audit, one proposal with .docx + .xlsx roster (cold)", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "examples/documents"], { times: coldTimes }));
ratio("one YAML proposal / node -e 0", one, empty, "<= 1.6");
ratio("one .docx + .xlsx proposal / node -e 0", oneDocs, empty, "<= 3.0");

mkdirSync(out, { recursive: true });
const gen = (n) => {
  const corpus = join(out, `corpus-${n}`);
  if (!existsSync(corpus)) execFileSync(process.execPath, [join(root, "bench", "gen-corpus.cjs"), String(n), "--out", out], { stdio: "ignore" });
  return corpus;
};

// 2. Where workers pay off: --jobs 1 against --jobs 2 with workers forced from the first
// proposal (ALLIANCE_AUDIT_PER_WORKER=1), by batch size. The pool's threshold comes from this.
console.log("\nworkers' crossover (--jobs 2 with a worker from the first proposal vs --jobs 1):");
for (const n of quick ? [50, 200, 800] : [25, 50, 100, 200, 400, 800]) {
  const corpus = gen(n);
  const base = ["--format", "json", "--as-of", "2025-06-01", "-o", join(out, `x-${n}.json`), corpus];
  const j1 = measure(process.execPath, [bin, ...base, "--jobs", "1"], { times: coldTimes });
  benchEnv.ALLIANCE_AUDIT_PER_WORKER = "1";
  const j2 = measure(process.execPath, [bin, ...base, "--jobs", "2"], { times: coldTimes });
  delete benchEnv.ALLIANCE_AUDIT_PER_WORKER;
  console.log(`  ${String(n).padStart(5)} proposals: --jobs 1 ${j1.wall.toFixed(3)} s, --jobs 2 ${j2.wall.toFixed(3)} s, ratio ${(j2.wall / j1.wall).toFixed(2)}`);
}
for (const n of sizes) {
  const corpus = gen(n);
  console.log(`\n${n} proposals (${2 * n} files):`);
  const aa = row(`alliance-audit --format json (all rules, line:col), --jobs ${cpus().length}`, measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "-o", join(out, `report-${n}.json`), corpus]));
  const aa1 = row("alliance-audit --format json, --jobs 1", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "--jobs", "1", "-o", join(out, `report-${n}-j1.json`), corpus]));
  const ajvRun = row("ajv-cli validate, charters only, no positions/roster/rules", measure(process.execPath, [ajv, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", "schemas/charter.schema.json", "-d", `${corpus}/*/charter.yaml`], { expectExit: [0, 1] }));
  const floorJs = row(`parse floor: js-yaml load, ${cpus().length} threads`, measure(process.execPath, ["bench/parse-floor.mjs", corpus, "js-yaml", String(cpus().length)]));
  const floorAst = row(`parse floor: yaml-ast-parser (ours), ${cpus().length} threads`, measure(process.execPath, ["bench/parse-floor.mjs", corpus, "ast", String(cpus().length)]));
  // The cache: one run fills it (not measured), then every proposal is unchanged.
  const cacheArgs = ["--cache", "--cache-location", join(out, `cache-${n}.json`)];
  measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "-o", join(out, `report-${n}-c.json`), ...cacheArgs, corpus], { times: 1 });
  const cached = row("alliance-audit --cache, nothing changed", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "-o", join(out, `report-${n}-c.json`), ...cacheArgs, corpus]));
  ratio("alliance-audit / ajv-cli (charters only)", aa, ajvRun, "< 1.0");
  ratio("alliance-audit --cache (unchanged) / ajv-cli", cached, ajvRun, "< 1.0");
  ratio("alliance-audit / js-yaml parse floor", aa, floorJs, "<= 2.0");
  ratio("alliance-audit / same-parser floor", aa, floorAst);
  ratio(`--jobs ${cpus().length} / --jobs 1`, aa, aa1);
  console.log(`  peak memory: ${aa.rssMb.toFixed(0)} MiB (target <= 256 MiB at 10,000)`);
}

// 4. Documents at scale: proposals each linking a 40-page .docx (and a small .xlsx roster), and
// one proposal with a 5,000-row .xlsx roster. Memory must stay flat: no document is kept after
// its proposal, so peak RSS at N and at N/10 proposals should be about the same.
execFileSync(process.execPath, [join(root, "bench", "gen-documents.mjs"), String(docsN), "--out", out], { stdio: "ignore" });
execFileSync(process.execPath, [join(root, "bench", "gen-documents.mjs"), String(docsN / 10), "--out", out], { stdio: "ignore" });
console.log(`\ndocuments:`);
const docArgs = (dir, tag) => [bin, "--format", "json", "--as-of", "2025-06-01", "-o", join(out, `report-${tag}.json`), join(out, dir)];
const docsSmall = row(`${docsN / 10} proposals, each a 40-page .docx + .xlsx roster`, measure(process.execPath, docArgs(`docs-${docsN / 10}`, "docs-small")));
const docsBig = row(`${docsN} proposals, each a 40-page .docx + .xlsx roster`, measure(process.execPath, docArgs(`docs-${docsN}`, "docs")));
// The same batch with the heap capped: it completes only if nothing is kept per document.
row(`${docsN} proposals, heap capped at 64 MiB (--max-old-space-size=64)`, measure(process.execPath, ["--max-old-space-size=64", ...docArgs(`docs-${docsN}`, "docs-capped")]));
const roster = row("one proposal, a 5,000-row .xlsx roster", measure(process.execPath, docArgs("roster-5000", "roster")));
console.log(`  per document proposal: ${((1000 * docsBig.wall) / docsN).toFixed(1)} ms; ratio ${docsN} proposals / node -e 0: ${(docsBig.wall / empty.wall).toFixed(1)}`);
console.log(`  peak memory ${docsN / 10} → ${docsN} proposals: ${docsSmall.rssMb.toFixed(0)} → ${docsBig.rssMb.toFixed(0)} MiB (flat: ratio ${(docsBig.rssMb / docsSmall.rssMb).toFixed(2)})`);
ratio("5,000-row roster / node -e 0", roster, empty);
