// --format csv: one row per finding, UTF-8 with BOM, RFC 4180 quoting, CSV injection neutralised,
// control characters visible; failing proposals first.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csv, csvCell, CSV_COLUMNS } from "../../src/format/csv.js";
import { formatNames } from "../../src/format/index.js";
import { auditFixtures, ctx, finding, reportOf, TRICKY } from "./helpers.js";
import { cli } from "../config/run-cli.js";
import { FIXTURES } from "./helpers.js";

const rows = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false });

describe("csv", () => {
  it("is registered as a format", () => expect(formatNames()).toContain("csv"));

  it("starts with a BOM and the header, one CRLF row per finding with the columns in order (en)", () => {
    const text = csv(reportOf([finding(), finding({ line: 9, severity: "warning", message: "second", citation: undefined, locator: "成员名单!D7" })]), ctx());
    expect(text.startsWith("\uFEFFproposal,alliance,status,file,line,column,locator,severity,rule,message,citation\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const r = rows(text);
    expect(r[0]).toEqual([...CSV_COLUMNS]);
    expect(r.slice(1)).toEqual([
      ["p", "测试联盟", "fail", "p/charter.yaml", "3", "5", "", "error", "agreement/unsigned", "member M04 has not signed the agreement", "Guokefazheng [2008] No. 770, Art. 8(2)"],
      ["p", "测试联盟", "fail", "p/charter.yaml", "9", "5", "成员名单!D7", "warning", "agreement/unsigned", "second", ""],
    ]);
  });

  it("gives the citation in Chinese with --lang zh (header unchanged)", () => {
    const r = rows(csv(reportOf([finding()]), ctx({ lang: "zh" })));
    expect(r[0]).toEqual([...CSV_COLUMNS]);
    expect(r[1][10]).toBe("国科发政〔2008〕770号 第八条（二）");
  });

  it("neutralises cells that a spreadsheet would run, and shows control characters", () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "＝1"]) expect(csvCell(bad).replace(/^"/, "")).toMatch(/^'/);
    for (const ok of ["松花江联盟", "M04", "a=b", "1-2", "user@example"]) expect(csvCell(ok)).toBe(ok);
    expect(csvCell(3)).toBe("3");
    expect(csvCell("a\u001b[31mb")).toBe("a\\u001b[31mb");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    const r = rows(csv(reportOf([finding({ message: "=cmd|' /C calc'!A0" })], "p", "@evil\r\nname"), ctx()));
    expect(r[1][1]).toBe("'@evil\\u000d\\u000aname");
    expect(r[1][9]).toBe("'=cmd|' /C calc'!A0");
  });

  it("lists failing and unaudited proposals first, none of a clean one, and keeps tricky texts in one cell", async () => {
    const report = await auditFixtures();
    const r = rows(csv(report, ctx()));
    const total = report.proposals.reduce((n, p) => n + p.findings.length, 0);
    expect(r).toHaveLength(total + 1);
    for (const row of r) expect(row).toHaveLength(11);
    const statuses = r.slice(1).map((x) => x[2]);
    const firstPass = statuses.indexOf("pass");
    if (firstPass >= 0) expect(statuses.slice(firstPass).every((s) => s === "pass")).toBe(true);
    expect(r.some((x) => x[0] === TRICKY)).toBe(true);
    expect(r.some((x) => x[0] === "compliant")).toBe(false);
  });

  it("runs from the command line (--format csv)", () => {
    const r = cli([".", "--format", "csv", "--as-of", "2026-01-01"], FIXTURES);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("\uFEFFproposal,alliance,")).toBe(true);
  });
});
