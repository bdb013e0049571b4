// Ajv errors → `schema/*` findings in words a charter author understands: the field (for a
// spreadsheet roster, its row and column as the user wrote the header), what was expected, what
// was found. Ajv's own messages never reach the user.
import type { ErrorObject } from "ajv";
import type { Text } from "../types.js";
import type { DocRole, RawFinding } from "../rules/rule.js";
import { FIELD_HEADER, type RosterField } from "../model/aliases.js";
import { nearest } from "../similar.js";
import { cellName, rosterSource, type RosterSource } from "../model/roster-source.js";
import { pointerSegment } from "../load/document.js";
import { rootOf } from "./root.js";

const EXPECTED: Record<string, Text> = {
  string: { zh: "文本", en: "text" },
  integer: { zh: "整数", en: "a whole number" },
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "true 或 false（也可写 是/否）", en: "true or false (or yes/no)" },
  object: { zh: "包含“键: 值”的小节", en: 'a section of "key: value" pairs' },
  array: { zh: "列表", en: "a list" },
};

/** Enumerations whose accepted values are shown in the message's language (C4). */
const ENUM_WORDS: Record<string, Text> = {
  "/members/*/type": { zh: "企业、大学、科研院所、其他", en: "enterprise, university, research_institute, other" },
  "/members/*/status": { zh: "在册、已退出", en: "current, withdrawn" },
  "/agreement/signatures/*/capacity": { zh: "法定代表人、授权代理人", en: "legal_representative, authorized_agent" },
  "/agreement/signatures/*/kind": { zh: "founding（创始签署）、accession（加入签署）", en: "founding, accession" },
};

/** Keys that may not stand together in one section (B9). */
const EXCLUSIVE: Record<string, string> = { host_member: "host_unit", custodian: "custodian_unit" };

/** `/agreement/signatures/2/date` → `agreement.signatures[2].date` */
export function fieldName(pointer: string): string {
  if (pointer === "") return "(top level)";
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

/** The field as the user sees it: `members[1].type`, or 「第 3 行“单位性质”列」 in a spreadsheet roster. */
function fieldText(pointer: string, source: RosterSource | undefined): Text {
  const m = source && /^\/members\/(\d+)\/([^/]+)/.exec(pointer);
  if (m && source) {
    const cell = cellName(source, Number(m[1]), m[2]);
    if (cell) return cell;
  }
  const f = fieldName(pointer);
  return { zh: f, en: f };
}

export function describeValue(value: unknown): Text {
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return { zh: `文本“${s}”`, en: `the text "${s}"` };
  }
  if (Array.isArray(value)) return { zh: "一个列表", en: "a list" };
  if (value && typeof value === "object") return { zh: "一个小节", en: "a section" };
  return { zh: String(value), en: String(value) };
}

/** 2024年3月15日, 2024.03.15, 2024/3/15 → 2024-03-15 (C6), when the parts make a real date. */
export function isoFromChineseDate(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length > 40) return undefined;
  const m = /^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[./／－-]\s*(\d{1,2})\s*[./／－-]\s*(\d{1,2}))\s*$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const matches = (pattern: string, pointer: string) =>
  new RegExp(`^${pattern.split("/").map((s) => (s === "*" ? "[^/]+" : s)).join("/")}$`).test(pointer);

export function schemaFindings(errors: ErrorObject[] | null | undefined, doc: DocRole): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  const source = doc === "members" ? rosterSource(rootOf(errors)) : undefined;
  if (source) out.push(...headerFindings(source));
  for (const e of errors ?? []) {
    // Branch bookkeeping: the branch's own error (first) says what is wrong.
    if (e.keyword === "if" || e.keyword === "anyOf") continue;
    if (e.keyword === "additionalProperties") {
      out.push(unknownKey(e, doc));
      continue;
    }
    let pointer = e.instancePath;
    if (e.keyword === "required") {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      // A column the roster lacks is reported once, as schema/missing-column, not on every row.
      if (source && /^\/members\/\d+$/.test(pointer) && source.missing.includes(missing as RosterField)) continue;
      pointer = `${pointer}/${pointerSegment(missing)}`;
    }
    if (e.keyword === "not") {
      const key = ((e.schema as { required?: string[] })?.required ?? [])[0];
      if (key) pointer = `${pointer}/${pointerSegment(key)}`;
    }
    if (seen.has(pointer)) continue; // one finding per offending value
    seen.add(pointer);
    out.push({ ruleId: "schema/invalid", doc, pointer, messageId: "detail", data: { detail: explain(e, pointer, source) } });
  }
  return out;
}

function unknownKey(e: ErrorObject, doc: DocRole): RawFinding {
  const key = String((e.params as { additionalProperty: string }).additionalProperty);
  const known = Object.keys(((e.parentSchema ?? {}) as { properties?: Record<string, unknown> }).properties ?? {});
  const suggestion = key.length <= 64 ? nearest(key, known) : undefined; // edit distance on short keys only
  const key40 = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const where = e.instancePath === "" ? { zh: "顶层", en: "the top level" } : { zh: fieldName(e.instancePath), en: fieldName(e.instancePath) };
  return {
    ruleId: "schema/unknown-key",
    doc,
    pointer: `${e.instancePath}/${pointerSegment(key)}`,
    at: "key",
    messageId: "detail",
    data: {
      detail: suggestion
        ? { zh: `${where.zh}中没有“${key40}”这个键，是否应为“${suggestion}”？`, en: `${where.en} has no key "${key40}"; did you mean "${suggestion}"?` }
        : { zh: `${where.zh}中没有“${key40}”这个键，该值不会被审核`, en: `${where.en} has no key "${key40}"; its value is not audited` },
    },
  };
}

/** A spreadsheet roster's own defects: unknown headers (B1) and missing required columns. */
function headerFindings(source: RosterSource): RawFinding[] {
  const out: RawFinding[] = [];
  const found = source.headers.filter((h) => h !== "");
  const list = { zh: found.join("、") || "（无）", en: found.join(", ") || "(none)" };
  for (const field of source.missing) {
    const header = FIELD_HEADER[field];
    out.push({
      ruleId: "schema/missing-column",
      doc: "members",
      pointer: "/members",
      messageId: "detail",
      data: {
        detail: {
          zh: `名单缺少“${header}”列（${field}）；表头为：${list.zh}`,
          en: `the roster has no "${header}" column (${field}); its headers are: ${list.en}`,
        },
      },
    });
  }
  for (const u of source.unknown) {
    const header = u.header === "" ? { zh: "（空表头）", en: "(empty header)" } : { zh: `“${u.header}”`, en: `"${u.header}"` };
    out.push({
      ruleId: "schema/unknown-key",
      doc: "members",
      pointer: `/members/0/${pointerSegment(u.header)}`,
      at: "key",
      messageId: "detail",
      data: {
        detail: u.suggestion
          ? { zh: `表头第 ${u.column + 1} 列${header.zh}不是名单的已知列，是否应为“${u.suggestion}”？`, en: `header column ${u.column + 1} ${header.en} is no known roster column; did you mean "${u.suggestion}"?` }
          : { zh: `表头第 ${u.column + 1} 列${header.zh}不是名单的已知列，该列不会被审核`, en: `header column ${u.column + 1} ${header.en} is no known roster column; it is not audited` },
      },
    });
  }
  return out;
}

function explain(e: ErrorObject, pointer: string, source: RosterSource | undefined): Text {
  const field = fieldText(pointer, source);
  const found = describeValue(e.data);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { zh: `缺少必填字段 ${field.zh}`, en: `${field.en} is required but missing` };
    case "type": {
      const exp = EXPECTED[String(p.type)] ?? { zh: String(p.type), en: String(p.type) };
      return { zh: `${field.zh} 应为${exp.zh}，实际是${found.zh}`, en: `${field.en} must be ${exp.en}, found ${found.en}` };
    }
    case "format": {
      const iso = isoFromChineseDate(e.data);
      if (iso) {
        return {
          zh: `${field.zh} 应写作 YYYY-MM-DD 格式，实际是${found.zh}；请写作 '${iso}'`,
          en: `${field.en} must be written YYYY-MM-DD, found ${found.en}; write '${iso}'`,
        };
      }
      return {
        zh: `${field.zh} 应为 YYYY-MM-DD 格式的有效日期，实际是${found.zh}`,
        en: `${field.en} must be a valid date written YYYY-MM-DD, found ${found.en}`,
      };
    }
    case "enum": {
      const words = Object.entries(ENUM_WORDS).find(([pattern]) => matches(pattern, pointer))?.[1];
      if (words) return { zh: `${field.zh} 应为 ${words.zh} 之一，实际是${found.zh}`, en: `${field.en} must be one of ${words.en}, found ${found.en}` };
      const allowed = (p.allowedValues as unknown[]).join(" | ");
      return { zh: `${field.zh} 应为以下之一：${allowed}，实际是${found.zh}`, en: `${field.en} must be one of ${allowed}, found ${found.en}` };
    }
    case "const":
      return { zh: `${field.zh} 应为 ${String(p.allowedValue)}，实际是${found.zh}`, en: `${field.en} must be ${String(p.allowedValue)}, found ${found.en}` };
    case "not": {
      const key = pointer.slice(pointer.lastIndexOf("/") + 1);
      const other = EXCLUSIVE[key] ?? "?";
      const section = fieldName(e.instancePath);
      return {
        zh: `${section} 中 ${key} 和 ${other} 只能写一个：成员单位写 ${key}（成员编号），非成员单位写 ${other}`,
        en: `${section} gives both ${key} and ${other}: use ${key} (a member id) for a member, ${other} for a unit that is not a member`,
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const words: Record<string, Text> = {
        minimum: { zh: "不小于", en: "at least" },
        maximum: { zh: "不大于", en: "at most" },
        exclusiveMinimum: { zh: "大于", en: "greater than" },
        exclusiveMaximum: { zh: "小于", en: "less than" },
      };
      const w = words[e.keyword];
      return { zh: `${field.zh} 应${w.zh} ${String(p.limit)}，实际是 ${found.zh}`, en: `${field.en} must be ${w.en} ${String(p.limit)}, found ${found.en}` };
    }
    default:
      return { zh: `${field.zh} 的值不符合格式要求（${found.zh}）`, en: `${field.en} does not have the expected form (found ${found.en})` };
  }
}
