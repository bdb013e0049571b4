// Inline suppressions: `# alliance-audit-disable-next-line <rule-id> -- <reason>` on the line before
// the value. Suppressed findings are counted, never dropped silently.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, auditReport, baseCharterText, baseMembersText, lineOf, replaceOnce, run, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const LICENSING = "  licensing: 成员在同等条件下享有优先、优惠的许可使用权";
const DIRECTIVE = "alliance-audit-disable-next-line";
const withComment = (comment: string, value = "  licensing: 待定") => (t: string) => replaceOnce(t, LICENSING, `${comment}\n${value}`);

describe("inline suppressions", () => {
  it("suppress the finding on the next line, counted in `suppressed`", async () => {
    const r = await run(box, { charterText: withComment(`  # ${DIRECTIVE} ip/licensing -- 许可办法另行签订，见附件五`) });
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBe(1);
    expect(r.status).toBe("pass");
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("the summary sums the suppressed findings", async () => {
    const charter = withComment(`  # ${DIRECTIVE} ip/licensing -- 另行约定`)(baseCharterText());
    const dir = box.files({ "a/charter.yaml": charter, "a/members.yaml": baseMembersText(), "b/charter.yaml": charter, "b/members.yaml": baseMembersText() });
    const report = await auditReport(dir);
    expect(report.proposals.map((p) => p.suppressed)).toEqual([1, 1]);
    expect(report.summary.suppressed).toBe(2);
  });

  it("without a reason: still suppressed, plus suppression/no-reason at the comment", async () => {
    const text = withComment(`  # ${DIRECTIVE} ip/licensing`)(baseCharterText());
    const r = await run(box, { charterText: () => text });
    expect(tally(r.findings)).toEqual({ "suppression/no-reason": 1 });
    expect(r.suppressed).toBe(1);
    const [f] = r.findings;
    expect(f.severity).toBe("warning");
    expect(f.line).toBe(lineOf(text, DIRECTIVE));
    expect(f.message).toContain("ip/licensing");
  });

  it("an empty reason after -- is no reason", async () => {
    const r = await run(box, { charterText: withComment(`  # ${DIRECTIVE} ip/licensing --   `) });
    expect(tally(r.findings)).toEqual({ "suppression/no-reason": 1 });
  });

  it("a suppression that suppresses nothing is suppression/unused", async () => {
    const text = replaceOnce(baseCharterText(), LICENSING, `  # ${DIRECTIVE} ip/licensing -- 以防万一\n${LICENSING}`);
    const r = await run(box, { charterText: () => text });
    expect(tally(r.findings)).toEqual({ "suppression/unused": 1 });
    expect(r.findings[0].line).toBe(lineOf(text, DIRECTIVE));
    expect(r.suppressed ?? 0).toBe(0);
  });

  it("a suppression of another rule does not hide the finding, and is unused", async () => {
    const r = await run(box, { charterText: withComment(`  # ${DIRECTIVE} ip/ownership -- 写错了规则`) });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1, "suppression/unused": 1 });
  });

  it("applies to the next line only", async () => {
    const text = replaceOnce(baseCharterText(), LICENSING, `  # ${DIRECTIVE} ip/licensing -- 另行约定\n  breach_liability: 违约方承担赔偿责任\n  licensing: 待定`).replace(
      "  breach_liability: 违约方承担赔偿责任，情节严重的经理事会决议取消成员资格\n",
      "",
    );
    const r = await run(box, { charterText: () => text });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1, "suppression/unused": 1 });
  });

  it("a comment below the value does not suppress it", async () => {
    const r = await run(box, { charterText: (t) => replaceOnce(t, LICENSING, `  licensing: 待定\n  # ${DIRECTIVE} ip/licensing -- 放错了行`) });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1, "suppression/unused": 1 });
  });

  it("several rule ids in one comment", async () => {
    const text = replaceOnce(baseCharterText(), "  liable_entity: M01", `  # ${DIRECTIVE} ref/unknown-member, ip/licensing -- 待工商登记后补正\n  liable_entity: 某新公司`);
    const r = await run(box, { charterText: () => text });
    // ref/unknown-member is suppressed; the directive counts as used.
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBe(1);
  });

  it("works in members.yaml too", async () => {
    const text = replaceOnce(
      baseMembersText(),
      "  legal_representative: 赵敏\n",
      `  legal_representative: 赵敏\n  # ${DIRECTIVE} members/not-independent -- 分公司经总公司授权加入\n  independent_legal_person: false\n`,
    );
    const r = await run(box, { membersText: () => text });
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBe(1);
  });

  it("a comment that is not a directive is ignored", async () => {
    const r = await run(box, { charterText: withComment("  # 许可办法见附件", LICENSING) });
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBeUndefined();
  });
});
