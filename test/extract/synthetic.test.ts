// Small agreements written for one behaviour each, both ways (filled / left TODO), through the
// programmatic API: what the public cases do not show.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.js";
import { capacityOf } from "../../src/extract/signatures.js";
import yaml from "js-yaml";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function draft(name: string, text: string, lang: "zh" | "en" = "zh"): Promise<{ charter: any; members: any; message: string }> {
  const dir = mkdtempSync(join(tmpdir(), "extract-syn-"));
  dirs.push(dir);
  writeFileSync(join(dir, name), text);
  const plan = await extract({ documents: [join(dir, name)], lang, cwd: dir });
  const get = (f: string) => plan.files.find((x) => x.path.endsWith(f))?.text;
  return { charter: yaml.load(get("charter.yaml")!), members: get("members.yaml") ? yaml.load(get("members.yaml")!) : undefined, message: plan.message[lang] };
}

const PARTIES = ["甲方（牵头单位）：龙江示范材料股份有限公司", "乙方：北方示范大学", "丙方：示范技术研究院"];

describe("aliases", () => {
  it("甲方（牵头单位）：… makes 牵头单位 that party, and 设在本联盟牵头单位 places the host", async () => {
    const { charter } = await draft("a.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 秘书处是联盟的执行机构，设在联盟牵头单位，负责日常工作。", "第二条 牵头单位对外代表联盟，承担联盟的对外法律责任。"].join("\n"));
    expect(charter.alliance.lead_member).toBe("M01");
    expect(charter.governance.executive_body.host_member).toBe("M01");
    expect(charter.governance.liable_entity).toBe("M01");
  });
  it("（以下简称“…”） names a unit from then on", async () => {
    const { charter } = await draft("b.txt", ["示范产业技术创新战略联盟协议", "缔约各方：", "龙江示范材料股份有限公司（以下简称“龙材公司”）", "北方示范大学", "第一条 龙材公司是联盟对外承担责任的主体。"].join("\n"));
    expect(charter.governance.liable_entity).toBe("M01");
  });
  it("a unit the text does not tie to a role leaves the role TODO", async () => {
    const { charter } = await draft("c.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 联盟住所设在哈尔滨市。", "第二条 联盟经费由成员自筹。"].join("\n"));
    expect(charter.governance.executive_body.host_member).toBe("TODO");
    expect(charter.governance.liable_entity).toBe("TODO");
    expect(charter.funding.custodian).toBe("TODO");
  });
  it("委托…管理经费 names the custodian", async () => {
    const { charter } = await draft("d.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 联盟委托乙方统一管理联盟经费。"].join("\n"));
    expect(charter.funding.custodian).toBe("M02");
  });
});

describe("task division", () => {
  it("items `乙方（北方示范大学）：…` and `由丙方负责…`", async () => {
    const { charter } = await draft("e.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 各方分工如下：", "（一）乙方（北方示范大学）：材料机理研究；", "（二）由丙方负责检测方法研究；", "（三）甲方、乙方共同负责中试验证。"].join("\n"));
    expect(charter.agreement.task_division).toEqual([
      { member: "M02", tasks: ["材料机理研究", "中试验证"] },
      { member: "M03", tasks: ["检测方法研究"] },
      { member: "M01", tasks: ["中试验证"] },
    ]);
  });
  it("items that name a unit without giving it a task are no task division", async () => {
    const { charter } = await draft("f.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 分工另行约定。", "（一）甲方的义务另行约定；", "（二）乙方的义务另行约定。"].join("\n"));
    expect(charter.agreement.task_division).toBe("TODO");
  });
});

describe("signatures", () => {
  const page = (signer: string, header = "法定代表人（签字）") => ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 本协议经各方签署后生效，对各方具有法律约束力。", "", `| 成员单位（盖章） | ${header} | 日期 |`, "|---|---|---|", `| 龙江示范材料股份有限公司（盖章） | ${signer} | 2024年3月20日 |`, `| 北方示范大学 | 王五 | 2024.3.21 |`].join("\n");
  it("a filled table: members, signatories, capacity, dates; signed_date the last", async () => {
    const { charter } = await draft("g.md", page("张三"));
    expect(charter.agreement.signatures).toEqual([
      { member: "M01", signatory: "张三", capacity: "legal_representative", date: "2024-03-20" },
      { member: "M02", signatory: "王五", capacity: "legal_representative", date: "2024-03-21" },
    ]);
    expect(charter.agreement.signed_date).toBe("2024-03-21");
  });
  it("a blank signatory cell (underscores) leaves signatures TODO", async () => {
    const { charter } = await draft("h.md", page("\\_\\_\\_\\_"));
    expect(charter.agreement.signatures).toBe("TODO");
  });
  it("capacity only when the header says which", () => {
    expect(capacityOf("法定代表人（签字）")).toBe("legal_representative");
    expect(capacityOf("法人代表")).toBe("legal_representative");
    expect(capacityOf("授权代表（签字）")).toBe("authorized_agent");
    expect(capacityOf("法定代表人或授权代表（签字）")).toBeUndefined();
    expect(capacityOf("签字")).toBeUndefined();
  });
});

describe("title, name, term, staff", () => {
  it("without a title line: the …联盟 that 总则 names; the title TODO", async () => {
    const { charter } = await draft("i.txt", ["合作协议", "第一章 总则", "第一条 联盟名称为“示范产业技术创新战略联盟”。", "第二条 本协议有效期为三年。"].join("\n"));
    expect(charter.alliance.name).toBe("示范产业技术创新战略联盟");
    expect(charter.agreement.title).toBe("TODO");
    expect(charter.agreement.term_years).toBe(3);
    expect(charter.agreement.effective_date).toBe("TODO");
  });
  it("a range of years states no term: TODO", async () => {
    const { charter } = await draft("j.txt", ["示范产业技术创新战略联盟协议", "第一条 本协议有效期为三至五年。"].join("\n"));
    expect(charter.agreement.term_years).toBeUndefined();
    expect(charter.agreement.effective_date).toBe("TODO");
    expect(charter.agreement.expiry_date).toBe("TODO");
  });
  it("dates in Chinese numerals", async () => {
    const { charter } = await draft("k.txt", ["示范产业技术创新战略联盟协议", "第一条 本协议有效期自二〇二四年三月二十日起至二〇二七年三月十九日止。"].join("\n"));
    expect(charter.agreement.effective_date).toBe("2024-03-20");
    expect(charter.agreement.expiry_date).toBe("2027-03-19");
  });
  it("staff: the number after 专职, else the last before it; none is TODO", async () => {
    const a = await draft("l.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设理事会和秘书处。", "第二条 秘书处设秘书长一名，配备专职工作人员三名。"].join("\n"));
    expect(a.charter.governance.executive_body.full_time_staff).toBe(3);
    const b = await draft("m.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设理事会和秘书处。", "第二条 秘书处配备5名专职人员。"].join("\n"));
    expect(b.charter.governance.executive_body.full_time_staff).toBe(5);
    const c = await draft("n.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设理事会和秘书处。", "第二条 秘书处配备若干专职人员。"].join("\n"));
    expect(c.charter.governance.executive_body.full_time_staff).toBe("TODO");
  });
  it("bodies from the set-up sentence when no sentence defines their role", async () => {
    const { charter } = await draft("o.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设立理事会、技术专家委员会和联盟办公室。"].join("\n"));
    expect(charter.governance.decision_body.name).toBe("理事会");
    expect(charter.governance.advisory_body.name).toBe("技术专家委员会");
    expect(charter.governance.executive_body.name).toBe("联盟办公室");
  });
  it("an article listing a body's powers is not the admission article", async () => {
    const { charter } = await draft("p.txt", ["示范产业技术创新战略联盟协议", "第一条 理事会行使下列职权：", "（一）审议新成员的加入；", "第二条 申请加入本联盟的单位，应当提交书面申请。"].join("\n"));
    expect(charter.agreement.membership.admission).toBe("申请加入本联盟的单位，应当提交书面申请");
  });
});

describe("the summary, in both languages", () => {
  const doc = ["示范产业技术创新战略联盟协议", ...PARTIES, "第一条 本协议有效期为三年。"].join("\n");
  it("zh", async () => {
    const { message } = await draft("q.txt", doc, "zh");
    expect(message).toMatch(/^已写入 .*members\.yaml、.*charter\.yaml\n已填写 \d+ 项：/u);
    expect(message).toContain("members.yaml 列出文中的 3 个缔约单位");
  });
  it("en", async () => {
    const { message } = await draft("r.txt", doc, "en");
    expect(message).toMatch(/^Wrote .*members\.yaml, .*charter\.yaml\nFilled \d+: /u);
    expect(message).toContain("members.yaml lists the 3 parties found in the text");
  });
});

describe("hostile text", () => {
  it("a huge paragraph of role words finishes and fills nothing from it", async () => {
    const noise = "理事长由甲方设在经费由委托".repeat(20_000);
    const { charter } = await draft("s.txt", ["示范产业技术创新战略联盟协议", ...PARTIES, `第一条 ${noise}`].join("\n"));
    expect(charter.governance.liable_entity).toBe("TODO");
  });
});

describe("party tables and signature pages", () => {
  it("a party table before the first article gives the parties; without dates it is no signature page", async () => {
    const { members, charter } = await draft("t.md", ["# 示范产业技术创新战略联盟协议", "", "| 序号 | 单位名称 | 法定代表人 |", "|---|---|---|", "| 1 | 龙江示范材料股份有限公司 | 张三 |", "| 2 | 北方示范大学 | 李四 |", "", "第一条 联盟秘书处挂靠在北方示范大学，负责日常工作。"].join("\n"));
    expect(members.members.map((m: { name: string }) => m.name)).toEqual(["龙江示范材料股份有限公司", "北方示范大学"]);
    expect(charter.agreement.signatures).toBe("TODO");
    expect(charter.governance.executive_body.host_member).toBe("M02");
  });
});

describe("refusals through the API (UsageError, nothing written)", () => {
  it("an unreadable --members roster", async () => {
    const dir = mkdtempSync(join(tmpdir(), "extract-syn-"));
    dirs.push(dir);
    writeFileSync(join(dir, "a.txt"), "示范产业技术创新战略联盟协议\n第一条 本协议有效期为三年。\n");
    writeFileSync(join(dir, "成员名单.xlsx"), "<html><table></table></html>");
    await expect(extract({ documents: [join(dir, "a.txt")], members: join(dir, "成员名单.xlsx"), lang: "en", cwd: dir })).rejects.toMatchObject({ name: "UsageError", text: { en: expect.stringContaining("cannot read the roster") } });
    await expect(extract({ documents: [join(dir, "a.txt")], members: join(dir, "成员名单.xlsx"), lang: "zh", cwd: dir })).rejects.toMatchObject({ text: { zh: expect.stringContaining("无法读取成员名单") } });
  });
});

describe("body names as set up", () => {
  it("without the verb that sets them up, and without a parenthetical", async () => {
    const { charter } = await draft("u.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设立理事会（决策机构）和秘书处（执行机构）。", "第二条 理事会下设专家委员会，由十名专家组成。"].join("\n"));
    expect(charter.governance.decision_body.name).toBe("理事会");
    expect(charter.governance.executive_body.name).toBe("秘书处");
    expect(charter.governance.advisory_body.name).toBe("专家委员会");
  });
  it("a range of staff is no number", async () => {
    const { charter } = await draft("v.txt", ["示范产业技术创新战略联盟协议", "第一条 联盟设理事会和秘书处。", "第二条 秘书处配备专职工作人员2-3名。"].join("\n"));
    expect(charter.governance.executive_body.full_time_staff).toBe("TODO");
  });
});

describe("title lines", () => {
  it("a title broken over two lines of a cover page, or in 《》", async () => {
    const a = await draft("w.txt", ["示范产业技术创新战略联盟", "协议书", "第一条 本协议有效期为三年。"].join("\n"));
    expect(a.charter.agreement.title).toBe("示范产业技术创新战略联盟协议书");
    expect(a.charter.alliance.name).toBe("示范产业技术创新战略联盟");
    const b = await draft("x.txt", ["《示范产业技术创新战略联盟章程》", "第一条 本章程自通过之日起生效。"].join("\n"));
    expect(b.charter.agreement.title).toBe("示范产业技术创新战略联盟章程");
  });
});
