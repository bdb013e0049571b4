// What Excel displays for a cell (documents.md §1 "Cells"): date formats, whole numbers as
// String() writes them, numbers past 2^53 as Excel's General format shows them, A1 references.

/** Built-in number-format ids that are dates: 14–17, 22, 27–36, 50–58 (the last two: Chinese 年月日 families). */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** A custom format code is a date when it holds y or d codes outside quotes, escapes and [..] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  // Only the first section (positive numbers) decides what a positive serial shows.
  const first = bare.split(";")[0] ?? "";
  return /[yd]/i.test(first) && !/^general$/i.test(first.trim());
}

/** Excel serial → YYYY-MM-DD (1900 system with its phantom 1900-02-29, or the 1904 system). */
export function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86400000;
  else if (days < 60) ms = Date.UTC(1899, 11, 31) + days * 86400000;
  else ms = Date.UTC(1899, 11, 30) + days * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Number text: whole numbers as String() writes them; past 2^53 as Excel's General shows them (9.12327E+17). */
export function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw.trim();
  if (Math.abs(n) > 2 ** 53) {
    const [mantissa, exp] = n.toPrecision(6).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    return exp === undefined ? m : `${m}E${exp.startsWith("-") ? exp : `+${exp.replace("+", "")}`}`;
  }
  return String(n);
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "D7" → {col: 4, row: 7}; undefined when malformed. */
export function parseRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}
