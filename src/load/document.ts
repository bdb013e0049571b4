// A loaded file: its data as plain JavaScript values plus where each value was written.
// Positions are kept as character offsets keyed by JSON pointer and turned into line:column only
// for the few values a finding is about, so a compliant proposal pays almost nothing for them.
import type { Text } from "../types.js";

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units like SARIF's default columnKind
}

export interface Comment {
  offset: number;
  text: string; // without the leading '#'
}

export interface LoadedDocument {
  /** The file as the report shows it: relative to the cwd, '/' separators. */
  file: string;
  data: Record<string, unknown>;
  /** Line:column of the value at `pointer`; for a value that is absent, of the closest enclosing key. */
  locate(pointer: string, at?: "value" | "key"): Position;
  /** Where a person looks in a binary file (`成员名单!D7`); absent for text files (documents.md §2). */
  locator?(pointer: string, at?: "value" | "key"): string | undefined;
  comments: Comment[];
  /** Position of a character offset (used by comment-based features such as suppressions). */
  positionOf(offset: number): Position;
}

export interface LoadError {
  message: Text;
  position: Position;
}

export type LoadResult = { ok: true; doc: LoadedDocument } | { ok: false; error: LoadError };

/** Escape one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  const s = String(key);
  return s.includes("~") || s.includes("/") ? s.replace(/~/g, "~0").replace(/\//g, "~1") : s;
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === "") return undefined;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/**
 * Offsets of line starts, for offset → line:column by binary search. Lines end at LF, CRLF or a
 * lone CR, as the YAML and CSV parsers, editors and SARIF count them.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf("\r") === -1) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function offsetToPosition(starts: number[], offset: number): Position {
  // A parser's missing or odd mark must still give a usable 1-based position.
  if (!Number.isFinite(offset) || offset < 0) offset = 0;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/**
 * Records positions while a loader builds the data, and answers `locate` afterwards.
 * Loaders call `value(pointer, offset)` for every value and `key(pointer, offset)` for every
 * mapping key they see (a key whose value is empty is recorded as the value's position too).
 */
export class PositionIndex {
  private readonly values = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  value(pointer: string, offset: number): void {
    this.values.set(pointer, offset);
  }

  key(pointer: string, offset: number): void {
    this.keys.set(pointer, offset);
  }

  positionOf = (offset: number): Position => {
    this.starts ??= lineStarts(this.text);
    return offsetToPosition(this.starts, offset);
  };

  locate = (pointer: string, at: "value" | "key" = "value"): Position => {
    const direct = at === "key" ? (this.keys.get(pointer) ?? this.values.get(pointer)) : this.values.get(pointer);
    if (direct !== undefined) return this.positionOf(direct);
    // Absent value: point at the closest enclosing key that was written, else the enclosing value.
    for (let p = parentPointer(pointer); p !== undefined; p = parentPointer(p)) {
      const offset = this.keys.get(p) ?? this.values.get(p);
      if (offset !== undefined) return this.positionOf(offset);
    }
    return { line: 1, column: 1 };
  };
}

/** Set a property without letting a key such as `__proto__` touch any prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** The message for a key written twice in one mapping, naming both lines (YAML and JSON alike). */
export function duplicateKeyMessage(key: string, firstLine: number, secondLine: number): Text {
  return firstLine === secondLine
    ? { zh: `键“${key}”在第 ${firstLine} 行出现了两次；请删除或合并其中一个`, en: `duplicate key "${key}" twice on line ${firstLine}; remove or merge one of them` }
    : { zh: `键“${key}”重复：第 ${firstLine} 行和第 ${secondLine} 行；请删除或合并其中一个`, en: `duplicate key "${key}" on lines ${firstLine} and ${secondLine}; remove or merge one of them` };
}
