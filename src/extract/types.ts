// The draft a run of `extract` builds before it is written as YAML: each digest field is a value
// with the place it came from (`联盟协议.docx 第十二条`), or the TODO placeholder with what was
// looked for. Paths are the digest's dotted field names (agreement.membership.admission).
import type { Text } from "../types.js";

export type Scalar = string | number | boolean;

export type Value =
  | { kind: "scalar"; value: Scalar; source?: string; note?: Text }
  | { kind: "todo"; lookedFor: Text }
  | { kind: "list"; items: Value[]; source?: string; note?: Text }
  | { kind: "map"; entries: [string, Value][]; source?: string; note?: Text };

export const scalar = (value: Scalar, source?: string, note?: Text): Value => ({ kind: "scalar", value, ...(source ? { source } : {}), ...(note ? { note } : {}) });
export const todo = (lookedFor: Text): Value => ({ kind: "todo", lookedFor });

/** Field path → value, in the order fields were set. */
export class Draft {
  readonly fields = new Map<string, Value>();
  set(path: string, value: Value): void {
    this.fields.set(path, value);
  }
  get(path: string): Value | undefined {
    return this.fields.get(path);
  }
  /** Paths filled with a value, and paths left TODO (a list or map holding a TODO counts as filled). */
  summary(): { filled: string[]; todo: string[] } {
    const filled: string[] = [];
    const left: string[] = [];
    for (const [path, v] of this.fields) (v.kind === "todo" ? left : filled).push(path);
    return { filled, todo: left };
  }
}
