// JUnit XML: valid against the Jenkins xUnit JUnit schema and the strict Ant schema (windyroad),
// checked with libxml2 (xmllint-wasm); structure and escaping.
import { beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { attr, junit, text } from "../../src/format/junit.js";
import { visible } from "../../src/format/visible.js";
import { RULES } from "../../src/rules/index.js";
import type { FailOn, Report } from "../../src/types.js";
import { auditFixtures, ctx, finding, reportOf, standard, TRICKY } from "./helpers.js";

const XSD = { jenkins: standard("jenkins-xunit-plugin-junit-10.xsd"), windyroad: standard("windyroad-JUnit-Schema-JUnit.xsd") };

async function xsdErrors(xml: string, xsd: keyof typeof XSD): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [XSD[xsd]] });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

const suites = (xml: string) => xml.split("<testsuite ").slice(1);
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const activeNational = RULES.filter((r) => r.severity.national).length;

let national: Report;
beforeAll(async () => {
  national = await auditFixtures();
});

describe("junit", () => {
  it("is valid against the Jenkins xUnit JUnit schema, for every fail-on and language", async () => {
    for (const failOn of ["error", "warning", "info", "never"] as FailOn[]) {
      for (const lang of ["en", "zh"] as const) {
        expect(await xsdErrors(junit(national, ctx({ failOn, lang })), "jenkins")).toEqual([]);
      }
    }
  });

  it("the schema check is real: a time with 4 decimals or a testcase without a name fails it", async () => {
    const xml = junit(national, ctx());
    expect((await xsdErrors(xml.replace('time="0"', 'time="0.1234"'), "jenkins")).join()).toMatch(/time/);
    expect((await xsdErrors(xml.replace(/<testcase name="[^"]*"/, "<testcase"), "jenkins")).join()).toMatch(/name/);
  });

  it("is valid against the strict Ant schema while no rule fails twice in a proposal", async () => {
    const once = await auditFixtures(["compliant", "broken", "no-roster"]);
    expect(await xsdErrors(junit(once, ctx()), "windyroad")).toEqual([]);
    // fail-on never: every finding goes to system-out.
    expect(await xsdErrors(junit(national, ctx({ failOn: "never" })), "windyroad")).toEqual([]);
  });

  it("breaks the Ant schema only by the second <failure> of a rule (one testcase per rule, a failure per finding)", async () => {
    const errors = await xsdErrors(junit(national, ctx()), "windyroad");
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/Element 'failure': This element is not expected/);
    expect(errors).toHaveLength(1); // the tricky proposal's two ip/allocation-gap findings
  });

  it("has a testsuite per proposal, a testcase per active rule and a failure per finding at or above fail-on", () => {
    for (const failOn of ["error", "warning", "never"] as FailOn[]) {
      const xml = junit(national, ctx({ failOn }));
      const all = suites(xml);
      expect(all).toHaveLength(national.proposals.length);
      national.proposals.forEach((p, i) => {
        const s = all[i];
        expect(s).toContain(`name="${attr(p.path)}"`);
        expect(count(s, /<testcase /g)).toBe(activeNational);
        expect(s).toContain(`tests="${activeNational}"`);
        const rank = { error: 3, warning: 2, info: 1 };
        const failing = p.findings.filter((f) => failOn !== "never" && rank[f.severity] >= rank[failOn as "error"]);
        expect(count(s, /<failure /g)).toBe(failing.length);
        expect(s).toContain(`failures="${new Set(failing.map((f) => f.ruleId)).size}"`);
        // Findings below fail-on are not lost: they are in the suite's system-out.
        for (const f of p.findings.filter((x) => !failing.includes(x))) expect(s).toContain(text(visible(f.message)));
      });
    }
    const tricky = suites(junit(national, ctx())).find((s) => s.startsWith(`name="${attr(TRICKY)}"`))!;
    expect(tricky).toMatch(/<testcase name="ip\/allocation-gap"[^>]*>\s*<failure [^>]*>[^<]*<\/failure>\s*<failure /);
    expect(tricky).toContain('<property name="suppressed" value="1"/>');
  });

  it("marks the condition rules skipped when a proposal's files are missing or unreadable", () => {
    const [broken, compliant, noRoster] = suites(junit(national, ctx()));
    const fileRules = RULES.filter((r) => r.id.startsWith("file/") && r.severity.national).length;
    for (const s of [broken, noRoster]) {
      expect(count(s, /<skipped /g)).toBe(activeNational - fileRules);
      expect(s).toContain(`skipped="${activeNational - fileRules}"`);
      expect(s).toMatch(/<testcase name="file\/missing"[^>]*\/>|<testcase name="file\/missing"[^>]*>\s*<failure/);
    }
    expect(compliant).toContain('skipped="0"');
    expect(compliant).not.toContain("<failure");
  });

  it("escapes markup and shows the characters XML 1.0 forbids", () => {
    const xml = junit(national, ctx());
    // M04's name: |精密 <b>&amp;"铸造", 100%: 有限公司\r\n第二行\x01尾 — its CR/LF, like every
    // control character from the input, shown visibly as in the other non-JSON formats (issue #12).
    expect(xml).toContain('message="member M04（哈东|精密 &lt;b&gt;&amp;amp;&quot;铸造&quot;, 100%: 有限公司\\u000d\\u000a第二行\\u0001尾） has not signed the agreement"');
    expect(xml).toContain('精密 &lt;b&gt;&amp;amp;"铸造", 100%: 有限公司\\u000d\\u000a第二行\\u0001尾');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(attr('a&b<c>"d"\te\nf\rg')).toBe("a&amp;b&lt;c&gt;&quot;d&quot;&#9;e&#10;f&#13;g");
    expect(text('a&b<c>"d"\te\nf\rg]]>')).toBe('a&amp;b&lt;c&gt;"d"\te\nf&#13;g]]&gt;');
    expect(text("\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF")).toBe("\\u0000\\u0008\\u000B\\u000C\\u001F\\uFFFE\\uFFFF");
    expect(text("x\uD800y\uDC00z😀")).toBe("x\\uD800y\\uDC00z😀");
  });

  it("stays well-formed and valid with every kind of hostile text", async () => {
    const nasty = 'a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uD800g\uDC00h😀 & < > " \' ]]> \t\r\n% , : |';
    const report = reportOf([finding({ message: nasty, file: `${nasty}/charter.yaml` })], nasty, nasty);
    const xml = junit(report, ctx());
    expect(await xsdErrors(xml, "jenkins")).toEqual([]);
    expect(await xsdErrors(xml, "windyroad")).toEqual([]);
  });

  it("is deterministic: times are 0 and the timestamp is the as-of date", () => {
    const xml = junit(national, ctx());
    expect(xml).toBe(junit(structuredClone(national), ctx()));
    expect(count(xml, /timestamp="2026-01-01T00:00:00"/g)).toBe(national.proposals.length);
    expect(xml.match(/time="[^"]*"/g)!.every((t) => t === 'time="0"')).toBe(true);
  });

  it("writes its own texts in the requested language", () => {
    expect(junit(national, ctx({ lang: "zh" }))).toContain("未审核：申报材料的文件缺失或无法读取");
    expect(junit(national, ctx({ lang: "zh" }))).toContain("修改建议：");
  });
});
