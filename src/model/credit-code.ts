// 统一社会信用代码 (GB 32100-2015), both checks as ../shared/spec/data-model.md defines them, and
// the usual ways a code gets damaged on its way through a spreadsheet (fidelity.md C5).
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem =
  | "missing"
  | "fullwidth"
  | "spaces"
  | "old-registration"
  | "letter-o-or-i"
  | "lowercase"
  | "excel-number"
  | "format"
  | "checksum"
  | "org-checksum";

export interface CreditCodeDefect {
  problem: CreditCodeProblem;
  /** The check character the code should end in (checksum, org-checksum). */
  expected?: string;
}

/** The 18th character that the first 17 call for, or undefined when they are not all valid. */
export function checkCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  // (31 - s mod 31) mod 31: a check value of 0 is the character '0'.
  return ALPHABET[(31 - (sum % 31)) % 31];
}

function orgCheckCharacter(code: string): string {
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code[8 + i];
    const v = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    orgSum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (orgSum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** The first defect of a code, in the order of fidelity.md C5; undefined for a valid code. */
export function creditCodeDefect(value: unknown): CreditCodeDefect | undefined {
  if (typeof value === "number") return { problem: "excel-number" }; // a spreadsheet number cell
  if (typeof value !== "string" || value.trim() === "") return { problem: "missing" };
  const code = value.trim();
  if (code.length > 64) return { problem: "format" };
  if (/[\uFF01-\uFF5E\u3000]/.test(code)) return { problem: "fullwidth" };
  if (/\s/.test(code)) return { problem: "spaces" };
  if (code.length === 15 && /^[0-9A-Za-z]+$/.test(code)) return { problem: "old-registration" };
  const upper = code.toUpperCase();
  if (code.length === 18 && /[OI]/.test(upper) && [...upper.replace(/O/g, "0").replace(/I/g, "1")].every((c) => ALPHABET.includes(c))) {
    return { problem: "letter-o-or-i" };
  }
  // Defined in upper case: a lower-case code is invalid even if its upper case would pass.
  if (code.length === 18 && code !== upper && [...upper].every((c) => ALPHABET.includes(c))) return { problem: "lowercase" };
  // Excel's exponent notation (1.22303E+17) always has the '+': 912301041000002E51 is a valid code.
  if (/^\d+(?:\.\d+)?E\+\d+$/i.test(code)) return { problem: "excel-number" };
  if (code.length !== 18 || ![...code].every((c) => ALPHABET.includes(c))) return { problem: "format" };
  const expected = checkCharacter(code.slice(0, 17))!;
  if (code[17] !== expected) return { problem: "checksum", expected };
  // Characters 9–17 are the GB 11714 organization code with its own check character.
  const org = orgCheckCharacter(code);
  if (code[16] !== org) return { problem: "org-checksum", expected: org };
  return undefined;
}

/** Revision 1's interface: the problem only. */
export function creditCodeProblem(value: unknown): CreditCodeProblem | undefined {
  return creditCodeDefect(value)?.problem;
}

/** A valid code (both checks pass). */
export function isValidCreditCode(value: unknown): value is string {
  return creditCodeDefect(value) === undefined;
}

/** What the code's first two characters say about the registrant (GB 32100, B2). */
export function registrantKind(code: string): { zh: string; en: string } | undefined {
  const KINDS: Record<string, { zh: string; en: string }> = {
    "11": { zh: "机关", en: "a government organ" },
    "12": { zh: "事业单位", en: "a public institution" },
    "13": { zh: "群团组织", en: "a mass organisation" },
    "19": { zh: "其他机构编制登记单位", en: "another unit registered with the staffing authority" },
    "51": { zh: "社会团体", en: "a social organisation" },
    "52": { zh: "民办非企业单位", en: "a private non-enterprise unit" },
    "53": { zh: "基金会", en: "a foundation" },
    "59": { zh: "其他民政登记单位", en: "another unit registered with civil affairs" },
    "91": { zh: "企业", en: "an enterprise" },
    "92": { zh: "个体工商户", en: "an individual business" },
    "93": { zh: "农民专业合作社", en: "a farmers' cooperative" },
  };
  const k = KINDS[code.slice(0, 2)];
  if (k) return k;
  return { zh: "其他登记管理部门登记的单位", en: "a unit of another registration authority" };
}
