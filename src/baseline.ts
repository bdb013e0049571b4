// Baselines: adopt the tool on a backlog of existing proposals, fail only on new findings.
//
//   alliance-audit proposals --baseline .alliance-audit-baseline.json --update-baseline   # record
//   alliance-audit proposals --baseline .alliance-audit-baseline.json                     # only new
//
// A finding is matched by its rule id, its file and the JSON pointer of the value it is about —
// never its line, so edits elsewhere in the file (a signature added above, a comment) do not
// make old findings look new. When a file has several findings of the same rule on the same
// value (agreement/unsigned, one per unsigned member, all about /agreement/signatures), their
// messages break the tie, counted: two identical findings need two entries. Numbers in messages
// are not compared (a line number or a percentage in a message may change with the edit), and a
// run in another --lang than the baseline's matches by count alone within rule + file + value.
// Baselined findings are counted as `suppressed`, as inline suppressions are: nothing
// disappears silently.
//
// The file (format version 1) is JSON, written whole or not at all, sorted and deterministic
// (the same findings give the same bytes, no dates), so that it diffs well in code review:
//
//   {
//     "version": 1,
//     "tool": "alliance-audit",
//     "lang": "en",
//     "findings": [
//       { "file": "proposals/al-mg/charter.yaml", "ruleId": "agreement/unsigned",
//         "pointer": "/agreement/signatures", "message": "member M04 … has not signed the agreement", "count": 1 }
//     ]
//   }
//
// `file` is relative to the folder holding the baseline file (with '/' separators), so the
// baseline works from any working folder. Entries are sorted by file, ruleId, pointer, message;
// identical findings are one entry with a count.
import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { audit, resolveSettings, type AuditOptions } from "./audit.js";
import { CHARTER_NAMES, MEMBERS_NAMES } from "./discover.js";
import { isFileRule, proposalEntry } from "./engine/status.js";
import { UsageError } from "./errors.js";
import { assertNotEmpty } from "./fs/inputs.js";
import { readSettingFile } from "./fs/read-setting-file.js";
import { writeAtomic, writeFailure } from "./fs/write-atomic.js";
import { summarize } from "./report.js";
import { LANGS, type FailOn, type Finding, type Lang, type ProposalReport, type Report, type Text } from "./types.js";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Relative to the baseline file's folder, '/' separators. */
  file: string;
  ruleId: string;
  pointer: string;
  message: string;
  /** The message's id and its data (numbers masked): what matches, whatever the language. */
  messageId?: string;
  data?: string;
  count: number;
}

export interface Baseline {
  version: 1;
  tool: "alliance-audit";
  /** The language of the messages. */
  lang?: Lang;
  findings: BaselineEntry[];
}

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A report path (relative to cwd) → the baseline's form (relative to the baseline's folder). */
function baselinePath(file: string, baselineFile: string, cwd: string): string {
  return toPosix(relative(dirname(resolve(cwd, baselineFile)), resolve(cwd, file))) || ".";
}

/**
 * Exit 2 for a baseline path that names no file, or a file that a proposal would read as its
 * charter or roster (`members.json` beside a charter): a baseline must never be audited as a
 * roster, nor a roster overwritten by a baseline.
 */
export function checkBaselinePath(file: string): void {
  assertNotEmpty("--baseline", file);
  const name = basename(file);
  if (CHARTER_NAMES.includes(name) || MEMBERS_NAMES.includes(name)) {
    throw new UsageError({
      zh: `基线文件不能命名为 ${name}：申报材料会把它当作章程或成员名单读取；请换一个文件名（如 .alliance-audit-baseline.json）`,
      en: `the baseline cannot be named ${name}: a proposal would read it as its charter or roster; choose another name (.alliance-audit-baseline.json, say)`,
    });
  }
}

export function readBaseline(file: string, cwd: string = process.cwd()): Baseline {
  checkBaselinePath(file);
  const abs = resolve(cwd, file);
  let text: string;
  try {
    text = readSettingFile(abs, { zh: `基线文件 ${file}`, en: `the baseline file ${file}` }).toString("utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UsageError({
        zh: `基线文件不存在：${file}；先用 --baseline ${file} --update-baseline 生成`,
        en: `baseline file not found: ${file}; create it with --baseline ${file} --update-baseline`,
      });
    }
    throw new UsageError({ zh: `无法读取基线文件 ${file}（${code ?? "?"}）`, en: `cannot read the baseline file ${file} (${code ?? "?"})` });
  }
  const bad = (why: Text): never => {
    throw new UsageError({
      zh: `基线文件 ${file} 无效：${why.zh}；可用 --update-baseline 重新生成`,
      en: `invalid baseline file ${file}: ${why.en}; regenerate it with --update-baseline`,
    });
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    // Not the parser's message: it quotes the file's text, which need not be a baseline at all.
    return bad({ zh: "不是有效的 JSON", en: "not valid JSON" });
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return bad({ zh: "顶层应为对象", en: "the top level must be an object" });
  const o = data as Record<string, unknown>;
  if (o.version !== BASELINE_VERSION) {
    return bad({ zh: `不支持的版本 ${JSON.stringify(o.version)}（应为 ${BASELINE_VERSION}）`, en: `unsupported version ${JSON.stringify(o.version)} (expected ${BASELINE_VERSION})` });
  }
  if (!Array.isArray(o.findings)) return bad({ zh: "缺少 findings 列表", en: "findings must be a list" });
  const findings: BaselineEntry[] = o.findings.map((e, i) => {
    const r = e as Record<string, unknown>;
    const ok =
      r && typeof r === "object" && typeof r.file === "string" && typeof r.ruleId === "string" && typeof r.pointer === "string" &&
      (r.message === undefined || typeof r.message === "string") && (r.count === undefined || (Number.isInteger(r.count) && (r.count as number) >= 1)) &&
      (r.messageId === undefined || typeof r.messageId === "string") && (r.data === undefined || typeof r.data === "string");
    if (!ok) return bad({ zh: `findings[${i}] 应有 file、ruleId、pointer（文本）、message 和 count`, en: `findings[${i}] needs file, ruleId, pointer (text), message and count` });
    const id = typeof r.messageId === "string" ? { messageId: r.messageId, data: (r.data as string | undefined) ?? "" } : {};
    return { file: r.file as string, ruleId: r.ruleId as string, pointer: r.pointer as string, message: (r.message as string) ?? "", ...id, count: (r.count as number) ?? 1 };
  });
  const lang = LANGS.includes(o.lang as Lang) ? (o.lang as Lang) : undefined;
  return { version: 1, tool: "alliance-audit", ...(lang ? { lang } : {}), findings };
}

/** Sorted, identical entries folded into counts: the same findings always give the same bytes. */
export function normalizeBaseline(entries: BaselineEntry[], lang?: Lang): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const e of entries) {
    const k = [e.file, e.ruleId, e.pointer, e.messageId ?? "", e.data ?? "", e.messageId ? "" : e.message].join("\0");
    const had = byKey.get(k);
    if (had) had.count += e.count;
    else byKey.set(k, { file: e.file, ruleId: e.ruleId, pointer: e.pointer, message: e.message, ...(e.messageId ? { messageId: e.messageId, data: e.data ?? "" } : {}), count: e.count });
  }
  const findings = [...byKey.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.pointer, b.pointer) || cmp(a.message, b.message));
  return { version: 1, tool: "alliance-audit", ...(lang ? { lang } : {}), findings };
}

export function serializeBaseline(b: Baseline): string {
  const lines = normalizeBaseline(b.findings).findings.map((e) => `    ${JSON.stringify(e)}`);
  const lang = b.lang ? `\n  "lang": ${JSON.stringify(b.lang)},` : "";
  // One entry per line: a review diff shows exactly the findings that came or went.
  return `{\n  "version": ${BASELINE_VERSION},\n  "tool": "alliance-audit",${lang}\n  "findings": [${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}]\n}\n`;
}

/** A message with its numbers masked: "shares sum to 90%" and "… 80%" are the same finding. */
const fingerprint = (message: string) => message.replace(/\d+(?:\.\d+)?/g, "#");

/** A finding's data, keys sorted and numbers masked, as the baseline keeps it. */
export function dataKey(data: Finding["data"]): string {
  if (!data) return "";
  return fingerprint(JSON.stringify(Object.keys(data).sort().map((k) => [k, data[k]])));
}

/** The language-neutral match key of an entry or a finding (revision 2), or undefined for older entries. */
const idKey = (messageId: string | undefined, data: string | undefined) => (messageId ? `id\0${messageId}\0${data ?? ""}` : undefined);

/** The folders of the report's proposals, absolute: entries for other proposals are left alone. */
function auditedFolders(report: Report, cwd: string): Set<string> {
  return new Set(report.proposals.map((p) => resolve(cwd, p.path)));
}

/**
 * The baseline for a report: every finding of it, plus the entries of `previous` about
 * proposals this run did not audit (a subset of paths updates only its part). `lang` is the
 * language of the messages, when known (a merged report does not say).
 */
export function baselineFromReport(report: Report, baselineFile: string, lang: Lang | undefined, cwd: string = process.cwd(), previous?: Baseline): Baseline {
  const entries: BaselineEntry[] = [];
  for (const p of report.proposals) {
    for (const f of p.findings) {
      if (isFileRule(f.ruleId)) continue; // never baselined: an unaudited proposal must stay visible
      entries.push({ file: baselinePath(f.file, baselineFile, cwd), ruleId: f.ruleId, pointer: f.pointer, message: f.message, messageId: f.messageId, data: dataKey(f.data), count: 1 });
    }
  }
  if (previous) {
    const audited = auditedFolders(report, cwd);
    const base = dirname(resolve(cwd, baselineFile));
    for (const e of previous.findings) if (!audited.has(dirname(resolve(base, e.file)))) entries.push({ ...e });
  }
  return normalizeBaseline(entries, lang);
}

/** Written whole or not at all, never through a link (src/fs/write-atomic.ts). */
export async function writeBaseline(file: string, baseline: Baseline, cwd: string = process.cwd()): Promise<void> {
  checkBaselinePath(file);
  const abs = resolve(cwd, file);
  try {
    await writeAtomic(abs, serializeBaseline(baseline));
  } catch (e) {
    const reason = writeFailure(e);
    if (reason === "ESYMLINK") {
      throw new UsageError({
        zh: `不会写入基线文件 ${file}：它是一个符号链接，写入可能改动链接指向的文件；请删除该链接`,
        en: `will not write the baseline ${file}: it is a symbolic link, and writing could change the file it points to; remove the link`,
      });
    }
    throw new UsageError({
      zh: `无法写入基线文件 ${file}（${reason}）；请检查文件夹是否存在且可写`,
      en: `cannot write the baseline file ${file} (${reason}); check that the folder exists and is writable`,
    });
  }
}

export interface ApplyOptions {
  /** The baseline file as given (its folder is what entries' paths are relative to). */
  baselineFile: string;
  cwd?: string;
  failOn: FailOn;
  /** Report errors only (applied after matching, as the audit does). */
  quiet?: boolean;
  /** The language of the report's messages: when it is not the baseline's, messages are not compared. */
  lang?: Lang;
}

/**
 * The report without the findings the baseline lists; each proposal's `suppressed` counts them,
 * and statuses, counts and the summary are computed again. `stale` counts baseline entries about
 * the audited proposals that matched nothing (fixed since: prune them with --update-baseline).
 */
export function applyBaseline(report: Report, baseline: Baseline, o: ApplyOptions): { report: Report; matched: number; stale: number } {
  const cwd = o.cwd ?? process.cwd();
  // Budget per rule + file + pointer, and within it per message.
  const groups = new Map<string, { total: number; byMessage: Map<string, number> }>();
  for (const e of baseline.findings) {
    const k = [e.file, e.ruleId, e.pointer].join("\0");
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { total: 0, byMessage: new Map() }));
    g.total += e.count;
    const m = idKey(e.messageId, e.data) ?? fingerprint(e.message);
    g.byMessage.set(m, (g.byMessage.get(m) ?? 0) + e.count);
  }
  const keyOf = (f: Finding) => [baselinePath(f.file, o.baselineFile, cwd), f.ruleId, f.pointer].join("\0");
  const all = report.proposals.flatMap((p) => p.findings);
  const matched = new Set<Finding>();
  // Pass 1: same rule, file, value and message id + data (entries of this revision), else the
  // same message text (older entries); numbers masked in both.
  for (const f of all) {
    if (isFileRule(f.ruleId)) continue; // a baseline never silences a file/* finding (cli.md)
    const g = groups.get(keyOf(f));
    if (!g) continue;
    for (const m of [idKey(f.messageId, dataKey(f.data)), fingerprint(f.message)]) {
      const n = m === undefined ? 0 : (g.byMessage.get(m) ?? 0);
      if (n > 0) {
        g.byMessage.set(m!, n - 1);
        g.total--;
        matched.add(f);
        break;
      }
    }
  }
  // Pass 2, for a run in another language than the baseline's: same rule, file and value, by count.
  const sameLang = o.lang !== undefined && baseline.lang !== undefined && o.lang === baseline.lang;
  for (const f of sameLang ? [] : all) {
    if (matched.has(f) || isFileRule(f.ruleId)) continue;
    const g = groups.get(keyOf(f));
    if (!g || g.total <= 0) continue;
    const [msg, n] = [...g.byMessage].find(([, c]) => c > 0)!;
    g.byMessage.set(msg, n - 1);
    g.total--;
    matched.add(f);
  }
  // Pass 3, for entries written before revision 2 moved a finding to another place (fidelity.md
  // C9: an unsigned member is now located at its roster entry, no longer in the charter): the same
  // rule and message text in the same proposal folder, wherever the entry said it was.
  const moved = new Map<string, string[]>();
  for (const k of groups.keys()) {
    const [file, ruleId] = k.split("\0");
    const folderKey = `${dirname(file)}\0${ruleId}`;
    moved.set(folderKey, [...(moved.get(folderKey) ?? []), k]);
  }
  for (const f of all) {
    if (matched.has(f) || isFileRule(f.ruleId)) continue;
    const folder = dirname(baselinePath(f.file, o.baselineFile, cwd));
    const m = fingerprint(f.message);
    for (const k of moved.get(`${folder}\0${f.ruleId}`) ?? []) {
      const g = groups.get(k)!;
      const n = g.byMessage.get(m) ?? 0;
      if (n <= 0) continue;
      g.byMessage.set(m, n - 1);
      g.total--;
      matched.add(f);
      break;
    }
  }

  const proposals = report.proposals.map((p): ProposalReport => {
    const kept = p.findings.filter((f) => !matched.has(f));
    const dropped = p.findings.length - kept.length;
    // Status and counts in the one place that computes them for audit, baseline and merge.
    return proposalEntry(p.path, p.name, kept, { failOn: o.failOn, quiet: !!o.quiet, suppressed: (p.suppressed ?? 0) + dropped });
  });

  // Entries left over that are about the proposals audited now: fixed since the baseline.
  const audited = auditedFolders(report, cwd);
  const base = dirname(resolve(cwd, o.baselineFile));
  let stale = 0;
  for (const [k, g] of groups) {
    if (g.total > 0 && audited.has(dirname(resolve(base, k.split("\0")[0])))) stale += g.total;
  }
  return { report: { ...report, proposals, summary: summarize(proposals) }, matched: matched.size, stale };
}

export interface BaselineFlags {
  /** --baseline FILE */
  baseline?: string;
  /** --update-baseline: write the current findings to the baseline file instead of reporting. */
  updateBaseline?: boolean;
}

export interface BaselineRun {
  report: Report;
  /** A line for stderr (in both languages): what was written, or how many entries are stale. */
  notice?: Text;
}

/**
 * audit() with the baseline applied (--baseline), or the baseline written (--update-baseline).
 * Without either flag it is audit() itself. The audit runs without --quiet and the baseline is
 * applied first, so that statuses and `--update-baseline` see every finding.
 */
export async function auditWithBaseline(options: AuditOptions, flags: BaselineFlags): Promise<BaselineRun> {
  const cwd = options.cwd ?? process.cwd();
  const file = flags.baseline;
  if (flags.updateBaseline && !file) {
    throw new UsageError({
      zh: "--update-baseline 需要用 --baseline FILE 指定基线文件",
      en: "--update-baseline needs the baseline file: --baseline FILE",
    });
  }
  if (!file) return { report: await audit(options) };
  checkBaselinePath(file);
  if (flags.updateBaseline && options.shard) {
    // A shard sees a slice of the proposals: its baseline would be a slice too. The merged
    // report has them all.
    throw new UsageError({
      zh: "--update-baseline 不能与 --shard 同时使用：请合并各分片的报告后更新基线（alliance-audit merge … --update-baseline FILE）",
      en: "--update-baseline cannot be combined with --shard: update the baseline from the merged report (alliance-audit merge … --update-baseline FILE)",
    });
  }
  const settings = resolveSettings(options);
  if (flags.updateBaseline) {
    const previous = existsSync(resolve(cwd, file)) ? readBaseline(file, cwd) : undefined;
    const report = await audit({ ...options, quiet: false });
    const baseline = baselineFromReport(report, file, settings.lang, cwd, previous);
    await writeBaseline(file, baseline, cwd);
    return { report, notice: wroteNotice(baseline, file) };
  }
  const baseline = readBaseline(file, cwd); // before auditing: a wrong path fails fast
  const raw = await audit({ ...options, quiet: false });
  const { report, stale } = applyBaseline(raw, baseline, { baselineFile: file, cwd, failOn: settings.failOn, quiet: settings.quiet, lang: settings.lang });
  const notice: Text | undefined =
    stale > 0
      ? {
          zh: `基线中有 ${stale} 个问题已不再出现；可用 --update-baseline 更新基线文件 ${file}`,
          en: `${stale} baseline entr${stale === 1 ? "y no longer matches" : "ies no longer match"}; prune them with --update-baseline (${file})`,
        }
      : undefined;
  return { report, notice };
}

function wroteNotice(baseline: Baseline, file: string): Text {
  const n = baseline.findings.reduce((s, e) => s + e.count, 0);
  return { zh: `已将 ${n} 个问题写入基线文件 ${file}`, en: `wrote ${n} finding${n === 1 ? "" : "s"} to the baseline ${file}` };
}

/**
 * `merge … --update-baseline FILE`: the baseline from the merged report of all shards (a shard
 * alone cannot update it). Entries of the old baseline about proposals outside the report are
 * kept, as with a run on a subset of paths. `lang` is the messages' language when the caller
 * knows it (merge --lang); without it, a later run matches this baseline by count per rule,
 * file and value, which is right whatever language the shards were audited in.
 */
export async function updateBaselineFromReport(report: Report, file: string, lang: Lang | undefined, cwd: string = process.cwd()): Promise<Text> {
  checkBaselinePath(file);
  const previous = existsSync(resolve(cwd, file)) ? readBaseline(file, cwd) : undefined;
  const baseline = baselineFromReport(report, file, lang, cwd, previous);
  await writeBaseline(file, baseline, cwd);
  return wroteNotice(baseline, file);
}
