// CSV roster → the same data as members.yaml ({ members: [...] }) + positions of every cell.
// csv-parse reads the values and reports syntax errors; a small quote-aware scan finds where
// each cell starts, because csv-parse's own `raw`/`info` do not give cell offsets.
import { createRequire } from "node:module";
import type { Text } from "../types.js";
import { BOOLEAN_FIELDS, HEADER_ALIASES, booleanCell } from "../model/aliases.js";
import { PositionIndex, setOwn, type LoadResult, type Position } from "./document.js";

type CsvParse = typeof import("csv-parse/sync");
let csv: CsvParse | undefined;
function csvParse(): CsvParse {
  csv ??= createRequire(import.meta.url)("csv-parse/sync") as CsvParse;
  return csv;
}

/** Excel saves "CSV" with ';' in some locales and tab-separated "Unicode text": take the header's. */
function detectDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t"]) {
    const n = headerLine.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Start offsets of each non-empty record and of each of its cells. */
function cellOffsets(text: string, delimiter: string): number[][] {
  const records: number[][] = [];
  let cells: number[] = [0];
  let inQuotes = false;
  let recordHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      recordHasContent = true;
    } else if (ch === delimiter) {
      cells.push(i + 1);
      recordHasContent = true;
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      // A lone CR ends a record too: csv-parse detects it, and older Excel for Mac writes it.
      if (recordHasContent) records.push(cells);
      cells = [i + 1];
      recordHasContent = false;
    } else if (ch !== "\r") {
      recordHasContent = true;
    }
  }
  if (recordHasContent) records.push(cells);
  return records;
}

export function loadCsv(text: string): LoadResult {
  const positions = new PositionIndex(text);
  const fail = (message: Text, offset: number): LoadResult => ({ ok: false, error: { message, position: positions.positionOf(offset) } });
  const body = text.replace(/^\uFEFF/, "");
  const offsetShift = text.length - body.length;
  if (body.trim() === "") return fail({ zh: "文件为空，没有任何内容", en: "the file is empty" }, 0);

  const firstLine = body.slice(0, body.search(/[\r\n]|$/));
  const delimiter = detectDelimiter(firstLine);
  let rows: string[][];
  try {
    rows = csvParse().parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    const line = Math.max(1, err.lines ?? 1);
    const reason = String(err.message ?? "syntax error").replace(/^[A-Za-z ]+:\s*/, "");
    return {
      ok: false,
      error: { message: { zh: `CSV 语法错误（第 ${line} 行）：${reason}`, en: `CSV syntax error (line ${line}): ${reason}` }, position: { line, column: 1 } },
    };
  }
  if (rows.length === 0) return fail({ zh: "文件为空，没有任何内容", en: "the file is empty" }, 0);
  const offsets = cellOffsets(body, delimiter).map((r) => r.map((o) => o + offsetShift));
  const cellAt = (row: number, col: number): number => offsets[row]?.[col] ?? offsets[row]?.[0] ?? 0;

  const header = rows[0].map((h) => {
    const name = h.trim();
    return Object.hasOwn(HEADER_ALIASES, name) ? HEADER_ALIASES[name] : name;
  });
  // Column of each key. A key given twice (`id` and `编号`, say) would let one column silently
  // overwrite the other: refuse, naming both columns.
  const columnOf = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const key = header[c];
    if (key === "") continue;
    const first = columnOf.get(key);
    if (first !== undefined) {
      return fail(
        {
          zh: `表头第 ${first + 1} 列和第 ${c + 1} 列都是“${key}”；请删除或改名其中一列`,
          en: `the header names "${key}" twice, in columns ${first + 1} and ${c + 1}; remove or rename one of them`,
        },
        cellAt(0, c),
      );
    }
    columnOf.set(key, c);
  }
  if (rows.length === 1) {
    return fail(
      {
        zh: "名单只有表头，没有任何成员行；请每个成员单位填写一行",
        en: "the roster has a header row but no member rows; add one row per member",
      },
      cellAt(0, 0),
    );
  }
  const members: Record<string, unknown>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== header.length) {
      const line = positions.positionOf(cellAt(r, 0)).line;
      const more = row.length > header.length;
      return fail(
        {
          zh: `CSV 第 ${line} 行有 ${row.length} 列，表头有 ${header.length} 列${more ? "（单元格内的逗号需要用英文双引号括起来）" : ""}；请补齐或删除多余的单元格`,
          en: `CSV line ${line} has ${row.length} cells but the header has ${header.length}${more ? " (a comma inside a cell must be quoted)" : ""}; fill in or remove cells`,
        },
        cellAt(r, Math.min(row.length, header.length) - 1),
      );
    }
    const member: Record<string, unknown> = {};
    for (let c = 0; c < header.length; c++) {
      const key = header[c];
      if (key === "") continue;
      const cell = row[c].trim();
      if (cell === "") continue; // an empty cell is an absent value
      setOwn(member, key, BOOLEAN_FIELDS.has(key) ? booleanCell(cell) : cell);
    }
    members.push(member);
  }

  // Positions are worked out from the pointer when a finding asks (member i is record i + 1),
  // not recorded for every cell: a 10,000-row roster has 100,000 cells and a handful of findings.
  const locateOffset = (pointer: string, at: "value" | "key"): number => {
    const segs = pointer.split("/");
    if (pointer === "" || segs[1] !== "members") return 0;
    if (segs.length === 2) return cellAt(0, 0);
    const index = /^\d+$/.test(segs[2]) ? Number(segs[2]) : -1;
    if (index < 0 || index >= members.length) return cellAt(0, 0); // absent member: the roster
    const row = index + 1;
    if (segs.length === 3) return cellAt(row, 0);
    const c = columnOf.get(segs[3].replace(/~1/g, "/").replace(/~0/g, "~"));
    if (c === undefined) return cellAt(row, 0); // a column the file does not have: the member's row
    if (segs.length > 4) return cellAt(0, c); // below a cell: its column's header
    return at === "key" ? cellAt(0, c) : cellAt(row, c);
  };
  const locate = (pointer: string, at: "value" | "key" = "value"): Position => positions.positionOf(locateOffset(pointer, at));
  return { ok: true, doc: { file: "", data: { members }, locate, positionOf: positions.positionOf, comments: [] } };
}
