// Calendar dates as `YYYY-MM-DD` strings: they compare correctly as strings, and nothing here
// depends on the machine's time zone.

export interface YMD {
  y: number;
  m: number;
  d: number;
}

function daysIn(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The date if `v` is a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function parseDate(v: unknown): YMD | undefined {
  if (typeof v !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  return { y, m: mo, d };
}

export function validDate(v: unknown): string | undefined {
  return parseDate(v) ? (v as string).trim() : undefined;
}

export function format({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Add whole months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(date: YMD, months: number): YMD {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(date.d, daysIn(y, m)) };
}

export function addDays(date: YMD, days: number): YMD {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Whole months from `a` to `b` (a month counts once its day is reached). */
export function wholeMonths(a: YMD, b: YMD): number {
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

/** Today in the local time zone: the default as-of date. */
export function today(now = new Date()): string {
  return format({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}
