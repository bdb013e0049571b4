// JSON → data + positions, with Microsoft's jsonc-parser in strict mode: comments, trailing
// commas and NaN are errors in a .json file even though editors often tolerate them.
import { createRequire } from "node:module";
import type { Node as JsonNode, ParseError } from "jsonc-parser";
import { LIMITS } from "../limits.js";
import type { Text } from "../types.js";
import { PositionIndex, duplicateKeyMessage, pointerSegment, setOwn, type LoadResult } from "./document.js";

type JsoncParser = typeof import("jsonc-parser");
let jsonc: JsoncParser | undefined;
function parser(): JsoncParser {
  jsonc ??= createRequire(import.meta.url)("jsonc-parser") as JsoncParser;
  return jsonc;
}

// jsonc-parser's ParseErrorCode values, in words a charter author understands.
const ERRORS: Record<number, Text> = {
  1: { zh: "无效的符号", en: "invalid symbol" },
  2: { zh: "无效的数字格式", en: "invalid number format" },
  3: { zh: "此处应为属性名", en: "property name expected" },
  4: { zh: "此处应为值", en: "value expected" },
  5: { zh: "此处应为冒号", en: "colon expected" },
  6: { zh: "此处应为逗号", en: "comma expected" },
  7: { zh: "此处应为右花括号 }", en: "closing brace } expected" },
  8: { zh: "此处应为右方括号 ]", en: "closing bracket ] expected" },
  9: { zh: "JSON 值已结束，后面不应再有内容（一个文件只能有一个 {…}）", en: "more text after the end of the JSON value (a file holds one {…} only)" },
  10: { zh: "JSON 不允许注释", en: "comments are not allowed in JSON" },
  11: { zh: "注释未结束", en: "unexpected end of comment" },
  12: { zh: "字符串未结束", en: "unexpected end of string" },
  13: { zh: "数字未结束", en: "unexpected end of number" },
  14: { zh: "无效的 Unicode 转义", en: "invalid unicode escape" },
  15: { zh: "无效的转义字符", en: "invalid escape character" },
  16: { zh: "无效的字符", en: "invalid character" },
};

export interface JsonOptions {
  isTextField(pointer: string): boolean;
}

class LoadFailure extends Error {
  constructor(readonly text: Text, readonly offset: number) {
    super(text.en);
  }
}

export function loadJson(text: string, options: JsonOptions): LoadResult {
  const positions = new PositionIndex(text);
  const fail = (message: Text, offset: number): LoadResult => ({ ok: false, error: { message, position: positions.positionOf(offset) } });
  if (text.trim() === "") return fail({ zh: "文件为空，没有任何内容", en: "the file is empty" }, 0);

  // The value budget first, on a streaming pass that keeps nothing: the tree parseTree builds
  // costs ~200 bytes a value, so a 10 MB array of 5 million numbers would take a gigabyte.
  const over = overBudget(text);
  if (over !== undefined) return fail(tooMany(), over);

  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parser().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (e) {
    if (e instanceof RangeError) return fail(tooDeep(), 0);
    throw e;
  }
  if (errors.length > 0) {
    const e = errors[0];
    const why = explain(e.error, text, e.offset) ?? ERRORS[e.error] ?? { zh: "语法错误", en: "syntax error" };
    return fail({ zh: `JSON 语法错误：${why.zh}`, en: `JSON syntax error: ${why.en}` }, e.offset);
  }
  if (!root || root.type !== "object") {
    const found = root?.type === "array" ? { zh: "数组", en: "an array" } : { zh: "单个值", en: "a single value" };
    return fail({ zh: `文件顶层必须是 JSON 对象 {…}，实际是${found.zh}`, en: `the top level must be a JSON object {…}, found ${found.en}` }, root?.offset ?? 0);
  }
  let data: Record<string, unknown>;
  try {
    data = convert(root, "", 0, text, positions, options) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof LoadFailure) return fail(e.text, e.offset);
    if (e instanceof RangeError) return fail(tooDeep(), 0);
    throw e;
  }
  return { ok: true, doc: { file: "", data, locate: positions.locate, positionOf: positions.positionOf, comments: [] } };
}

function convert(node: JsonNode, pointer: string, depth: number, text: string, positions: PositionIndex, options: JsonOptions): unknown {
  if (depth > LIMITS.maxDepth) throw new LoadFailure(tooDeep(), node.offset);
  positions.value(pointer, node.offset);
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const seen = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first !== undefined) {
          throw new LoadFailure(duplicateKeyMessage(key, positions.positionOf(first).line, positions.positionOf(keyNode.offset).line), keyNode.offset);
        }
        seen.set(key, keyNode.offset);
        const child = `${pointer}/${pointerSegment(key)}`;
        positions.key(child, keyNode.offset);
        if (!valueNode) continue;
        const value = convert(valueNode, child, depth + 1, text, positions, options);
        if (value === null) continue; // empty is absent, as in YAML
        setOwn(out, key, value);
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map((c, i) => convert(c, `${pointer}/${i}`, depth + 1, text, positions, options));
    case "number":
    case "boolean":
      // 18-digit codes exceed a double's precision: text fields keep the digits as written.
      return options.isTextField(pointer) ? text.slice(node.offset, node.offset + node.length) : node.value;
    default:
      return node.value;
  }
}

/** The errors that editors tolerate and JSON does not, named as the author would put them. */
function explain(code: number, text: string, offset: number): Text | undefined {
  if (code === 3 || code === 4) {
    // "property name / value expected" right after a comma, before } or ]: a trailing comma.
    let i = offset - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] === "," && (text[offset] === "}" || text[offset] === "]")) {
      return { zh: `${text[offset]} 之前多了一个逗号（JSON 不允许结尾逗号）；请删除它`, en: `a trailing comma before ${text[offset]}, which JSON does not allow; remove it` };
    }
  }
  if (code === 1) {
    const word = /^[-+]?[A-Za-z_]\w*/.exec(text.slice(offset, offset + 40))?.[0] ?? "";
    if (/^[-+]?(NaN|Infinity)$/.test(word)) return { zh: `${word} 不是 JSON 数字；请写出具体数字`, en: `${word} is not a JSON number; write a number` };
    if (/^(True|False|TRUE|FALSE|Null|NULL|None|undefined)$/.test(word)) {
      return { zh: `${word} 不是 JSON 值；请用小写的 true、false 或 null`, en: `${word} is not a JSON value; write true, false or null in lower case` };
    }
    if (text[offset] === "'") return { zh: "JSON 的文本和键必须用英文双引号 \"…\"", en: 'JSON text and keys take double quotes "…"' };
  }
  return undefined;
}

/** Offset of the first value beyond LIMITS.maxNodes, or undefined when the file is within it. */
function overBudget(text: string): number | undefined {
  const budget = LIMITS.maxNodes;
  let values = 0;
  let at: number | undefined;
  const count = (offset: number) => {
    if (++values > budget) {
      at = offset;
      throw STOP; // visit() has no other way to stop early
    }
  };
  try {
    parser().visit(text, { onObjectBegin: count, onArrayBegin: count, onLiteralValue: (_v, offset) => count(offset) }, { disallowComments: true, allowTrailingComma: false });
  } catch (e) {
    if (e instanceof RangeError) return undefined; // nesting too deep: parseTree below says so
    if (e !== STOP) throw e;
  }
  return at;
}
const STOP = Symbol("over budget");

function tooMany(): Text {
  return {
    zh: `文件中的值超过 ${LIMITS.maxNodes} 个，已拒绝读取（可用 ALLIANCE_AUDIT_MAX_NODES 提高限制）`,
    en: `the file holds more than ${LIMITS.maxNodes} values; refused (raise the limit with ALLIANCE_AUDIT_MAX_NODES)`,
  };
}

function tooDeep(): Text {
  return { zh: `嵌套层数超过 ${LIMITS.maxDepth} 层，已拒绝读取`, en: `nesting is deeper than ${LIMITS.maxDepth} levels; refused` };
}
