// Markdown for a PR comment / $GITHUB_STEP_SUMMARY: summary line, a table of proposals, per failing
// proposal a collapsed list of findings; texts from proposals escaped.
import { describe, expect, it } from "vitest";
import { esc, markdown, MAX_FINDINGS_PER_PROPOSAL, MAX_MARKDOWN_CHARS } from "../../src/format/markdown.js";
import type { ProposalReport, Report } from "../../src/types.js";
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
        "#### Findings by rule",
        "",
        "| rule | proposals | findings |",
        "|---|--:|--:|",
        "| [`agreement/unsigned`](https://github.com/alliance-audit/alliance-audit/blob/main/docs/rules/agreement/unsigned.md) | 1 | 1 |",
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
    const rows = md.split("\n").filter((l) => l.startsWith("|") && !l.startsWith("| [`") && !l.startsWith("| rule |") && l !== "|---|--:|--:|");
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

describe("markdown for a big batch (issue #13)", () => {
  /** `n` proposals, every `failEvery`-th failing with `per` findings of rotating rules. */
  function bigReport(n: number, failEvery: number, per: number): Report {
    const rules = ["agreement/expired", "agreement/unsigned", "governance/advisory-body"];
    const proposals: ProposalReport[] = [];
    for (let i = 0; i < n; i++) {
      const path = `proposals/p${String(i).padStart(4, "0")}`;
      const failing = i % failEvery === 0;
      const findings = failing
        ? Array.from({ length: per }, (_, k) =>
            finding({ ruleId: rules[(i + k) % rules.length], file: `${path}/charter.yaml`, line: k + 1, message: `成员 M0${k % 9} 的问题：协议未按规定签署，请补充签署页和授权委托书（第 ${k} 项）` }),
          )
        : [];
      const counts = { error: findings.length, warning: 0, info: 0 };
      proposals.push({ path, name: `第${i}号产业技术创新战略联盟`, status: failing ? "fail" : "pass", counts, findings });
    }
    const failed = proposals.filter((p) => p.status === "fail").length;
    const error = proposals.reduce((k, p) => k + p.counts.error, 0);
    return { ...reportOf([]), proposals, summary: { proposals: n, passed: n - failed, failed, unaudited: 0, error, warning: 0, info: 0 } };
  }

  it.each(["en", "zh"] as const)("a 2,000-proposal report fits a PR comment (%s): summary, per-rule counts, failing first, details, a note of what was cut", (lang) => {
    const report = bigReport(2000, 3, 8);
    const md = markdown(report, ctx({ lang }));
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    const lines = md.split("\n");
    expect(lines[2]).toMatch(lang === "en" ? /^❌ 2000 proposals: 1333 passed, 667 failed/ : /^❌ 2000 份申报材料：1333 份通过，667 份未通过/);
    // Per-rule counts: every rule, with its number of proposals.
    for (const id of ["agreement/expired", "agreement/unsigned", "governance/advisory-body"]) expect(md).toContain(`| [\`${id}\`](`);
    // The table lists failing proposals first; passing ones only after every failing one.
    const rows = lines.filter((l) => l.startsWith("| proposals/"));
    const statuses = rows.map((r) => (r.includes("❌") ? "fail" : "pass"));
    const firstPass = statuses.indexOf("pass");
    if (firstPass >= 0) expect(statuses.slice(firstPass).every((s) => s === "pass")).toBe(true);
    expect(rows[0]).toContain("proposals/p0000");
    expect(md).toContain("<details>");
    expect(md.match(/<details>/g)!.length).toBeGreaterThan(10);
    const note = lines.filter((l) => l.startsWith("> ✂️"));
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(lang === "en" ? /of 2000 proposals are not in the table, and the findings of \d+ proposals are not listed/ : /表中未列出 \d+ 份申报材料（共 2000 份），\d+ 份申报材料的问题详情未列出/);
    // What the note counts is what is missing.
    const [, cutRows] = /(\d+) (?:of|份申报材料（共)/.exec(note[0])!;
    expect(Number(cutRows)).toBe(2000 - rows.length);
  });

  it("a report that fits is not cut and has no note", () => {
    const report = bigReport(30, 3, 2);
    const md = markdown(report, ctx());
    expect(md).not.toContain("✂️");
    expect(md.split("\n").filter((l) => l.startsWith("| proposals/"))).toHaveLength(30);
    expect(md.match(/<details>/g)).toHaveLength(10);
  });

  it("with only failing proposals too many to list, the details still get room", () => {
    const report = bigReport(3000, 1, 3);
    const md = markdown(report, ctx());
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    expect(md.match(/<details>/g)!.length).toBeGreaterThan(20);
    expect(md).toMatch(/> ✂️ .*of 3000 proposals are not in the table/);
  });
});
