// Every rule of the catalogue (src/rules, spec: rules.md), both ways: a mutation of the compliant
// base that makes it fire (with the exact findings expected, in each profile where it is active,
// and nothing from it where it is not), and a near miss that must not make it fire.
import { afterAll, describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import type { Profile, Severity } from "../../src/types.js";
import { agreementText, PARTIES } from "../helpers/agreement.js";
import {
  PROFILES,
  Sandbox,
  member,
  removeWhere,
  replaceOnce,
  run,
  tally,
  type Data,
  type Mutation,
} from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

interface Case {
  /** Where the rule is active; elsewhere the same mutation must not produce it. Default both. */
  profiles?: Profile[];
  severity: Severity;
  fire: Mutation;
  /** The complete tally of the fired proposal (defaults to one finding of the rule). */
  expect?: Record<string, number>;
  /** A change close to the firing one that must leave the proposal compliant. */
  nearMiss: Mutation;
  /** Fires only in a batch (a folder beside the proposals), never on one proposal: tested in this file instead. */
  batchOnly?: string;
  /**
   * For a rule that no built-in profile turns on (profiles.md "Rules with options"): the setting a
   * profile gives it. It fires under that setting on top of each built-in, misses under
   * `nearMissSetting` (default the same), and the same change without a setting gives nothing.
   */
  setting?: { level: "error" | "warning" | "info"; options?: Record<string, unknown> };
  nearMissSetting?: { level: "error" | "warning" | "info"; options?: Record<string, unknown> };
}

const HLJ: Profile[] = ["heilongjiang"];
const sig = (c: Data, id: string): Data => (c.agreement.signatures as Data[]).find((s) => s.member === id)!;
const project = (c: Data, id: string): Data => (c.ip.projects as Data[]).find((p) => p.id === id)!;
/** The compliant roster as a CSV, Chinese headers. */
const CSV = [
  "编号,单位名称,单位类型,统一社会信用代码,法定代表人,所在省份,行业骨干,前沿水平,省属科研院所",
  "M01,松花江铝业股份有限公司,企业,91230100MA1B2C3D8M,王立新,黑龙江省,是,否,否",
  "M02,龙江理工大学,大学,12230000412005676E,陈志远,黑龙江省,否,是,否",
  "M03,黑龙江省轻金属研究院,科研院所,12230000414003121B,刘海峰,黑龙江省,否,是,是",
  "M04,哈东精密铸造有限公司,企业,91230110MA18XK5P7K,赵敏,黑龙江省,否,否,否",
  "M05,沈北轻合金装备有限公司,企业,91210113MA0U7H2R2A,孙国栋,辽宁省,否,否,否",
  "",
].join("\n");
/** The base charter linking an agreement text that says all it claims (evidence/*), with a change. */
const linked = (change: (a: Record<string, string>) => void = () => {}, charter: (c: Data) => void = () => {}, parties?: string): Mutation => ({
  charter: (c) => {
    c.agreement.documents = ["联盟协议.md"];
    charter(c);
  },
  extraFiles: { "联盟协议.md": agreementText(change, parties) },
});
const SUPPRESS = "  # alliance-audit-disable-next-line ip/licensing";

const CASES: Record<string, Case> = {
  "file/missing": { severity: "error", fire: { noMembers: true }, nearMiss: {} },
  "file/ambiguous": {
    severity: "error",
    fire: { extraFiles: { "members.csv": "编号,单位名称\nM01,x\n" } },
    nearMiss: { extraFiles: { "members.csv.bak": "编号,单位名称\nM01,x\n", "member.csv": "x" } },
  },
  "file/unreadable": {
    severity: "error",
    fire: { charterText: (t) => t.replace("  field: 铝镁合金\n", "  field: [铝镁合金\n") },
    nearMiss: { charterText: (t) => t.replace("  field: 铝镁合金\n", "  field: '[铝镁合金'\n") },
  },
  "file/skipped": { severity: "error", fire: {}, nearMiss: {}, batchOnly: "test/hostile/skipped.test.ts" },
  // Both signs of init's untouched example: its name and its marker comment (test/init has more).
  "init/template-unchanged": {
    severity: "warning",
    fire: { charterText: (t) => t.replace(/^( {2}name: ).*$/m, "$1示例先进金属材料产业技术创新战略联盟\n# alliance-audit:init-template -- example") },
    nearMiss: { charterText: (t) => t.replace(/^( {2}name: ).*$/m, "$1示例先进金属材料产业技术创新战略联盟") },
  },
  "schema/invalid": {
    severity: "error",
    fire: { charter: (c) => (c.agreement.signed_date = "2024/03/15") },
    nearMiss: { charter: (c) => (c.agreement.signed_date = "2024-03-14") },
  },
  "ref/unknown-member": {
    severity: "error",
    fire: { charter: (c) => (c.funding.custodian = "M06") },
    nearMiss: { charter: (c) => (c.funding.custodian = "M01") },
  },

  "members/min-legal-entities": {
    severity: "error",
    fire: { members: (m) => ["M02", "M03", "M04", "M05"].forEach((id) => (member(m, id).independent_legal_person = false)) },
    expect: { "members/min-legal-entities": 1, "members/not-independent": 4 },
    nearMiss: { members: (m) => ["M03", "M04", "M05"].forEach((id) => (member(m, id).independent_legal_person = true)) },
  },
  "members/enterprise-required": {
    severity: "error",
    fire: { members: (m) => ["M01", "M04", "M05"].forEach((id) => (member(m, id).type = "other")) },
    // The lead M01 is no longer an enterprise; enterprise-backbone is not fired with enterprise-required.
    expect: { "members/enterprise-required": 1, "members/lead-not-enterprise": 1 },
    nearMiss: { members: (m) => ["M04", "M05"].forEach((id) => (member(m, id).type = "企业")) },
  },
  "members/academic-required": {
    severity: "error",
    fire: { members: (m) => ["M02", "M03"].forEach((id) => (member(m, id).type = "other")) },
    nearMiss: { members: (m) => (member(m, "M02").type = "other") },
  },
  "members/not-independent": {
    severity: "error",
    fire: { members: (m) => (member(m, "M04").independent_legal_person = false) },
    nearMiss: { members: (m) => (member(m, "M04").independent_legal_person = true) },
  },
  "members/credit-code-invalid": {
    severity: "error",
    fire: { members: (m) => (member(m, "M04").credit_code = "91230110MA18XK5P7A") },
    nearMiss: { members: (m) => (member(m, "M04").credit_code = " 91350100M000100Y43 ") },
  },
  "members/duplicate": {
    severity: "error",
    fire: { members: (m) => (member(m, "M05").name = member(m, "M04").name) },
    nearMiss: { members: (m) => (member(m, "M05").name = `沈阳${member(m, "M04").name}`) },
  },
  "members/enterprise-backbone": {
    severity: "warning",
    fire: { members: (m) => delete member(m, "M01").backbone },
    nearMiss: {
      members: (m) => {
        delete member(m, "M01").backbone;
        member(m, "M05").backbone = true;
      },
    },
  },
  "members/academic-frontier": {
    severity: "warning",
    fire: { members: (m) => ["M02", "M03"].forEach((id) => delete member(m, id).frontier) },
    nearMiss: { members: (m) => delete member(m, "M02").frontier },
  },
  "members/lead-not-enterprise": {
    severity: "warning",
    fire: { charter: (c) => (c.alliance.lead_member = "M02") },
    nearMiss: { charter: (c) => (c.alliance.lead_member = "M04") },
  },
  "members/provincial-institute": {
    profiles: HLJ,
    severity: "info",
    fire: { members: (m) => delete member(m, "M03").provincial_institute },
    nearMiss: {
      members: (m) => {
        delete member(m, "M03").provincial_institute;
        member(m, "M02").provincial_institute = true;
      },
    },
  },

  "agreement/not-legally-binding": {
    severity: "error",
    fire: { charter: (c) => delete c.agreement.legally_binding },
    nearMiss: { charterText: (t) => replaceOnce(t, "legally_binding: true", "legally_binding: True") },
  },
  "agreement/innovation-goals": {
    severity: "error",
    fire: { charter: (c) => (c.agreement.innovation_goals = ["待定", "TBD"]) },
    nearMiss: { charter: (c) => (c.agreement.innovation_goals = ["待定", "见附件"]) },
  },
  "agreement/task-division": {
    severity: "error",
    fire: { charter: (c) => delete c.agreement.task_division },
    nearMiss: { charter: (c) => (c.agreement.task_division as Data[]).reverse() },
  },
  "agreement/member-without-task": {
    severity: "error",
    fire: { charter: (c) => removeWhere(c.agreement.task_division as Data[], (e) => e.member === "M05") },
    nearMiss: { charter: (c) => (c.agreement.task_division as Data[]).find((e) => e.member === "M05")!.tasks.unshift("略") },
  },
  "agreement/unsigned": {
    severity: "error",
    fire: { charter: (c) => removeWhere(c.agreement.signatures as Data[], (s) => s.member === "M05") },
    nearMiss: { charter: (c) => (c.agreement.signatures as Data[]).reverse() },
  },
  "agreement/signatory-not-legal-rep": {
    severity: "error",
    fire: { charter: (c) => (sig(c, "M02").signatory = "陈志") },
    nearMiss: { charter: (c) => (sig(c, "M02").signatory = " 陈 志远 ") },
  },
  "agreement/signature-date": {
    severity: "error",
    fire: { charter: (c) => (sig(c, "M03").date = "2025-06-02") },
    // The last signature on 2025-06-02 is after the effective date too.
    expect: { "agreement/signature-date": 1, "agreement/effective-before-signed": 1 },
    nearMiss: {
      charter: (c) => {
        sig(c, "M03").date = "2024-03-20"; // the as-of date is 2025-06-01
      },
    },
  },
  "agreement/effective-before-signed": {
    severity: "warning",
    fire: { charter: (c) => (c.agreement.effective_date = "2024-03-14") },
    nearMiss: { charter: (c) => (c.agreement.effective_date = "2024-03-15") },
  },
  "agreement/expired": {
    severity: "error",
    fire: { asOf: "2027-03-20" },
    nearMiss: { asOf: "2027-03-19" },
  },
  "agreement/term": {
    profiles: HLJ,
    severity: "error",
    // Term = whole months from 2024-03-20 to the day after expiry: 2029-04-20 → 61; 2029-03-20 → 60 (valid).
    fire: { charter: (c) => (c.agreement.expiry_date = "2029-04-19") },
    nearMiss: { charter: (c) => (c.agreement.expiry_date = "2029-03-19") },
  },
  "agreement/exit-mechanism": {
    profiles: HLJ,
    severity: "error",
    fire: { charter: (c) => (c.agreement.membership.withdrawal = "无") },
    nearMiss: { charter: (c) => (c.agreement.membership.withdrawal = "见附件") },
  },

  "governance/decision-body": {
    severity: "error",
    fire: { charter: (c) => delete c.governance.decision_body },
    nearMiss: { charter: (c) => (c.governance.decision_body.name = "联盟理事会") },
  },
  "governance/advisory-body": {
    severity: "error",
    fire: { charter: (c) => (c.governance.advisory_body.name = "N/A") },
    nearMiss: { charter: (c) => delete c.governance.advisory_body.experts },
  },
  "governance/executive-body": {
    severity: "error",
    fire: { charter: (c) => delete c.governance.executive_body },
    nearMiss: { charter: (c) => delete c.governance.executive_body.host_member },
  },
  "governance/decision-mechanism": {
    severity: "error",
    fire: { charter: (c) => delete c.governance.decision_body.rules },
    nearMiss: { charter: (c) => delete c.governance.decision_body.composition },
  },
  "governance/execution-mechanism": {
    severity: "error",
    fire: { charter: (c) => (c.governance.executive_body.rules = "  ") },
    nearMiss: { charter: (c) => (c.governance.executive_body.rules = "按《秘书处工作细则》执行") },
  },
  "governance/liable-entity": {
    severity: "error",
    fire: { charter: (c) => delete c.governance.liable_entity },
    nearMiss: { charter: (c) => (c.governance.liable_entity = "M04") },
  },
  "governance/full-time-staff": {
    severity: "error",
    fire: { charter: (c) => (c.governance.executive_body.full_time_staff = 0) },
    nearMiss: { charter: (c) => (c.governance.executive_body.full_time_staff = 1) },
  },

  "funding/management-rules": {
    severity: "error",
    fire: { charter: (c) => delete c.funding.management_rules },
    nearMiss: { charter: (c) => (c.funding.management_rules = "见附件") },
  },
  "funding/internal-supervision": {
    severity: "error",
    fire: { charter: (c) => (c.funding.internal_supervision = "TODO") },
    nearMiss: { charter: (c) => (c.funding.internal_supervision = "TODO: 每年审计一次") },
  },
  "funding/government-supervision": {
    severity: "error",
    fire: { charter: (c) => (c.funding.government_supervision = false) },
    nearMiss: {
      charter: (c) => {
        // No government money anywhere: supervision need not be stated (and diffusion neither).
        c.funding.government_funding = false;
        delete project(c, "P1").government_funded;
        c.funding.government_supervision = false;
        delete c.openness.government_funded_diffusion;
      },
    },
  },

  "ip/ownership": {
    severity: "error",
    fire: { charter: (c) => delete c.ip.ownership },
    nearMiss: { charter: (c) => (c.ip.ownership = "按项目合同约定") },
  },
  "ip/licensing": {
    severity: "error",
    fire: { charter: (c) => (c.ip.licensing = "待定") },
    nearMiss: { charter: (c) => (c.ip.licensing = "待定事项由理事会决定") },
  },
  "ip/revenue-distribution": {
    severity: "error",
    fire: { charter: (c) => (c.ip.revenue_distribution = "…") },
    nearMiss: { charter: (c) => (c.ip.revenue_distribution = "按投入比例…分配") },
  },
  "ip/breach-liability": {
    severity: "error",
    fire: { charter: (c) => delete c.ip.breach_liability },
    nearMiss: { charter: (c) => (c.ip.breach_liability = "依法承担违约责任") },
  },
  "ip/allocation-gap": {
    severity: "error",
    fire: { charter: (c) => (project(c, "P2").ownership.M05 = 20) },
    nearMiss: { charter: (c) => Object.assign(project(c, "P2").ownership, { M04: 29.995, M05: 30.005 }) },
  },
  "ip/revenue-shares-gap": {
    severity: "error",
    fire: { charter: (c) => (project(c, "P1").revenue_shares.M02 = 20) },
    nearMiss: { charter: (c) => delete project(c, "P1").revenue_shares },
  },
  "ip/not-agreed-in-advance": {
    severity: "warning",
    fire: { charter: (c) => (project(c, "P1").start_date = "2024-03-14") },
    nearMiss: { charter: (c) => (project(c, "P1").start_date = "2024-03-15") },
  },

  "openness/new-members": {
    severity: "error",
    fire: { charter: (c) => delete c.agreement.membership.admission },
    nearMiss: { charter: (c) => (c.agreement.membership.admission = "见附件") },
  },
  "openness/external-cooperation": {
    severity: "warning",
    fire: { charter: (c) => (c.openness.external_cooperation = "暂无") },
    nearMiss: { charter: (c) => (c.openness.external_cooperation = "暂无固定合作方，逐项商定") },
  },
  "openness/result-diffusion": {
    severity: "error",
    fire: { charter: (c) => delete c.openness.result_diffusion },
    nearMiss: { charter: (c) => (c.openness.result_diffusion = "见附件三") },
  },
  "openness/government-funded-diffusion": {
    severity: "error",
    fire: { charter: (c) => delete c.openness.government_funded_diffusion },
    nearMiss: {
      charter: (c) => {
        c.funding.government_funding = false;
        delete project(c, "P1").government_funded;
        delete c.openness.government_funded_diffusion;
      },
    },
  },

  "alliance/key-area": {
    profiles: HLJ,
    severity: "info",
    fire: { charter: (c) => (c.alliance.key_area = "other") },
    nearMiss: { charter: (c) => (c.alliance.key_area = "生物医药") },
  },
  "schema/unknown-key": {
    severity: "warning",
    fire: { charter: (c) => (c.funding.goverment_funding = true) },
    nearMiss: { charter: (c) => (c.funding.government_funding = true) },
  },
  "schema/missing-column": {
    severity: "error",
    fire: { membersCsv: CSV.replace("统一社会信用代码,", "").replace(/,(91|12)[0-9A-Z]{16}/g, "") },
    nearMiss: { membersCsv: CSV.replace("统一社会信用代码,", "统一社会信用代码（18位）,") },
  },
  "ref/withdrawn-member": {
    severity: "error",
    fire: { members: (m) => (member(m, "M05").status = "withdrawn") },
    nearMiss: { members: (m) => (member(m, "M05").status = "current") },
  },
  "members/type-mismatch": {
    severity: "error",
    fire: { members: (m) => (member(m, "M04").credit_code = "51230000MJ0002750G") },
    nearMiss: { members: (m) => (member(m, "M04").credit_code = "91230110MA18XK5P7K") },
  },
  "agreement/date-order": {
    severity: "error",
    fire: { charter: (c) => (c.agreement.expiry_date = "2017-03-19") },
    nearMiss: { charter: (c) => (c.agreement.expiry_date = "2027-03-20") },
  },
  "funding/custodian-not-host": {
    severity: "info",
    fire: { charter: (c) => (c.funding.custodian = "M02") },
    nearMiss: {
      charter: (c) => {
        delete c.funding.custodian;
        c.funding.custodian_unit = { name: "松花江铝业股份有限公司" };
      },
    },
  },
  "members/min-members": {
    severity: "error",
    profiles: [],
    setting: { level: "error", options: { min: 5, core_only: true } },
    fire: { members: (m) => (member(m, "M05").core = false) }, // a core column: 0 core members of 5
    nearMiss: {}, // no member has the core field: all five count
  },
  "members/max-members": {
    severity: "warning",
    profiles: [],
    setting: { level: "warning", options: { max: 4 } },
    nearMissSetting: { level: "warning", options: { max: 5 } },
    fire: {},
    nearMiss: {},
  },
  "members/lead-in-region": {
    severity: "error",
    profiles: [],
    setting: { level: "error", options: { regions: ["14"] } },
    nearMissSetting: { level: "error", options: { regions: ["2301"] } },
    fire: {},
    nearMiss: {},
  },
  "members/in-region-share": {
    severity: "error",
    profiles: [],
    setting: { level: "error", options: { regions: ["23"], min_share: 0.9 } }, // 4 of 5 in 黑龙江
    fire: {},
    nearMiss: { members: (m) => (member(m, "M05").country = "俄罗斯") }, // a foreign member is left out: 4 of 4
  },
  "alliance/operating-time": {
    severity: "error",
    profiles: [],
    setting: { level: "error", options: { min_months: 15 } },
    nearMissSetting: { level: "error", options: { min_months: 14 } }, // 2024-03-20 to 2025-06-01: 14 months
    fire: {},
    nearMiss: {},
  },
  "ip/deferred-terms": {
    severity: "warning",
    fire: { charter: (c) => (c.ip.licensing = "许可使用由各方另行约定。") },
    nearMiss: { charter: (c) => (c.ip.licensing = "成员优先许可使用，其余事项另行约定") },
  },

  "evidence/document-missing": {
    severity: "error",
    fire: linked(() => {}, (c) => c.agreement.documents.push("../outside.md")),
    nearMiss: linked(() => {}, (c) => c.agreement.documents.push("./联盟协议.md")),
  },
  "evidence/document-unreadable": {
    severity: "error",
    fire: { ...linked(() => {}, (c) => c.agreement.documents.push("章程.doc")), extraFiles: { "联盟协议.md": agreementText(), "章程.doc": "legacy" } },
    nearMiss: { ...linked(() => {}, (c) => c.agreement.documents.push("章程.txt")), extraFiles: { "联盟协议.md": agreementText(), "章程.txt": "联盟章程" } },
  },
  "evidence/body-not-in-document": {
    severity: "error",
    fire: linked((a) => (a.advisory = "第六条 联盟聘请技术顾问。")),
    nearMiss: linked((a) => (a.advisory = "第六条 联盟设 专家 委员会。")),
  },
  "evidence/clause-not-found": {
    severity: "warning",
    fire: linked((a) => (a.breach = "第十一条 各方应当履行本协议。")),
    nearMiss: linked((a) => (a.breach = "第十一条 各方应当履行本协议，否则承担违约责任。")),
  },
  "evidence/term-mismatch": {
    severity: "error",
    fire: linked((a) => (a.term = "第十三条 本协议有效期为五年。")),
    nearMiss: linked((a) => (a.term = "第十三条 本协议有效期为三至五年。")),
  },
  "evidence/member-not-in-document": {
    severity: "warning",
    fire: linked(() => {}, () => {}, PARTIES.replace("、沈北轻合金装备有限公司", "")),
    nearMiss: linked(() => {}, () => {}, PARTIES.replace("沈北轻合金装备有限公司", "沈北轻合金 装备有限公司")),
  },
  "evidence/alliance-name-mismatch": {
    severity: "warning",
    fire: linked(() => {}, (c) => (c.alliance.name = "松花江轻合金产业技术创新战略联盟")),
    nearMiss: linked(() => {}, (c) => (c.alliance.name = "松花江铝镁合金产业技术创新战略联盟 ")),
  },
  "suppression/no-reason": {
    severity: "warning",
    fire: { charterText: (t) => replaceOnce(t, "  licensing: 成员在同等条件下享有优先、优惠的许可使用权", `${SUPPRESS}\n  licensing: 待定`) },
    nearMiss: {
      charterText: (t) => replaceOnce(t, "  licensing: 成员在同等条件下享有优先、优惠的许可使用权", `${SUPPRESS} -- 许可办法另行签订\n  licensing: 待定`),
    },
  },
  "suppression/unused": {
    severity: "warning",
    fire: { charterText: (t) => replaceOnce(t, "  licensing: ", `${SUPPRESS} -- 许可办法另行签订\n  licensing: `) },
    nearMiss: {
      charterText: (t) => replaceOnce(t, "  licensing: 成员在同等条件下享有优先、优惠的许可使用权", `${SUPPRESS} -- 许可办法另行签订\n  licensing: 待定`),
    },
  },
};

describe("rule catalogue", () => {
  it("has a fire / near-miss case for every rule in src/rules, and no case for a rule that does not exist", () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("rule ids are unique", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s carries its metadata (severity per profile, citation, zh/en texts, fix)", (_id, rule) => {
    const c = CASES[rule.id];
    const active = c.profiles ?? PROFILES;
    for (const p of PROFILES) expect(rule.severity[p], `${rule.id} in ${p}`).toBe(active.includes(p) ? c.severity : undefined);
    // Tool rules cite no policy clause (fidelity.md C1); every condition rule cites one.
    const tool = /^(file|schema|ref|suppression|init)\//.test(rule.id) || ["evidence/document-missing", "evidence/document-unreadable", "evidence/alliance-name-mismatch"].includes(rule.id);
    if (tool) expect(rule.citation).toBeUndefined();
    else expect(rule.citation).toBeTruthy();
    for (const t of [rule.title, rule.description, rule.fix]) {
      expect(t.zh.trim()).not.toBe("");
      expect(t.en.trim()).not.toBe("");
    }
  });

  it("the compliant base is compliant in both profiles", async () => {
    for (const p of PROFILES) {
      const r = await run(box, {}, p);
      expect(r.findings, p).toEqual([]);
      expect(r.status).toBe("pass");
    }
  });

  for (const [id, c] of Object.entries(CASES)) {
    const active = c.profiles ?? PROFILES;
    describe(id, () => {
      for (const profile of PROFILES) {
        if (c.batchOnly) {
          // fires: see c.batchOnly
        } else if (active.includes(profile)) {
          it(`fires (${profile})`, async () => {
            const r = await run(box, c.fire, profile);
            expect(tally(r.findings)).toEqual(c.expect ?? { [id]: 1 });
            for (const f of r.findings.filter((x) => x.ruleId === id)) {
              expect(f.severity).toBe(c.severity);
              expect(f.message).not.toBe("");
              expect(f.line).toBeGreaterThanOrEqual(1);
              expect(f.column).toBeGreaterThanOrEqual(1);
            }
            const unaudited = r.findings.some((f) => f.ruleId.startsWith("file/"));
            expect(r.status).toBe(unaudited ? "unaudited" : r.findings.some((f) => f.severity === "error") ? "fail" : "pass");
          });
        } else {
          it(`is not part of ${profile}: the same change gives no ${id}`, async () => {
            const r = await run(box, c.fire, profile);
            expect(r.findings.map((f) => f.ruleId)).not.toContain(id);
            expect(r.findings).toEqual([]);
          });
        }
        it(`does not fire on a near miss (${profile})`, async () => {
          const r = await run(box, c.nearMiss, profile);
          expect(r.findings).toEqual([]);
        });
        if (c.setting) {
          const under = (setting: NonNullable<Case["setting"]>) => ({ configLayer: { sources: {}, rules: { [id]: setting } } });
          it(`fires when a profile turns it on (${profile})`, async () => {
            const r = await run(box, c.fire, profile, under(c.setting!));
            expect(tally(r.findings)).toEqual(c.expect ?? { [id]: 1 });
            expect(r.findings[0].severity).toBe(c.severity);
          });
          it(`does not fire on a near miss when a profile turns it on (${profile})`, async () => {
            const r = await run(box, c.nearMiss, profile, under(c.nearMissSetting ?? c.setting!));
            expect(r.findings).toEqual([]);
          });
        }
      }
    });
  }
});
