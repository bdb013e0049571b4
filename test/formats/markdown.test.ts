// Markdown for a PR comment / $GITHUB_STEP_SUMMARY: summary line, a table of proposals, per failing
// proposal a collapsed list of findings; texts from proposals escaped.
import { describe, expect, it } from "vitest";
import { esc, markdown, MAX_FINDINGS_PER_PROPOSAL } from "../../src/format/markdown.js";
import { auditFixtures, ctx, finding, reportOf, TRICKY } from "./helpers.js";

/** A table row's cells, split at the pipes that are not escaped. */
const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

describe("markdown", () => {
  it("renders a small report exactly", () => {
    const report = reportOf([finding({ message: "M04 | *x* <b>", file: "p/charter.yaml" })], "p", "a|b");
    expect(markdown(report, ctx())).toBe(
      [
        "### Alliance proposal audit",
        "",
        "❌ 1 proposal: 0 passed, 1 failed; 1 error, 0 warnings, 0 info",
        "",
        "profile national; config none; as of 2026-01-01",
        "",
        "| proposal | alliance | status | errors | warnings | info |",
        "|---|---|---|--:|--:|--:|",
        "| p | a\\|b | ❌ fail | 1 | 0 | 0 |",
        "",
        "<details>",
        "<summary>p · a|b · 1 finding</summary>",
        "",
        "- p/charter.yaml:3:5 · **error** · M04 \\| \\*x\\* \\<b\\> · [`agreement/unsigned`](https://github.com/alliance-audit/alliance-audit/blob/main/docs/rules/agreement/unsigned.md) · Guokefazheng \\[2008\\] No. 770, Art. 8(2)",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
  });

  it("keeps the table's columns whatever the proposal's texts hold", async () => {
    const report = await auditFixtures();
    const md = markdown(report, ctx());
    const rows = md.split("\n").filter((l) => l.startsWith("|"));
    expect(rows).toHaveLength(report.proposals.length + 2);
    for (const row of rows) expect(cells(row)).toHaveLength(6);
    const tricky = rows.find((r) => r.startsWith(`| ${TRICKY}`))!;
    expect(cells(tricky)[1]).toBe("松花江\\|铝镁 \\<b\\>联盟\\</b\\> &amp; \\*Co\\* \\[x\\](y) \\#1");
  });

  it("lists findings of failing proposals only, on one line each", async () => {
    const report = await auditFixtures();
    const md = markdown(report, ctx());
    const failing = report.proposals.filter((p) => p.status !== "pass");
    expect(md.match(/<details>/g)).toHaveLength(failing.length);
    expect(md).not.toMatch(/<summary>compliant/);
    const items = md.split("\n").filter((l) => l.startsWith("- "));
    expect(items).toHaveLength(failing.reduce((n, p) => n + p.findings.length, 0));
    // M04's name holds CR/LF, `|`, `<b>` and `&amp;`: escaped, and still one line.
    expect(items.find((l) => l.includes("M04"))).toContain("哈东\\|精密 \\<b\\>&amp;amp;\"铸造\", 100%: 有限公司 第二行");
    expect(md).toContain(`<summary>${TRICKY} · 松花江|铝镁 &lt;b&gt;联盟&lt;/b&gt; &amp; *Co* [x](y) #1 · 5 findings</summary>`);
  });

  it("escapes Markdown-significant characters", () => {
    expect(esc("a|b*c_d`e[f]g<h>i#j~k\\l&m\nn")).toBe("a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>i\\#j\\~k\\\\l&amp;m n");
  });

  it("lists at most MAX_FINDINGS_PER_PROPOSAL findings and counts the rest", () => {
    const many = Array.from({ length: MAX_FINDINGS_PER_PROPOSAL + 3 }, (_, i) => finding({ line: i + 1 }));
    const md = markdown(reportOf(many), ctx());
    expect(md.split("\n").filter((l) => l.startsWith("- p/"))).toHaveLength(MAX_FINDINGS_PER_PROPOSAL);
    expect(md).toContain("- 3 more not listed; see the full report.");
  });

  it("speaks Chinese with --lang zh", async () => {
    const md = markdown(await auditFixtures(), ctx({ lang: "zh" }));
    expect(md).toContain("### 联盟申报材料审核");
    expect(md).toContain("| 申报材料 | 联盟名称 | 结果 | 错误 | 警告 | 提示 |");
    expect(md).toContain("国科发政〔2008〕770号 第八条（二）");
  });
});
