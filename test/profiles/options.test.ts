// Every rule with options fires and stays silent at its thresholds (profiles.md "Rules with
// options"), audited through the API under small profile files written next to the proposal. The
// compliant base has five members M01–M05, all registered in 黑龙江 (23…) except M05 in 辽宁
// (210113); its lead is M01 (230100); its agreement took effect on 2024-03-20 and expires on
// 2027-03-19 (signed 2024-03-15).
import { afterAll, describe, expect, it } from "vitest";
import { type Data } from "../helpers/proposal.js";
import { auditWith, creditCode, findingsOf, proposalWithProfile, Sandbox, setMember } from "./helpers.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const profile = (rules: string) => `extends: national\nrules:\n${rules}`;
/** Audit the base (mutated) under a profile holding `rules`; the findings of `ruleId`. */
async function under(rules: string, ruleId: string, m: Parameters<typeof proposalWithProfile>[2] = {}, asOf?: string) {
  const dir = proposalWithProfile(box, profile(rules), m);
  return findingsOf(await auditWith(dir, "profile.yaml", { asOf }), ruleId);
}
const addMembers = (n: number, fields: (i: number) => Data = () => ({})) => (r: Data) => {
  for (let i = 0; i < n; i++) {
    (r.members as Data[]).push({ id: `X${i + 1}`, name: `测试成员${i + 1}有限公司`, type: "enterprise", credit_code: creditCode("230100", 100 + i), legal_representative: `代表${i + 1}`, ...fields(i) });
  }
};

describe("members/min-members", () => {
  it("fires below min and not at it (independent legal persons with distinct credit codes)", async () => {
    const [f] = await under("  members/min-members: [error, { min: 6 }]\n", "members/min-members");
    expect(f.severity).toBe("error");
    expect(f.data).toMatchObject({ count: 5, min: 6 });
    expect(f.message).toBe("the alliance has 5 member units, fewer than the 6 required");
    expect(await under("  members/min-members: [error, { min: 5 }]\n", "members/min-members")).toEqual([]);
  });

  it("says it in Chinese", async () => {
    const dir = proposalWithProfile(box, profile("  members/min-members: [warning, { min: 6 }]\n"));
    const [f] = findingsOf(await auditWith(dir, "profile.yaml", { lang: "zh" }), "members/min-members");
    expect(f.message).toBe("联盟有 5 家成员单位，少于规定的 6 家");
    expect(f.severity).toBe("warning");
  });

  it("counts a repeated credit code and a member that is not an independent legal person once / not at all", async () => {
    const m = {
      members: (r: Data) => {
        setMember(r, "M05", { credit_code: (r.members as Data[])[3].credit_code }); // M05 now repeats M04's code
      },
    };
    const [f] = await under("  members/min-members: [error, { min: 5 }]\n", "members/min-members", m);
    expect(f.data).toMatchObject({ count: 4 });
    const n = { members: (r: Data) => setMember(r, "M04", { independent_legal_person: false }) };
    expect((await under("  members/min-members: [error, { min: 5 }]\n", "members/min-members", n))[0].data).toMatchObject({ count: 4 });
  });

  it("with core_only counts only core: true members", async () => {
    const m = { members: (r: Data) => ["M01", "M02", "M03"].forEach((id) => setMember(r, id, { core: true })) };
    const [f] = await under("  members/min-members: [error, { min: 4, core_only: true }]\n", "members/min-members", m);
    expect(f.data).toMatchObject({ count: 3, min: 4 });
    expect(f.message).toBe("the alliance has 3 core member units, fewer than the 4 required");
    expect(await under("  members/min-members: [error, { min: 3, core_only: true }]\n", "members/min-members", m)).toEqual([]);
    // The same roster without core_only: all five count.
    expect(await under("  members/min-members: [error, { min: 5 }]\n", "members/min-members", m)).toEqual([]);
  });

  it("with core_only and core: false on every member, none counts", async () => {
    const m = { members: (r: Data) => (r.members as Data[]).forEach((x) => (x.core = false)) };
    const [f] = await under("  members/min-members: [error, { min: 1, core_only: true }]\n", "members/min-members", m);
    expect(f.data).toMatchObject({ count: 0 });
  });

  it("with core_only but no member having the core field, all count", async () => {
    expect(await under("  members/min-members: [error, { min: 5, core_only: true }]\n", "members/min-members")).toEqual([]);
    const [f] = await under("  members/min-members: [error, { min: 6, core_only: true }]\n", "members/min-members");
    expect(f.data).toMatchObject({ count: 5 });
    expect(f.message).toBe("the alliance has 5 member units, fewer than the 6 required");
  });

  it("reads the roster's 核心成员 column in a CSV roster", async () => {
    const csv = (flags: string[]) =>
      "编号,单位名称,类型,统一社会信用代码,法定代表人,核心成员\n" +
      ["M01,松花江铝业股份有限公司,enterprise,91230100MA1B2C3D8M,王立新", "M02,龙江理工大学,university,12230000412005676E,陈志远", "M03,黑龙江省轻金属研究院,research_institute,12230000414003121B,刘海峰", "M04,哈东精密铸造有限公司,enterprise,91230110MA18XK5P7K,赵敏", "M05,沈北轻合金装备有限公司,enterprise,91210113MA0U7H2R2A,孙国栋"]
        .map((row, i) => `${row},${flags[i]}`)
        .join("\n") + "\n";
    const rules = "  members/min-members: [error, { min: 3, core_only: true }]\n";
    expect((await under(rules, "members/min-members", { membersCsv: csv(["是", "是", "否", "否", "否"]) }))[0]?.data).toMatchObject({ count: 2 });
    expect(await under(rules, "members/min-members", { membersCsv: csv(["是", "是", "是", "否", "否"]) })).toEqual([]);
  });
});

describe("members/max-members", () => {
  it("fires above max and not at it", async () => {
    const [f] = await under("  members/max-members: [warning, { max: 4 }]\n", "members/max-members");
    expect(f.severity).toBe("warning");
    expect(f.data).toMatchObject({ count: 5, max: 4 });
    expect(f.message).toBe("the alliance has 5 member units, more than the 4 allowed");
    expect(await under("  members/max-members: [warning, { max: 5 }]\n", "members/max-members")).toEqual([]);
  });

  it("does not count a withdrawn member", async () => {
    const m = { members: addMembers(1, () => ({ status: "withdrawn", withdrawn_date: "2025-01-01" })) };
    expect(await under("  members/max-members: [warning, { max: 5 }]\n", "members/max-members", m)).toEqual([]);
    const c = { members: addMembers(1) };
    expect(await under("  members/max-members: [warning, { max: 5 }]\n", "members/max-members", c)).toHaveLength(1);
  });
});

describe("members/lead-in-region", () => {
  const rule = (regions: string) => `  members/lead-in-region: [error, { regions: [${regions}] }]\n`;
  it("takes 2-, 4- and 6-digit prefixes of the lead's division (M01: 230100)", async () => {
    for (const inside of ['"23"', '"2301"', '"230100"', '"14", "23"']) expect(await under(rule(inside), "members/lead-in-region"), inside).toEqual([]);
    for (const outside of ['"14"', '"2302"', '"230101"', '"21", "41"']) {
      const [f] = await under(rule(outside), "members/lead-in-region");
      expect(f, outside).toBeDefined();
      expect(f.pointer).toBe("/members/0/credit_code");
      expect(f.data).toMatchObject({ division: "230100" });
    }
  });

  it("names the lead, its division and the regions, in English and Chinese", async () => {
    const dir = proposalWithProfile(box, profile(rule('"14"')));
    const [en] = findingsOf(await auditWith(dir, "profile.yaml"), "members/lead-in-region");
    expect(en.message).toBe("the lead unit M01（松花江铝业股份有限公司） is registered in division 230100, outside 14");
    const [zh] = findingsOf(await auditWith(dir, "profile.yaml", { lang: "zh" }), "members/lead-in-region");
    expect(zh.message).toBe("牵头单位 M01（松花江铝业股份有限公司）的统一社会信用代码登记地为 230100，不在 14 内");
  });

  it("without alliance.lead_member takes the liable entity", async () => {
    const m = { charter: (c: Data) => { delete c.alliance.lead_member; c.governance.liable_entity = "M05"; } };
    const [f] = await under(rule('"23"'), "members/lead-in-region", m);
    expect(f.data).toMatchObject({ division: "210113" });
    expect(f.pointer).toBe("/members/4/credit_code");
    expect(await under(rule('"21"'), "members/lead-in-region", m)).toEqual([]);
  });

  it("is silent when the lead's credit code is invalid (members/credit-code-invalid says so)", async () => {
    const m = { members: (r: Data) => setMember(r, "M01", { credit_code: "91230100MA1B2C3D8X" }) };
    expect(await under(rule('"14"'), "members/lead-in-region", m)).toEqual([]);
  });
});

describe("members/in-region-share", () => {
  const rule = (min: number, regions = '"23"') => `  members/in-region-share: [error, { regions: [${regions}], min_share: ${min} }]\n`;
  it("fires when the share in the regions is below min_share (4 of 5 in 23 = 80%)", async () => {
    expect(await under(rule(0.8), "members/in-region-share")).toEqual([]);
    const [f] = await under(rule(0.81), "members/in-region-share");
    expect(f.data).toMatchObject({ inside: 4, total: 5, share: "80%", min: "81%" });
    expect(f.message).toBe("only 4 of 5 members are registered in 23 (80%), below the 81% required");
    expect((await under(rule(0.5, '"2301"'), "members/in-region-share"))[0].data).toMatchObject({ inside: 2, total: 5 }); // M01 230100, M04 230110
  });

  it("leaves withdrawn and foreign members out of the count", async () => {
    const m = {
      members: (r: Data) => {
        addMembers(2, () => ({ status: "withdrawn", withdrawn_date: "2025-01-01" }))(r);
        (r.members as Data[])[5].credit_code = creditCode("410100", 7);
        (r.members as Data[])[6].credit_code = creditCode("410100", 8);
        (r.members as Data[]).push({ id: "X9", name: "Sibirsky Alloys LLC", type: "enterprise", country: "俄罗斯", registration_no: "1027700132195", legal_representative: "Ivanov" });
      },
    };
    // Counted: M01–M05 only (4 of 5 in 23); the withdrawn 41… members and the Russian one do not lower it.
    expect(await under(rule(0.8), "members/in-region-share", m)).toEqual([]);
    // A current member from 河南 does lower it: 4 of 6.
    const c = { members: (r: Data) => { addMembers(1)(r); (r.members as Data[])[5].credit_code = creditCode("410100", 9); } };
    expect((await under(rule(0.8), "members/in-region-share", c))[0].data).toMatchObject({ inside: 4, total: 6 });
  });

  it("leaves a member with an invalid credit code out", async () => {
    const m = { members: (r: Data) => setMember(r, "M05", { credit_code: "91210113MA0U7H2R2B" }) };
    expect(await under(rule(1), "members/in-region-share", m)).toEqual([]); // 4 of 4 valid codes
  });
});

describe("alliance/operating-time", () => {
  const rule = (months: number) => `  alliance/operating-time: [error, { min_months: ${months} }]\n`;
  it("counts whole months from effective_date (2024-03-20) to the as-of date", async () => {
    expect(await under(rule(6), "alliance/operating-time", {}, "2024-09-20")).toEqual([]);
    const [f] = await under(rule(6), "alliance/operating-time", {}, "2024-09-19");
    expect(f.data).toMatchObject({ from: "2024-03-20", months: 5, min: 6 });
    expect(f.pointer).toBe("/agreement/effective_date");
    expect(f.message).toBe("the alliance has operated 5 months since 2024-03-20, fewer than the 6 required");
  });

  it("falls back to signed_date (2024-03-15) without effective_date", async () => {
    const m = { charter: (c: Data) => delete c.agreement.effective_date };
    expect(await under(rule(6), "alliance/operating-time", m, "2024-09-15")).toEqual([]);
    const [f] = await under(rule(6), "alliance/operating-time", m, "2024-09-14");
    expect(f.data).toMatchObject({ from: "2024-03-15", months: 5 });
    expect(f.pointer).toBe("/agreement/signed_date");
  });

  it("fires when neither date is given, in English and Chinese", async () => {
    const m = { charter: (c: Data) => { delete c.agreement.effective_date; delete c.agreement.signed_date; } };
    const dir = proposalWithProfile(box, profile(rule(6)), m);
    const [en] = findingsOf(await auditWith(dir, "profile.yaml"), "alliance/operating-time");
    expect(en.messageId).toBe("noDate");
    expect(en.message).toBe("no effective_date or signed_date: the operating time cannot be determined");
    const [zh] = findingsOf(await auditWith(dir, "profile.yaml", { lang: "zh" }), "alliance/operating-time");
    expect(zh.message).toBe("没有协议生效日期（agreement.effective_date）或签署日期，无法确定运行时间");
  });
});

describe("agreement/term with min_years / max_years", () => {
  // The base's term: 2024-03-15/20 → 2027-03-19, 36 months from either date.
  it("is off under national and fires there only when a profile turns it on", async () => {
    expect(await under("  members/min-members: off\n", "agreement/term")).toEqual([]);
    expect(await under("  agreement/term: error\n", "agreement/term")).toEqual([]); // default 3–5 years: 36 months passes
  });

  it("min_years: 36 months pass min_years 3 and fail min_years 4", async () => {
    expect(await under("  agreement/term: [error, { min_years: 3 }]\n", "agreement/term")).toEqual([]);
    const [f] = await under("  agreement/term: [error, { min_years: 4 }]\n", "agreement/term");
    expect(f.data).toMatchObject({ lo: 48, hi: 60, loYears: 4, hiYears: 5 });
  });

  it("max_years: 36 months pass max_years 3 and fail max_years 2 (with min_years 1)", async () => {
    expect(await under("  agreement/term: [error, { min_years: 1, max_years: 3 }]\n", "agreement/term")).toEqual([]);
    const [f] = await under("  agreement/term: [warning, { min_years: 1, max_years: 2 }]\n", "agreement/term");
    expect(f.severity).toBe("warning");
    expect(f.data).toMatchObject({ lo: 12, hi: 24 });
  });

  it("changes the bounds under heilongjiang too", async () => {
    const dir = proposalWithProfile(box, "extends: heilongjiang\nrules:\n  agreement/term: [error, { min_years: 4, max_years: 6 }]\n");
    expect(findingsOf(await auditWith(dir, "profile.yaml"), "agreement/term")).toHaveLength(1);
    expect(findingsOf(await auditWith(dir, "heilongjiang"), "agreement/term")).toEqual([]);
  });
});
