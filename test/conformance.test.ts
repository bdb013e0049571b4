// The conformance cases of ../shared/conformance (copied byte for byte into test/fixtures/conformance),
// checked as ../shared/conformance/run.mjs does, but through the programmatic API:
// the multiset of (ruleId, severity), positions of every finding, locators and evidence (the d*
// document cases), and pass/fail.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { audit } from "../src/audit.js";
import type { Profile } from "../src/types.js";
import { CASES, tallyBySeverity } from "./helpers/proposal.js";

interface Expected {
  profile: Profile;
  asOf: string;
  findings: Record<string, Record<string, number>>;
  /** ruleId → locators that findings of that rule must carry (documents.md §2). */
  locators?: Record<string, string[]>;
  /** ruleId → evidence one finding of that rule must carry. */
  evidence?: Record<string, { locator?: string; excerptIncludes?: string }>;
}

const cases = readdirSync(CASES)
  .filter((n) => statSync(join(CASES, n)).isDirectory() && existsSync(join(CASES, n, "expected.json")))
  .sort();

describe("conformance cases", () => {
  it("are all present (21 cases without documents, 7 with, the GB18030 roster byte for byte)", () => {
    expect(cases.length).toBe(28);
    expect(cases.filter((n) => /^d\d/.test(n))).toHaveLength(7);
    const csv = readFileSync(join(CASES, "csv-roster-gbk", "members.csv"));
    // GB18030 bytes, not UTF-8: the first header cell 编号 is B1 E0 BA C5.
    expect([...csv.subarray(0, 4)]).toEqual([0xb1, 0xe0, 0xba, 0xc5]);
  });

  it.each(cases)("%s", async (name) => {
    const dir = join(CASES, name);
    const exp = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const report = await audit({ paths: [dir], cwd: CASES, profile: exp.profile, asOf: exp.asOf, lang: "en", jobs: 1 });

    expect(report.profile).toBe(exp.profile);
    expect(report.asOf).toBe(exp.asOf);
    expect(report.proposals).toHaveLength(1);
    const p = report.proposals[0];
    expect(p.path).toBe(name);

    expect(tallyBySeverity(p.findings)).toEqual(exp.findings);

    for (const f of p.findings) {
      if (f.ruleId === "file/missing") continue;
      expect(f.file, `${f.ruleId} file`).toMatch(new RegExp(`^${name}/`));
      expect(existsSync(resolve(CASES, f.file)), `${f.ruleId}: ${f.file} exists`).toBe(true);
      expect(f.line, `${f.ruleId} line`).toBeGreaterThanOrEqual(1);
      expect(f.column, `${f.ruleId} column`).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(f.line) && Number.isInteger(f.column)).toBe(true);
    }

    for (const [rule, locs] of Object.entries(exp.locators ?? {})) {
      const have = p.findings.filter((f) => f.ruleId === rule).map((f) => f.locator);
      for (const l of locs) expect(have, `${rule} locators`).toContain(l);
    }
    for (const [rule, want] of Object.entries(exp.evidence ?? {})) {
      const ev = p.findings.filter((f) => f.ruleId === rule).map((f) => f.evidence);
      const ok = ev.some((e) => !!e && (!want.locator || e.locator === want.locator) && (!want.excerptIncludes || e.excerpt.includes(want.excerptIncludes)));
      expect(ok, `${rule} evidence ${JSON.stringify(want)} in ${JSON.stringify(ev)}`).toBe(true);
    }

    const anyError = Object.values(exp.findings).some((s) => s.error);
    const unaudited = Object.keys(exp.findings).some((id) => id.startsWith("file/"));
    const status = unaudited ? "unaudited" : anyError ? "fail" : "pass";
    expect(p.status).toBe(status);
    expect(report.summary).toMatchObject({ proposals: 1, passed: status === "pass" ? 1 : 0, failed: status === "fail" ? 1 : 0, unaudited: unaudited ? 1 : 0 });
  });
});
