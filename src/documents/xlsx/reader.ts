// .xlsx → sheets → rows → cells with the displayed text (documents.md §1). Shares the zip and XML
// layer (and its limits) with the .docx reader; worksheets are parsed as a stream so that a
// giant sheet stops at the row limit instead of building a tree first.
import { DocumentError, limitError } from "../errors.js";
import { DOC_LIMITS } from "../limits.js";
import { child, children, descendants, parseXml, streamXml, type XmlElement } from "../xml.js";
import { readZipParts } from "../zip.js";
import { columnLetters, isBuiltinDateFormat, isDateFormatCode, numberText, parseRef, serialToDate } from "./cells.js";

export type CellType = "string" | "number" | "boolean" | "date" | "error";

export interface Cell {
  /** A1 reference within the sheet ("D7"). */
  ref: string;
  row: number;
  /** 1-based column (A = 1). */
  col: number;
  /** What Excel displays, trimmed (documents.md §1 "Cells"). */
  text: string;
  type: CellType;
  /** The value as stored in the file (a number cell's "9.12327E+17" or "912327000000000000"). */
  raw: string;
  /** True when the cell holds a formula (text is its cached value). */
  formula?: boolean;
}

export interface Row {
  rowNumber: number;
  hidden: boolean;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  /** Position in workbook order, 0-based. */
  order: number;
  state: "visible" | "hidden" | "veryHidden";
  rows: Row[];
  /** Merged ranges ("A1:F1"); values live in the top-left cell. */
  merges: string[];
}

export interface Workbook {
  sheets: Sheet[];
  date1904: boolean;
}


function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Text of a shared string / inline string, without phonetic runs (<rPh>). */
function richText(si: XmlElement): string {
  let s = "";
  for (const c of si.children) {
    if (typeof c === "string") continue;
    if (c.name === "t") s += c.children.filter((x): x is string => typeof x === "string").join("");
    else if (c.name === "r") s += richText(c);
  }
  return s;
}

interface Styles {
  /** cellXfs index → is a date format. */
  dateXf: boolean[];
}

function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { dateXf: [] };
  const root = parseXml(xml, "xl/styles.xml");
  const ss = child(root, "styleSheet");
  const custom = new Map<number, string>();
  for (const f of children(child(ss, "numFmts"), "numFmt")) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? "");
  const dateXf = children(child(ss, "cellXfs"), "xf").map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id);
  });
  return { dateXf };
}

function parseSheet(xml: string, part: string, shared: string[], styles: Styles, date1904: boolean): { rows: Row[]; merges: string[] } {
  const rows: Row[] = [];
  const merges: string[] = [];
  let depth = 0;
  let row: Row | undefined;
  let cell: { ref: string; t: string; s: number; v: string; f: boolean; inline: string; inV: boolean; inIs: number; inT: boolean; inRPh: number } | undefined;
  let implicitRow = 0;
  let implicitCol = 0;
  // Streamed, not built into a tree: a 100,000-row sheet stays small in memory.
  streamXml(xml, part, (parser) => {
    parser.on("opentag", (tag) => {
      if (!tag.isSelfClosing && ++depth > DOC_LIMITS.maxXmlDepth) throw limitError("xml.depth", `${part} 的 XML 嵌套超过 ${DOC_LIMITS.maxXmlDepth} 层`, `${part} nests XML deeper than ${DOC_LIMITS.maxXmlDepth} levels`);
      const a = tag.attributes as Record<string, string>;
      switch (tag.name) {
        case "row": {
          if (rows.length >= DOC_LIMITS.maxSheetRows) {
            throw limitError("xlsx.rows", `工作表超过 ${DOC_LIMITS.maxSheetRows} 行`, `the worksheet has more than ${DOC_LIMITS.maxSheetRows} rows`);
          }
          const r = Number(a.r);
          implicitRow = Number.isInteger(r) && r > 0 ? r : implicitRow + 1;
          implicitCol = 0;
          row = { rowNumber: implicitRow, hidden: a.hidden === "1" || a.hidden === "true", cells: [] };
          rows.push(row);
          break;
        }
        case "c": {
          const pos = a.r ? parseRef(a.r) : undefined;
          implicitCol = pos ? pos.col : implicitCol + 1;
          const ref = `${columnLetters(implicitCol)}${row?.rowNumber ?? implicitRow}`;
          cell = { ref, t: a.t ?? "n", s: Number(a.s ?? 0), v: "", f: false, inline: "", inV: false, inIs: 0, inT: false, inRPh: 0 };
          break;
        }
        case "v":
          if (cell) cell.inV = true;
          break;
        case "f":
          if (cell) cell.f = true;
          break;
        case "is":
          if (cell) cell.inIs++;
          break;
        case "rPh":
          if (cell) cell.inRPh++;
          break;
        case "t":
          if (cell && cell.inIs) cell.inT = true;
          break;
        case "mergeCell":
          if (a.ref && merges.length < 100_000) merges.push(a.ref);
          break;
      }
    });
    parser.on("text", (t) => {
      if (!cell) return;
      if (cell.inV) cell.v += t;
      else if (cell.inT && !cell.inRPh) cell.inline += t;
    });
    parser.on("closetag", (tag) => {
      if (!tag.isSelfClosing) depth--;
      switch (tag.name) {
        case "v":
          if (cell) cell.inV = false;
          break;
        case "t":
          if (cell) cell.inT = false;
          break;
        case "is":
          if (cell) cell.inIs--;
          break;
        case "rPh":
          if (cell) cell.inRPh--;
          break;
        case "c": {
          if (cell && row) {
            const done = finishCell(cell, shared, styles, date1904);
            if (done) {
              const pos = parseRef(cell.ref)!;
              row.cells.push({ ref: cell.ref, row: pos.row, col: pos.col, ...done });
            }
          }
          cell = undefined;
          break;
        }
        case "row":
          row = undefined;
          break;
      }
    });
  });
  return { rows, merges };
}

function finishCell(
  c: { t: string; s: number; v: string; f: boolean; inline: string },
  shared: string[],
  styles: Styles,
  date1904: boolean,
): Omit<Cell, "ref" | "row" | "col"> | undefined {
  const extra = c.f ? { formula: true } : {};
  switch (c.t) {
    case "s": {
      const raw = shared[Number(c.v)] ?? "";
      return { text: raw.trim(), type: "string", raw, ...extra };
    }
    case "inlineStr":
      return c.inline === "" && c.v === "" ? undefined : { text: (c.inline || c.v).trim(), type: "string", raw: c.inline || c.v, ...extra };
    case "str":
      return { text: c.v.trim(), type: "string", raw: c.v, ...extra };
    case "b":
      return { text: c.v.trim() === "1" ? "true" : "false", type: "boolean", raw: c.v, ...extra };
    case "e":
      return { text: c.v.trim(), type: "error", raw: c.v, ...extra };
    default: {
      if (c.v.trim() === "") return undefined;
      if (styles.dateXf[c.s]) {
        const d = serialToDate(Number(c.v), date1904);
        if (d) return { text: d, type: "date", raw: c.v, ...extra };
      }
      return { text: numberText(c.v), type: "number", raw: c.v, ...extra };
    }
  }
}

/** Reads a workbook's bytes; throws a classified DocumentError when it cannot. */
export function readXlsxWorkbook(bytes: Uint8Array): Workbook {
  const parts = readZipParts(bytes, {
    kind: "xlsx",
    want: (name) =>
      name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels" || name === "xl/sharedStrings.xml" || name === "xl/styles.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(name),
  });
  const wbXml = parts.get("xl/workbook.xml");
  if (wbXml === undefined) {
    throw new DocumentError(
      { zh: "zip 压缩包中没有 Excel 工作簿（xl/workbook.xml）：这不是 .xlsx 文件，请另存为 .xlsx 或 CSV", en: "the zip holds no Excel workbook (xl/workbook.xml): it is not an .xlsx; save it as .xlsx or CSV" },
      "not-xlsx",
    );
  }
  const wb = child(parseXml(wbXml, "xl/workbook.xml"), "workbook");
  const pr = child(wb, "workbookPr");
  const date1904 = pr?.attrs.date1904 === "1" || pr?.attrs.date1904 === "true";
  const targets = new Map<string, string>();
  const relsXml = parts.get("xl/_rels/workbook.xml.rels");
  if (relsXml) for (const r of descendants(parseXml(relsXml, "xl/_rels/workbook.xml.rels"), "Relationship")) if (r.attrs.Id && r.attrs.Target) targets.set(r.attrs.Id, resolveTarget(r.attrs.Target));
  const ssXml = parts.get("xl/sharedStrings.xml");
  const shared = ssXml ? children(child(parseXml(ssXml, "xl/sharedStrings.xml", { keepTextIn: new Set(["t"]) }), "sst"), "si").map(richText) : [];
  const styles = parseStyles(parts.get("xl/styles.xml"));
  const sheets: Sheet[] = [];
  children(child(wb, "sheets"), "sheet").forEach((s, order) => {
    const rid = s.attrs["r:id"] ?? "";
    const path = targets.get(rid) ?? `xl/worksheets/sheet${order + 1}.xml`;
    const xml = parts.get(path);
    const state = s.attrs.state === "hidden" || s.attrs.state === "veryHidden" ? s.attrs.state : "visible";
    const name = s.attrs.name ?? `Sheet${order + 1}`;
    const { rows, merges } = xml === undefined ? { rows: [], merges: [] } : parseSheet(xml, path, shared, styles, date1904);
    sheets.push({ name, order, state, rows, merges });
  });
  return { sheets, date1904 };
}
