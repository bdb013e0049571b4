// `alliance-audit merge a.json b.json …`: the JSON reports of shards (--shard i/n) → one report,
// identical to the unsharded run's, so a CI matrix can fan out and fan back in. Reports come from
// CI artefacts and may be forged: each is validated against schemas/report.schema.json, and every
// proposal's status and counts are computed again from its findings under merge's own --fail-on,
// never taken from the file (cli.md revision 2, issue #12).
import { closeSync, fstatSync, openSync, readFileSync, statSync, constants } from "node:fs";
import { join } from "node:path";
import { messageText } from "./engine/finding.js";
import { proposalEntry } from "./engine/status.js";
import { UsageError } from "./errors.js";
import { PACKAGE_ROOT } from "./paths.js";
import { buildReport } from "./report.js";
import { getRule } from "./rules/index.js";
import { visible } from "./format/visible.js";
import { createAjv, type Validator } from "./schema/validators.js";
import type { FailOn, Finding, Lang, ProposalReport, Report } from "./types.js";

/**
 * The reports of one merge together: a merged report of 10,000 proposals is tens of megabytes, and
 * a parsed report takes about eight times its size in memory; past this, refuse (exit 2) rather
 * than exhaust memory and die without a message.
 */
const limitMb = Number(process.env.ALLIANCE_AUDIT_MAX_REPORT_MB);
export const MAX_REPORT_BYTES = Math.floor((Number.isFinite(limitMb) && limitMb > 0 ? limitMb : 128) * 1024 * 1024);

let reportValidator: Validator | undefined;
function validateReport(): Validator {
  reportValidator ??= createAjv({ allErrors: false }).compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, "schemas", "report.schema.json"), "utf8"))) as Validator;
  return reportValidator;
}

function tooLarge(file: string): never {
  const name = visible(file);
  const limit = +(MAX_REPORT_BYTES / 1048576).toFixed(1);
  throw new UsageError({
    zh: `报告 ${name} 使要合并的报告超过 ${limit} MiB 的上限，未读取（可用 ALLIANCE_AUDIT_MAX_REPORT_MB 调整）`,
    en: `with the report ${name} the reports to merge are over the ${limit} MiB limit; it was not read (raise the limit with ALLIANCE_AUDIT_MAX_REPORT_MB)`,
  });
}

/** Bytes of the reports read so far by this merge, against MAX_REPORT_BYTES. */
interface Budget {
  used: number;
}

function readText(file: string, budget: Budget = { used: 0 }): string {
  const name = visible(file);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError({ zh: `无法读取报告 ${name}（${(e as NodeJS.ErrnoException).code}）`, en: `cannot read the report ${name} (${(e as NodeJS.ErrnoException).code})` });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError({ zh: `报告 ${name} 不是普通文件`, en: `the report ${name} is not a regular file` });
    budget.used += st.size;
    if (budget.used > MAX_REPORT_BYTES) tooLarge(file);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

export function readReport(file: string, budget?: Budget): Report {
  const text = readText(file, budget);
  const name = visible(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError({ zh: `${name} 不是 JSON 报告（请用 --format json 生成）`, en: `${name} is not a JSON report (make it with --format json)` });
  }
  const v = validateReport();
  if (!v(data)) {
    const { field, what } = schemaProblem(v.errors?.[0] as AjvError | undefined, data);
    throw new UsageError({
      zh: `${name} 不是有效的 alliance-audit JSON 报告：字段 ${field === TOP ? "（顶层）" : field} ${what.zh}`,
      en: `${name} is not a valid alliance-audit JSON report: field ${field} ${what.en}`,
    });
  }
  return data as Report;
}

const TOP = "(top level)";

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

const TYPE_WORDS: Record<string, { zh: string; en: string }> = {
  string: { zh: "字符串", en: "a string" },
  integer: { zh: "整数", en: "a whole number" },
  number: { zh: "数字", en: "a number" },
  object: { zh: "对象", en: "an object" },
  array: { zh: "数组", en: "an array" },
  null: { zh: "null", en: "null" },
  boolean: { zh: "布尔值", en: "true or false" },
};

/**
 * The field a schema error is about (an unknown or missing key named, not only its parent) and
 * what is wrong, in both languages. Keys come from a file we do not trust: shown visibly and cut
 * short, and no value is quoted except the report's version number.
 */
function schemaProblem(err: AjvError | undefined, data: unknown): { field: string; what: { zh: string; en: string } } {
  if (!err) return { field: TOP, what: { zh: "无效", en: "is invalid" } };
  const p = err.params;
  const key = err.keyword === "additionalProperties" ? p.additionalProperty : err.keyword === "required" ? p.missingProperty : undefined;
  const path = err.instancePath + (typeof key === "string" ? `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` : "");
  const short = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  const field = short ? visible(short) : TOP;
  switch (err.keyword) {
    case "additionalProperties":
      return { field, what: { zh: "不是报告中的字段（未知字段）", en: "is not a field of the report (unknown field)" } };
    case "required":
      return { field, what: { zh: "缺失", en: "is missing" } };
    case "type": {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(",")).map((t) => TYPE_WORDS[String(t)] ?? { zh: String(t), en: String(t) });
      return { field, what: { zh: `应为${types.map((t) => t.zh).join("或")}`, en: `must be ${types.map((t) => t.en).join(" or ")}` } };
    }
    case "enum": {
      if (err.instancePath === "/version") {
        const v = (data as { version?: unknown }).version;
        const shown = typeof v === "number" ? String(v) : typeof v === "string" ? visible(JSON.stringify(v.slice(0, 20))) : typeof v;
        return {
          field,
          what: {
            zh: `是 ${shown}；此版本的 alliance-audit 只能合并第 1 版和第 2 版的报告（请用同一版本的 alliance-audit 生成并合并报告）`,
            en: `is ${shown}; this alliance-audit merges reports of versions 1 and 2 only (make and merge the reports with the same alliance-audit)`,
          },
        };
      }
      const allowed = (p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(", ");
      return { field, what: { zh: `应为以下值之一：${allowed}`, en: `must be one of ${allowed}` } };
    }
    case "const":
      return { field, what: { zh: `应为 ${JSON.stringify(p.allowedValue)}`, en: `must be ${JSON.stringify(p.allowedValue)}` } };
    case "pattern":
      return err.instancePath === "/asOf"
        ? { field, what: { zh: "应为 YYYY-MM-DD 格式的日期", en: "must be a date as YYYY-MM-DD" } }
        : { field, what: { zh: "的格式不符合报告的要求", en: "is not in the form the report uses" } };
    case "maxLength":
      return { field, what: { zh: `超过 ${p.limit} 个字符`, en: `is longer than ${p.limit} characters` } };
    case "minimum":
      return { field, what: { zh: `应不小于 ${p.limit}`, en: `must be ${p.limit} or more` } };
    case "oneOf":
      return { field, what: { zh: "不是允许的任何一种形式", en: "has none of the allowed forms" } };
    default:
      return { field, what: { zh: `无效（${err.message ?? err.keyword}）`, en: err.message ?? "is invalid" } };
  }
}

export interface MergeOptions {
  failOn?: FailOn;
  /** Messages again in this language, from each finding's message id and data where the rule is known. */
  lang?: Lang;
}

export function mergeReports(files: string[], o: MergeOptions = {}): Report {
  if (files.length === 0) throw new UsageError({ zh: "merge 需要至少一个 JSON 报告", en: "merge needs at least one JSON report" });
  // Sizes first, so that reports too large together are refused before any is read; each read
  // counts again (a file may grow in between).
  const sizes: Budget = { used: 0 };
  for (const f of files) {
    try {
      const st = statSync(f);
      if (st.isFile()) sizes.used += st.size;
    } catch {
      /* reading it says why */
    }
    if (sizes.used > MAX_REPORT_BYTES) tooLarge(f);
  }
  const budget: Budget = { used: 0 };
  const reports = files.map((f) => readReport(f, budget));
  const { profile, asOf } = reports[0];
  const key = JSON.stringify(profile);
  const seen = new Map<string, string>();
  const proposals: ProposalReport[] = [];
  reports.forEach((r, i) => {
    if (JSON.stringify(r.profile) !== key || r.asOf !== asOf) {
      // Names and dates from files we do not trust: controls shown visibly on the terminal.
      const name = (p: Report["profile"]) => visible(typeof p === "string" ? p : p.file);
      const [fi, f0] = [visible(files[i]), visible(files[0])];
      throw new UsageError({
        zh: `${fi} 的规则集或基准日（${name(r.profile)}，${visible(r.asOf)}）与 ${f0}（${name(profile)}，${visible(asOf)}）不同，不能合并`,
        en: `${fi} was audited with profile ${name(r.profile)} as of ${visible(r.asOf)}, ${f0} with ${name(profile)} as of ${visible(asOf)}: they cannot be merged`,
      });
    }
    for (const p of r.proposals) {
      const other = seen.get(p.path);
      if (other) {
        const [path, a, b] = [visible(p.path), visible(other), visible(files[i])];
        throw new UsageError({ zh: `申报材料 ${path} 同时出现在 ${a} 和 ${b} 中`, en: `proposal ${path} is in both ${a} and ${b}` });
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
  // Own keys only: a forged messageId such as "constructor" names no message.
  if (!rule || !f.messageId || !(Object.hasOwn(rule.messages, f.messageId) || f.messageId === "detail")) return f;
  try {
    return { ...f, message: messageText(rule, f.messageId, f.data, lang) };
  } catch {
    return f;
  }
}
