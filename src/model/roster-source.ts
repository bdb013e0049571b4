// How a spreadsheet roster (CSV, XLSX) was written: its headers as the user typed them, which
// column fills which field, and where each member's row is. Messages about such a roster name
// 「第 3 行“单位性质”列」, never `members[1].type` (fidelity.md C4). The loader attaches this to the
// roster's data under a symbol, so that it travels with the data without becoming a key.
import type { Text } from "../types.js";
import type { RosterField } from "./aliases.js";

export const ROSTER_SOURCE: unique symbol = Symbol.for("alliance-audit.roster-source") as never;

export interface RosterSource {
  /** Headers as written (trimmed), by column. */
  headers: string[];
  /** Column of each field. */
  columnOf: Partial<Record<RosterField, number>>;
  /** Row number (as the spreadsheet shows it) of member i. */
  rowOf: number[];
  /** Row number of the header. */
  headerRow: number;
  /** Required columns the roster lacks (schema/missing-column). */
  missing: RosterField[];
  /** Headers that are no known column (schema/unknown-key), with a suggestion. */
  unknown: { column: number; header: string; suggestion?: string }[];
}

export function rosterSource(data: unknown): RosterSource | undefined {
  if (data === null || typeof data !== "object") return undefined;
  return (data as { [ROSTER_SOURCE]?: RosterSource })[ROSTER_SOURCE];
}

export function attachRosterSource(data: Record<string, unknown>, source: RosterSource): void {
  Object.defineProperty(data, ROSTER_SOURCE, { value: source, enumerable: false });
}

/** 「第 3 行“单位性质”列」 / `row 3, column "单位性质"` — or undefined when the field has no column. */
export function cellName(source: RosterSource, index: number, field: string): Text | undefined {
  const col = source.columnOf[field as RosterField];
  const row = source.rowOf[index];
  if (row === undefined) return undefined;
  if (col === undefined) return { zh: `第 ${row} 行`, en: `row ${row}` };
  const header = source.headers[col];
  return { zh: `第 ${row} 行“${header}”列`, en: `row ${row}, column "${header}"` };
}
