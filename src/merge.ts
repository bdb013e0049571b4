// `alliance-audit merge a.json b.json …`: the JSON reports of shards (--shard i/n) → one report,
// identical to the unsharded run's, so a CI matrix can fan out and fan back in. Reports come from
// CI artefacts and may be forged: each is validated against schemas/report.schema.json, and every
// proposal's status and counts are computed again from its findings under merge's own --fail-on,
// never taken from the file (cli.md revision 2, issue #12).
import { closeSync, fstatSync, openSync, readFileSync, constants } from "node:fs";
import { join } from "node:path";
import { messageText } from "./engine/finding.js";
import { proposalEntry } from "./engine/status.js";
import { UsageError } from "./errors.js";
import { PACKAGE_ROOT } from "./paths.js";
import { buildReport } from "./report.js";
import { getRule } from "./rules/index.js";
import { createAjv, type Validator } from "./schema/validators.js";
import type { FailOn, Finding, Lang, ProposalReport, Report } from "./types.js";

/** A merged report of 10,000 proposals is tens of megabytes; past this, refuse rather than exhaust memory. */
const MAX_REPORT_BYTES = Math.floor(Number(process.env.ALLIANCE_AUDIT_MAX_REPORT_MB ?? 512) * 1024 * 1024);

let reportValidator: Validator | undefined;
function validateReport(): Validator {
  reportValidator ??= createAjv({ allErrors: false }).compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, "schemas", "report.schema.json"), "utf8"))) as Validator;
  return reportValidator;
}

function readText(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError({ zh: `无法读取报告 ${file}（${(e as NodeJS.ErrnoException).code}）`, en: `cannot read the report ${file} (${(e as NodeJS.ErrnoException).code})` });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError({ zh: `报告 ${file} 不是普通文件`, en: `the report ${file} is not a regular file` });
    if (st.size > MAX_REPORT_BYTES) {
      throw new UsageError({
        zh: `报告 ${file} 超过 ${MAX_REPORT_BYTES / 1048576} MiB 的上限（可用 ALLIANCE_AUDIT_MAX_REPORT_MB 调整）`,
        en: `the report ${file} is over the ${MAX_REPORT_BYTES / 1048576} MiB limit (raise it with ALLIANCE_AUDIT_MAX_REPORT_MB)`,
      });
    }
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

export function readReport(file: string): Report {
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError({ zh: `${file} 不是 JSON 报告（请用 --format json 生成）`, en: `${file} is not a JSON report (make it with --format json)` });
  }
  const v = validateReport();
  if (!v(data)) {
    const err = v.errors?.[0];
    const field = err?.instancePath ? err.instancePath : "(top level)";
    const what = err?.message ?? "invalid";
    throw new UsageError({
      zh: `${file} 不是有效的 alliance-audit JSON 报告：字段 ${field} ${what}`,
      en: `${file} is not a valid alliance-audit JSON report: field ${field} ${what}`,
    });
  }
  return data as Report;
}

export interface MergeOptions {
  failOn?: FailOn;
  /** Messages again in this language, from each finding's message id and data where the rule is known. */
  lang?: Lang;
}

export function mergeReports(files: string[], o: MergeOptions = {}): Report {
  if (files.length === 0) throw new UsageError({ zh: "merge 需要至少一个 JSON 报告", en: "merge needs at least one JSON report" });
  const reports = files.map(readReport);
  const { profile, asOf } = reports[0];
  const key = JSON.stringify(profile);
  const seen = new Map<string, string>();
  const proposals: ProposalReport[] = [];
  reports.forEach((r, i) => {
    if (JSON.stringify(r.profile) !== key || r.asOf !== asOf) {
      const name = (p: Report["profile"]) => (typeof p === "string" ? p : p.file);
      throw new UsageError({
        zh: `${files[i]} 的规则集或基准日（${name(r.profile)}，${r.asOf}）与 ${files[0]}（${name(profile)}，${asOf}）不同，不能合并`,
        en: `${files[i]} was audited with profile ${name(r.profile)} as of ${r.asOf}, ${files[0]} with ${name(profile)} as of ${asOf}: they cannot be merged`,
      });
    }
    for (const p of r.proposals) {
      const other = seen.get(p.path);
      if (other) {
        throw new UsageError({ zh: `申报材料 ${p.path} 同时出现在 ${other} 和 ${files[i]} 中`, en: `proposal ${p.path} is in both ${other} and ${files[i]}` });
      }
      seen.set(p.path, files[i]);
      const findings = o.lang ? p.findings.map((f) => relabel(f, o.lang!)) : p.findings;
      proposals.push(proposalEntry(p.path, p.name, findings, { failOn: o.failOn ?? "error", quiet: false, suppressed: p.suppressed }));
    }
  });
  return buildReport({ profile, asOf, config: reports[0].config ?? null }, proposals);
}

/** The finding's message in `lang`, made again from its id and data when this version knows the rule. */
function relabel(f: Finding, lang: Lang): Finding {
  const rule = getRule(f.ruleId);
  if (!rule || !f.messageId || !(rule.messages[f.messageId] || f.messageId === "detail")) return f;
  try {
    return { ...f, message: messageText(rule, f.messageId, f.data, lang) };
  } catch {
    return f;
  }
}
