// CSV roster → the same data as members.yaml ({ members: [...] }) + positions of every cell.
// csv-parse reads the values and reports syntax errors; a small quote-aware scan finds where
// each cell starts, because csv-parse's own `raw`/`info` do not give cell offsets.
import { createRequire } from "node:module";
import type { Text } from "../types.js";
import { normaliseRosterValue, resolveHeaders } from "../model/aliases.js";
import { attachRosterSource } from "../model/roster-source.js";
import { LIMITS } from "../limits.js";
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

/**
 * Start offsets of each non-empty record and of each of its cells; or, when the file holds more
 * cells than `limit`, the offset of the first cell over it (the same value budget as YAML and
 * JSON: a 10 MB file of 5 million one-character cells would otherwise become 5 million values,
 * and a finding or more for each).
 */
function cellOffsets(text: string, delimiter: string, limit = Infinity): { records: number[][]; over?: number } {
  const records: number[][] = [];
  let cells: number[] = [0];
  let inQuotes = false;
  let recordHasContent = false;
  let total = 0; // cells of the records kept so far
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
      if (total + cells.length > limit) return { records, over: i + 1 };
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      // A lone CR ends a record too: csv-parse detects it, and older Excel for Mac writes it.
      if (recordHasContent) {
        records.push(cells);
        total += cells.length;
        if (total > limit) return { records, over: cells[cells.length - 1] };
      }
      cells = [i + 1];
      recordHasContent = false;
    } else if (ch !== "\r") {
      recordHasContent = true;
    }
  }
  if (recordHasContent) {
    records.push(cells);
    if (total + cells.length > limit) return { records, over: cells[cells.length - 1] };
  }
  return { records };
}

export function loadCsv(text: string): LoadResult {
  const positions = new PositionIndex(text);
  const fail = (message: Text, offset: number): LoadResult => ({ ok: false, error: { message, position: positions.positionOf(offset) } });
  const body = text.replace(/^\uFEFF/, "");
  const offsetShift = text.length - body.length;
  if (body.trim() === "") return fail({ zh: "文件为空，没有任何内容", en: "the file is empty" }, 0);

  const firstLine = body.slice(0, body.search(/[\r\n]|$/));
  const delimiter = detectDelimiter(firstLine);
  // Counted before anything is parsed or built.
  const scan = cellOffsets(body, delimiter, LIMITS.maxNodes);
  if (scan.over !== undefined) {
    return fail(
      {
        zh: `文件中的值超过 ${LIMITS.maxNodes} 个，已拒绝读取（可用 ALLIANCE_AUDIT_MAX_NODES 提高限制）`,
        en: `the file holds more than ${LIMITS.maxNodes} values; refused (raise the limit with ALLIANCE_AUDIT_MAX_NODES)`,
      },
      scan.over + offsetShift,
    );
  }
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
  const offsets = scan.records.map((r) => r.map((o) => o + offsetShift));
  const cellAt = (row: number, col: number): number => offsets[row]?.[col] ?? offsets[row]?.[0] ?? 0;

  // Rows with nothing but separators (Excel leaves them below the data) are no members.
  const blank = (row: string[]) => row.every((cell) => cell.trim() === "");
  const headerCells = rows[0];
  const dataRows: number[] = [];
  for (let r = 1; r < rows.length; r++) if (!blank(rows[r])) dataRows.push(r);
  const resolution = resolveHeaders(headerCells, (c) => dataRows.every((r) => (rows[r][c] ?? "").trim() === ""));
  if (resolution.duplicate) {
    // A field given twice (`id` and `编号`, say) would let one column silently overwrite the other.
    const { first, second } = resolution.duplicate;
    const [a, b] = [headerCells[first].trim(), headerCells[second].trim()];
    return fail(
      {
        zh: `表头第 ${first + 1} 列“${a}”和第 ${second + 1} 列“${b}”是同一字段；请删除或改名其中一列`,
        en: `the header columns ${first + 1} ("${a}") and ${second + 1} ("${b}") name the same field; remove or rename one of them`,
      },
      cellAt(0, second),
    );
  }
  // Column of each key for `locate`: the fields, and unknown headers under their own text.
  const columnOf = new Map<string, number>();
  resolution.fields.forEach((f, c) => f && columnOf.set(f, c));
  for (const u of resolution.unknown) if (!columnOf.has(u.header)) columnOf.set(u.header, u.column);
  if (dataRows.length === 0) {
    return fail(
      {
        zh: "名单只有表头，没有任何成员行；请每个成员单位填写一行",
        en: "the roster has a header row but no member rows; add one row per member",
      },
      cellAt(0, 0),
    );
  }
  const width = headerCells.length;
  const members: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  for (const r of dataRows) {
    const row = rows[r];
    if (row.length !== width) {
      const line = positions.positionOf(cellAt(r, 0)).line;
      const more = row.length > width;
      return fail(
        {
          zh: `CSV 第 ${line} 行有 ${row.length} 列，表头有 ${width} 列${more ? "（单元格内的逗号需要用英文双引号括起来）" : ""}；请补齐或删除多余的单元格`,
          en: `CSV line ${line} has ${row.length} cells but the header has ${width}${more ? " (a comma inside a cell must be quoted)" : ""}; fill in or remove cells`,
        },
        cellAt(r, Math.min(row.length, width) - 1),
      );
    }
    const member: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) {
      const field = resolution.fields[c];
      if (!field) continue; // ignored and unknown columns hold no member data
      const cell = row[c].trim();
      if (cell === "") continue; // an empty cell is an absent value
      setOwn(member, field, normaliseRosterValue(field, cell));
    }
    members.push(member);
    rowOf.push(positions.positionOf(cellAt(r, 0)).line);
  }
  const data: Record<string, unknown> = { members };
  attachRosterSource(data, {
    headers: headerCells.map((h) => h.trim()),
    columnOf: Object.fromEntries(resolution.fields.flatMap((f, c) => (f ? [[f, c]] : []))),
    rowOf,
    headerRow: positions.positionOf(cellAt(0, 0)).line,
    missing: resolution.missing,
    unknown: resolution.unknown,
  });

  // Positions are worked out from the pointer when a finding asks (member i is record dataRows[i]),
  // not recorded for every cell: a 10,000-row roster has 100,000 cells and a handful of findings.
  const locateOffset = (pointer: string, at: "value" | "key"): number => {
    const segs = pointer.split("/");
    if (pointer === "" || segs[1] !== "members") return 0;
    if (segs.length === 2) return cellAt(0, 0);
    const index = /^\d+$/.test(segs[2]) ? Number(segs[2]) : -1;
    if (index < 0 || index >= members.length) return cellAt(0, 0); // absent member: the roster
    const row = dataRows[index];
    if (segs.length === 3) return cellAt(row, 0);
    const c = columnOf.get(segs[3].replace(/~1/g, "/").replace(/~0/g, "~"));
    if (c === undefined) return cellAt(row, 0); // a column the file does not have: the member's row
    if (segs.length > 4) return cellAt(0, c); // below a cell: its column's header
    return at === "key" ? cellAt(0, c) : cellAt(row, c);
  };
  const locate = (pointer: string, at: "value" | "key" = "value"): Position => positions.positionOf(locateOffset(pointer, at));
  return { ok: true, doc: { file: "", data, locate, positionOf: positions.positionOf, comments: [] } };
}
