// `--format csv`: one row per finding, for the follow-up lists a secretariat keeps in a
// spreadsheet. UTF-8 with a byte-order mark, so that Excel opens the Chinese text as Chinese
// rather than as mojibake; CRLF line ends and RFC 4180 quoting.
//
// Every cell is text from files we do not trust, and a spreadsheet runs a cell that starts with
// `=`, `+`, `-`, `@` (or a tab or CR before one) as a formula ("CSV injection", OWASP): such a
// cell is written with a leading `'`, which spreadsheets show as text. Control characters are
// shown visibly (`\u001b`), never raw (visible.ts). The header row is the column ids, in English
// in every language, so that scripts can read it; the messages and citations are in ctx.lang.
import type { Finding, ProposalReport } from "../types.js";
import { citeText, triageOrder } from "./common.js";
import type { Formatter } from "./types.js";
import { visible } from "./visible.js";

export const CSV_COLUMNS = ["proposal", "alliance", "status", "file", "line", "column", "locator", "severity", "rule", "message", "citation"] as const;

/** Leading characters that make a spreadsheet evaluate a cell (after any spaces). */
const FORMULA_START = /^[ \u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A cell as a spreadsheet will show it, never run it: neutralised, controls visible, quoted when needed. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  s = visible(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(p: ProposalReport, f: Finding, lang: "zh" | "en"): string {
  const cells: (string | number)[] = [
    p.path,
    p.name ?? "",
    p.status,
    f.file,
    f.line,
    f.column,
    f.locator ?? "",
    f.severity,
    f.ruleId,
    f.message,
    citeText(f, lang),
  ];
  return cells.map(csvCell).join(",");
}

export const csv: Formatter = (report, ctx) => {
  const lines = [CSV_COLUMNS.join(",")];
  // Failing and unaudited proposals first, as in stylish and markdown.
  for (const p of triageOrder(report.proposals)) for (const f of p.findings) lines.push(row(p, f, ctx.lang));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
};
