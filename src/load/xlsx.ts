// .xlsx roster → the same data as members.yaml ({ members: [...] }), documents.md §1. The document
// library reads the workbook and picks the roster sheet and header row; the header table, value
// aliases and schema-message bookkeeping are the CSV loader's (model/aliases.ts, roster-source.ts),
// so a workbook and a CSV with the same cells give the same findings. Every finding in the file
// is located at its cell: line = row, column = column (A = 1), locator `成员名单!D7` (§2).
// Loaded with a dynamic import by read.ts only when a roster is an .xlsx.
import { pickRoster, readWorkbook, type HeaderOracle, type RosterCell } from "../documents/index.js";
import { normaliseRosterValue, resolveHeaders, type RosterField } from "../model/aliases.js";
import { attachRosterSource } from "../model/roster-source.js";
import type { Text } from "../types.js";
import { setOwn, type LoadResult, type Position } from "./document.js";

/** What a header cell means to the roster model: a field, an ignored known column, or nothing. */
function headerKind(text: string): { known: boolean; field?: RosterField } {
  const r = resolveHeaders([text]);
  return { known: r.kinds[0] === "field" || r.kinds[0] === "ignored", field: r.fields[0] };
}

// 序号 alone is an id (fidelity.md C4), so it counts as an id header here even though a roster
// that also has 编号 ignores it; the loader's resolveHeaders makes the final choice per column.
const ORACLE: HeaderOracle = {
  isKnownHeader: (t) => headerKind(t).known,
  isIdHeader: (t) => headerKind(t).field === "id",
  isNameHeader: (t) => headerKind(t).field === "name",
};

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Excel's General format shows a number past 2^53 as 9.12301E+17: such a code has lost digits. */
const SCIENTIFIC = /^\d+(?:\.\d+)?E\+\d+$/i;

/**
 * A cell's value for its field. A number cell where text belongs keeps the sign that it was a
 * number, so the rule that checks the field says so (documents.md §1 "Numbers where text belongs"):
 * a credit code is left as Excel displays it when that is 9.12301E+17 (members/credit-code-invalid
 * reads that as the spreadsheet-number case), else as a JSON number (same case); a legal
 * representative stays a number, which the schema reports at its cell.
 */
function cellValue(field: RosterField, cell: RosterCell): unknown {
  if (cell.type === "number" && (field === "credit_code" || field === "legal_representative")) {
    if (field === "credit_code" && SCIENTIFIC.test(cell.text)) return cell.text;
    const n = Number(cell.text);
    return Number.isFinite(n) ? n : cell.text;
  }
  if (cell.type === "error") return cell.text; // #N/A and friends: text the schema/rules will reject
  return normaliseRosterValue(field, cell.text);
}

const fail = (message: Text, position: Position = { line: 1, column: 1 }): LoadResult => ({ ok: false, error: { message, position } });

export async function loadXlsx(bytes: Uint8Array): Promise<LoadResult> {
  const read = await readWorkbook(bytes);
  if (!read.ok) return fail(read.reason);
  const pick = pickRoster(read.workbook, ORACLE);
  if (!pick.ok) return fail(pick.reason);
  const { sheet, headerRow, rows } = pick;

  // Headers by column index (0-based, A = 0), with "" for the empty cells between them.
  const width = Math.max(0, ...Object.keys(pick.columns).map(columnNumber));
  const headers: string[] = Array.from({ length: width }, (_, c) => (pick.columns[letters(c + 1)] ?? "").trim());
  const resolution = resolveHeaders(headers, (c) => rows.every((r) => !r.cells[letters(c + 1)]));
  const at = (row: number, col: number): Position => ({ line: row, column: col + 1 });
  if (resolution.duplicate) {
    const { first, second } = resolution.duplicate;
    const [a, b] = [headers[first], headers[second]];
    return fail(
      {
        zh: `工作表“${sheet}”表头第 ${letters(first + 1)} 列“${a}”和第 ${letters(second + 1)} 列“${b}”是同一字段；请删除或改名其中一列（${sheet}!${letters(second + 1)}${headerRow}）`,
        en: `sheet "${sheet}": the header columns ${letters(first + 1)} ("${a}") and ${letters(second + 1)} ("${b}") name the same field; remove or rename one of them (${sheet}!${letters(second + 1)}${headerRow})`,
      },
      at(headerRow, second),
    );
  }
  if (rows.length === 0) {
    return fail(
      {
        zh: `工作表“${sheet}”只有表头（第 ${headerRow} 行），没有任何成员行；请每个成员单位填写一行`,
        en: `sheet "${sheet}" has a header row (row ${headerRow}) but no member rows; add one row per member`,
      },
      at(headerRow, 0),
    );
  }

  const members: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  for (const row of rows) {
    const member: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) {
      const field = resolution.fields[c];
      const cell = field ? row.cells[letters(c + 1)] : undefined;
      if (!field || !cell || cell.text === "") continue; // an empty cell is an absent value
      setOwn(member, field, cellValue(field, cell));
    }
    members.push(member);
    rowOf.push(row.rowNumber);
  }
  const data: Record<string, unknown> = { members };
  const columnOf = new Map<string, number>();
  resolution.fields.forEach((f, c) => f && !columnOf.has(f) && columnOf.set(f, c));
  for (const u of resolution.unknown) if (!columnOf.has(u.header)) columnOf.set(u.header, u.column);
  attachRosterSource(data, {
    headers,
    columnOf: Object.fromEntries(resolution.fields.flatMap((f, c) => (f ? [[f, c]] : []))),
    rowOf,
    headerRow,
    missing: resolution.missing,
    unknown: resolution.unknown,
  });

  // The cell a pointer names: as the CSV loader does, a member's field is its cell, an absent
  // field its row's first cell, the roster or a column its header cell.
  const firstColumn = Math.max(0, headers.findIndex((h) => h !== ""));
  const cellOf = (pointer: string, at: "value" | "key"): { row: number; col: number } => {
    const segs = pointer.split("/");
    if (pointer === "" || segs[1] !== "members" || segs.length === 2) return { row: headerRow, col: firstColumn };
    const index = /^\d+$/.test(segs[2]) ? Number(segs[2]) : -1;
    if (index < 0 || index >= members.length) return { row: headerRow, col: firstColumn };
    const row = rowOf[index];
    if (segs.length === 3) return { row, col: firstColumn };
    const c = columnOf.get(segs[3].replace(/~1/g, "/").replace(/~0/g, "~"));
    if (c === undefined) return { row, col: firstColumn };
    if (segs.length > 4 || at === "key") return { row: headerRow, col: c };
    return { row, col: c };
  };
  const locate = (pointer: string, at: "value" | "key" = "value"): Position => {
    const { row, col } = cellOf(pointer, at);
    return { line: row, column: col + 1 };
  };
  const locator = (pointer: string, at: "value" | "key" = "value"): string => {
    const { row, col } = cellOf(pointer, at);
    return `${sheet}!${letters(col + 1)}${row}`;
  };
  const positionOf = (): Position => ({ line: 1, column: 1 });
  return { ok: true, doc: { file: "", data, locate, locator, positionOf, comments: [] } };
}
