// YAML → data + positions, with @stoplight/yaml-ast-parser (the parser behind Spectral).
// Chosen by measurement (BENCHMARKS.md): it keeps every node's offsets at about the cost of
// js-yaml's plain `load`, where `yaml`'s parseDocument costs six times as much.
// The AST → data step is ours rather than @stoplight/yaml's because a proposal is untrusted:
// we bound alias expansion and depth, keep `__proto__` keys as plain data, name both lines of
// a duplicate key, and hand text fields (credit codes, member ids) their source text.
import yamlAst from "@stoplight/yaml-ast-parser";
import type { YAMLNode, YAMLScalar, YAMLMapping, YAMLSequence, YamlMap, YAMLAnchorReference } from "@stoplight/yaml-ast-parser";
// The failsafe schema (explicit !!str, !!seq, !!map only): scalar types are inferred by us from the
// AST (YAML 1.2 core), so the parser need not run its implicit-type regular expressions on every
// plain scalar, and every other explicit tag (!!binary, !!js/function, !!python/…, !!set) is an
// "unknown tag" error with its position instead of a constructor called with an AST node.
import failsafeSchema from "@stoplight/yaml-ast-parser/dist/src/schema/failsafe.js";
import { LIMITS } from "../limits.js";
import type { Text } from "../types.js";
import { PositionIndex, duplicateKeyMessage, pointerSegment, setOwn, type Comment, type LoadResult } from "./document.js";

// Imported statically (not on first use like the JSON and CSV parsers) so that the CLI bundle
// contains it: nearly every proposal is YAML, and loading its 20 CommonJS files cost ~25 ms.
const yamlParser = () => yamlAst;

/** First characters of plain scalars that the YAML 1.2 core schema may read as non-strings. */
const MAY_BE_TYPED = /^[-+.0-9~nNtTfF]?$/;

// Kind values of @stoplight/yaml-ast-parser's AST.
const SCALAR = 0, MAP = 2, SEQ = 3, ANCHOR_REF = 4, INCLUDE_REF = 5;
// ScalarType values of its determineScalarType (YAML 1.2 core schema: dates stay strings).
const T_NULL = 0, T_BOOL = 1, T_INT = 2, T_FLOAT = 3;

class LoadFailure extends Error {
  constructor(readonly text: Text, readonly offset: number) {
    super(text.en);
  }
}

export interface YamlOptions {
  /** True for pointers whose schema type is text kept as written (credit codes, member ids). */
  isTextField(pointer: string): boolean;
}

export function loadYaml(text: string, options: YamlOptions): LoadResult {
  const positions = new PositionIndex(text);
  const fail = (message: Text, offset: number): LoadResult => ({
    ok: false,
    error: { message, position: positions.positionOf(Math.min(offset, text.length)) },
  });

  // The parser loops forever when the hexadecimal digits of a \x, \u or \U escape run into the
  // end of the input: after the error it steps past its end-of-input marker and reads on (found
  // by fuzzing). Blank lines after the text keep the marker out of reach. They are added only
  // when there is a backslash at all, since they would lengthen a `|+` block scalar ending the file.
  const source = text.includes("\\") ? text + "\n".repeat(32) : text;
  let ast: YAMLNode | undefined;
  try {
    // ignoreDuplicateKeys: the parser's own check compares every key with every earlier sibling
    // (a 10 MB file of keys took minutes) and does not say where the first one is; the converter
    // below finds duplicates with a Map and names both lines.
    ast = yamlParser().load(source, { schema: failsafeSchema, ignoreDuplicateKeys: true });
  } catch (e) {
    const crash = parserCrash(e);
    return fail(crash.text, crash.offset);
  }
  const errors = ast?.errors ?? [];
  const syntax = errors.find((e) => !e.isWarning && e.reason !== "duplicate key");
  const syntaxOffset = syntax?.mark?.position ?? 0;
  // The parser only warns about a tab in indentation, then reads the line as if it were not
  // indented at all: the key silently moves to another section, or a confusing error follows.
  // YAML indents with spaces only; a tab before the first error is the error to report.
  if (ast && errors.some((e) => e.isWarning)) {
    const tab = tabIndentation(ast, text, errors);
    if (tab !== undefined && (!syntax || tab <= syntaxOffset)) {
      const { line } = positions.positionOf(tab);
      return fail(
        {
          zh: `第 ${line} 行用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格`,
          en: `line ${line} is indented with a tab; YAML indents with spaces only: replace the tab with spaces`,
        },
        tab,
      );
    }
  }
  if (syntax) {
    // The most common slip when typing YAML in Chinese: a full-width colon or space. The
    // parser's own complaint comes later and elsewhere; name the character instead.
    const slip = fullWidthSlip(text, syntaxOffset);
    if (slip) return fail(slip.text, slip.offset);
    const reason = cleanReason(syntax.reason ?? syntax.message ?? "");
    const known = explainSyntax(reason, text, syntaxOffset);
    if (known) return fail(known.text, known.offset);
    return fail({ zh: `YAML 语法错误：${reason}`, en: `YAML syntax error: ${reason}` }, syntaxOffset);
  }
  if (!ast || (ast.kind === SCALAR && (ast as YAMLScalar).value === "" && !(ast as YAMLScalar).doubleQuoted && !(ast as YAMLScalar).singleQuoted)) {
    return fail({ zh: "文件为空，没有任何内容", en: "the file is empty" }, 0);
  }
  if (ast.kind !== MAP) {
    const slip = fullWidthSlip(text, text.length);
    if (slip) return fail(slip.text, slip.offset);
    const found = describeNode(ast);
    return fail(
      { zh: `文件顶层必须是“键: 值”映射，实际是${found.zh}`, en: `the top level must be a mapping of "key: value" pairs, found ${found.en}` },
      ast.startPosition,
    );
  }

  const converter = new Converter(positions, options, text);
  let data: Record<string, unknown>;
  try {
    data = converter.convert(ast, 0) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof LoadFailure) return fail(e.text, e.offset);
    if (e instanceof RangeError) return fail(tooDeep(), 0);
    throw e;
  }
  const comments: Comment[] = (ast.comments ?? []).map((c) => ({ offset: c.startPosition, text: c.value }));
  const root = ast;
  const locate = (pointer: string, at: "value" | "key" = "value") => positions.positionOf(locateOffset(root, pointer, at));
  return { ok: true, doc: { file: "", data, locate, positionOf: positions.positionOf, comments } };
}

/**
 * Where the value at `pointer` was written, found by walking the AST only for the few values a
 * finding is about (recording every node's position up front cost more than parsing). An absent
 * value resolves to its closest enclosing key, an empty one (`key:`) to its key.
 */
function locateOffset(root: YAMLNode, pointer: string, at: "value" | "key"): number {
  let node: YAMLNode | null = root;
  let closest = root.startPosition; // the closest enclosing key, else value, found so far
  let keyOffset: number | undefined;
  const segments = pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (let hops = 0; node && node.kind === ANCHOR_REF && hops < 100; hops++) node = (node as YAMLAnchorReference).value;
  for (const seg of segments) {
    if (!node) return closest;
    if (node.kind === MAP) {
      const m: YAMLMapping | undefined = ((node as YamlMap).mappings as YAMLMapping[]).find((x) => x.key && x.key.kind === SCALAR && String(x.key.value) === seg);
      if (!m) return closest;
      const keyAt: number = m.key.startPosition;
      keyOffset = keyAt;
      closest = keyAt;
      node = m.value;
      if (!node) return keyAt; // `key:` — the value is empty
    } else if (node.kind === SEQ) {
      const item: YAMLNode | null | undefined = (node as YAMLSequence).items[Number(seg)];
      if (!item || !/^\d+$/.test(seg)) return closest;
      keyOffset = undefined;
      closest = item.startPosition;
      node = item;
    } else {
      return closest;
    }
    for (let hops = 0; node && node.kind === ANCHOR_REF && hops < 100; hops++) node = (node as YAMLAnchorReference).value;
  }
  if (!node) return closest;
  if (node.kind === SCALAR && (node as YAMLScalar).value === "" && !(node as YAMLScalar).doubleQuoted && !(node as YAMLScalar).singleQuoted && keyOffset !== undefined) {
    return keyOffset; // a plain empty scalar is an empty value: point at its key
  }
  return at === "key" && keyOffset !== undefined ? keyOffset : node.startPosition;
}

class Converter {
  private budget = LIMITS.maxNodes;
  /** Keys and indexes from the root to the node being converted (a pointer is built only when needed). */
  private readonly path: (string | number)[] = [];
  constructor(private readonly positions: PositionIndex, private readonly options: YamlOptions, private readonly text = "") {}

  private pointer(): string {
    let p = "";
    for (const seg of this.path) p += "/" + pointerSegment(seg);
    return p;
  }

  convert(node: YAMLNode | null, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (--this.budget < 0) {
      throw new LoadFailure(
        {
          zh: `文件展开后的值超过 ${LIMITS.maxNodes} 个（可能是锚点/别名“炸弹”），已拒绝展开`,
          en: `the file expands to more than ${LIMITS.maxNodes} values (an anchor/alias bomb?); expansion refused`,
        },
        node.startPosition,
      );
    }
    if (depth > LIMITS.maxDepth) throw new LoadFailure(tooDeep(), node.startPosition);

    switch (node.kind) {
      case SCALAR:
        return this.scalar(node as YAMLScalar);
      case SEQ: {
        const items = (node as YAMLSequence).items;
        const out: unknown[] = new Array(items.length);
        for (let i = 0; i < items.length; i++) {
          this.path.push(i);
          out[i] = this.convert(items[i], depth + 1);
          this.path.pop();
        }
        return out;
      }
      case MAP:
        return this.mapping(node as YamlMap, depth);
      case ANCHOR_REF: {
        const target = (node as YAMLAnchorReference).value;
        if (!target) {
          throw new LoadFailure({ zh: "引用了未定义的锚点", en: "alias to an undefined anchor" }, node.startPosition);
        }
        return this.convert(target, depth + 1);
      }
      case INCLUDE_REF:
        throw new LoadFailure(
          {
            zh: "不支持 !include：申报材料只由一个章程文件和一个成员名单文件组成，请把内容直接写在文件中",
            en: "!include is not supported: a proposal is one charter file and one roster file; write the content in the file itself",
          },
          Math.max(0, this.text.lastIndexOf("!include", node.startPosition)),
        );
      default:
        throw new LoadFailure({ zh: "不支持的 YAML 结构", en: "unsupported YAML construct" }, node.startPosition ?? 0);
    }
  }

  private scalar(node: YAMLScalar): unknown {
    // Quoted scalars, and plain ones that cannot start a number, true/false or null (all the
    // Chinese text of a charter), are strings: skip the type inference's regular expressions.
    if (node.doubleQuoted || node.singleQuoted || !MAY_BE_TYPED.test(node.value.charAt(0))) return node.value;
    const p = yamlParser();
    const type = p.determineScalarType(node);
    if (type === T_NULL) return null;
    if (type === T_BOOL || type === T_INT || type === T_FLOAT) {
      // An unquoted all-digit credit code is a number to YAML (and `912301041000002E51` a float):
      // text fields keep the characters the author wrote.
      if (this.options.isTextField(this.pointer())) return node.value;
      if (type === T_BOOL) return p.parseYamlBoolean(node.value);
      if (type === T_INT) return Number(p.parseYamlBigInteger(node.value));
      return p.parseYamlFloat(node.value);
    }
    return node.value;
  }

  private mapping(node: YamlMap, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    const merges: YAMLNode[] = [];
    for (const m of node.mappings as YAMLMapping[]) {
      const keyNode = m.key;
      if (!keyNode || keyNode.kind !== SCALAR) {
        throw new LoadFailure(
          { zh: "映射的键必须是简单文本", en: "a mapping key must be plain text" },
          keyNode?.startPosition ?? m.startPosition,
        );
      }
      const key = String(keyNode.value);
      if (key === "<<" && keyNode.plainScalar) {
        if (m.value) merges.push(m.value);
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        const lines = [first, keyNode.startPosition].map((o) => this.positions.positionOf(o).line);
        throw new LoadFailure(duplicateKeyMessage(key, lines[0], lines[1]), keyNode.startPosition);
      }
      seen.set(key, keyNode.startPosition);
      this.path.push(key);
      const value = this.convert(m.value, depth + 1);
      this.path.pop();
      // An empty value (`key:`) is the same as an absent one: rules and schema see it as missing,
      // and a finding about it points at its key.
      if (value === null) continue;
      setOwn(out, key, value);
    }
    // `<<` merge keys (YAML 1.1, widely used): explicit keys win over merged ones.
    for (const source of merges) {
      const merged = this.convert(source, depth + 1);
      for (const part of Array.isArray(merged) ? merged : [merged]) {
        if (part === null || typeof part !== "object" || Array.isArray(part)) {
          throw new LoadFailure({ zh: "“<<”合并键的值必须是映射", en: 'the value of a "<<" merge key must be a mapping' }, source.startPosition);
        }
        for (const [k, v] of Object.entries(part)) if (!Object.hasOwn(out, k)) setOwn(out, k, v);
      }
    }
    return out;
  }
}

function tooDeep(): Text {
  return {
    zh: `嵌套层数超过 ${LIMITS.maxDepth} 层，已拒绝读取`,
    en: `nesting is deeper than ${LIMITS.maxDepth} levels; refused`,
  };
}

function describeNode(node: YAMLNode): Text {
  if (node.kind === SEQ) return { zh: "列表", en: "a list" };
  return { zh: `文本“${String((node as YAMLScalar).value).slice(0, 40)}”`, en: `the text "${String((node as YAMLScalar).value).slice(0, 40)}"` };
}

/** js-yaml style reasons carry a "JS-YAML: " prefix and an " at line …" suffix; we give the position ourselves. */
function cleanReason(reason: string): string {
  return reason.replace(/^JS-YAML:\s*/, "").replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "");
}

/**
 * The parser throws plain errors on some inputs: a stack overflow on deep nesting, and a few
 * TypeErrors on garbled text that fuzzing finds (`[- ?*`). Say what we can.
 */
function parserCrash(e: unknown): { text: Text; offset: number } {
  if (e instanceof RangeError) return { text: tooDeep(), offset: 0 };
  return {
    text: {
      zh: "无法解析 YAML 文件：语法错误严重，无法定位；请用支持 YAML 的编辑器检查文件",
      en: "cannot parse the YAML file: its syntax is too broken to point at the error; check it in an editor that knows YAML",
    },
    offset: 0,
  };
}

function unsupportedTag(tag: string): Text {
  return {
    zh: `不支持的 YAML 标签 ${tag}；联盟文件只需要普通文本、数字、true/false、列表和映射，请删除该标签`,
    en: `unsupported YAML tag ${tag}; proposal files need only plain text, numbers, true/false, lists and mappings: remove the tag`,
  };
}

/** Clearer words (and a better position) for the parser errors that users meet most. */
/**
 * The first line, up to the line of the parser's error, that uses a full-width colon after a
 * key (`名称：值`) or full-width spaces (U+3000) to indent: the cause a Chinese typist needs, at
 * the character. Lines inside quotes or after a comment mark are not keys and are passed over.
 */
export function fullWidthSlip(text: string, errorOffset: number): { text: Text; offset: number } | undefined {
  const end = text.indexOf("\n", errorOffset);
  const upto = end < 0 ? text.length : end;
  let found: { text: Text; offset: number } | undefined;
  let start = 0;
  let line = 1;
  // The nearest slip before the error is its cause (an earlier match may be text in a block scalar).
  while (start <= upto && start < text.length) {
    let stop = text.indexOf("\n", start);
    if (stop < 0) stop = text.length;
    const l = text.slice(start, stop);
    const indent = /^[ \t\u3000]*/.exec(l)![0];
    const ideographic = indent.indexOf("\u3000");
    const key = /^([ \t]*(?:-[ \t]+)?)([^\s#'"\[{：:][^#：:'"]*?)：(?=[ \t\u3000\r]|$)/.exec(l);
    if (ideographic >= 0 && indent.length < l.length) {
      found = {
        text: {
          zh: `第 ${line} 行用全角空格缩进；YAML 只能用半角空格缩进，请把全角空格换成半角空格`,
          en: `line ${line} is indented with a full-width space (U+3000); YAML indents with ordinary spaces only: replace it`,
        },
        offset: start + ideographic,
      };
    } else if (key) {
      const name = key[2].trim().slice(0, 20);
      found = {
        text: {
          zh: `第 ${line} 行的“${name}”后用了全角冒号“：”；YAML 的键后要用半角冒号“:”再加一个空格`,
          en: `line ${line} uses a full-width colon "：" after "${name}" where YAML needs ":" (a half-width colon and a space)`,
        },
        offset: start + key[1].length + key[2].length,
      };
    }
    start = stop + 1;
    line++;
  }
  return found;
}

function explainSyntax(reason: string, text: string, offset: number): { text: Text; offset: number } | undefined {
  const tag = /^unknown tag <(.*)>$/.exec(reason);
  if (tag) {
    const written = tag[1].startsWith("tag:yaml.org,2002:") ? "!!" + tag[1].slice(18) : tag[1];
    return { text: unsupportedTag(written), offset };
  }
  if (reason.startsWith("expected a single document")) {
    // The parser marks the end of the first document; the second one starts at the next `---`.
    const m = /^---/m.exec(text.slice(offset));
    return {
      text: {
        zh: "文件包含多个 YAML 文档（用 --- 分隔）；一个申报文件只能有一个文档，请删除多余的 --- 或拆分文件",
        en: "the file holds more than one YAML document (separated by ---); a proposal file must be a single document: remove the extra --- or split the file",
      },
      offset: m ? offset + m.index : offset,
    };
  }
  return undefined;
}

/**
 * Offset of the first tab that indents a line of block structure, if any. The parser warns about
 * every tab it skips as white space, legitimate ones included (after `key:`, inside flow
 * collections and quoted text), so a warning counts only when its tab is in a line's leading
 * white space and not inside a scalar or a flow collection. Runs only when there are warnings.
 */
function tabIndentation(root: YAMLNode, text: string, warnings: { isWarning?: boolean; mark?: { position: number } }[]): number | undefined {
  const candidates: number[] = [];
  for (const w of warnings) {
    const at = w.mark?.position;
    if (!w.isWarning || at === undefined || text.charCodeAt(at) !== 9) continue;
    let i = at - 1;
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
    let j = at + 1;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    const next = text.charCodeAt(j); // white space before a comment or a line end is fine
    const blank = j >= text.length || next === 35 || next === 10 || next === 13;
    if (!blank && (i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) candidates.push(at);
  }
  if (candidates.length === 0) return undefined;
  // Spans in which a tab at the start of a line is content, or white space of a flow collection.
  const spans: [number, number][] = [];
  const stack: (YAMLNode | null | undefined)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    const start = node.startPosition;
    if (node.kind === SCALAR || ((node.kind === MAP || node.kind === SEQ) && (text[start] === "[" || text[start] === "{"))) {
      spans.push([start, node.endPosition]);
    } else if (node.kind === MAP) {
      for (const m of (node as YamlMap).mappings ?? []) stack.push(m?.key, m?.value);
    } else if (node.kind === SEQ) {
      for (const item of (node as YAMLSequence).items ?? []) stack.push(item);
    }
  }
  return candidates.find((at) => !spans.some(([s, e]) => at >= s && at < e));
}
