// "Text that counts as present" (data-model.md) and the coverage rule of rules.md: a wrong type in a
// field that a condition rule checks is reported only by that rule, never also as schema/invalid.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, baseCharterText, lineOf, member, replaceOnce, run, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const PLACEHOLDERS = ["TODO", "TBD", "N/A", "NA", "-", "--", "...", "…", "待定", "待补充", "暂无", "无", "略"];

describe("placeholders", () => {
  it.each(PLACEHOLDERS)("%s is a placeholder, and the message says so", async (p) => {
    const r = await run(box, { charter: (c) => (c.ip.licensing = p) });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1 });
    expect(r.findings[0].message).toMatch(/placeholder/);
    expect(r.findings[0].message).toContain(p);
  });

  it.each(["tbd", "Todo", "n/a", "  待定  ", "\tTBD "])("case and surrounding spaces do not matter: %j", async (p) => {
    const r = await run(box, { charter: (c) => (c.funding.internal_supervision = p) });
    expect(tally(r.findings)).toEqual({ "funding/internal-supervision": 1 });
    expect(r.findings[0].message).toMatch(/placeholder/);
  });

  it.each(["见附件", "see annex", "略有调整时由理事会决定", "TBD by council", "无偿许可成员使用"])("%j is not a placeholder", async (text) => {
    const r = await run(box, { charter: (c) => (c.ip.licensing = text) });
    expect(r.findings).toEqual([]);
  });

  it("empty and blank text is missing, not a placeholder", async () => {
    const r = await run(box, { charter: (c) => (c.ip.licensing = "   ") });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1 });
    expect(r.findings[0].message).not.toMatch(/placeholder/);
    expect(r.findings[0].message).toMatch(/is not stated/);
  });

  it("an empty YAML value (`key:`) is missing and points at its key", async () => {
    const text = replaceOnce(baseCharterText(), "  licensing: 成员在同等条件下享有优先、优惠的许可使用权", "  licensing:");
    const r = await run(box, { charterText: () => text });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1 });
    expect([r.findings[0].line, r.findings[0].column]).toEqual([lineOf(text, "  licensing:"), 3]);
  });

  it("a placeholder quoted in YAML is still a placeholder; the finding is at the value", async () => {
    const text = replaceOnce(baseCharterText(), "  licensing: 成员在同等条件下享有优先、优惠的许可使用权", '  licensing: "略"');
    const r = await run(box, { charterText: () => text });
    expect(tally(r.findings)).toEqual({ "ip/licensing": 1 });
    expect([r.findings[0].line, r.findings[0].column]).toEqual([lineOf(text, '  licensing: "略"'), 14]);
  });

  it("a list is present when at least one item is present", async () => {
    const ok = await run(box, { charter: (c) => (c.agreement.innovation_goals = ["TBD", "见附件"]) });
    expect(ok.findings).toEqual([]);
    const none = await run(box, { charter: (c) => (c.agreement.innovation_goals = ["TBD", "  ", "略"]) });
    expect(tally(none.findings)).toEqual({ "agreement/innovation-goals": 1 });
    expect(none.findings[0].message).toMatch(/empty or a placeholder/);
  });

  it("placeholders in the roster: a legal representative 待定 cannot be compared", async () => {
    const r = await run(box, { members: (m) => (member(m, "M02").legal_representative = "待定") });
    expect(tally(r.findings)).toEqual({ "agreement/signatory-not-legal-rep": 1 });
    expect(r.findings[0].message).toMatch(/names no legal representative/);
  });
});

describe("coverage: one finding per wrong value, from the rule that checks it", () => {
  it('legally_binding: "yes", "是", "√" are true (A9); "maybe" gives agreement/not-legally-binding and no schema/invalid', async () => {
    for (const word of ["yes", "是", "√", "Y"]) expect((await run(box, { charter: (c) => (c.agreement.legally_binding = word) })).findings).toEqual([]);
    const r = await run(box, { charter: (c) => (c.agreement.legally_binding = "maybe") });
    expect(tally(r.findings)).toEqual({ "agreement/not-legally-binding": 1 });
    expect(r.findings[0].message).toMatch(/must be true, found maybe/);
  });

  it("an unquoted `yes` is a string in YAML 1.2, read as true (A9)", async () => {
    const r = await run(box, { charterText: (t) => replaceOnce(t, "legally_binding: true", "legally_binding: yes") });
    expect(r.findings).toEqual([]);
  });

  it("legally_binding: false", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.legally_binding = false) });
    expect(tally(r.findings)).toEqual({ "agreement/not-legally-binding": 1 });
  });

  it('full_time_staff: "three" gives only governance/full-time-staff', async () => {
    const r = await run(box, { charter: (c) => (c.governance.executive_body.full_time_staff = "three") });
    expect(tally(r.findings)).toEqual({ "governance/full-time-staff": 1 });
    expect(r.findings[0].message).toMatch(/found three/);
  });

  it('government_supervision: "no" gives only funding/government-supervision', async () => {
    const r = await run(box, { charter: (c) => (c.funding.government_supervision = "no") });
    expect(tally(r.findings)).toEqual({ "funding/government-supervision": 1 });
  });

  it('government_funded_diffusion: "是" is true (A9); "待定" gives only openness/government-funded-diffusion', async () => {
    expect((await run(box, { charter: (c) => (c.openness.government_funded_diffusion = "是") })).findings).toEqual([]);
    const r = await run(box, { charter: (c) => (c.openness.government_funded_diffusion = "待定") });
    expect(tally(r.findings)).toEqual({ "openness/government-funded-diffusion": 1 });
  });

  it("liable_entity of the wrong type gives only governance/liable-entity", async () => {
    const r = await run(box, { charter: (c) => (c.governance.liable_entity = ["M01"]) });
    expect(tally(r.findings)).toEqual({ "governance/liable-entity": 1 });
  });

  it("key_area: free text under national (A7), alliance/key-area (info) under heilongjiang", async () => {
    const m = { charter: (c: Record<string, any>) => (c.alliance.key_area = "new_materials") };
    const n = await run(box, m, "national");
    expect(n.findings).toEqual([]);
    const h = await run(box, m, "heilongjiang");
    expect(h.findings[0].severity).toBe("info");
    expect(tally(h.findings)).toEqual({ "alliance/key-area": 1 });
    expect(h.findings[0].message).toContain("new_materials");
  });

  it("a missing key_area: nothing under national, alliance/key-area under heilongjiang", async () => {
    const m = { charter: (c: Record<string, any>) => delete c.alliance.key_area };
    expect((await run(box, m, "national")).findings).toEqual([]);
    expect(tally((await run(box, m, "heilongjiang")).findings)).toEqual({ "alliance/key-area": 1 });
  });

  it("a rule turned off by configuration no longer covers its field: schema/invalid reports it", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.legally_binding = "maybe") }, "national", {
      rules: { "agreement/not-legally-binding": "off" },
    });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
  });
});

describe("schema/invalid", () => {
  it("one finding per offending value", async () => {
    const r = await run(box, {
      charter: (c) => {
        c.schema_version = 2;
        c.agreement.signed_date = "15.03.2024";
        c.ip.projects[0].start_date = "2024-5-1";
        c.ip.projects[0].government_funded = "maybe";
      },
    });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 4 });
    expect(r.findings.map((f) => f.pointer).sort()).toEqual([
      "/agreement/signed_date",
      "/ip/projects/0/government_funded",
      "/ip/projects/0/start_date",
      "/schema_version",
    ]);
    const date = r.findings.find((f) => f.pointer === "/agreement/signed_date")!;
    expect(date.message).toMatch(/YYYY-MM-DD/);
  });

  it("a missing schema_version is schema/invalid (a required field no condition rule needs)", async () => {
    const r = await run(box, { charter: (c) => delete c.schema_version });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
  });

  it("a missing section is reported by the condition rules, not as schema/invalid", async () => {
    const r = await run(box, { charter: (c) => delete c.funding });
    expect(tally(r.findings)).toEqual({
      "funding/management-rules": 1,
      "funding/internal-supervision": 1,
      "funding/government-supervision": 1, // P1 is still government funded
    });
  });
});
