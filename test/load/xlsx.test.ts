// The .xlsx roster (documents.md §1–§2): sheet and header detection, cells as displayed, number
// cells where text belongs, locators on every finding, and unreadable workbooks as file/unreadable
// with what to do. Workbooks are generated from code (scripts/gen-example-documents.mjs).
import { afterAll, describe, expect, it } from "vitest";
import { loadXlsx } from "../../src/load/xlsx.js";
import { normalizeRoster } from "../../src/model/aliases.js";
import { rosterSource } from "../../src/model/roster-source.js";
import { auditOne, baseCharter, baseCharterText, baseMembers, Sandbox, toYaml } from "../helpers/proposal.js";
// @ts-expect-error: a plain .mjs script without type declarations
import { makeXlsx, makeRosterXlsx } from "../../scripts/gen-example-documents.mjs";

const box = new Sandbox();
afterAll(() => box.cleanup());

const HEADER = ["序号", "单位名称（全称）", "单位性质", "统一社会信用代码", "法定代表人", "所在省份", "行业骨干", "前沿水平"];
const TYPE_WORDS: Record<string, string> = { enterprise: "企业", university: "高校", research_institute: "科研院所" };

/** The compliant base roster as sheet rows (序号 ids 1…5), with a merged title above the header. */
function baseRows(): unknown[][] {
  const rows: unknown[][] = [["松花江铝镁合金产业技术创新战略联盟成员单位名单"], HEADER];
  baseMembers().members.forEach((m: Record<string, unknown>, i: number) => {
    rows.push([i + 1, m.name, TYPE_WORDS[m.type as string], m.credit_code, m.legal_representative, m.province, m.backbone ? "是" : null, m.frontier ? "是" : null]);
  });
  return rows;
}

/** The base charter with member ids M01… renamed to the 序号 ids 1…5. */
function charterForNumericIds(): string {
  return baseCharterText().replace(/\bM0(\d)\b/g, "'$1'");
}

function workbook(rows: unknown[][], extraSheets: { name: string; state?: string; rows: unknown[][] }[] = []): Uint8Array {
  return makeXlsx([...extraSheets, { name: "成员名单", merges: ["A1:H1"], rows }]);
}

/** The roster as the audit sees it: loaded, then type words resolved as for any roster. */
async function load(bytes: Uint8Array) {
  const r = await loadXlsx(bytes);
  if (!r.ok) throw new Error(r.error.message.en);
  normalizeRoster(r.doc.data);
  return r.doc;
}

describe("sheet and header", () => {
  it("finds the roster on a later visible sheet, its header under a merged title, 序号 ids as text", async () => {
    const doc = await load(workbook(baseRows(), [{ name: "填表说明", rows: [["填表说明"], ["单位名称须与营业执照一致"]] }, { name: "旧名单", state: "hidden", rows: [["编号", "单位名称"], ["X1", "旧单位"]] }]));
    const members = doc.data.members as Record<string, unknown>[];
    expect(members).toHaveLength(5);
    expect(members[0]).toMatchObject({ id: "1", name: "松花江铝业股份有限公司", type: "enterprise", credit_code: "91230100MA1B2C3D8M", backbone: true });
    expect(members[1].type).toBe("university");
    expect(rosterSource(doc.data)).toMatchObject({ headerRow: 2, rowOf: [3, 4, 5, 6, 7], missing: [] });
  });

  it("skips empty, section and footer rows; a sheet without a header row is no roster", async () => {
    const rows = baseRows();
    rows.splice(2, 0, ["一、企业单位"]);
    rows.push([], ["填表人：张三"], [null, null, null, null, null, null, null, "备注"]);
    const doc = await load(workbook(rows, [{ name: "说明", rows: [["本表为成员名单"], ["请勿修改"]] }]));
    expect((doc.data.members as unknown[]).length).toBe(5);
    expect(rosterSource(doc.data)!.rowOf).toEqual([4, 5, 6, 7, 8]);
  });

  it("locates a member's cell as row/column and `sheet!cell`, a column by its header", async () => {
    const doc = await load(workbook(baseRows()));
    expect(doc.locate("/members/2/credit_code")).toEqual({ line: 5, column: 4 });
    expect(doc.locator!("/members/2/credit_code")).toBe("成员名单!D5");
    expect(doc.locator!("/members/2/legal_representative", "key")).toBe("成员名单!E2");
    expect(doc.locator!("/members")).toBe("成员名单!A2");
    expect(doc.locator!("/members/4")).toBe("成员名单!A7");
  });
});

describe("through the audit", () => {
  it("members.xlsx is a default roster: a compliant workbook passes", async () => {
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": workbook(baseRows()) });
    const p = await auditOne(dir);
    expect(p.findings).toEqual([]);
    expect(p.status).toBe("pass");
  });

  it("a number cell holding a credit code is members/credit-code-invalid at its cell, saying to format the column as text", async () => {
    const rows = baseRows();
    rows[4][3] = 912301087007765000; // a code typed into a General cell
    for (const lang of ["en", "zh"] as const) {
      const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": workbook(rows) });
      const p = await auditOne(dir, { lang });
      expect(p.findings.map((f) => [f.ruleId, f.locator, f.line, f.column])).toEqual([["members/credit-code-invalid", "成员名单!D5", 5, 4]]);
      expect(p.findings[0].message).toMatch(lang === "en" ? /9\.12301E\+17.*format the column as text/ : /9\.12301E\+17.*设为文本后重新输入/);
    }
  });

  it("a text cell with the same code is fine (near miss)", async () => {
    const rows = baseRows();
    rows[4][3] = "12230000414003121B";
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": workbook(rows) });
    expect((await auditOne(dir)).findings).toEqual([]);
  });

  it("a number cell as legal representative is reported at its cell", async () => {
    const rows = baseRows();
    rows[3][4] = 12345;
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": workbook(rows) });
    const p = await auditOne(dir);
    expect(p.findings.some((f) => f.locator === "成员名单!E4")).toBe(true);
  });

  it("a missing required column is schema/missing-column at the header row", async () => {
    const rows = baseRows().map((r) => r.filter((_, c) => c !== 4));
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": workbook(rows) });
    const p = await auditOne(dir);
    const missing = p.findings.filter((f) => f.ruleId === "schema/missing-column");
    expect(missing).toHaveLength(1);
    expect(missing[0].locator).toMatch(/^成员名单!A2$/);
  });

  it("--members FILE.xlsx and the charter's roster: name a workbook", async () => {
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "名单.xlsx": workbook(baseRows()) });
    expect((await auditOne(dir, { paths: ["charter.yaml"], members: "名单.xlsx" } as never)).findings).toEqual([]);
    const named = box.files({ "charter.yaml": `roster: 成员名单.xlsx\n${charterForNumericIds()}`, "成员名单.xlsx": workbook(baseRows()) });
    expect((await auditOne(named)).findings).toEqual([]);
  });

  it("members.xlsx beside members.yaml is file/ambiguous", async () => {
    const dir = box.files({ "charter.yaml": toYaml(baseCharter()), "members.yaml": toYaml(baseMembers()), "members.xlsx": workbook(baseRows()) });
    expect((await auditOne(dir)).findings.map((f) => f.ruleId)).toEqual(["file/ambiguous"]);
  });

  it("the example roster (merged title, 序号, a number credit code, a date column) reads as documented", async () => {
    const doc = await load(makeRosterXlsx());
    expect(doc.data.members).toEqual([
      expect.objectContaining({ id: "1", name: "哈尔滨松江机床有限公司", type: "enterprise", credit_code: "9.12301E+17" }),
      expect.objectContaining({ id: "2", name: "北疆工业大学", type: "university", credit_code: "12230000418702157L" }),
    ]);
  });
});

describe("unreadable workbooks are file/unreadable with what to do", () => {
  const cases: [string, Uint8Array | string, RegExp][] = [
    ["an HTML table saved as .xlsx", "<html><body><table><tr><td>编号</td></tr></table></body></html>", /xlsx|CSV/i],
    ["a legacy .xls renamed (OLE container)", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /./],
    ["a workbook without a header row", makeXlsx([{ name: "Sheet1", rows: [["甲", "乙"], ["丙", "丁"]] }]), /header row/],
    ["a truncated zip", makeXlsx([{ name: "Sheet1", rows: [["编号", "单位名称"]] }]).subarray(0, 200), /./],
  ];
  it.each(cases)("%s", async (_name, bytes, pattern) => {
    const r = await loadXlsx(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.en).toMatch(pattern);
      expect(r.error.message.zh).not.toBe("");
    }
    const dir = box.files({ "charter.yaml": charterForNumericIds(), "members.xlsx": bytes });
    const p = await auditOne(dir);
    expect(p.findings.map((f) => [f.ruleId, f.file])).toEqual([["file/unreadable", "members.xlsx"]]);
    expect(p.status).toBe("unaudited");
  });

  it("a header row without members says so", async () => {
    const r = await loadXlsx(workbook(baseRows().slice(0, 2)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toMatch(/no member rows/);
  });
});
