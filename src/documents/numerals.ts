// Chinese and other numerals: decoding the numbers in 第<n>条 / 三年 / 二〇二四年, and encoding
// Word's list formats (numFmt) into the label Word shows. Own code (documents-libraries.md §5.4):
// the packages tested decode 两 and full-width digits as 0.
const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, "○": 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may make up a number in 第<n>条 (documents.md §3 "Articles"). */
export const NUMERAL_CLASS = "0-9０-９〇○零一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟";

function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Decodes Arabic, full-width, Chinese and financial numerals; NaN when it is not a number. */
export function parseNumeral(input: string): number {
  const s = halfWidthDigits(input.trim());
  if (s === "") return NaN;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  let any = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      cur = DIGIT[ch];
      any = true;
    } else if (ch in UNIT) {
      total += (cur || 1) * UNIT[ch];
      cur = 0;
      any = true;
    } else return NaN;
  }
  return any ? total + cur : NaN;
}

/** A year written digit by digit (二〇二四, 2024, ２０２４) or as a count; NaN otherwise. */
export function parseYear(input: string): number {
  const s = halfWidthDigits(input.trim());
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in DIGIT)) return Number([...s].map((c) => DIGIT[c]).join(""));
  return parseNumeral(s);
}

const CN = "零一二三四五六七八九";
const CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";

/** chineseCounting: 1–10 一…十, 11 十一, 20 二十, 100 一百, 101 一百零一, 110 一百一十. */
export function toChineseCounting(n: number, legal = false): string {
  const digits = legal ? CN_LEGAL : CN;
  const units = legal ? ["", "拾", "佰", "仟"] : ["", "十", "百", "千"];
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n === 0) return digits[0];
  if (n >= 10000) return String(n);
  const parts = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i];
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // Word writes 十一…十九 for 11–19 (not 一十一) in chineseCounting, 壹拾壹 in the legal form.
    if (!(d === 1 && unit && i === 0 && parts.length === 2 && !legal)) out += digits[d];
    out += unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word's upperLetter: A…Z, then AA…ZZ, AAA… (the letter repeated).
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

const TIANGAN = "甲乙丙丁戊己庚辛壬癸";
const DIZHI = "子丑寅卯辰巳午未申酉戌亥";

/** The text Word shows for counter value n in list format numFmt (ECMA-376 ST_NumberFormat). */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographDigital":
      return numFmt === "ideographDigital" ? String(n).split("").map((d) => CN[Number(d)]).join("") : toChineseCounting(n);
    case "chineseLegalSimplified":
      return toChineseCounting(n, true);
    case "ideographTraditional":
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return DIZHI[(n - 1) % 12] ?? String(n);
    case "upperLetter":
      return letters(n, true);
    case "lowerLetter":
      return letters(n, false);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}
