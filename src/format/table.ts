// The summary table of stylish, drawn as cli-table3 draws it (the same characters and colours,
// byte for byte) but in time linear in its rows: cli-table3 lays a table out in time that grows
// with the square of its rows (a merged report of 80,000 proposals took seven minutes in its
// summary table alone; issue #12). Cells are one line each, left-aligned, padded by one space;
// widths are counted in terminal columns (string-width: CJK two, ANSI colours none).
import { displayWidth } from "./wrap.js";

export interface TableStyle {
  /** Head cells in bold and borders in grey, as cli-table3's `style: { head: ["bold"], border: ["grey"] }`. */
  color: boolean;
}

const GREY = (s: string) => `\u001b[90m${s}\u001b[39m`;
const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;

/** `head` and `rows` as a boxed table, without a final newline. */
export function renderTable(head: string[], rows: (string | number)[][], style: TableStyle): string {
  const grey = style.color ? GREY : (s: string) => s;
  const bold = style.color ? BOLD : (s: string) => s;
  const cells = rows.map((r) => r.map(String));
  const n = head.length;
  const widths = head.map((h) => displayWidth(h));
  for (const r of cells) for (let i = 0; i < n; i++) widths[i] = Math.max(widths[i], displayWidth(r[i] ?? ""));
  const rule = (left: string, mid: string, right: string) => widths.map((w, i) => grey((i === 0 ? left : mid) + "─".repeat(w + 2) + (i === n - 1 ? right : ""))).join("");
  const line = (r: string[], paint: (s: string) => string) => grey("│") + widths.map((w, i) => paint(` ${r[i] ?? ""}${" ".repeat(w - displayWidth(r[i] ?? ""))} `) + grey("│")).join("");
  const out = [rule("┌", "┬", "┐"), line(head, bold)];
  const between = rule("├", "┼", "┤");
  for (const r of cells) out.push(between, line(r, (s) => s));
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
