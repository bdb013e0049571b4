// 统一社会信用代码 (GB 32100-2015) as data-model.md defines it, and unquoted codes in YAML/JSON/CSV
// checked as their source text, never as a (rounded) number.
import { afterAll, describe, expect, it } from "vitest";
import { creditCodeDefect, creditCodeProblem } from "../../src/model/credit-code.js";
import { Sandbox, auditOne, baseCharterText, baseMembers, baseMembersText, of, replaceOnce, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

// An independent implementation of the two checks, to generate codes the tests need.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function checkChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += ALPHABET.indexOf(first17[i]) * W[i];
  return ALPHABET[(31 - (s % 31)) % 31];
}

describe("creditCodeProblem", () => {
  it.each(["91350100M000100Y43", "12100000400000624D", "912301041000002E51", "912301041000000246", "91230100MA1B2C3D8M"])("%s passes", (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it("a check value of 0 is the character 0", () => {
    expect(checkChar("91230104200000048")).toBe("0");
    expect(creditCodeProblem("912301042000000480")).toBeUndefined();
    // A validator computing 31 - s mod 31 without the final mod would want index 31 (nothing).
    for (const wrong of ["Y", "1", "X"]) expect(creditCodeProblem(`91230104200000048${wrong}`)).toBe("checksum");
  });

  it("organization code check: c = 11 is 0, c = 10 is X", () => {
    expect(creditCodeProblem("91230104300000010F")).toBeUndefined(); // organization code 30000001-0
    expect(creditCodeProblem("9123010430000007XF")).toBeUndefined(); // organization code 30000007-X
  });

  it("a code whose 18th character is right but whose organization code check is wrong is invalid", () => {
    // 91350100M000100Y4|3 with the organization check 4 → 5 and the 18th character recomputed.
    expect(checkChar("91350100M000100Y5")).toBe("6");
    expect(creditCodeProblem("91350100M000100Y56")).toBe("org-checksum");
    expect(creditCodeProblem("91350100M000100YXG")).toBe("org-checksum");
  });

  it("a wrong 18th character is a checksum problem", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("checksum");
    expect(creditCodeProblem("12100000400000624E")).toBe("checksum");
  });

  it("lower case is invalid even when the upper case passes", () => {
    expect(creditCodeProblem("91350100m000100y43")).toBe("lowercase");
    expect(creditCodeProblem("12100000400000624d")).toBe("lowercase");
  });

  it("surrounding spaces are trimmed", () => {
    expect(creditCodeProblem("  91350100M000100Y43\t")).toBeUndefined();
  });

  it.each([
    ["17 characters", "91350100M000100Y4"],
    ["19 characters", "91350100M000100Y430"],
    ["S, V, Z are not in the alphabet", "9135010SVZ00100Y43"],
  ])("format: %s", (_why, code) => {
    expect(creditCodeProblem(code)).toBe("format");
  });

  // fidelity.md C5: each damage its own message, the first in this order.
  it.each([
    ["fullwidth", "９1350100M000100Y43"],
    ["spaces", "91350100M000 100Y43"],
    ["old-registration", "230100100012345"],
    ["letter-o-or-i", "91350100I000100Y43"],
    ["letter-o-or-i", "91350100O000100Y43"],
    ["lowercase", "91350100m000100y43"],
    ["excel-number", "9.1235E+17"],
    ["excel-number", 912301041000000246],
  ] as const)("%s: %s", (problem, code) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it("a wrong check character names the right one", () => {
    expect(creditCodeDefect("91350100M000100Y44")).toEqual({ problem: "checksum", expected: "3" });
    expect(creditCodeDefect("91350100M000100Y43")).toBeUndefined();
  });

  it("missing: absent, empty, blank, or not text", () => {
    for (const v of [undefined, null, "", "   ", true]) expect(creditCodeProblem(v)).toBe("missing");
  });
});

describe("codes in the roster are checked as written", () => {
  const rosterWith = (code: string) => replaceOnce(baseMembersText(), "credit_code: 91230110MA18XK5P7K", `credit_code: ${code}`);

  it("an unquoted 18-digit code (beyond a double's precision) passes when its digits do", async () => {
    expect(String(Number("912301041000000246"))).not.toBe("912301041000000246"); // the number would be rounded
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.yaml": rosterWith("912301041000000246") }));
    expect(r.findings).toEqual([]);
  });

  it("an unquoted code that YAML reads as a float in exponent notation passes", async () => {
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.yaml": rosterWith("912301041000002E51") }));
    expect(r.findings).toEqual([]);
  });

  it("an invalid unquoted all-digit code is reported with its digits, not a rounded number", async () => {
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.yaml": rosterWith("912301041000000247") }));
    expect(tally(r.findings)).toEqual({ "members/credit-code-invalid": 1 });
    expect(r.findings[0].message).toContain('"912301041000000247"');
    expect(r.findings[0].message).toMatch(/check character/);
  });

  it("an unquoted all-digit code in JSON is checked as its source text", async () => {
    const json = JSON.stringify(baseMembers(), null, 2).replace('"credit_code": "91230110MA18XK5P7K"', '"credit_code": 912301041000000246');
    expect(json).toContain('"credit_code": 912301041000000246');
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.json": json }));
    expect(r.findings).toEqual([]);
    const bad = json.replace("912301041000000246", "912301041000000247");
    const r2 = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.json": bad }));
    expect(of(r2, "members/credit-code-invalid").map((f) => f.message)).toEqual([expect.stringContaining('"912301041000000247"')]);
    expect(tally(r2.findings)).toEqual({ "members/credit-code-invalid": 1 });
  });

  it("a short unquoted number is a format problem, never schema/invalid", async () => {
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.yaml": rosterWith("12345") }));
    expect(tally(r.findings)).toEqual({ "members/credit-code-invalid": 1 });
    expect(r.findings[0].message).toContain('"12345"');
  });

  it("a lower-case code in the roster", async () => {
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.yaml": rosterWith("91230110ma18xk5p7k") }));
    expect(tally(r.findings)).toEqual({ "members/credit-code-invalid": 1 });
    expect(r.findings[0].message).toMatch(/lower-case/);
  });
});
