// CSV roster → the same data as members.yaml ({ members: [...] }) + positions of every cell.
// csv-parse reads the values and reports syntax errors; a small quote-aware scan finds where
// each cell starts, because csv-parse's own `raw`/`info` do not give cell offsets.
import { createRequire } from "node:module";
import type { Text } from "../types.js";
import { BOOLEAN_FIELDS, HEADER_ALIASES, booleanCell } from "../model/aliases.js";
import { PositionIndex, pointerSegment, setOwn, type LoadResult } from "./document.js";

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
    } else if (ch === "\n") {
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

  const firstLine = body.slice(0, body.search(/\r?\n|$/));
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
  const offsets = cellOffsets(body, delimiter).map((r) => r.map((o) => o + offsetShift));
  const cellAt = (row: number, col: number): number => offsets[row]?.[col] ?? offsets[row]?.[0] ?? 0;

  const header = rows[0].map((h) => {
    const name = h.trim();
    return HEADER_ALIASES[name] ?? name;
  });
  const members: Record<string, unknown>[] = [];
  positions.value("", 0);
  positions.value("/members", cellAt(0, 0));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = positions.positionOf(cellAt(r, 0)).line;
    if (row.length !== header.length) {
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
    const mp = `/members/${members.length}`;
    positions.value(mp, cellAt(r, 0));
    for (let c = 0; c < header.length; c++) {
      const key = header[c];
      if (key === "") continue;
      const cell = row[c].trim();
      const pointer = `${mp}/${pointerSegment(key)}`;
      positions.key(pointer, cellAt(0, c));
      positions.value(pointer, cellAt(r, c));
      if (cell === "") continue; // an empty cell is an absent value
      setOwn(member, key, BOOLEAN_FIELDS.has(key) ? booleanCell(cell) : cell);
    }
    members.push(member);
  }
  return { ok: true, doc: { file: "", data: { members }, locate: positions.locate, positionOf: positions.positionOf, comments: [] } };
}
