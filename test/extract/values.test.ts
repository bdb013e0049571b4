// The values a careful reader takes from the public cases' documents (read by hand, written here
// by hand), and TODO where the text does not say. Through the programmatic API.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract, writeExtract } from "../../src/extract/index.js";
import { CASES, cleanup, copyCase, readYaml, type CaseName } from "./helpers.js";

afterAll(cleanup);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function run(name: CaseName, o: { roster?: boolean; lang?: "zh" | "en" } = {}): Promise<{ dir: string; charter: any; text: string; members?: any }> {
  const dir = copyCase(name, o);
  const plan = await extract({ documents: CASES[name].docs.map((d) => join(dir, d)), lang: o.lang ?? "zh", cwd: dir });
  await writeExtract(plan);
  const members = plan.files.some((f) => f.path.endsWith("members.yaml")) ? readYaml(join(dir, "members.yaml")) : undefined;
  return { dir, charter: readYaml(join(dir, "charter.yaml")), text: plan.files.find((f) => f.path.endsWith("charter.yaml"))!.text, members };
}

describe("extract on d01 (.docx, literal labels, roster members.xlsx beside it)", async () => {
  const { charter: c, text } = await run("d01");
  it("takes the name and title from the title line", () => {
    expect(c.alliance.name).toBe("寒地智能农机装备产业技术创新战略联盟");
    expect(c.agreement.title).toBe("寒地智能农机装备产业技术创新战略联盟协议书");
    expect(c.agreement.documents).toEqual(["联盟协议书.docx"]);
    expect(c.agreement.legally_binding).toBe(true);
  });
  it("reads the term and the signature table", () => {
    expect(c.agreement.effective_date).toBe("2024-04-18");
    expect(c.agreement.expiry_date).toBe("2027-04-17");
    expect(c.agreement.term_years).toBeUndefined();
    expect(c.agreement.signed_date).toBe("2024-04-18");
    expect(c.agreement.signatures).toHaveLength(6);
    expect(c.agreement.signatures[0]).toEqual({ member: "HJ01", signatory: "韩立军", capacity: "legal_representative", date: "2024-04-16" });
    expect(c.agreement.signatures[5]).toEqual({ member: "HJ06", signatory: "汪思远", capacity: "legal_representative", date: "2024-04-18" });
  });
  it("takes the goals' items and the task division's items, members as roster ids", () => {
    expect(c.agreement.innovation_goals).toEqual([
      "突破寒地大马力拖拉机动力换挡与智能控制关键技术，形成具有自主知识产权的核心部件",
      "研制适应黑土地保护性耕作的智能播种与植保装备，并开展规模化示范",
      "制定寒地智能农机作业质量团体标准3项以上",
    ]);
    expect(c.agreement.task_division).toEqual([
      { member: "HJ01", tasks: ["整机集成、中试验证与产业化"] },
      { member: "HJ02", tasks: ["作业机理与保护性耕作农艺研究"] },
      { member: "HJ03", tasks: ["寒地适应性试验与检测方法研究"] },
      { member: "HJ04", tasks: ["大马力拖拉机动力换挡传动系统研制"] },
      { member: "HJ05", tasks: ["电液提升与液压控制元件研制"] },
      { member: "HJ06", tasks: ["导航与作业监测控制系统开发"] },
    ]);
  });
  it("names the bodies, the staff, the liable entity, host and custodian", () => {
    expect(c.governance.decision_body.name).toBe("理事会");
    expect(c.governance.advisory_body.name).toBe("专家委员会");
    expect(c.governance.executive_body.name).toBe("秘书处");
    expect(c.governance.executive_body.full_time_staff).toBe(3);
    expect(c.governance.executive_body.host_member).toBe("HJ01");
    expect(c.governance.liable_entity).toBe("HJ01");
    expect(c.funding.custodian).toBe("HJ01");
    expect(c.governance.decision_body.rules).toContain("三分之二以上理事出席");
    expect(c.governance.executive_body.rules).toContain("日常工作");
  });
  it("quotes the article whose subject is each topic", () => {
    expect(c.agreement.membership.admission).toContain("成为联盟新成员");
    expect(c.agreement.membership.withdrawal).toMatch(/^成员要求退出联盟的/);
    expect(c.funding.management_rules).toContain("《联盟经费管理办法》");
    expect(c.funding.internal_supervision).toBe("理事会对联盟经费的使用进行监督");
    expect(c.ip.ownership).toBe("联盟项目形成的知识产权，由完成单位所有");
    expect(c.ip.licensing).toContain("许可方式取得实施权");
    expect(c.ip.revenue_distribution).toBe("成果转化所得收益，按照项目合作合同约定的份额在参与单位之间分配");
    expect(c.ip.breach_liability).toContain("承担违约责任");
    expect(c.openness.external_cooperation).toContain("交流与合作");
    expect(c.openness.result_diffusion).toContain("扩散和推广应用");
  });
  it("sets the government flags the text supports", () => {
    expect(c.funding.government_funding).toBe(true);
    expect(c.funding.government_supervision).toBe(true);
    expect(c.openness.government_funded_diffusion).toBe(true);
  });
  it("comments each value with its article, and TODO with what was looked for", () => {
    expect(text).toContain("full_time_staff: 3  # 联盟协议书.docx 第十五条");
    expect(text).toContain("liable_entity: HJ01  # 联盟协议书.docx 第十七条");
    // The text never says 牵头单位: the lead member is left for the person.
    expect(c.alliance.lead_member).toBe("TODO");
    expect(text).toMatch(/lead_member: TODO {2}# 未找到牵头单位/);
  });
});

describe("extract on d02 (Word automatic numbering, task table)", async () => {
  const { charter: c } = await run("d02");
  it("reads the numbered articles, the task table and the bodies", () => {
    expect(c.alliance.name).toBe("兴凯湖石墨深加工产业技术创新战略联盟");
    expect(c.agreement.innovation_goals).toHaveLength(3);
    expect(c.agreement.innovation_goals[0]).toBe("突破高纯球形石墨连续化提纯技术，产品纯度达到99.95%以上");
    expect(c.agreement.task_division[0]).toEqual({ member: "XK01", tasks: ["球形石墨提纯中试线建设与运行"] });
    expect(c.agreement.task_division.map((t: { member: string }) => t.member)).toEqual(["XK01", "XK02", "XK03", "XK04", "XK05"]);
    expect(c.governance.decision_body.name).toBe("理事会");
    expect(c.governance.advisory_body.name).toBe("技术委员会");
    expect(c.governance.executive_body.name).toBe("联盟办公室");
    expect(c.governance.executive_body.full_time_staff).toBe(2);
  });
  it("places the host by 设在 after the body (not 联盟住所设在鸡西市) and the custodian through it", () => {
    expect(c.governance.executive_body.host_member).toBe("XK04");
    expect(c.funding.custodian).toBe("XK04");
    expect(c.governance.liable_entity).toBe("XK01");
  });
  it("reads the term after the tracked change and the signatures", () => {
    expect(c.agreement.effective_date).toBe("2024-06-01");
    expect(c.agreement.expiry_date).toBe("2027-05-31");
    expect(c.agreement.signed_date).toBe("2024-05-22");
    expect(c.agreement.signatures[4]).toEqual({ member: "XK05", signatory: "钟海涛", capacity: "legal_representative", date: "2024-05-22" });
  });
  it("does not take a liable-entity article for external cooperation", () => {
    expect(c.openness.external_cooperation).toContain("开展交流合作");
    expect(c.ip.licensing).toContain("许可");
  });
  it("claims no government money the text does not mention", () => {
    expect(c.funding.government_funding).toBeUndefined();
    expect(c.funding.government_supervision).toBeUndefined();
    expect(c.openness.government_funded_diffusion).toBeUndefined();
  });
});

describe("extract on d03 (Markdown, no advisory body, no breach clause)", async () => {
  const { charter: c, text } = await run("d03", { lang: "en" });
  it("leaves the advisory body and breach liability TODO, saying what was looked for", () => {
    expect(c.governance.advisory_body.name).toBe("TODO");
    expect(c.ip.breach_liability).toBe("TODO");
    expect(text).toMatch(/breach_liability: TODO {2}# no article on breach liability found \(looked for: 违约\)/);
  });
  it("reads list items, the pipe table and the 牵头单位 alias", () => {
    expect(c.agreement.innovation_goals).toHaveLength(3);
    expect(c.agreement.task_division[0]).toEqual({ member: "TH01", tasks: ["RV减速器整机设计、工艺集成与示范线建设"] });
    expect(c.governance.decision_body.name).toBe("成员大会");
    expect(c.governance.executive_body.name).toBe("秘书处");
    expect(c.governance.executive_body.host_member).toBe("TH01");
    expect(c.governance.liable_entity).toBe("TH01");
    expect(c.funding.custodian).toBe("TH01");
    expect(c.alliance.lead_member).toBe("TH01");
    expect(c.agreement.effective_date).toBe("2024-09-10");
    expect(c.agreement.expiry_date).toBe("2028-09-09");
    expect(c.agreement.signatures).toHaveLength(5);
    expect(c.openness.result_diffusion).toBe("联盟通过技术许可、技术转让和行业培训，推动成果推广应用");
  });
});

describe("extract on d04 (GB18030 .txt, 甲方… roles, blank signatories)", async () => {
  const { charter: c, text } = await run("d04");
  it("resolves 甲方/丙方 and 理事长单位 to roster ids", () => {
    expect(c.governance.liable_entity).toBe("SJ01");
    expect(c.governance.executive_body.host_member).toBe("SJ03");
    expect(c.funding.custodian).toBe("SJ03");
    expect(c.agreement.task_division[0]).toEqual({ member: "SJ01", tasks: ["新品种区域试验、良种繁育生产与市场推广"] });
  });
  it("keeps a party the roster does not hold as its name, with a comment", () => {
    expect(c.agreement.task_division[3].member).toBe("佳木斯垦丰米业股份有限公司");
    expect(text).toContain("member: 佳木斯垦丰米业股份有限公司  # 不在成员名单中");
  });
  it("states the term in years, effective on signing", () => {
    expect(c.agreement.term_years).toBe(5);
    expect(c.agreement.expiry_date).toBeUndefined();
    expect(c.agreement.signed_date).toBe("2024-05-10");
    expect(c.agreement.effective_date).toBe("2024-05-10");
  });
  it("leaves signatures TODO when the signature page names nobody", () => {
    expect(c.agreement.signatures).toBe("TODO");
    expect(text).toContain("signatures: TODO  # 签署页的签字人一栏是空的");
  });
  it("names bodies as written and quotes the supervision article", () => {
    expect(c.governance.decision_body.name).toBe("联盟理事会");
    expect(c.governance.advisory_body.name).toBe("专家技术委员会");
    expect(c.governance.executive_body.name).toBe("联盟秘书处");
    expect(c.funding.internal_supervision).toMatch(/^联盟理事会对经费使用情况进行监督/);
    expect(text).toContain("# 联盟协议书.txt 第九条");
  });
});

describe("extract on d07 (a PDF agreement and a .docx charter)", async () => {
  const { charter: c } = await run("d07");
  it("joins PDF lines into items and sentences, without the page footers", () => {
    expect(c.agreement.innovation_goals).toEqual([
      "形成严寒地区超低能耗居住建筑成套技术，供暖能耗比现行节能标准降低50%以上",
      "开发适用于零下35℃环境的高性能保温材料和被动式门窗系统",
      "建成装配式超低能耗建筑示范工程10万平方米",
      "编制寒地超低能耗建筑地方标准或者团体标准2项",
    ]);
    expect(c.agreement.task_division[0]).toEqual({ member: "JN01", tasks: ["示范工程建设组织、施工工法研究和工程应用"] });
    expect(c.ip.licensing).toBe("各方在履行本协议过程中形成的技术成果，其他各方有权在同等条件下以优惠价格获得实施许可");
  });
  it("splits the flattened signature rows of the PDF by the party names", () => {
    expect(c.agreement.signatures).toHaveLength(6);
    expect(c.agreement.signatures[0]).toEqual({ member: "JN01", signatory: "邓国强", capacity: "legal_representative", date: "2024-06-18" });
    expect(c.agreement.signed_date).toBe("2024-06-20");
  });
  it("takes bodies and mechanisms from the charter document", () => {
    expect(c.agreement.documents).toEqual(["联盟协议.pdf", "联盟章程.docx"]);
    expect(c.governance.advisory_body.name).toBe("专家咨询委员会");
    expect(c.governance.executive_body.full_time_staff).toBe(4);
    expect(c.governance.executive_body.host_member).toBe("JN04");
    expect(c.governance.liable_entity).toBe("JN01");
    expect(c.funding.custodian).toBe("JN04");
    expect(c.funding.management_rules).toContain("《联盟经费管理办法》");
    expect(c.agreement.effective_date).toBe("2024-07-01");
    expect(c.agreement.expiry_date).toBe("2028-06-30");
  });
});

describe("members.yaml when no roster is given or beside the documents", async () => {
  const { members, charter: c } = await run("d04", { roster: false });
  it("lists one member per party, ids M01…, other fields TODO", () => {
    expect(members.members.map((m: { id: string; name: string }) => [m.id, m.name])).toEqual([
      ["M01", "黑龙江禾丰寒地种业股份有限公司"],
      ["M02", "北疆农业大学"],
      ["M03", "黑龙江省寒地水稻研究所"],
      ["M04", "佳木斯垦丰米业股份有限公司"],
      ["M05", "富锦市稻香农业发展有限公司"],
      ["M06", "齐齐哈尔寒稻生物技术有限公司"],
    ]);
    expect(members.members[0]).toMatchObject({ type: "TODO", credit_code: "TODO", legal_representative: "TODO" });
  });
  it("writes the charter's units as those ids", () => {
    expect(c.governance.liable_entity).toBe("M01");
    expect(c.agreement.task_division[3].member).toBe("M04");
  });
  it("finds the parties of a party list without role labels (d01) and of a Markdown list (d03)", async () => {
    const d01 = await run("d01", { roster: false });
    expect(d01.members.members).toHaveLength(6);
    expect(d01.members.members[5].name).toBe("哈尔滨星垦智能控制技术有限公司");
    const d03 = await run("d03", { roster: false });
    expect(d03.members.members.map((m: { name: string }) => m.name)).toEqual(["苏州太湖精密传动股份有限公司", "无锡锡诚轴承有限公司", "苏南理工大学", "江苏省精密制造技术研究所", "杭州恒拓机器人有限公司"]);
  });
});
