// Ajv errors → `schema/invalid` findings in words a charter author understands:
// the field, what was expected, what was found. Ajv's own messages never reach the user.
import type { ErrorObject } from "ajv";
import type { Text } from "../types.js";
import type { DocRole, RawFinding } from "../rules/rule.js";

const EXPECTED: Record<string, Text> = {
  string: { zh: "文本", en: "text" },
  integer: { zh: "整数", en: "a whole number" },
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "true 或 false", en: "true or false" },
  object: { zh: "包含“键: 值”的小节", en: 'a section of "key: value" pairs' },
  array: { zh: "列表", en: "a list" },
};

/** `/agreement/signatures/2/date` → `agreement.signatures[2].date` */
export function fieldName(pointer: string): string {
  if (pointer === "") return "(top level)";
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
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

export function schemaFindings(errors: ErrorObject[] | null | undefined, doc: DocRole): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    if (e.keyword === "required") pointer = `${pointer}/${String((e.params as { missingProperty: string }).missingProperty)}`;
    if (seen.has(pointer)) continue; // one finding per offending value
    seen.add(pointer);
    out.push({ ruleId: "schema/invalid", doc, pointer, messageId: "detail", data: { detail: explain(e, pointer) } });
  }
  return out;
}

function explain(e: ErrorObject, pointer: string): Text {
  const field = fieldName(pointer);
  const found = describeValue(e.data);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { zh: `缺少必填字段 ${field}`, en: `${field} is required but missing` };
    case "type": {
      const exp = EXPECTED[String(p.type)] ?? { zh: String(p.type), en: String(p.type) };
      return { zh: `${field} 应为${exp.zh}，实际是${found.zh}`, en: `${field} must be ${exp.en}, found ${found.en}` };
    }
    case "format":
      return {
        zh: `${field} 应为 YYYY-MM-DD 格式的有效日期，实际是${found.zh}`,
        en: `${field} must be a valid date written YYYY-MM-DD, found ${found.en}`,
      };
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).join(" | ");
      return { zh: `${field} 应为以下之一：${allowed}，实际是${found.zh}`, en: `${field} must be one of ${allowed}, found ${found.en}` };
    }
    case "const":
      return { zh: `${field} 应为 ${String(p.allowedValue)}，实际是${found.zh}`, en: `${field} must be ${String(p.allowedValue)}, found ${found.en}` };
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
      return { zh: `${field} 应${w.zh} ${String(p.limit)}，实际是 ${found.zh}`, en: `${field} must be ${w.en} ${String(p.limit)}, found ${found.en}` };
    }
    default:
      return { zh: `${field} 的值不符合格式要求（${found.zh}）`, en: `${field} does not have the expected form (found ${found.en})` };
  }
}
