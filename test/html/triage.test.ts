// The HTML report for a reviewer's triage (issue #13): what the filter matches, the per-rule
// count table, pinyin sorting in the script, and the list of rules checked (open on a clean
// report). test/integration/browser.test.ts drives the filter and sorting in Chromium.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { html } from "../../src/format/html.js";
import { rulesMeta } from "../../src/registry/meta.js";
import type { FormatContext } from "../../src/format/types.js";
import type { Lang } from "../../src/types.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/html/", import.meta.url));
const AS_OF = "2025-06-01";
const ctx = (lang: Lang): FormatContext => ({ lang, color: false, failOn: "error", rules: rulesMeta("national") });
const batch = (lang: Lang) => audit({ paths: ["."], cwd: FIXTURES, asOf: AS_OF, lang, jobs: 1 });

/** The data-search text of a proposal's row, as the browser reads it (entities decoded). */
function searchOf(page: string, path: string): string {
  const row = page.split("\n").find((l) => l.includes(`data-path="${path}"`) && l.startsWith("<tr"))!;
  const raw = /data-search="([^"]*)"/.exec(row)![1];
  return raw.replace(/&#61;/g, "=").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

describe("the filter's text", () => {
  it("holds the Chinese messages, rule titles, rule ids and conditions (zh and en labels) of a proposal", async () => {
    const page = html(await batch("zh"), ctx("zh"));
    const s = searchOf(page, "unsigned");
    for (const t of ["unsigned", "牡丹江石墨新材料产业技术创新战略联盟", "agreement/unsigned", "没有签署协议", "条件（二）", "协议", "agreement", "condition 2", "governance", "未通过", "fail"]) expect(s, t).toContain(t.normalize("NFKC").toLowerCase());
    // A proposal is not found by another's rule or words.
    const ok = searchOf(page, "compliant");
    expect(ok).not.toContain("agreement/unsigned");
    expect(ok).not.toContain("没有签署协议");
    expect(ok).toContain("通过");
  });

  it("is lower-cased and NFKC-normalised like the query (full-width letters match)", async () => {
    const page = html(await batch("en"), ctx("en"));
    const s = searchOf(page, "unsigned");
    expect(s).toBe(s.normalize("NFKC").toLowerCase());
    expect(page).toContain('norm(text.value).split(/\\s+/)');
    expect(page).toContain('String(v).normalize("NFKC").toLowerCase()');
  });
});

describe("per-rule counts", () => {
  it.each(["zh", "en"] as const)("lists each rule with its proposals and findings, most proposals first, as a filter button (%s)", async (lang) => {
    const report = await batch(lang);
    const page = html(report, ctx(lang));
    const rows = [...page.matchAll(/<tr data-rule="([^"]+)">.*?<td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    const expected = new Map<string, [number, number]>();
    for (const p of report.proposals) {
      const seen = new Set<string>();
      for (const f of p.findings) {
        const c = expected.get(f.ruleId) ?? [0, 0];
        c[1]++;
        if (!seen.has(f.ruleId)) (c[0]++, seen.add(f.ruleId));
        expected.set(f.ruleId, c);
      }
    }
    expect(new Map(rows.map(([id, p, f]) => [id as string, [p, f]]))).toEqual(expected);
    const proposals = rows.map((r) => r[1] as number);
    expect([...proposals].sort((a, b) => b - a)).toEqual(proposals);
    expect(page).toContain(lang === "zh" ? ">按规则统计</h3>" : ">By rule</h3>");
    expect(page).toMatch(/<button type="button" class="rule-filter" data-rule="agreement\/unsigned"/);
  });
});

describe("sorting and the rules checked", () => {
  it("sorts text columns with Intl.Collator('zh') (pinyin), numbers by value", async () => {
    const page = html(await batch("zh"), ctx("zh"));
    expect(page).toContain('new Intl.Collator("zh", { numeric: true })');
    expect(page).toContain("collator.compare(x, y)");
    // What Chromium will do with the fixture's names: pinyin, not code-point order.
    const names = ["松花江铝镁合金", "牡丹江石墨", "嫩江大豆"];
    expect([...names].sort(new Intl.Collator("zh").compare)).toEqual(["牡丹江石墨", "嫩江大豆", "松花江铝镁合金"]);
    expect([...names].sort()).not.toEqual(["牡丹江石墨", "嫩江大豆", "松花江铝镁合金"]);
  });

  it.each(["zh", "en"] as const)("the clean report of one proposal says what was checked, against which clauses, open (%s)", async (lang) => {
    const report = await audit({ paths: ["compliant"], cwd: FIXTURES, asOf: AS_OF, lang, jobs: 1 });
    expect(report.proposals[0].findings).toEqual([]);
    const page = html(report, ctx(lang));
    const section = page.slice(page.indexOf('<section id="checked"'), page.indexOf("</section>", page.indexOf('<section id="checked"')));
    expect(section).toContain("<details open>");
    expect(section).toContain(lang === "zh" ? "未发现问题：下列规则均已检查并满足。" : "No problems found: every rule below was checked and is met.");
    const meta = rulesMeta("national");
    const active = Object.values(meta).filter((r) => r.severity);
    expect(section.match(/<li data-rule=/g)).toHaveLength(active.length);
    expect(section).toContain(`<li data-rule="agreement/unsigned"><code>agreement/unsigned</code> ${meta["agreement/unsigned"].title[lang]}`);
    expect(section).toContain(lang === "zh" ? "国科发政〔2008〕770号 第八条（二）" : "Guokefazheng [2008] No. 770, Art. 8(2)");
    // Rules not in the profile are not claimed as checked.
    const hljOnly = Object.values(rulesMeta("heilongjiang")).filter((r) => r.severity && !meta[r.id].severity);
    for (const r of hljOnly) expect(section).not.toContain(`data-rule="${r.id}"`);
  });

  it("is folded, with no 'all clean' claim, when something was found", async () => {
    const page = html(await batch("en"), ctx("en"));
    const section = page.slice(page.indexOf('<section id="checked"'));
    expect(section).toMatch(/^<section id="checked" aria-labelledby="checked-h">\n<details>/);
    expect(section).not.toContain("data-clean");
  });
});
