// The HTML report without a browser: one self-contained page (nothing to fetch, a CSP that
// forbids fetching and admits only the page's own script), every report text escaped, every
// proposal shown, the same bytes for the same report. test/integration/browser.test.ts checks it in
// Chromium.
import { rulesMeta } from "../../src/registry/meta.js";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { formatNames, loadFormatter } from "../../src/format/index.js";
import { CSP, escapeHtml, html } from "../../src/format/html.js";
import type { FormatContext } from "../../src/format/types.js";
import type { Finding, Report } from "../../src/types.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/html/", import.meta.url));
const AS_OF = "2025-06-01";
const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({ lang: "zh", color: false, failOn: "error", rules: rulesMeta("national"), ...over });
const auditBatch = () => audit({ paths: ["."], cwd: FIXTURES, asOf: AS_OF, lang: "zh", jobs: 1 });

const HOSTILE_NAME = `<script>alert("x")</script> & 'q' 联盟`;
const HOSTILE_PATH = `batch/a&b <c> "d" 'e'`;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "agreement/unsigned",
    severity: "error",
    message: `成员 M04（<img src=x onerror="alert(1)"> & Co）未签署协议`,
    file: `${HOSTILE_PATH}/charter.yaml`,
    line: 34,
    column: 5,
    pointer: "/agreement/signatures",
    citation: { document: "国科发政〔2008〕770号", article: "第八条（二）" },
    ...over,
  };
}

/** A hand-made two-proposal report with hostile texts and a finding of a rule the catalogue does not know. */
function handMade(): Report {
  const findings = [finding(), finding({ ruleId: "future/rule", severity: "warning", message: "a < b && c > d", citation: { document: "X<doc>", article: "第1条" } })];
  return {
    version: 1,
    tool: { name: "alliance-audit", version: "0.1.0" },
    profile: "national",
    asOf: AS_OF,
    proposals: [
      { path: HOSTILE_PATH, name: HOSTILE_NAME, status: "fail", counts: { error: 1, warning: 1, info: 0 }, findings },
      { path: "batch/ok", name: null, status: "pass", counts: { error: 0, warning: 0, info: 0 }, findings: [] },
    ],
    summary: { proposals: 2, passed: 1, failed: 1, error: 1, warning: 1, info: 0 },
  };
}

/** The page's inline scripts' texts. */
const scripts = (page: string) => [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

describe("html format", () => {
  it("is registered as --format html", async () => {
    expect(formatNames()).toContain("html");
    expect(await loadFormatter("html")).toBe(html);
  });

  it("is self-contained: nothing is loaded from anywhere", async () => {
    for (const page of [html(await auditBatch(), ctx()), html(handMade(), ctx({ lang: "en" }))]) {
      expect(page).not.toMatch(/https?:\/\//i);
      const tags = page.match(/<[a-z][^>]*>/gi)!.join("\n");
      expect(tags).not.toMatch(/\s(src|srcset|data|action|formaction|poster|background)\s*=/i);
      expect(page).not.toMatch(/url\s*\(/i);
      expect(page).not.toMatch(/@import|@font-face/i);
      expect(page).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source|base|form)\b/i);
      // Links only jump within the page.
      for (const [, href] of page.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)) expect(href).toMatch(/^#[\w-]+$/);
    }
  });

  it("has a Content-Security-Policy that forbids requests and admits only its own script", async () => {
    const page = html(await auditBatch(), ctx());
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    expect(meta).not.toBeNull();
    const csp = meta![1];
    expect(csp).not.toMatch(/["&<>]/);
    expect(csp).toBe(CSP);
    expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )style-src 'unsafe-inline'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const [script, ...more] = scripts(page);
    expect(more).toEqual([]);
    const hash = createHash("sha256").update(script, "utf8").digest("base64");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    // The CSP comes before anything that could load: right after the charset.
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
  });

  it("escapes every report text: <, &, quotes", () => {
    const page = html(handMade(), ctx());
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; 联盟");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
    expect(page).toContain("a &lt; b &amp;&amp; c &gt; d");
    expect(page).toContain("batch/a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
    expect(page).toContain("X&lt;doc&gt; 第1条"); // an unknown rule's citation, from the finding
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<c>");
    expect(page.match(/<script\b/g)).toHaveLength(1);
    // Nothing from the report leaves a quoted attribute value: every attribute is "…" with no raw quote inside.
    for (const tag of page.match(/<[a-z][^>]*>/gi)!) expect(tag).toMatch(/^<[a-z0-9]+(\s+[\w-]+(="[^"<>]*")?)*\s*\/?>$/i);
  });

  it("shows every proposal's path, its status and counts", async () => {
    const report = await auditBatch();
    const page = html(report, ctx());
    expect(report.proposals.map((p) => p.path)).toEqual(["compliant", "hostile-names", "unsigned", "warnings-only"]);
    for (const p of report.proposals) {
      expect(page).toContain(`data-path="${escapeHtml(p.path)}"`);
      expect(page).toContain(`<code>${escapeHtml(p.path)}</code>`);
      expect(page).toMatch(new RegExp(`data-path="${p.path}"[^>]*data-status="${p.status}"|data-status="${p.status}"[^>]*data-path="${p.path}"`));
    }
    const hand = html(handMade(), ctx({ lang: "en" }));
    for (const p of handMade().proposals) expect(hand).toContain(escapeHtml(p.path));
    expect(hand).toContain("(alliance name not given)");
  });

  it("groups findings by condition, with location, citation, clause text and fix", async () => {
    const page = html(await auditBatch(), ctx());
    expect(page).toContain('data-condition="agreement"');
    expect(page).toMatch(/unsigned\/charter\.yaml:\d+:\d+/);
    expect(page).toMatch(/unsigned\/members\.yaml:\d+:\d+/); // an unsigned member, at its roster entry (C9)
    expect(page).toContain("国科发政〔2008〕770号 第八条（二）");
    expect(page).toContain("联盟协议必须由成员单位法定代表人共同签署生效"); // the clause text
    expect(page).toContain("修改建议");
    const en = html(handMade(), ctx({ lang: "en" }));
    expect(en).toContain('data-condition="other"'); // a rule the catalogue does not know
    expect(en).toContain("Guokefazheng [2008] No. 770, Art. 8(2)");
  });

  it("is Chinese or English as asked", () => {
    expect(html(handMade(), ctx())).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html(handMade(), ctx({ lang: "en" }))).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html(handMade(), ctx())).toContain("审核日期");
    expect(html(handMade(), ctx({ lang: "en" }))).toContain("As of");
  });

  it("prints everything and hides the filter controls when printed", () => {
    const page = html(handMade(), ctx());
    const print = /@media print\{([\s\S]*?)\n\}/.exec(page)![1];
    expect(print).toMatch(/\.controls[^{]*\{display:none!important\}/);
    expect(print).toContain("details::details-content{content-visibility:visible}");
    expect(scripts(page)[0]).toContain("beforeprint");
    expect(page).toMatch(/@media screen\{\.filtered-out\{display:none!important\}\}/);
  });

  it("is deterministic: the same report gives the same bytes; the only date is the as-of date", async () => {
    const [a, b] = [await auditBatch(), await auditBatch()];
    const once = html(Object.freeze(a), ctx());
    expect(html(b, ctx())).toBe(once);
    const hand = html(handMade(), ctx());
    expect([...new Set(hand.match(/\d{4}-\d{2}-\d{2}/g))]).toEqual([AS_OF]);
  });

  it("renders an empty batch", () => {
    const empty: Report = { ...handMade(), proposals: [], summary: { proposals: 0, passed: 0, failed: 0, error: 0, warning: 0, info: 0 } };
    const page = html(empty, ctx({ lang: "en" }));
    expect(page).toContain("No proposals found.");
    expect(page).toContain("</html>\n");
  });
});
