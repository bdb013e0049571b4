// Inline suppressions (`# alliance-audit-disable-next-line <rule-id> -- <reason>`): a suppressed
// finding is counted, never dropped silently; a suppression without a reason and one that
// suppresses nothing are warnings of their own.
import { afterAll, describe, expect, it } from "vitest";
import { AS_OF, Sandbox, auditOne, baseCharterText, auditReport, lineOf, replaceOnce, tally } from "../helpers/proposal.js";
import { cli, json } from "../config/run-cli.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const RULE = "agreement/signatory-not-legal-rep";
/** M02's signatory is not its legal representative, with `comment` on the line before. */
const wrongSignatory = (comment?: string) => (t: string) =>
  replaceOnce(t, "    signatory: 陈志远", `${comment ? `    # ${comment}\n` : ""}    signatory: 陈志`);

describe("inline suppressions", () => {
  it("suppress the next line's finding of that rule and count it as suppressed", async () => {
    const dir = box.proposal({ charterText: wrongSignatory(`alliance-audit-disable-next-line ${RULE} -- 法定代表人变更登记中`) });
    const p = await auditOne(dir);
    expect(p.findings).toEqual([]);
    expect(p.suppressed).toBe(1);
    expect(p.status).toBe("pass");
    // Several rules in one comment, and two suppressions: each finding counted once.
    const two = box.proposal({
      charterText: (t) =>
        wrongSignatory(`alliance-audit-disable-next-line ${RULE}, agreement/unsigned -- 变更中`)(
          replaceOnce(t, "    signatory: 刘海峰", `    # alliance-audit-disable-next-line ${RULE} -- 同上\n    signatory: 刘海`),
        ),
    });
    const report = await auditReport(two);
    expect(report.proposals[0].findings).toEqual([]);
    expect(report.proposals[0].suppressed).toBe(2);
    expect(report.summary.suppressed).toBe(2);
    // The CLI's JSON and stylish reports show the count.
    const r = cli(["--format", "json", "--as-of", AS_OF], two);
    expect(r.code).toBe(0);
    expect(json(r).proposals[0].suppressed).toBe(2);
    expect(cli(["--as-of", AS_OF], two).stdout).toContain("2 suppressed");
  });

  it("suppression/no-reason: a suppression without a reason still suppresses, and is a warning at the comment", async () => {
    const dir = box.proposal({ charterText: wrongSignatory(`alliance-audit-disable-next-line ${RULE}`) });
    const p = await auditOne(dir);
    expect(tally(p.findings)).toEqual({ "suppression/no-reason": 1 });
    expect(p.suppressed).toBe(1);
    const f = p.findings[0];
    expect(f.severity).toBe("warning");
    expect(f.line).toBe(lineOf(wrongSignatory(`alliance-audit-disable-next-line ${RULE}`)(baseCharterText()), "alliance-audit-disable-next-line"));
    expect(f.message).toContain('add " -- <reason>"');
    const zh = await auditOne(dir, { lang: "zh" });
    expect(zh.findings[0].message).toContain("没有说明理由");
  });

  it("suppression/unused: a suppression with nothing to suppress on the next line is a warning", async () => {
    const dir = box.proposal({ charterText: (t) => replaceOnce(t, "    signatory: 陈志远", `    # alliance-audit-disable-next-line ${RULE} -- 已更正\n    signatory: 陈志远`) });
    const p = await auditOne(dir);
    expect(tally(p.findings)).toEqual({ "suppression/unused": 1 });
    expect(p.suppressed ?? 0).toBe(0);
    expect(p.findings[0].message).toContain("suppresses nothing on the next line");
    // Turned off by the config's rules like any rule.
    const off = await auditOne(dir, { rules: { "suppression/unused": "off" } });
    expect(off.findings).toEqual([]);
  });
});
