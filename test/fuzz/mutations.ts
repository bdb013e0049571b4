// Mutations of valid proposals for property-based fuzzing (fast-check): start from the compliant
// fixtures, apply a few text edits (delete, duplicate or swap lines, retype a value, insert
// control or YAML-special characters, re-indent, put a terminal/CI injection payload into a
// value — escaped in YAML and JSON strings so that it reaches names and messages), encode (UTF-8, BOM, GB18030, UTF-16 with and
// without a BOM) and maybe damage the bytes (truncate, flip, insert). Every case is described by
// plain data, so fast-check prints and shrinks it.
import yaml from "js-yaml";
import fc from "fast-check";
import { charterText, csvText, gb18030Encode, membersText } from "../hostile/helpers.js";

export type Target = "yaml-charter" | "yaml-members" | "csv-members" | "json-charter" | "json-members";

export type TextOp =
  | { op: "deleteLine"; at: number }
  | { op: "deleteBlock"; at: number; lines: number }
  | { op: "duplicateLine"; at: number }
  | { op: "swapLines"; at: number; with: number }
  | { op: "retype"; at: number; value: number }
  | { op: "insert"; at: number; char: number }
  | { op: "indent"; at: number; by: number }
  /** Put a terminal/CI injection payload into the line's value (escaped in YAML/JSON strings, raw in CSV). */
  | { op: "inject"; at: number; payload: number };

export type ByteOp = { op: "truncate"; at: number } | { op: "flip"; at: number; byte: number } | { op: "insertBytes"; at: number; bytes: number[] };

export type Encoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le-bom" | "utf-16be-bom" | "utf-16le";

export interface Case {
  target: Target;
  text: TextOp[];
  encoding: Encoding;
  bytes: ByteOp[];
}

/** Values a careless or hostile author may write where another value belongs. */
export const VALUES = [
  "~", "null", "[]", "{}", "[a, b]", "{a: 1}", "-1", "0", "3.5", "1e400", "-1e400", ".inf", "-.inf", ".nan", "true", "false", "yes", "'60'", '"40%"',
  "2024-02-30", "2024/03/15", "'2024-13-01'", "0x1F", "0o17", "123456789012345678901234567890", "912301041000002E51", "!!binary aGk=", "!!js/function 'f'",
  "!include x", "!foo bar", "*nope", "&x", "&x [*x]", "|", ">-", '"unterminated', "'", "[[[[", "{{", "- a", "? x", "<<", "<<: *x", "__proto__", "constructor",
  "prototype", "M99", "M01", "", " ", "TODO", "待定", "见附件", '=HYPERLINK("http://x","y")', "\t", "# c", "a: b", "a:b", "𠀀", "\u2028", "NaN", "undefined",
  '{"__proto__": {"polluted": 1}}', "{__proto__: {polluted: 1}}", "---", "...", "%YAML 1.2", "@x", "`x`", "\\", '"\\x"', '"\\u12"', ",", ";", "长".repeat(300),
];

/**
 * What an attacker puts in a name to take over a terminal or a CI log (issue #12): a title change
 * and screen clear, a newline plus a forged GitHub annotation, NUL, C1 controls (NEL, CSI), DEL,
 * backspaces, the line separator and bidirectional overrides.
 */
export const PAYLOADS = [
  "\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "\r\n::error file=x.yaml,line=1::forged", "\n::warning::forged", "\0", "\x85", "\x9b31m", "\x7f", "\b\b\b",
  "\u2028", "\u2029", "\u202e", "\u2066evil\u2069", "\x1b[8mhidden\x1b[0m", "\x07",
];

/** Every character a non-JSON format must show visibly: what the payloads are made of. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A string literal that YAML (double-quoted) and JSON both read back as `s`: controls as \uXXXX. */
function quoted(s: string): string {
  return `"${s.replace(/["\\]/g, "\\$&").replace(new RegExp(CONTROL_CHARS.source, "g"), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** The line with `payload` added to its value, for the file's syntax; unchanged when it has no value. */
function inject(line: string, payload: string, kind: "yaml" | "json" | "csv", at: number): string {
  if (kind === "csv") {
    const cells = line.split(",");
    cells[at % cells.length] += payload;
    return cells.join(",");
  }
  if (kind === "json") {
    const m = /^(\s*(?:"[^"]*":\s*)?)"((?:[^"\\]|\\.)*)"(,?)\s*$/.exec(line);
    if (!m) return line;
    return `${m[1]}${quoted(JSON.parse(`"${m[2]}"`) + payload)}${m[3]}`;
  }
  const m = /^(\s*(?:- )?[\w-]+: |\s*- )(.*)$/.exec(line);
  if (!m || m[2] === "" || /^[|>&*!]/.test(m[2])) return line;
  const value = m[2].replace(/^(['"])(.*)\1$/, "$2");
  return `${m[1]}${quoted(value + payload)}`;
}

/** Characters that break parsers or terminals. */
export const CHARS = ["\0", "\x01", "\x07", "\x08", "\x1b", "\x1b[2J", "\t", "\r", "\n", "\r\n", "\x7f", "\x85", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ud800", "\udc00", '"', "'", ":", "-", "[", "]", "{", "}", "&", "*", "!", "|", ">", "#", "%", "@", "`", ",", ";", "\\", "?", "<<", "  ", "\u202e"];

const BASE: Record<Target, () => string> = {
  "yaml-charter": charterText,
  "yaml-members": membersText,
  "csv-members": csvText,
  "json-charter": () => JSON.stringify(yaml.load(charterText(), { schema: yaml.CORE_SCHEMA }), null, 2) + "\n",
  "json-members": () => JSON.stringify(yaml.load(membersText(), { schema: yaml.CORE_SCHEMA }), null, 2) + "\n",
};
const baseText = new Map<Target, string>();
export function base(target: Target): string {
  let t = baseText.get(target);
  if (t === undefined) baseText.set(target, (t = BASE[target]()));
  return t;
}

/** The file a target replaces, and the folder of fixtures it belongs to. */
export function fileOf(target: Target): { name: string; kind: "yaml" | "csv" | "json" } {
  switch (target) {
    case "yaml-charter":
      return { name: "charter.yaml", kind: "yaml" };
    case "yaml-members":
      return { name: "members.yaml", kind: "yaml" };
    case "csv-members":
      return { name: "members.csv", kind: "csv" };
    case "json-charter":
      return { name: "charter.json", kind: "json" };
    case "json-members":
      return { name: "members.json", kind: "json" };
  }
}

function applyText(text: string, ops: TextOp[], kind: "yaml" | "json" | "csv"): string {
  let lines = text.split("\n");
  for (const o of ops) {
    const n = lines.length;
    if (n === 0) break;
    const i = o.at % n;
    switch (o.op) {
      case "deleteLine":
        lines.splice(i, 1);
        break;
      case "deleteBlock":
        lines.splice(i, 1 + (o.lines % 12));
        break;
      case "duplicateLine":
        lines.splice(i, 0, lines[i]);
        break;
      case "swapLines": {
        const j = o.with % n;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case "retype": {
        const v = VALUES[o.value % VALUES.length];
        const line = lines[i];
        const colon = line.indexOf(": ");
        if (colon >= 0) lines[i] = line.slice(0, colon + 2) + v;
        else if (line.includes(",")) {
          const cells = line.split(",");
          cells[o.value % cells.length] = v;
          lines[i] = cells.join(",");
        } else if (/^\s*- /.test(line)) lines[i] = line.replace(/^(\s*- ).*/, `$1${v}`);
        else lines[i] = line + v;
        break;
      }
      case "insert": {
        const c = CHARS[o.char % CHARS.length];
        const line = lines[i];
        const at = line.length === 0 ? 0 : (o.at >> 4) % (line.length + 1);
        lines[i] = line.slice(0, at) + c + line.slice(at);
        break;
      }
      case "inject":
        lines[i] = inject(lines[i], PAYLOADS[o.payload % PAYLOADS.length], kind, o.at >> 4);
        break;
      case "indent": {
        const by = (o.by % 7) - 3; // -3 … +3 spaces
        lines[i] = by >= 0 ? " ".repeat(by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-by}}`), "");
        break;
      }
    }
    lines = lines.join("\n").split("\n"); // inserted line breaks become lines
  }
  return lines.join("\n");
}

function encode(text: string, e: Encoding): Buffer {
  switch (e) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "gb18030":
      return gb18030Encode(text);
    case "utf-16le-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf-16be-bom":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "utf-16le":
      return Buffer.from(text, "utf16le");
  }
}

function applyBytes(bytes: Buffer, ops: ByteOp[]): Buffer {
  let b = bytes;
  for (const o of ops) {
    const n = b.length;
    switch (o.op) {
      case "truncate":
        b = b.subarray(0, n === 0 ? 0 : o.at % (n + 1));
        break;
      case "flip":
        if (n > 0) {
          b = Buffer.from(b);
          b[o.at % n] = o.byte;
        }
        break;
      case "insertBytes": {
        const at = n === 0 ? 0 : o.at % (n + 1);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(o.bytes), b.subarray(at)]);
        break;
      }
    }
  }
  return b;
}

/** The bytes of a case's file. */
export function render(c: Case): Buffer {
  return applyBytes(encode(applyText(base(c.target), c.text, fileOf(c.target).kind), c.encoding), c.bytes);
}

const idx = fc.nat({ max: 1 << 20 });
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("deleteLine" as const), at: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteBlock" as const), at: idx, lines: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicateLine" as const), at: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("swapLines" as const), at: idx, with: idx }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant("retype" as const), at: idx, value: fc.nat(VALUES.length * 7) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("insert" as const), at: idx, char: fc.nat(CHARS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("indent" as const), at: idx, by: fc.nat(6) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("inject" as const), at: idx, payload: fc.nat(PAYLOADS.length - 1) }) },
);
const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: idx }),
  fc.record({ op: fc.constant("flip" as const), at: idx, byte: fc.nat(255) }),
  fc.record({ op: fc.constant("insertBytes" as const), at: idx, bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 4 }) }),
);
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant("utf-8" as const) },
  { weight: 1, arbitrary: fc.constant("utf-8-bom" as const) },
  { weight: 2, arbitrary: fc.constant("gb18030" as const) },
  { weight: 1, arbitrary: fc.constant("utf-16le-bom" as const) },
  { weight: 1, arbitrary: fc.constant("utf-16be-bom" as const) },
  { weight: 1, arbitrary: fc.constant("utf-16le" as const) },
);

/** Values of VALUES that still parse as YAML scalars or collections: a gentle retype keeps the file readable. */
const PARSEABLE = VALUES.map((v, i) => [v, i] as const)
  .filter(([v]) => /^(~|null|\[\]|\{\}|\[a, b\]|\{a: 1\}|-?\d[\d.e]*|-?\.inf|\.nan|true|false|yes|'60'|"40%"|2024-02-30|2024\/03\/15|'2024-13-01'|0x1F|0o17|__proto__|constructor|prototype|M99|M01|TODO|待定|见附件|长+|NaN|undefined|𠀀)$/.test(v) || v === "")
  .map(([, i]) => i);

/** Edits that keep the file parseable more often than not, so that the rules see odd data. */
const gentleOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("deleteLine" as const), at: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteBlock" as const), at: idx, lines: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("swapLines" as const), at: idx, with: idx }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant("retype" as const), at: idx, value: fc.constantFrom(...PARSEABLE) }) },
  // Names, codes and references holding control characters still parse: they reach the rules and the messages.
  { weight: 4, arbitrary: fc.record({ op: fc.constant("inject" as const), at: idx, payload: fc.nat(PAYLOADS.length - 1) }) },
);

export function caseArb(targets: Target[]): fc.Arbitrary<Case> {
  const hostile = fc.record({
    target: fc.constantFrom(...targets),
    text: fc.array(textOp, { minLength: 0, maxLength: 4 }),
    encoding,
    bytes: fc.oneof({ weight: 4, arbitrary: fc.constant([] as ByteOp[]) }, { weight: 1, arbitrary: fc.array(byteOp, { minLength: 1, maxLength: 3 }) }),
  });
  const gentle = fc.record({
    target: fc.constantFrom(...targets),
    text: fc.array(gentleOp, { minLength: 1, maxLength: 5 }),
    encoding: fc.constantFrom<Encoding>("utf-8", "gb18030", "utf-16le-bom"),
    bytes: fc.constant([] as ByteOp[]),
  });
  return fc.oneof(hostile, gentle);
}
