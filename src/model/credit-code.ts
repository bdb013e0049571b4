// 统一社会信用代码 (GB 32100-2015), both checks as ../shared/spec/data-model.md defines them.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = "missing" | "lowercase" | "format" | "checksum" | "org-checksum";

export function creditCodeProblem(value: unknown): CreditCodeProblem | undefined {
  if (typeof value !== "string" || value.trim() === "") return "missing";
  const code = value.trim();
  // Defined in upper case: a lower-case code is invalid even if its upper case would pass.
  if (code.length === 18 && code !== code.toUpperCase() && [...code.toUpperCase()].every((c) => ALPHABET.includes(c))) return "lowercase";
  if (code.length !== 18 || ![...code].every((c) => ALPHABET.includes(c))) return "format";
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  // (31 - s mod 31) mod 31: a check value of 0 is the character '0'.
  if (code[17] !== ALPHABET[(31 - (sum % 31)) % 31]) return "checksum";
  // Characters 9–17 are the GB 11714 organization code with its own check character.
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code[8 + i];
    const v = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    orgSum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (orgSum % 11);
  const expected = check === 10 ? "X" : check === 11 ? "0" : String(check);
  if (code[16] !== expected) return "org-checksum";
  return undefined;
}
