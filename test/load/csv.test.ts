// The CSV roster: GB18030 from Chinese spreadsheets, Chinese headers, type and boolean aliases,
// ';' and tab separators, cell positions, and errors that name the line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LoadedDocument, LoadResult } from "../../src/load/document.js";
import { readDocument } from "../../src/load/read.js";
import { BASE, CASES, Sandbox, auditOne, baseCharterText, of, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

function ok(r: LoadResult): LoadedDocument {
  if (!r.ok) throw new Error(`expected the file to load: ${r.error.message.en}`);
  return r.doc;
}
function err(r: LoadResult) {
  if (r.ok) throw new Error("expected a load error");
  return r.error;
}
/** Write a members.csv (text as UTF-8, or bytes) and read it as the roster. */
const roster = (content: string | Uint8Array): LoadResult => readDocument(join(box.files({ "members.csv": content }), "members.csv"), "members");
type M = Record<string, unknown>;
const membersOf = (d: LoadedDocument) => d.data.members as M[];

const HEADER = "编号,单位名称,单位类型,统一社会信用代码,法定代表人,独立法人,所在省份,行业骨干,前沿水平,省属科研院所";

describe("GB18030 roster (conformance case csv-roster-gbk)", () => {
  const gbk = ok(readDocument(join(CASES, "csv-roster-gbk", "members.csv"), "members"));
  const yaml = ok(readDocument(join(BASE, "members.yaml"), "members"));

  it("decodes to the same members as the YAML roster, without mojibake", () => {
    const pick = (m: M) => [m.id, m.name, m.type, m.credit_code, m.legal_representative, m.province];
    expect(membersOf(gbk).map(pick)).toEqual(membersOf(yaml).map(pick));
    expect(JSON.stringify(gbk.data)).not.toMatch(/\uFFFD|鏉|锟/);
  });

  it("maps Chinese headers to keys, 是/否 to booleans and type aliases to types", () => {
    expect(membersOf(gbk)[0]).toEqual({
      id: "M01",
      name: "松花江铝业股份有限公司",
      type: "enterprise",
      credit_code: "91230100MA1B2C3D8M",
      legal_representative: "王立新",
      independent_legal_person: true,
      province: "黑龙江省",
      backbone: true,
      frontier: false,
      provincial_institute: false,
    });
    expect(membersOf(gbk).map((m) => m.type)).toEqual(["enterprise", "university", "research_institute", "enterprise", "enterprise"]);
  });

  it("the same bytes, audited with the compliant charter, pass", async () => {
    const csv = readFileSync(join(CASES, "csv-roster-gbk", "members.csv"));
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.csv": csv }));
    expect(r.findings).toEqual([]);
  });
});

describe("cells", () => {
  it("boolean aliases: 是/否, 1/0, yes/no, true/false in any case", () => {
    const rows = [
      "id,name,independent_legal_person,backbone,frontier,provincial_institute",
      "A,a,是,否,1,0",
      "B,b,yes,no,TRUE,False",
      "C,c, Yes , NO ,true,false",
    ];
    const d = ok(roster(rows.join("\n") + "\n"));
    const flags = membersOf(d).map((m) => [m.independent_legal_person, m.backbone, m.frontier, m.provincial_institute]);
    expect(flags).toEqual([
      [true, false, true, false],
      [true, false, true, false],
      [true, false, true, false],
    ]);
  });

  it("an unknown boolean stays text: schema/invalid at that cell", async () => {
    const csv = ["id,name,type,credit_code,legal_representative,backbone", "M01,甲公司,企业,91350100M000100Y43,张三,可能", "M02,乙大学,大学,12100000400000624D,李四,否"].join("\n");
    const d = ok(roster(csv));
    expect(membersOf(d)[0].backbone).toBe("可能");
    const r = await auditOne(box.files({ "charter.yaml": "schema_version: 1\nalliance:\n  name: x\n", "members.csv": csv }));
    const [f] = of(r, "schema/invalid");
    expect([f.file, f.line, f.column, f.pointer]).toEqual(["members.csv", 2, csv.split("\n")[1].indexOf("可能") + 1, "/members/0/backbone"]);
  });

  it("cells are trimmed; an empty cell is an absent value", () => {
    const d = ok(roster("id,name,province\n M01 , 甲公司 ,\n"));
    expect(membersOf(d)).toEqual([{ id: "M01", name: "甲公司" }]);
  });

  it("quoted cells may hold the separator, quotes and line breaks", () => {
    const d = ok(roster('id,name,legal_representative\nM01,"甲公司,哈尔滨分部","王""立""新"\nM02,"乙\n大学",李四\n'));
    expect(membersOf(d).map((m) => [m.name, m.legal_representative])).toEqual([
      ["甲公司,哈尔滨分部", '王"立"新'],
      ["乙\n大学", "李四"],
    ]);
    // Positions follow the physical lines: M02 starts on line 3, its third cell on line 4.
    expect(d.locate("/members/1/id")).toEqual({ line: 3, column: 1 });
    expect(d.locate("/members/1/legal_representative")).toEqual({ line: 4, column: 5 });
  });

  it("positions of cells: line of the row, column of the cell", () => {
    const d = ok(roster(`${HEADER}\nM01,甲公司,企业,91350100M000100Y43,张三,是,黑龙江省,是,否,否\nM02,乙大学,高校,12100000400000624D,李四,是,黑龙江省,否,是,否\n`));
    expect(d.locate("/members/1/credit_code")).toEqual({ line: 3, column: 12 });
    expect(d.locate("/members/1/name", "key")).toEqual({ line: 1, column: 4 });
  });

  it("contact columns are ignored, unknown headers hold no member data; English headers work as they are", () => {
    const d = ok(roster("id,name,备注,联系方式\nM01,甲公司,无,0451\n"));
    expect(membersOf(d)).toEqual([{ id: "M01", name: "甲公司" }]);
  });
});

describe("formats", () => {
  const SEMI = `${HEADER.replace(/,/g, ";")}\nM01;甲公司,有限;企业;91350100M000100Y43;张三;是;黑龙江省;是;否;否\n`;

  it("';' separated (Excel in some locales), with ',' inside a cell", () => {
    const d = ok(roster(SEMI));
    expect(membersOf(d)[0]).toMatchObject({ id: "M01", name: "甲公司,有限", type: "enterprise", backbone: true });
  });

  it("tab separated", () => {
    const d = ok(roster(`${HEADER.replace(/,/g, "\t")}\nM01\t甲公司\t企业\t91350100M000100Y43\t张三\t是\t黑龙江省\t是\t否\t否\n`));
    expect(membersOf(d)[0]).toMatchObject({ id: "M01", name: "甲公司", credit_code: "91350100M000100Y43" });
  });

  it("UTF-8 with a BOM: the first header is not polluted, positions unchanged", () => {
    const text = `${HEADER}\nM01,甲公司,企业,91350100M000100Y43,张三,是,黑龙江省,是,否,否\n`;
    const plain = ok(roster(text));
    const bom = ok(roster(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(bom.data).toEqual(plain.data);
    expect(membersOf(bom)[0].id).toBe("M01");
    expect(bom.locate("/members/0/id")).toEqual({ line: 2, column: 1 });
    expect(bom.locate("/members/0/name")).toEqual(plain.locate("/members/0/name"));
  });

  it("CRLF line ends and blank lines", () => {
    const d = ok(roster("id,name\r\nM01,甲公司\r\n\r\nM02,乙大学\r\n"));
    expect(membersOf(d)).toEqual([
      { id: "M01", name: "甲公司" },
      { id: "M02", name: "乙大学" },
    ]);
    expect(d.locate("/members/1/name")).toEqual({ line: 4, column: 5 });
  });

  it("UTF-16LE with a BOM (Excel's Unicode text)", () => {
    const text = "id\tname\nM01\t甲公司\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(membersOf(ok(roster(bytes)))).toEqual([{ id: "M01", name: "甲公司" }]);
  });
});

describe("errors", () => {
  it("a ragged row is file/unreadable naming the line", () => {
    const e = err(roster("id,name,type\nM01,甲公司,企业\nM02,乙大学\nM03,丙研究院,科研院所\n"));
    expect(e.message.en).toMatch(/line 3 has 2 cells but the header has 3/);
    expect(e.position.line).toBe(3);
  });

  it("a row with too many cells hints at quoting", () => {
    const e = err(roster("id,name\nM01,甲公司,哈尔滨分部\n"));
    expect(e.message.en).toMatch(/line 2 has 3 cells.*must be quoted/);
    expect(e.message.zh).toMatch(/第 2 行/);
  });

  it("a ragged row through the audit: one file/unreadable at the line, nothing else", async () => {
    const r = await auditOne(box.files({ "charter.yaml": baseCharterText(), "members.csv": "编号,单位名称\nM01,甲公司\nM02\n" }));
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect([r.findings[0].file, r.findings[0].line]).toEqual(["members.csv", 3]);
  });

  it("an unclosed quote names the line", () => {
    const e = err(roster('id,name\nM01,"甲公司\nM02,乙\n'));
    expect(e.message.en).toMatch(/CSV syntax error \(line \d+\)/);
    expect(e.position.line).toBeGreaterThanOrEqual(2);
  });

  it("an empty file", () => {
    expect(err(roster("")).message.en).toMatch(/empty/);
    expect(err(roster("\n\n")).message.en).toMatch(/empty/);
  });
});
