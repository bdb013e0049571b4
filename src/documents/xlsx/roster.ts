// The roster step of documents.md §1 "Sheet and header" and "Rows": pick the first visible sheet
// with a header row among its first 10 rows, then keep the member rows under it. Which header
// texts are roster headers is not decided here: the caller passes a HeaderOracle (the model's
// resolveHeaders aliases, fidelity.md C4), so this module has no dependency on src/model/.
import type { Text } from "../../types.js";
import type { Cell, CellType, Sheet, Workbook } from "./reader.js";
import { columnLetters } from "./cells.js";

/** Tells which header texts are known roster headers. Texts are passed through headerKey() first. */
export interface HeaderOracle {
  isKnownHeader(text: string): boolean;
  isIdHeader(text: string): boolean;
  isNameHeader(text: string): boolean;
}

/** A header cell's matching form: no spaces or line breaks, no trailing parenthetical (`单位名称（全称）` → `单位名称`). */
export function headerKey(text: string): string {
  let s = text.replace(/\s+/gu, "");
  for (let i = 0; i < 3; i++) {
    const next = s.replace(/(?:（[^（）]*）|\([^()]*\))$/u, "");
    if (next === s || next === "") break;
    s = next;
  }
  return s;
}

export interface RosterCell {
  text: string;
  type: CellType;
  /** Locator of the cell: `成员名单!D7`. */
  ref: string;
}

export interface RosterRow {
  rowNumber: number;
  /** Keyed by column letter ("D"). */
  cells: Record<string, RosterCell>;
}

export type RosterPick =
  | {
      ok: true;
      sheet: string;
      headerRow: number;
      /** Column letter → the header cell's text as written. */
      columns: Record<string, string>;
      idColumn?: string;
      nameColumn?: string;
      rows: RosterRow[];
    }
  | { ok: false; kind: "no-header-row"; reason: Text };

const HEADER_SCAN_ROWS = 10;
// Rows that are not members even when the name column holds text: section rows (一、企业单位) and
// footers (填表人：…), recognised only when that is the row's single filled cell.
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\S{0,20}$/u;
const FOOTER = /^(?:填表人|填报人|联系人|联系电话|电话|填表日期|填报日期|制表|制表人|审核人|审核|备注|说明|注)\s*[:：]/u;

function cellsByColumn(cells: Cell[]): Map<number, Cell> {
  const m = new Map<number, Cell>();
  for (const c of cells) if (c.text !== "") m.set(c.col, c);
  return m;
}

function headerRowOf(sheet: Sheet, oracle: HeaderOracle): { rowNumber: number; cells: Map<number, Cell> } | undefined {
  for (const row of sheet.rows) {
    if (row.rowNumber > HEADER_SCAN_ROWS) break;
    const cells = cellsByColumn(row.cells);
    let known = 0;
    let id = false;
    let name = false;
    for (const c of cells.values()) {
      const key = headerKey(c.text);
      if (oracle.isKnownHeader(key)) known++;
      if (oracle.isIdHeader(key)) id = true;
      if (oracle.isNameHeader(key)) name = true;
    }
    if (known >= 3 || (id && name)) return { rowNumber: row.rowNumber, cells };
  }
  return undefined;
}

/** Picks the roster sheet and header row, and returns the member rows under it. */
export function pickRoster(workbook: Workbook, oracle: HeaderOracle): RosterPick {
  for (const sheet of workbook.sheets) {
    if (sheet.state !== "visible") continue;
    const header = headerRowOf(sheet, oracle);
    if (!header) continue;
    const columns: Record<string, string> = {};
    let idColumn: string | undefined;
    let nameColumn: string | undefined;
    for (const [col, c] of header.cells) {
      const letter = columnLetters(col);
      columns[letter] = c.text;
      const key = headerKey(c.text);
      if (idColumn === undefined && oracle.isIdHeader(key)) idColumn = letter;
      if (nameColumn === undefined && oracle.isNameHeader(key)) nameColumn = letter;
    }
    const rows: RosterRow[] = [];
    for (const row of sheet.rows) {
      if (row.rowNumber <= header.rowNumber) continue;
      const filled = row.cells.filter((c) => c.text !== "");
      if (filled.length === 0) continue;
      if (filled.length === 1 && (SECTION.test(filled[0].text) || FOOTER.test(filled[0].text))) continue;
      if (nameColumn !== undefined && !filled.some((c) => columnLetters(c.col) === nameColumn)) continue;
      const cells: Record<string, RosterCell> = {};
      for (const c of filled) cells[columnLetters(c.col)] = { text: c.text, type: c.type, ref: `${sheet.name}!${c.ref}` };
      rows.push({ rowNumber: row.rowNumber, cells });
    }
    return { ok: true, sheet: sheet.name, headerRow: header.rowNumber, columns, idColumn, nameColumn, rows };
  }
  return {
    ok: false,
    kind: "no-header-row",
    reason: {
      zh: "工作簿中没有可见工作表在前 10 行内有表头行（需含 编号/序号 和 单位名称）：请在名单上方加入表头行",
      en: "no visible sheet has a header row in its first 10 rows (with 编号/序号 and 单位名称): add a header row above the member list",
    },
  };
}
