// fidelity.md revision 2, item by item, both ways (fires / near miss), with zh and en messages where new.
import { afterAll, describe, expect, it } from "vitest";
import { resolveHeaders, typeOfWord } from "../../src/model/aliases.js";
import { Sandbox, member, run, tally, type Data } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
const sig = (c: Data, id: string): Data => (c.agreement.signatures as Data[]).find((s) => s.member === id)!;

const CSV = [
  "序号,成员单位,单位性质,统一社会信用代码（18位）,法人代表,所在地,是否行业骨干,是否前沿水平,是否省属科研院所,联系电话",
  "M01,松花江铝业股份有限公司,民营企业,91230100MA1B2C3D8M,王立新,黑龙江省,是,否,否,0451-1",
  "M02,龙江理工大学,事业单位,12230000412005676E,陈志远,黑龙江省,否,√,否,0451-2",
  "M03,黑龙江省轻金属研究院,事业单位,12230000414003121B,刘海峰,黑龙江省,否,是,是,",
  "M04,哈东精密铸造有限公司,有限责任公司,91230110MA18XK5P7K,赵敏,黑龙江省,否,否,否,",
  "M05,沈北轻合金装备有限公司,股份有限公司,91210113MA0U7H2R2A,孙国栋,辽宁省,否,否,否,",
  ",,,,,,,,,",
  "",
].join("\n");

describe("roster headers and words (C4, B1)", () => {
  it("resolves aliases, trailing parentheticals and fallbacks; reports unknown headers with a suggestion", () => {
    const r = resolveHeaders(["序号", "单位名称（全称）", "单位性质", "统一社会信用代码", "法定代表人", "联系人", "所在省分"]);
    expect(r.fields.slice(0, 5)).toEqual(["id", "name", "type", "credit_code", "legal_representative"]);
    expect(r.kinds[5]).toBe("ignored");
    expect(r.unknown).toEqual([{ column: 6, header: "所在省分", suggestion: "所在省份" }]);
    expect(r.missing).toEqual([]);
    expect(resolveHeaders(["编号", "序号", "单位名称"]).kinds[1]).toBe("ignored");
    expect(resolveHeaders(["编号", "单位名称"]).missing).toEqual(["type", "credit_code", "legal_representative"]);
  });

  it("type words by ending; 事业单位 by the member's name", () => {
    expect(typeOfWord("高新技术企业")).toBe("enterprise");
    expect(typeOfWord("中国科学院")).toBe("research_institute");
    expect(typeOfWord("事业单位", "龙江理工大学")).toBe("university");
    expect(typeOfWord("事业单位", "黑龙江省轻金属研究院")).toBe("research_institute");
    expect(typeOfWord("民办非企业单位", "某某促进会")).toBe("other");
    expect(typeOfWord("个人")).toBeUndefined();
  });

  it("a Chinese-written CSV with contact columns and trailing blank rows passes", async () => {
    const r = await run(box, { membersCsv: CSV });
    expect(r.findings).toEqual([]);
  });

  it("an unknown header is one schema/unknown-key warning at the header; an invalid type names row and column", async () => {
    const csv = CSV.replace("联系电话", "职工人数").replace("民营企业", "个体");
    const zh = await run(box, { membersCsv: csv }, "national", { lang: "zh" });
    // The lead's type is invalid: members/lead-not-enterprise stays silent (C4).
    expect(tally(zh.findings)).toEqual({ "schema/unknown-key": 1, "schema/invalid": 1, "members/enterprise-backbone": 1 });
    const unknown = zh.findings.find((f) => f.ruleId === "schema/unknown-key")!;
    expect([unknown.line, unknown.severity]).toEqual([1, "warning"]);
    const invalid = zh.findings.find((f) => f.ruleId === "schema/invalid")!;
    expect(invalid.message).toContain("第 2 行“单位性质”列");
    expect(invalid.message).toContain("企业、大学、科研院所、其他");
    const en = await run(box, { membersCsv: csv }, "national", { lang: "en" });
    expect(en.findings.find((f) => f.ruleId === "schema/invalid")!.message).toContain('row 2, column "单位性质"');
  });

  it("a missing required column: one schema/missing-column naming the headers, no per-row findings", async () => {
    const csv = CSV.split("\n").map((l) => l.split(",").filter((_, i) => i !== 4).join(",")).join("\n");
    const r = await run(box, { membersCsv: csv }, "national", { lang: "zh" });
    expect(tally(r.findings)).toEqual({ "schema/missing-column": 1 });
    expect(r.findings[0].message).toContain("法定代表人");
    expect(r.findings[0].message).toContain("序号、成员单位");
  });
});

describe("charter keys (B1) and dates (C6)", () => {
  it("a misspelt key is one warning with a suggestion, zh and en; no schema/invalid", async () => {
    const m = { charter: (c: Data) => (c.funding.goverment_funding = true) };
    const en = await run(box, m);
    expect(en.findings.map((f) => [f.ruleId, f.severity])).toEqual([["schema/unknown-key", "warning"]]);
    expect(en.findings[0].message).toContain('did you mean "government_funding"');
    const zh = await run(box, m, "national", { lang: "zh" });
    expect(zh.findings[0].message).toContain("是否应为“government_funding”");
  });

  it("a Chinese date is schema/invalid with the value to write", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.signed_date = "2024年3月15日") }, "national", { lang: "zh" });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
    expect(r.findings[0].message).toContain("请写作 '2024-03-15'");
  });
});

describe("signatures (A2, A3, A8, A9)", () => {
  it("the former legal representative: info; an unknown name: error whose fix does not say to change the current one", async () => {
    const info = await run(box, {
      charter: (c) => (sig(c, "M02").signatory = "孙国华"),
      members: (m) => (member(m, "M02").former_legal_representatives = ["孙国华"]),
    });
    expect(info.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/signatory-not-legal-rep", "info"]]);
    expect(info.findings[0].message).toContain("then legal representative");
    const err = await run(box, { charter: (c) => (sig(c, "M02").signatory = "孙国华") });
    expect(err.findings.map((f) => f.severity)).toEqual(["error"]);
  });

  it("transliterated names compare equal across separators; capacity 法定代表人 is legal_representative", async () => {
    const r = await run(box, {
      charter: (c) => Object.assign(sig(c, "M05"), { signatory: "伊万•彼得罗夫", capacity: "法定代表人" }),
      members: (m) => (member(m, "M05").legal_representative = "伊万·彼得罗夫"),
    });
    expect(r.findings).toEqual([]);
  });

  it("an unknown capacity is schema/invalid only; an accession signed later does not make the effective date early", async () => {
    const r = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { capacity: "总经理", signatory: "别人" }) });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
    // Only B6 (M05 joined after its project P2 started), not agreement/effective-before-signed.
    const late = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { date: "2024-09-10", kind: "accession" }) });
    expect(tally(late.findings)).toEqual({ "ip/not-agreed-in-advance": 1 });
    const founding = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { date: "2024-09-10" }) });
    expect(tally(founding.findings)).toEqual({ "agreement/effective-before-signed": 1 });
  });
});

describe("members (A6, B2, B3, B10, C9)", () => {
  it("a member outside the mainland needs a registration number, not a credit code", async () => {
    const m = (reg?: string) => ({
      members: (r: Data) => {
        const x = member(r, "M05");
        x.country = "俄罗斯";
        delete x.credit_code;
        if (reg) x.registration_no = reg;
      },
    });
    const warn = await run(box, m());
    expect(warn.findings.map((f) => [f.ruleId, f.severity])).toEqual([["members/credit-code-invalid", "warning"]]);
    expect((await run(box, m("1022501284650"))).findings).toEqual([]);
  });

  it("a branch by name is a warning unless independent_legal_person: true", async () => {
    const r = await run(box, { members: (m) => (member(m, "M05").name = "龙江理工大学材料科学与工程学院") });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([["members/not-independent", "warning"]]);
    const ok = await run(box, { members: (m) => Object.assign(member(m, "M05"), { name: "中国科学院金属研究所" }) });
    expect(ok.findings).toEqual([]);
  });

  it("type-mismatch names what the code says, zh", async () => {
    const r = await run(box, { members: (m) => (member(m, "M04").credit_code = "51230000MJ0002750G") }, "national", { lang: "zh" });
    expect(r.findings[0].message).toContain("代码第 1–2 位“51”表示社会团体");
  });

  it("unsigned members are reported at their id in the roster, one line each", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.signatures = (c.agreement.signatures as Data[]).filter((s) => s.member === "M01" || s.member === "M02" || s.member === "M03")) });
    const unsigned = r.findings.filter((f) => f.ruleId === "agreement/unsigned");
    expect(unsigned.map((f) => f.pointer)).toEqual(["/members/3/id", "/members/4/id"]);
    expect(new Set(unsigned.map((f) => f.line)).size).toBe(2);
  });

  it("a withdrawn member needs no signature or task, but cannot be the lead", async () => {
    const gone = await run(box, {
      members: (m) => (member(m, "M04").status = "withdrawn"),
      charter: (c) => (c.agreement.signatures = (c.agreement.signatures as Data[]).filter((s) => s.member !== "M04")),
    });
    // Only its seat on the decision body remains to be fixed.
    expect(tally(gone.findings)).toEqual({ "ref/withdrawn-member": 1 });
    expect(gone.findings[0].pointer).toMatch(/^\/governance\/decision_body\/composition\/\d$/);
    const lead = await run(box, { members: (m) => (member(m, "M01").status = "withdrawn") });
    // lead, liable entity, host, custodian and council seat; and M01 was the backbone enterprise.
    expect(tally(lead.findings)).toEqual({ "ref/withdrawn-member": 5, "members/enterprise-backbone": 1 });
  });
});

describe("agreement dates (A4, A10, B7, B8) and openness, funding, IP (B4, B5, B6, B9)", () => {
  it("automatic renewal: info under national, error under heilongjiang", async () => {
    const m = { asOf: "2028-01-01", charter: (c: Data) => (c.agreement.auto_renewal_years = 3) };
    const n = await run(box, m, "national");
    expect(n.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/expired", "info"]]);
    expect(n.findings[0].message).toContain("2030-03-19");
    const h = await run(box, m, "heilongjiang");
    expect(h.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/expired", "error"]]);
  });

  it("a memorandum called binding is a warning; a binding agreement title is not", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.title = "合作备忘录") });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/not-legally-binding", "warning"]]);
    expect((await run(box, { charter: (c) => (c.agreement.title = "联盟协议") })).findings).toEqual([]);
  });

  it("diffusion refused without government money: a warning", async () => {
    const m = (v: boolean) => ({
      charter: (c: Data) => {
        c.funding.government_funding = false;
        for (const p of c.ip.projects as Data[]) delete p.government_funded;
        c.openness.government_funded_diffusion = v;
      },
    });
    expect((await run(box, m(false))).findings.map((f) => [f.ruleId, f.severity])).toEqual([["openness/government-funded-diffusion", "warning"]]);
    expect((await run(box, m(true))).findings).toEqual([]);
  });

  it("host_member and host_unit together are schema/invalid", async () => {
    const r = await run(box, { charter: (c) => (c.governance.executive_body.host_unit = { name: "哈尔滨市生产力促进中心" }) });
    expect(tally(r.findings)).toMatchObject({ "schema/invalid": 1 });
  });

  it("a late joiner holding IP in an earlier project: a warning", async () => {
    // P2 started 2024-06-01: joining before is fine, after is not agreed in advance.
    const before = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { date: "2024-03-15", kind: "accession" }) });
    expect(before.findings).toEqual([]);
    const after = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { date: "2025-01-10", kind: "accession" }) });
    expect(tally(after.findings)).toEqual({ "ip/not-agreed-in-advance": 1 });
    expect(after.findings[0].pointer).toMatch(/^\/ip\/projects\/1\/participants\/\d$/);
  });
});
