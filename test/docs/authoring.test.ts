// docs/authoring.md lists the roster headers and the words the tool understands; these tests read
// those tables and check each entry against the code that reads rosters and charters, so that the
// guide cannot promise a header or a word the tool does not accept (nor miss one it does).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { booleanWord, capacityOf, resolveHeaders, typeOfWord } from "../../src/model/aliases.js";

const guide = readFileSync("docs/authoring.md", "utf8");

/** The rows of the first Markdown table after `marker`, as cells. */
function tableAfter(marker: string): string[][] {
  const at = guide.indexOf(marker);
  if (at < 0) throw new Error(`docs/authoring.md has no "${marker}"`);
  const lines = guide.slice(at).split("\n");
  const start = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith("|")) break;
    rows.push(l.slice(1, -1).split("|").map((c) => c.trim()));
  }
  return rows;
}
const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe("docs/authoring.md: roster headers", () => {
  const rows = tableAfter("<!-- header table");

  it("lists the headers of fidelity.md C4, A2, A6 and B10", () => {
    const headers = rows.map((r) => r[0]);
    for (const h of ["序号", "成员单位", "单位性质", "法人代表", "法定代表人（负责人）", "负责人", "是否独立法人", "是否行业骨干", "是否前沿水平", "是否省属科研院所", "所在地", "省份", "核心成员", "原法定代表人", "国家/地区", "国家", "注册号", "登记号", "状态", "成员状态", "退出日期"]) {
      expect(headers, h).toContain(h);
    }
  });

  it("maps each documented header to the documented field", () => {
    for (const [header, fieldCell] of rows) {
      expect(resolveHeaders([header]).fields[0], header).toBe(codes(fieldCell)[0]);
    }
  });

  it("says which headers only stand in for another: 序号 beside 编号 and 单位性质 beside 单位类型 fill nothing", () => {
    expect(resolveHeaders(["编号", "序号"]).fields).toEqual(["id", undefined]);
    expect(resolveHeaders(["单位类型", "单位性质"]).fields).toEqual(["type", undefined]);
  });

  it("ignores the contact columns it names, and an unnamed header is unknown", () => {
    const ignored = "联系人, 联系电话, 电话, 手机, 邮箱, 电子邮件, 电子邮箱, 地址, 通讯地址, 邮编, 备注".split(", ");
    expect(guide).toContain(ignored.slice(0, 6).join(", "));
    const r = resolveHeaders([...ignored, "开户银行"]);
    expect(r.kinds.slice(0, ignored.length).every((k) => k === "ignored")).toBe(true);
    expect(r.unknown.map((u) => u.header)).toEqual(["开户银行"]);
  });
});

describe("docs/authoring.md: words", () => {
  it("reads every documented true and false word as documented, and no other", () => {
    const [row] = tableAfter("**Yes and no**");
    const words = (cell: string) => cell.split(",").map((w) => w.trim().replace(/`/g, ""));
    for (const w of words(row[0])) expect(booleanWord(w), w).toBe(true);
    for (const w of words(row[1])) expect(booleanWord(w), w).toBe(false);
    for (const w of ["YES", "No", "是", "否"]) expect(booleanWord(w), w).toBeTypeOf("boolean");
    for (const w of ["ok", "对", "不是"]) expect(booleanWord(w), w).toBeUndefined();
  });

  it("reads every documented capacity word as documented; another word is unknown", () => {
    const rows = tableAfter("**Signature capacity**");
    const expected = ["legal_representative", "authorized_agent"];
    rows.forEach(([written], i) => {
      for (const w of written.split(",").map((x) => x.trim().replace(/`/g, ""))) expect(capacityOf(w), w).toBe(expected[i]);
    });
    expect(capacityOf("董事长")).toBe("unknown");
    expect(capacityOf(undefined)).toBeUndefined();
  });

  it("reads the documented type words and endings as documented", () => {
    const rows = tableAfter("**Member types**");
    expect(rows.map((r) => (r[1].startsWith("by the unit's name") ? "by name" : codes(r[1])[0]))).toEqual(["enterprise", "university", "research_institute", "other", "by name"]);
    // The exact words of each row's first cell (before "and any word …") are read as that row's type.
    rows.slice(0, 4).forEach(([written, type]) => {
      const exact = written.split(/,? and any word|, any word/)[0].split(",").map((w) => w.trim().replace(/`/g, ""));
      for (const w of exact) expect(typeOfWord(w), w).toBe(codes(type)[0]);
    });
    const cases: [string, string, string?][] = [
      ["企业", "enterprise"], ["民营企业", "enterprise"], ["股份有限公司", "enterprise"], ["有限责任公司", "enterprise"], ["上市公司", "enterprise"],
      ["大学", "university"], ["高校", "university"], ["高等院校", "university"], ["师范学院", "university"], ["职业学校", "university"],
      ["科研机构", "research_institute"], ["科研院所", "research_institute"], ["科研单位", "research_institute"], ["农业研究院", "research_institute"], ["中国科学院", "research_institute"],
      ["社会团体", "other"], ["行业协会", "other"], ["协会", "other"], ["学会", "other"], ["基金会", "other"], ["其他", "other"],
      ["事业单位", "university", "东北寒区农业大学"], ["事业单位", "research_institute", "黑龙江省寒地作物研究院"], ["民办非企业单位", "research_institute", "某某技术研究中心"], ["事业单位", "other", "某某服务站"],
    ];
    for (const [word, type, name] of cases) expect(typeOfWord(word, name), `${word} ${name ?? ""}`).toBe(type);
    expect(typeOfWord("合作社")).toBeUndefined();
  });
});
