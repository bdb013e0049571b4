// The HTML report in a real browser: Debian's Chromium driven by playwright-core opens the page
// rendered from a small batch (test/fixtures/html) and checks what a reviewer sees and does —
// the summary numbers, filtering, sorting, printing — and that the page makes no request and
// shows a <script> in an alliance name as text. Skips, with the reason printed, where
// /usr/bin/chromium is not installed (scripts/install-chromium.sh installs it).
import { rulesMeta } from "../../src/registry/meta.js";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { html } from "../../src/format/html.js";
import { getRule } from "../../src/rules/index.js";
import type { Lang, Report } from "../../src/types.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(`test/integration/browser.test.ts: skipped: ${CHROMIUM} does not exist (run scripts/install-chromium.sh to install Chromium)`);
}

const FIXTURES = fileURLToPath(new URL("../fixtures/html/", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../.artifacts/", import.meta.url));
const AS_OF = "2025-06-01";

/** The batch: compliant, warnings-only (passes), unsigned (3 errors), hostile-names (markup in names). */
const auditBatch = (lang: Lang): Promise<Report> => audit({ paths: ["."], cwd: FIXTURES, asOf: AS_OF, lang, jobs: 1 });

interface Opened {
  page: Page;
  url: string;
  /** Every request the page made, by URL. */
  requests: string[];
  /** Content-Security-Policy violations the page reported. */
  violations: () => Promise<string[]>;
}

describe.skipIf(!HAS_CHROMIUM)("html report in Chromium", () => {
  let browser: Browser;
  let temp: string;
  let report: Report;
  let zh: Opened;

  async function open(report: Report, lang: Lang, name: string): Promise<Opened> {
    const file = join(temp, name);
    writeFileSync(file, html(report, { lang, color: false, failOn: "error", rules: rulesMeta("national") }));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    // Init scripts are injected by the driver, outside the page's CSP.
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url, { waitUntil: "load" });
    return { page, url, requests, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
  }

  /** The proposal paths of the table's rows that are shown, in order. */
  const shownPaths = (page: Page) =>
    page.$$eval("#proposal-table tbody tr", (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.getAttribute("data-path")));

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), "aa-html-"));
    // playwright gives every launch a fresh, temporary user-data-dir of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    report = await auditBatch("zh");
    zh = await open(report, "zh", "report-zh.html");
  });

  afterAll(async () => {
    await browser?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("renders the batch we expect", () => {
    // Guards the fixtures: the checks below rely on this mix.
    expect(report.proposals.map((p) => [p.path, p.status])).toEqual([
      ["compliant", "pass"],
      ["hostile-names", "fail"],
      ["unsigned", "fail"],
      ["warnings-only", "pass"],
    ]);
  });

  it("is a Chinese page whose script ran under its Content-Security-Policy", async () => {
    const { page } = zh;
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.title()).toContain("审核报告");
    // The controls are revealed by the inline script: it ran, so the CSP hash matches it.
    expect(await page.isVisible("#filter-text")).toBe(true);
    expect(await zh.violations()).toEqual([]);
  });

  it("shows the report's summary numbers", async () => {
    const { page } = zh;
    const s = report.summary;
    for (const key of ["proposals", "passed", "failed", "error", "warning", "info"] as const) {
      expect(await page.textContent(`[data-summary="${key}"] .num`), key).toBe(String(s[key]));
    }
    // Counts by condition: the table's numbers are the report's findings grouped by rule condition.
    const expected = new Map<string, { error: number; warning: number; info: number }>();
    for (const p of report.proposals) {
      for (const f of p.findings) {
        const c = getRule(f.ruleId)?.condition ?? "other";
        const row = expected.get(c) ?? { error: 0, warning: 0, info: 0 };
        row[f.severity]++;
        expected.set(c, row);
      }
    }
    const shown = await page.$$eval("#condition-table tbody tr", (rows) =>
      rows.map((r) => [r.getAttribute("data-condition"), [...r.querySelectorAll("td.n")].map((td) => Number(td.textContent))] as const),
    );
    expect(shown.map(([c]) => c)).toEqual(expect.arrayContaining(["composition", "agreement", "governance", "funding", "ip", "openness"]));
    for (const [c, [error, warning, info, total]] of shown) {
      const e = expected.get(c!) ?? { error: 0, warning: 0, info: 0 };
      expect({ c, error, warning, info, total }).toEqual({ c, ...e, total: e.error + e.warning + e.info });
    }
    expect(await page.textContent('#condition-table tr[data-condition="agreement"] th')).toContain("协议");
    // One row per proposal, with its status and counts.
    const rows = await page.$$eval("#proposal-table tbody tr", (trs) =>
      trs.map((tr) => [tr.getAttribute("data-path"), tr.querySelector(".badge")!.textContent, ...[...tr.querySelectorAll("td.n")].map((td) => Number(td.textContent))]),
    );
    expect(rows).toEqual(report.proposals.map((p) => [p.path, p.status === "pass" ? "通过" : "未通过", p.counts.error, p.counts.warning, p.counts.info]));
  });

  it("lists each proposal's findings grouped by condition, with location, citation, clause and fix", async () => {
    const { page } = zh;
    const unsigned = page.locator('details[data-path="unsigned"]');
    expect(await unsigned.getAttribute("open")).not.toBeNull(); // failing proposals start open
    expect(await unsigned.locator("section.group").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-condition")))).toEqual(["agreement", "governance", "funding"]);
    const p = report.proposals.find((x) => x.path === "unsigned")!;
    const f = p.findings.find((x) => x.ruleId === "agreement/unsigned")!;
    const item = unsigned.locator('li[data-rule="agreement/unsigned"]');
    expect(await item.locator(".loc").textContent()).toBe(`${f.file}:${f.line}:${f.column}`);
    expect(await item.locator(".msg").textContent()).toBe(f.message);
    expect(await item.locator(".cite").textContent()).toContain("国科发政〔2008〕770号 第八条（二）");
    expect(await item.locator(".fix").textContent()).toContain(getRule("agreement/unsigned")!.fix.zh);
    expect(await unsigned.locator('section[data-condition="agreement"] blockquote').textContent()).toContain("联盟协议必须由成员单位法定代表人共同签署生效");
    // A passing proposal with warnings starts folded; the compliant one has no findings section.
    expect(await page.getAttribute('details[data-path="warnings-only"]', "open")).toBeNull();
    expect(await page.locator('details[data-path="compliant"]').count()).toBe(0);
  });

  it("hides the rows that do not match the filter text or status", async () => {
    const { page } = zh;
    const all = report.proposals.map((p) => p.path);
    expect(await shownPaths(page)).toEqual(all);

    await page.fill("#filter-text", "HOSTILE"); // by path, case-insensitive
    expect(await shownPaths(page)).toEqual(["hostile-names"]);
    expect(await page.textContent("#shown-count")).toBe("1");
    expect(await page.isVisible('details[data-path="hostile-names"]')).toBe(true); // its findings too
    expect(await page.isVisible('details[data-path="unsigned"]')).toBe(false);

    await page.fill("#filter-text", "牡丹江"); // by alliance name
    expect(await shownPaths(page)).toEqual(["unsigned"]);
    expect(await page.isVisible('details[data-path="unsigned"]')).toBe(true);
    expect(await page.isVisible('details[data-path="hostile-names"]')).toBe(false);
    await page.fill("#filter-text", "ip/breach-liability"); // by rule id
    expect(await shownPaths(page)).toEqual(["hostile-names"]);
    await page.fill("#filter-text", "agreement/unsigned");
    expect(await shownPaths(page)).toEqual(["hostile-names", "unsigned"]);
    expect(await page.textContent("#shown-count")).toBe("2");

    await page.fill("#filter-text", "no such proposal");
    expect(await shownPaths(page)).toEqual([]);
    expect(await page.isVisible("#no-match")).toBe(true);

    await page.fill("#filter-text", "");
    await page.selectOption("#filter-status", "fail");
    expect(await shownPaths(page)).toEqual(["hostile-names", "unsigned"]);
    await page.selectOption("#filter-status", "pass");
    expect(await shownPaths(page)).toEqual(["compliant", "warnings-only"]);
    await page.fill("#filter-text", "compliant");
    expect(await shownPaths(page)).toEqual(["compliant"]);

    await page.fill("#filter-text", "");
    await page.selectOption("#filter-status", "all");
    expect(await shownPaths(page)).toEqual(all);
    expect(await page.isVisible("#no-match")).toBe(false);
  });

  it("sorts the table when a column header is clicked, and again the other way", async () => {
    const { page } = zh;
    const header = (key: string) => page.locator(`#proposal-table th[data-key="${key}"] button`);

    await header("error").click();
    expect(await page.getAttribute('th[data-key="error"]', "aria-sort")).toBe("ascending");
    expect(await shownPaths(page)).toEqual(["compliant", "warnings-only", "hostile-names", "unsigned"]);
    await header("error").click();
    expect(await page.getAttribute('th[data-key="error"]', "aria-sort")).toBe("descending");
    expect(await shownPaths(page)).toEqual(["unsigned", "hostile-names", "compliant", "warnings-only"]);

    await header("warning").click();
    expect(await page.getAttribute('th[data-key="error"]', "aria-sort")).toBe("none");
    expect((await shownPaths(page))[3]).toBe("warnings-only");

    await header("path").click();
    await header("path").click();
    expect(await shownPaths(page)).toEqual(["warnings-only", "unsigned", "hostile-names", "compliant"]);

    await header("status").click(); // fail before pass, path order within
    expect(await shownPaths(page)).toEqual(["hostile-names", "unsigned", "compliant", "warnings-only"]);

    // Filtering still works on the sorted table.
    await page.fill("#filter-text", "hostile");
    expect(await shownPaths(page)).toEqual(["hostile-names"]);
    await page.fill("#filter-text", "");
    await header("path").click();
    expect(await shownPaths(page)).toEqual(report.proposals.map((p) => p.path));
  });

  it("filters by Chinese message text, condition, several words, full-width letters, and not while an input method composes", async () => {
    const { page } = zh;
    const all = report.proposals.map((p) => p.path);
    const having = (pred: (ruleId: string, message: string) => boolean) => report.proposals.filter((p) => p.findings.some((f) => pred(f.ruleId, f.message))).map((p) => p.path);

    await page.fill("#filter-text", "没有签署协议"); // words of a message, in Chinese
    expect(await shownPaths(page)).toEqual(having((_, m) => m.includes("没有签署协议")));
    expect(await shownPaths(page)).toEqual(["hostile-names", "unsigned"]);

    await page.fill("#filter-text", "条件（二）"); // a condition, as the page names it
    const agreement = having((id) => getRule(id)?.condition === "agreement");
    expect(agreement.length).toBeGreaterThan(0);
    expect(await shownPaths(page)).toEqual(agreement);
    await page.fill("#filter-text", "governance"); // a condition's key
    expect(await shownPaths(page)).toEqual(having((id) => getRule(id)?.condition === "governance"));

    await page.fill("#filter-text", "协议  牡丹江"); // every word must match
    expect(await shownPaths(page)).toEqual(["unsigned"]);
    await page.fill("#filter-text", "ＨＯＳＴＩＬＥ"); // full-width letters, as a Chinese IME may type them
    expect(await shownPaths(page)).toEqual(["hostile-names"]);

    // Typing pinyin through an IME: the Latin letters in the box do not filter until the word is chosen.
    await page.fill("#filter-text", "");
    await page.evaluate(() => {
      const box = document.getElementById("filter-text") as HTMLInputElement;
      box.dispatchEvent(new CompositionEvent("compositionstart"));
      box.value = "mudanjiang";
      box.dispatchEvent(new Event("input"));
    });
    expect(await shownPaths(page)).toEqual(all);
    await page.evaluate(() => {
      const box = document.getElementById("filter-text") as HTMLInputElement;
      box.value = "牡丹江";
      box.dispatchEvent(new CompositionEvent("compositionend"));
    });
    expect(await shownPaths(page)).toEqual(["unsigned"]);
    await page.fill("#filter-text", "");
    expect(await shownPaths(page)).toEqual(all);
  });

  it("counts findings per rule, and a click on a rule filters the proposals by it", async () => {
    const { page } = zh;
    const rows = await page.$$eval("#rule-table tbody tr", (trs) => trs.map((tr) => [tr.getAttribute("data-rule"), ...[...tr.querySelectorAll("td.n")].map((td) => Number(td.textContent))]));
    const unsigned = rows.find((r) => r[0] === "agreement/unsigned")!;
    expect(unsigned).toEqual(["agreement/unsigned", 2, 2]);
    await page.click('#rule-table button[data-rule="ip/breach-liability"]');
    expect(await page.inputValue("#filter-text")).toBe("ip/breach-liability");
    expect(await shownPaths(page)).toEqual(["hostile-names"]);
    await page.fill("#filter-text", "");
  });

  it("sorts alliance names by pinyin (Intl.Collator('zh')), not by code point", async () => {
    const { page } = zh;
    const header = (key: string) => page.locator(`#proposal-table th[data-key="${key}"] button`);
    await header("name").click();
    const collator = new Intl.Collator("zh", { numeric: true });
    const expected = [...report.proposals].sort((a, b) => collator.compare(a.name ?? "", b.name ?? "")).map((p) => p.path);
    const shown = await shownPaths(page);
    expect(shown).toEqual(expected);
    // 牡丹江 (mu) < 嫩江 (nen) < 松花江 (song); by code point 嫩 < 松 < 牡.
    expect(shown.indexOf("unsigned")).toBeLessThan(shown.indexOf("warnings-only"));
    expect(shown.indexOf("warnings-only")).toBeLessThan(shown.indexOf("compliant"));
    await header("name").click();
    expect(await shownPaths(page)).toEqual([...expected].reverse());
    await header("path").click();
    expect(await shownPaths(page)).toEqual(report.proposals.map((p) => p.path));
  });

  it("shows a <script> in an alliance name, and markup in a member's name, as text", async () => {
    const { page } = zh;
    const hostile = report.proposals.find((p) => p.path === "hostile-names")!;
    expect(hostile.name).toContain("<script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.title()).not.toBe("pwned");
    expect(await page.locator("script").count()).toBe(1); // the page's own
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.textContent('#proposal-table tr[data-path="hostile-names"] td.name')).toBe(hostile.name);
    expect(await page.textContent('details[data-path="hostile-names"] summary .name')).toBe(hostile.name);
    const unsigned = hostile.findings.find((f) => f.ruleId === "agreement/unsigned")!;
    expect(unsigned.message).toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.textContent('details[data-path="hostile-names"] li[data-rule="agreement/unsigned"] .msg')).toBe(unsigned.message);
  });

  it("prints everything: folded findings open, filter controls hidden", async () => {
    const { page } = zh;
    await page.fill("#filter-text", "牡丹江");
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible("#controls")).toBe(false);
    expect(await shownPaths(page)).toEqual(report.proposals.map((p) => p.path)); // filter does not apply to print
    expect(await page.isVisible('details[data-path="warnings-only"] li.finding')).toBe(true); // folded on screen
    await page.emulateMedia({ media: "screen" });
    expect(await page.isVisible('details[data-path="warnings-only"] li.finding')).toBe(false);
    await page.fill("#filter-text", "");
  });

  it("saves a screenshot of the Chinese and English pages for review", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await zh.page.locator("#filter-text").blur();
    await zh.page.evaluate(() => window.scrollTo(0, 0));
    await zh.page.screenshot({ path: join(ARTIFACTS, "html-report.png"), fullPage: true });
    const en = await open(await auditBatch("en"), "en", "report-en.html");
    expect(await en.page.getAttribute("html", "lang")).toBe("en");
    expect(await en.page.textContent('[data-summary="failed"] .label')).toBe("Failed");
    await en.page.screenshot({ path: join(ARTIFACTS, "html-report-en.png"), fullPage: true });
    expect(en.requests).toEqual([en.url]);
    expect(await en.violations()).toEqual([]);
    expect(existsSync(join(ARTIFACTS, "html-report.png"))).toBe(true);
  });

  it("made no network request: only the file:// document itself was loaded", async () => {
    expect(zh.requests).toEqual([zh.url]);
    expect(await zh.violations()).toEqual([]);
  });
});
