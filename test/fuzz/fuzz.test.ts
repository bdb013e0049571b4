// Property-based fuzzing of the whole audit (issue 4). Valid proposals are mutated at random
// (test/fuzz/mutations.ts) and audited; whatever the bytes, the audit must keep its promises:
// audit() never throws (only a UsageError would be allowed, and a proposal folder never causes
// one), the report has exactly that proposal, every finding has a file and a 1-based line and
// column, counts and status agree, no finding is an "internal error", and no file changes. And
// (issue #12) no raw control character from the input appears in the output of any format that
// is not JSON: names, codes and references carrying terminal and CI injection payloads are shown
// visibly (`\u001b`), and no line of any output is a workflow command the input forged.
//
// Reproduce a failure with the seed printed at the start:
//   ALLIANCE_AUDIT_FUZZ_SEED=<seed> npx vitest run test/fuzz
// ALLIANCE_AUDIT_FUZZ_RUNS sets the number of in-process cases (default 10,000; the binary runs
// take a fixed 3 × 70 more). A hang cannot be interrupted from inside, so each case is written to
// <tmpdir>/alliance-audit-fuzz-case-<pid>.json (printed at the start) before it runs: after a
// timeout, that file holds the culprit.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { audit } from "../../src/audit.js";
import { UsageError } from "../../src/errors.js";
import type { Report } from "../../src/types.js";
import { AS_OF, Sandbox, cli, expectNoStack, expectUnchanged, gbkCsvBytes, jsonOf, prototypeState, reportProblems, snapshot } from "../hostile/helpers.js";
import { loadFormatter, type Formatter } from "../../src/format/index.js";
import { rulesMeta } from "../../src/registry/meta.js";
import { base, caseArb, CONTROL_CHARS, fileOf, render, type Case, type Target } from "./mutations.js";

const SEED = Number(process.env.ALLIANCE_AUDIT_FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.ALLIANCE_AUDIT_FUZZ_RUNS ?? 10_000);
const TARGETS: Target[] = ["yaml-charter", "yaml-members", "csv-members", "json-charter", "json-members"];
const BATCHES = 3;
const PER_BATCH = 70; // > 64: the binary's --jobs 2 starts a worker thread for part of the batch

const box = new Sandbox("alliance-audit-fuzz-");
const LAST_CASE = join(tmpdir(), `alliance-audit-fuzz-case-${process.pid}.json`);
/** The unmutated bytes of every file of the three fixture folders. */
const PLAIN: Record<"yaml" | "csv" | "json", Record<string, Buffer>> = {
  yaml: { "charter.yaml": Buffer.from(base("yaml-charter")), "members.yaml": Buffer.from(base("yaml-members")) },
  csv: { "charter.yaml": Buffer.from(base("yaml-charter")), "members.csv": gbkCsvBytes() },
  json: { "charter.json": Buffer.from(base("json-charter")), "members.json": Buffer.from(base("json-members")) },
};

/** Write a case's files into `dir`: the mutated one and the plain other one. */
function writeCase(dir: string, c: Case): Record<string, Buffer> {
  const { name, kind } = fileOf(c.target);
  const files = { ...PLAIN[kind], [name]: render(c) };
  for (const [n, bytes] of Object.entries(files)) writeFileSync(join(dir, n), bytes);
  return files;
}

const NON_JSON = ["stylish", "markdown", "github", "junit", "html", "csv"] as const;
const formatters: [string, Formatter][] = [];
const META = rulesMeta("national");

/** The first raw control character of a format's output (its own LF and CSV's CRLF excepted), or "". */
function rawControl(format: string, out: string): string {
  const t = (format === "csv" ? out.replace(/\r\n/g, "\n") : out).replace(/\n/g, "");
  const m = CONTROL_CHARS.exec(t);
  return m ? `U+${m[0].charCodeAt(0).toString(16).padStart(4, "0")} near ${JSON.stringify(t.slice(Math.max(0, m.index - 40), m.index + 10))}` : "";
}

/** Violations of "nothing raw, nothing forged" by every non-JSON format of a report, in zh or en. */
function injectionProblems(report: Report, lang: "zh" | "en"): string[] {
  const problems: string[] = [];
  const findings = report.proposals.reduce((n, p) => n + p.findings.length, 0);
  for (const [name, format] of formatters) {
    const out = format(report, { lang, color: false, failOn: "error", rules: META, fixHints: true, width: name === "stylish" ? 80 : undefined });
    const raw = rawControl(name, out);
    if (raw) problems.push(`${name}: raw ${raw}`);
    const commands = out.split(/\r\n|\n|\r/).filter((l) => /^\s*::/.test(l)).length;
    if (commands !== (name === "github" ? findings : 0)) problems.push(`${name}: ${commands} workflow-command lines for ${findings} findings`);
  }
  return problems;
}

let protoBefore: string;
beforeAll(async () => {
  for (const f of NON_JSON) formatters.push([f, (await loadFormatter(f))!]);
  console.log(`fuzz: seed ${SEED}, ${RUNS} in-process cases + ${BATCHES * PER_BATCH} through the binary (reproduce: ALLIANCE_AUDIT_FUZZ_SEED=${SEED} npx vitest run test/fuzz; after a hang the case is in ${LAST_CASE})`);
  protoBefore = prototypeState();
});
afterAll(() => box.cleanup());

describe("fuzzing: mutated proposals", () => {
  it("the fixtures pass unmutated (so that every finding below comes from a mutation)", async () => {
    for (const kind of ["yaml", "csv", "json"] as const) {
      const d = box.write(`plain-${kind}`, PLAIN[kind]);
      const r = await audit({ paths: ["."], cwd: d, asOf: AS_OF, lang: "en", jobs: 1 });
      expect(r.proposals.map((p) => [p.status, p.findings.length]), kind).toEqual([["pass", 0]]);
    }
  });

  it(`audit() in-process keeps its promises for ${RUNS.toLocaleString("en")} mutated proposals`, async () => {
    const dir = box.write("in-process", {});
    const t0 = Date.now();
    let cases = 0;
    let carried = 0; // cases whose report carries a control character from the input
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(caseArb(TARGETS), async (c) => {
        cases++;
        writeFileSync(LAST_CASE, JSON.stringify(c));
        for (const n of ["charter.yaml", "members.yaml", "members.csv", "charter.json", "members.json"]) rmSync(join(dir, n), { force: true });
        const files = writeCase(dir, c);
        const mtimes = Object.fromEntries(Object.keys(files).map((n) => [n, statSync(join(dir, n)).mtimeMs]));
        let report: Report;
        try {
          report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en", jobs: 1 });
        } catch (e) {
          if (e instanceof UsageError) return; // allowed by the contract (never expected here)
          throw e;
        }
        if (report.proposals.length !== 1) throw new Error(`${report.proposals.length} proposals in the report`);
        const problems = reportProblems(report, Object.keys(files));
        // The injection property, in one language per case (both over the run).
        const lang = cases % 2 ? "zh" : "en";
        problems.push(...injectionProblems(report, lang));
        if (problems.length) throw new Error(problems.join("\n"));
        if (CONTROL_CHARS.test(JSON.stringify(report.proposals.map((p) => [p.name, p.findings.map((f) => f.message)])).replace(/\\u00[01][0-9a-f]|\\[rnbtf]/g, "\u0001"))) carried++;
        for (const [n, bytes] of Object.entries(files)) {
          if (!readFileSync(join(dir, n)).equals(bytes)) throw new Error(`${n} changed`);
          if (statSync(join(dir, n)).mtimeMs !== mtimes[n]) throw new Error(`${n}'s mtime changed`);
        }
        const first = report.proposals[0].findings[0]?.ruleId ?? "pass";
        outcomes[first] = (outcomes[first] ?? 0) + 1;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    rmSync(LAST_CASE, { force: true });
    const seconds = (Date.now() - t0) / 1000;
    console.log(`fuzz: ${cases} in-process cases in ${seconds.toFixed(1)} s (${carried} carried a control character into the report); first findings: ${JSON.stringify(outcomes)}`);
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    // The injection property was really exercised: control characters reached names and messages.
    expect(carried).toBeGreaterThan(RUNS / 100);
    expect(prototypeState()).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);

  it(`the binary keeps them too: ${BATCHES} batches of ${PER_BATCH} mutated proposals, one run each with --jobs 2`, async () => {
    await ensureBuilt();
    const t0 = Date.now();
    const all = fc.sample(caseArb(TARGETS), { seed: SEED + 1, numRuns: BATCHES * PER_BATCH });
    for (let b = 0; b < BATCHES; b++) {
      const batch = `batch-${b}`;
      const names: string[] = [];
      for (let i = 0; i < PER_BATCH; i++) {
        const name = `case-${String(i).padStart(3, "0")}`;
        writeCase(box.write(`${batch}/${name}`, {}), all[b * PER_BATCH + i]);
        names.push(`${batch}/${name}`);
      }
      const before = snapshot(box.path(batch));
      const r = await cli([batch, "--format", "json", "--as-of", AS_OF, "--lang", "en", "--jobs", "2"], box.root, { timeoutMs: 120_000, env: { ALLIANCE_AUDIT_PER_WORKER: "32" } } /* 70 proposals: a worker really starts */);
      const after = snapshot(box.path(batch));
      expect(r.signal, r.stderr).toBeNull();
      expectNoStack(r.stderr);
      const report = jsonOf(r);
      expect(report.proposals.map((p) => p.path)).toEqual(names);
      const files = report.proposals.flatMap((p) => ["charter.yaml", "members.yaml", "members.csv", "charter.json", "members.json"].map((n) => `${p.path}/${n}`));
      expect(reportProblems(report, files)).toEqual([]);
      expect(r.code).toBe(report.proposals.some((p) => p.findings.some((f) => f.severity === "error")) ? 1 : 0);
      expectUnchanged(before, after);
      // The binary's github and stylish output of the batch: nothing raw, one command per finding.
      const findings = report.proposals.reduce((n, p) => n + p.findings.length, 0);
      for (const format of ["github", "stylish"]) {
        const out = await cli([batch, "--format", format, "--as-of", AS_OF, "--lang", "en", "--jobs", "2"], box.root, { timeoutMs: 120_000 });
        expect(rawControl(format, out.stdout), format).toBe("");
        expect(out.stdout.split(/\r\n|\n|\r/).filter((l) => /^\s*::/.test(l)).length, format).toBe(format === "github" ? findings : 0);
      }
      // The same report as the in-process audit of the same batch (workers change nothing).
      const inProcess = await audit({ paths: [batch], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 });
      expect(report.proposals).toEqual(inProcess.proposals);
    }
    console.log(`fuzz: ${BATCHES * PER_BATCH} cases through the binary in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 300_000);
});
