// Shared by the hostile-input suite (issue 4: "never crash, never hang, never lose or change a
// file"): a sandbox of proposals built from the compliant fixtures in test/fixtures/hostile (copies
// of the conformance cases compliant-national and csv-roster-gbk: tests never read ../shared),
// snapshots of every file's bytes and mtime, the report invariants, and a runner for the BUILT
// command line.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Finding, ProposalReport, Report } from "../../src/types.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "alliance-audit.js");
export const FIXTURES = fileURLToPath(new URL("../fixtures/hostile/", import.meta.url));
export const BASE = join(FIXTURES, "compliant-national");
export const GBK = join(FIXTURES, "csv-roster-gbk");
export const AS_OF = "2025-06-01";

export const charterText = (): string => readFileSync(join(BASE, "charter.yaml"), "utf8");
export const membersText = (): string => readFileSync(join(BASE, "members.yaml"), "utf8");
export const gbkCsvBytes = (): Buffer => readFileSync(join(GBK, "members.csv"));
/** The GB18030 roster as text (LF line ends), for CSV variants. */
export const csvText = (): string => new TextDecoder("gb18030").decode(gbkCsvBytes()).replace(/\r\n/g, "\n");

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Replace one fragment that must be in the text exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`replaceOnce: "${from}" is not in the text exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** 1-based line of the first line that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: "${needle}" not found`);
  return i + 1;
}

export type Content = string | Uint8Array;

/** A temporary folder tree; `cleanup()` in afterAll (it restores permissions first). */
export class Sandbox {
  readonly root: string;
  constructor(prefix = "alliance-audit-hostile-") {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(this.root, 0o755); // readable by the unprivileged user of the chmod-000 test
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  /** Write files (relative path → content) below `dir` (relative to the root). */
  write(dir: string, files: Record<string, Content>): string {
    const d = join(this.root, dir);
    mkdirSync(d, { recursive: true });
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(d, rel)), { recursive: true });
      writeFileSync(join(d, rel), content);
    }
    return d;
  }

  /** A proposal: the compliant charter and roster unless replaced; `null` leaves a file out. */
  proposal(dir: string, files: Record<string, Content | null> = {}): string {
    const all: Record<string, Content | null> = { "charter.yaml": charterText(), "members.yaml": membersText(), ...files };
    return this.write(dir, Object.fromEntries(Object.entries(all).filter((e): e is [string, Content] => e[1] !== null)));
  }

  cleanup(): void {
    restorePermissions(this.root);
    rmSync(this.root, { recursive: true, force: true });
  }
}

function restorePermissions(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    try {
      chmodSync(p, e.isDirectory() ? 0o755 : 0o644);
    } catch {
      /* not ours */
    }
    if (e.isDirectory()) restorePermissions(p);
  }
}

/** Every entry under a folder: bytes of regular files (when readable), link targets, mtimes. */
export type Snapshot = Map<string, { kind: string; mtimeMs: number; size: number; sha256?: string; link?: string; mode: number }>;

export function snapshot(dir: string, out: Snapshot = new Map(), rel = ""): Snapshot {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const p = join(dir, r);
    const st = lstatSync(p);
    const entry = { kind: e.isFile() ? "file" : e.isDirectory() ? "dir" : e.isSymbolicLink() ? "link" : e.isFIFO() ? "fifo" : "other", mtimeMs: st.mtimeMs, size: st.size, mode: st.mode };
    // Never open a FIFO (it would block) or a device; a chmod-000 file is compared by stat only.
    const bytes = e.isFile() ? tryRead(p) : undefined;
    const sha256 = bytes ? createHash("sha256").update(bytes).digest("hex") : undefined;
    const link = e.isSymbolicLink() ? readlinkSync(p) : undefined;
    out.set(r, { ...entry, sha256, link });
    if (e.isDirectory()) snapshot(dir, out, r);
  }
  return out;
}

function tryRead(p: string): Buffer | undefined {
  try {
    return readFileSync(p);
  } catch {
    return undefined;
  }
}

/** Same entries, same bytes, same mtimes, same modes (folders' mtimes too: nothing added or removed). */
export function expectUnchanged(before: Snapshot, after: Snapshot, only?: (rel: string) => boolean): void {
  const keys = (s: Snapshot) => [...s.keys()].filter((k) => !only || only(k)).sort();
  expect(keys(after)).toEqual(keys(before));
  for (const k of keys(before)) {
    const a = before.get(k)!;
    const b = after.get(k)!;
    expect({ k, kind: b.kind, mtimeMs: b.mtimeMs, size: b.size, mode: b.mode, link: b.link }).toEqual({ k, kind: a.kind, mtimeMs: a.mtimeMs, size: a.size, mode: a.mode, link: a.link });
    if (a.sha256 && b.sha256) expect(b.sha256, `${k}: bytes changed`).toBe(a.sha256);
  }
}

/** The report invariants every run must keep, whatever the input (one expect: reports can hold 100,000 findings). */
export function expectSaneReport(report: Report): void {
  expect(saneProblems(report)).toEqual([]);
  const paths = report.proposals.map((p) => p.path);
  expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function expectSaneProposal(p: ProposalReport): void {
  expect(proposalProblems(p), p.path).toEqual([]);
}

function saneProblems(report: Report): string[] {
  const problems = report.proposals.flatMap(proposalProblems);
  const summary = { proposals: 0, passed: 0, failed: 0, unaudited: 0, error: 0, warning: 0, info: 0 };
  for (const p of report.proposals) {
    summary.proposals++;
    summary[p.status === "fail" ? "failed" : p.status === "unaudited" ? "unaudited" : "passed"]++;
    for (const s of ["error", "warning", "info"] as const) summary[s] += p.counts[s];
  }
  for (const [k, v] of Object.entries(summary)) if (report.summary[k as keyof typeof summary] !== v) problems.push(`summary.${k} is ${report.summary[k as keyof typeof summary]}, expected ${v}`);
  return problems;
}

/** Violations of the invariants by one proposal (failOn error, as every run here uses). */
function proposalProblems(p: ProposalReport): string[] {
  const problems: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of p.findings) {
    const where = `${p.path}: ${f.ruleId} ${f.file}:${f.line}:${f.column}`;
    if (typeof f.ruleId !== "string" || !f.ruleId) problems.push(`${where}: no rule id`);
    if (typeof f.file !== "string" || !f.file) problems.push(`${where}: no file`);
    if (!Number.isInteger(f.line) || f.line < 1) problems.push(`${where}: bad line`);
    if (!Number.isInteger(f.column) || f.column < 1) problems.push(`${where}: bad column`);
    if (typeof f.message !== "string" || !f.message.trim()) problems.push(`${where}: empty message`);
    if (/internal error/.test(f.message)) problems.push(`${where}: ${f.message}`);
    if (f.severity !== "error" && f.severity !== "warning" && f.severity !== "info") problems.push(`${where}: severity ${String(f.severity)}`);
    else counts[f.severity]++;
  }
  if (p.counts.error !== counts.error || p.counts.warning !== counts.warning || p.counts.info !== counts.info) problems.push(`${p.path}: counts ${JSON.stringify(p.counts)}, findings ${JSON.stringify(counts)}`);
  // The status model of cli.md revision 2: unaudited exactly when a file/* finding says so.
  const unaudited = p.findings.some((f) => f.ruleId.startsWith("file/"));
  const expected = unaudited ? "unaudited" : counts.error > 0 ? "fail" : "pass";
  if (p.status !== expected) problems.push(`${p.path}: status ${p.status} with ${counts.error} errors`);
  return problems;
}

/** The proposal at `path` (as the report shows it), which must be there. */
export function proposalAt(report: Report, path: string): ProposalReport {
  const p = report.proposals.find((x) => x.path === path);
  if (!p) throw new Error(`no proposal ${path} in the report; it has ${report.proposals.map((x) => x.path).join(", ")}`);
  return p;
}

export interface Expected {
  ruleId: string;
  /** The finding's file ends with this. */
  file: string;
  line?: number;
  column?: number;
  message?: RegExp;
}

/** The proposal has a finding like `e`; with `only`, nothing else. */
export function expectFinding(p: ProposalReport, e: Expected, only = false): Finding {
  const f = p.findings.find((x) => x.ruleId === e.ruleId && x.file.endsWith(e.file) && (e.line === undefined || x.line === e.line) && (e.message === undefined || e.message.test(x.message)));
  if (!f) throw new Error(`expected ${JSON.stringify({ ...e, message: String(e.message) })} in ${p.path}; found:\n${p.findings.map((x) => `  ${x.ruleId} ${x.file}:${x.line}:${x.column} ${x.message}`).join("\n")}`);
  if (e.column !== undefined) expect(f.column, `column of ${f.ruleId} in ${p.path}`).toBe(e.column);
  if (only) expect(p.findings.map((x) => x.ruleId), p.path).toEqual([e.ruleId]);
  return f;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A clean environment: English, no colours, no debug output. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR", "DEBUG", "NO_COLOR", "ALLIANCE_AUDIT_MAX_FILE_MB", "ALLIANCE_AUDIT_MAX_DEPTH", "ALLIANCE_AUDIT_MAX_NODES"]) delete env[k];
  return { ...env, NO_COLOR: "1", LANG: "C", ...extra };
}

export interface CliOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  uid?: number;
  gid?: number;
}

/** Run the built CLI asynchronously; a run that outlives the timeout is killed and reported as such. */
export function cli(args: string[], cwd: string, o: CliOptions = {}): Promise<CliResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: cliEnv(o.env), encoding: "utf8", timeout: o.timeoutMs ?? 60_000, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024, uid: o.uid, gid: o.gid },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals }) | null;
        const code = e ? (typeof e.code === "number" ? e.code : null) : 0;
        resolve({ code, signal: e?.signal ?? null, stdout, stderr, ms: Date.now() - t0 });
      },
    );
  });
}

/** No stack trace lines ("    at f (file:1:2)") in what the user sees. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+[:(]/m);
}

/** The JSON report of a run with --format json. */
export function jsonOf(r: CliResult): Report {
  try {
    return JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`not a JSON report (exit ${r.code}, signal ${r.signal}, ${r.ms} ms):\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`);
  }
}

/** Snapshot of Object.prototype's own property names and descriptors, to detect pollution. */
export function prototypeState(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => `${String(k)}:${typeof Object.getOwnPropertyDescriptor(o, k)?.value}`)
      .sort()
      .join(",");
  return [describe(Object.prototype), describe(Array.prototype), describe(Function.prototype), describe(String.prototype)].join("|");
}

/** One hostile proposal of a batch: its folder (below batch/), its files, and what must be found. */
export interface HostileCase {
  dir: string;
  title: string;
  /** Files replacing the compliant ones (`null`: left out). */
  files?: Record<string, Content | null>;
  /** Extra setup after the files are written (links, FIFOs, permissions). */
  setup?: (dir: string) => void;
  /** The finding that must be there; `undefined` with `pass` for inputs that are fine. */
  expect?: Expected;
  /** Nothing but the expected finding (a file/* finding hides the condition rules). */
  only?: boolean;
  /** The input is legitimate: the proposal passes with no finding at all. */
  pass?: boolean;
  /** Not discovered as a proposal (a link loop, say): absent from the report. */
  absent?: boolean;
}

export interface BatchRun {
  api: Report;
  cli: CliResult;
  cliReport: Report;
  before: Snapshot;
  after: Snapshot;
}

/**
 * Build every case under `batch/` of the sandbox, audit the batch in-process (audit()) and with
 * the built binary (--format json), and snapshot the tree before and after.
 */
export async function runBatch(box: Sandbox, cases: HostileCase[], extraArgs: string[] = []): Promise<BatchRun> {
  for (const c of cases) {
    const d = box.proposal(`batch/${c.dir}`, c.files ?? {});
    c.setup?.(d);
  }
  const { audit } = await import("../../src/audit.js");
  const before = snapshot(box.root);
  const api = await audit({ paths: ["batch"], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 });
  const run = await cli(["batch", "--format", "json", "--as-of", AS_OF, "--lang", "en", ...extraArgs], box.root);
  const after = snapshot(box.root);
  return { api, cli: run, cliReport: jsonOf(run), before, after };
}

/** The assertions of one catalogue item, on both the in-process and the binary's report. */
export function checkCase(run: BatchRun, c: HostileCase): void {
  for (const [how, report] of [["audit()", run.api], ["binary", run.cliReport]] as const) {
    if (c.absent) {
      expect(report.proposals.map((p) => p.path), how).not.toContain(`batch/${c.dir}`);
      continue;
    }
    const p = proposalAt(report, `batch/${c.dir}`);
    expectSaneProposal(p);
    if (c.pass) expect(p.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`), `${how}: ${c.title}`).toEqual([]);
    if (c.expect) expectFinding(p, c.expect, c.only);
  }
  // The batch's exit code follows cli.md: 1 when any proposal fails, 0 otherwise; never a crash.
  const failing = run.cliReport.proposals.some((p) => p.findings.some((f) => f.severity === "error"));
  expect(run.cli.code, run.cli.stderr).toBe(failing ? 1 : 0);
  expectNoStack(run.cli.stderr);
  expectNoStack(run.cli.stdout);
  expectUnchanged(run.before, run.after, (rel) => rel === `batch/${c.dir}` || rel.startsWith(`batch/${c.dir}/`));
}

/** The batch as a whole: every case present (or deliberately absent), sane, unchanged, same in both runs. */
export function checkBatch(run: BatchRun, cases: HostileCase[]): void {
  const expected = cases.filter((c) => !c.absent).map((c) => `batch/${c.dir}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const report of [run.api, run.cliReport]) {
    expectSaneReport(report);
    expect(report.proposals.map((p) => p.path)).toEqual(expected);
  }
  expect(run.cliReport.proposals).toEqual(run.api.proposals);
  expectNoStack(run.cli.stderr);
  expect([0, 1]).toContain(run.cli.code);
  expectUnchanged(run.before, run.after);
}

let gbTable: Map<string, number[]> | undefined;
/**
 * Text → GB18030 bytes for the characters of GBK (two bytes) and ASCII; anything else becomes "?".
 * Node has no GB18030 encoder; the table is built from TextDecoder's decoding of every GBK pair.
 */
export function gb18030Encode(s: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder("gb18030");
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbTable.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

/** The invariants of a report, as a list of violations (empty when sane): cheap enough for fuzzing. */
export function reportProblems(report: Report, files: string[]): string[] {
  const problems: string[] = [];
  const rank = { error: 3, warning: 2, info: 1 } as const;
  for (const p of report.proposals) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of p.findings) {
      if (!files.some((x) => f.file === x)) problems.push(`finding in an unexpected file: ${f.file}`);
      if (!Number.isInteger(f.line) || f.line < 1) problems.push(`line ${f.line}: ${f.ruleId} ${f.message}`);
      if (!Number.isInteger(f.column) || f.column < 1) problems.push(`column ${f.column}: ${f.ruleId} ${f.message}`);
      if (typeof f.message !== "string" || f.message.trim() === "") problems.push(`empty message: ${f.ruleId}`);
      if (/internal error/.test(f.message)) problems.push(`internal error: ${f.message}`);
      if (!(f.severity in rank)) problems.push(`severity ${f.severity}`);
      else counts[f.severity]++;
    }
    if (counts.error !== p.counts.error || counts.warning !== p.counts.warning || counts.info !== p.counts.info) problems.push(`counts ${JSON.stringify(p.counts)} but findings ${JSON.stringify(counts)}`);
    const unaudited = p.findings.some((f) => f.ruleId.startsWith("file/"));
    if (p.status !== (unaudited ? "unaudited" : counts.error > 0 ? "fail" : "pass")) problems.push(`status ${p.status} with ${counts.error} errors`);
  }
  const s = report.summary;
  if (s.proposals !== report.proposals.length) problems.push(`summary.proposals ${s.proposals}`);
  if (s.failed !== report.proposals.filter((p) => p.status === "fail").length) problems.push(`summary.failed ${s.failed}`);
  return problems;
}
