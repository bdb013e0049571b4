#!/usr/bin/env node
// alliance-audit benchmark: whole processes, one run, one machine, ratios (issue 3).
//   npm run bench                 # sizes 1000 and 10000
//   node bench/run.mjs --sizes 1000 --repeat 3
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
const sizes = opt("--sizes", "1000,10000").split(",").map(Number);
const repeat = Number(opt("--repeat", "3"));
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
function measure(cmd, cmdArgs, { cwd = root, expectExit = [0, 1] } = {}) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const r = spawnSync("/usr/bin/time", ["-f", "BENCH %e %U %S %M", cmd, ...cmdArgs], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
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
const ratio = (label, a, b, target) => {
  const r = a.wall / b.wall;
  console.log(`  ratio ${label}: ${r.toFixed(2)}${target ? `  (target ${target})` : ""}`);
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

// 1. Cold start: one proposal vs an empty Node process.
const empty = row("node -e 0", measure(process.execPath, ["-e", "0"]));
const one = row("alliance-audit, one proposal (cold, --format json)", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "examples/compliant-national"]));
ratio("one proposal / node -e 0", one, empty, "<= 2.0");

mkdirSync(out, { recursive: true });
for (const n of sizes) {
  const corpus = join(out, `corpus-${n}`);
  if (!existsSync(corpus)) execFileSync(process.execPath, [join(root, "bench", "gen-corpus.cjs"), String(n), "--out", out], { stdio: "ignore" });
  console.log(`\n${n} proposals (${2 * n} files):`);
  const aa = row(`alliance-audit --format json (all rules, line:col), --jobs ${cpus().length}`, measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "-o", join(out, `report-${n}.json`), corpus]));
  const aa1 = row("alliance-audit --format json, --jobs 1", measure(process.execPath, [bin, "--format", "json", "--as-of", "2025-06-01", "--jobs", "1", "-o", join(out, `report-${n}-j1.json`), corpus]));
  const ajvRun = row("ajv-cli validate, charters only, no positions/roster/rules", measure(process.execPath, [ajv, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", "schemas/charter.schema.json", "-d", `${corpus}/*/charter.yaml`], { expectExit: [0, 1] }));
  const floorJs = row(`parse floor: js-yaml load, ${cpus().length} threads`, measure(process.execPath, ["bench/parse-floor.mjs", corpus, "js-yaml", String(cpus().length)]));
  const floorAst = row(`parse floor: yaml-ast-parser (ours), ${cpus().length} threads`, measure(process.execPath, ["bench/parse-floor.mjs", corpus, "ast", String(cpus().length)]));
  ratio("alliance-audit / ajv-cli (charters only)", aa, ajvRun, "< 1.0");
  ratio("alliance-audit / js-yaml parse floor", aa, floorJs, "<= 2.0");
  ratio("alliance-audit / same-parser floor", aa, floorAst);
  ratio(`--jobs ${cpus().length} / --jobs 1`, aa, aa1);
  console.log(`  peak memory: ${aa.rssMb.toFixed(0)} MiB (target <= 256 MiB at 10,000)`);
}
