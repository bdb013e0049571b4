// Issue #12 item 2: reports given to `merge` come from CI artefacts and may be forged. Each is
// validated against schemas/report.schema.json — a clear exit-2 message naming the file and the
// field, in zh and en, never "internal error" and never a stack — or merged correctly: status
// and counts computed again from the findings under merge's own --fail-on, and every field
// escaped in every format (a forged profile or path cannot become markup in HTML or an element
// in JUnit). Sizes are bounded.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { audit } from "../../src/audit.js";
import { UsageError } from "../../src/errors.js";
import { MAX_REPORT_BYTES, mergeReports, readReport } from "../../src/merge.js";
import type { Report } from "../../src/types.js";
import { ensureBuilt } from "../helpers/cli.js";
import { standard } from "../formats/helpers.js";
import { AS_OF, Sandbox, cli, expectNoStack, expectSaneReport, jsonOf, prototypeState } from "./helpers.js";
import { hostileYamlProposal, rawControlIn } from "./injection-helpers.js";

const box = new Sandbox("alliance-audit-merge-");
let good: Report;

beforeAll(async () => {
  await ensureBuilt();
  box.proposal("batch/ok");
  box.proposal("batch/bad", hostileYamlProposal());
  good = await audit({ paths: ["batch"], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 });
  // The real thing merges: the base of every forgery below is valid.
  expect(good.proposals.map((p) => p.status)).toEqual(["fail", "pass"]);
}, 120_000);
afterAll(() => box.cleanup());

/** A copy of the good report changed by `edit`, written to `name` (as JSON text unless a string is returned). */
function forge(name: string, edit: (r: Report & Record<string, unknown>) => unknown = () => undefined): string {
  const r = structuredClone(good) as Report & Record<string, unknown>;
  const out = edit(r);
  writeFileSync(box.path(name), typeof out === "string" ? out : JSON.stringify(r));
  return name;
}

const bad = () => good.proposals[0] as Report["proposals"][number] & Record<string, unknown>;

interface Refused {
  title: string;
  file: string;
  /** The field named in English and Chinese (the same pointer). */
  field: string | RegExp;
  en: RegExp;
  zh: RegExp;
}

let cases: Refused[];
beforeAll(() => {
  cases = [
    { title: "a count of the wrong type", file: forge("type.json", (r) => void ((r.proposals[0].counts as Record<string, unknown>).error = "2")), field: "/proposals/0/counts/error", en: /must be a whole number/, zh: /应为整数/ },
    { title: "a line as a string", file: forge("line.json", (r) => void ((r.proposals[0].findings[0] as unknown as Record<string, unknown>).line = "7")), field: "/proposals/0/findings/0/line", en: /must be a whole number/, zh: /应为整数/ },
    { title: "an unknown top-level field", file: forge("unknown-top.json", (r) => void (r.injected = { html: "<script>" })), field: "/injected", en: /is not a field of the report \(unknown field\)/, zh: /未知字段/ },
    { title: "an unknown field in a finding, its name holding ESC", file: forge("unknown-ctl.json", (r) => void ((r.proposals[0].findings[0] as unknown as Record<string, unknown>)["x\u001b[2Jy"] = 1)), field: "/proposals/0/findings/0/x\\u001b[2Jy", en: /unknown field/, zh: /未知字段/ },
    { title: "a missing field", file: forge("missing.json", (r) => void delete (r as Partial<Report>).summary), field: "/summary", en: /is missing/, zh: /缺失/ },
    { title: "a status that is markup", file: forge("status.json", (r) => void ((r.proposals[0] as Record<string, unknown>).status = "</testcase><x>")), field: "/proposals/0/status", en: /must be one of "pass", "fail", "unaudited"/, zh: /应为以下值之一/ },
    { title: "an as-of date that is markup", file: forge("asof.json", (r) => void (r.asOf = "</testcase><script>alert(1)</script>")), field: "/asOf", en: /must be a date as YYYY-MM-DD/, zh: /YYYY-MM-DD/ },
    { title: "a profile name that is markup", file: forge("profile.json", (r) => void (r.profile = "<img src=x onerror=alert(1)>")), field: "/profile", en: /./, zh: /./ },
    { title: "a rule id that is markup", file: forge("rule.json", (r) => void (r.proposals[0].findings[0].ruleId = "</testcase>")), field: "/proposals/0/findings/0/ruleId", en: /not in the form/, zh: /格式/ },
    { title: "a report of version 3", file: forge("v3.json", (r) => void ((r as Record<string, unknown>).version = 3)), field: "/version", en: /is 3; this alliance-audit merges reports of versions 1 and 2 only/, zh: /是 3；.*第 1 版和第 2 版/ },
    { title: "a version as a string", file: forge("v-string.json", (r) => void ((r as Record<string, unknown>).version = "2")), field: "/version", en: /is "2"/, zh: /是 "2"/ },
    { title: "a number too large for a double (1e400 is Infinity, not an integer)", file: forge("inf.json", () => JSON.stringify(good).replace(/"line":\d+/, '"line":1e400')), field: "/proposals/0/findings/0/line", en: /whole number/, zh: /整数/ },
    { title: "a negative count", file: forge("negative.json", (r) => void (r.summary.error = -1)), field: "/summary/error", en: /must be 0 or more/, zh: /应不小于 0/ },
    { title: "a million levels of nesting", file: forge("deep.json", () => "[".repeat(1_000_000) + "]".repeat(1_000_000)), field: "(top level)", en: /must be an object/, zh: /（顶层） 应为对象/ },
    { title: "deep nesting inside a finding's data", file: forge("deep-data.json", () => JSON.stringify(good).replace('"data":{', `"data":{"deep":${"[".repeat(200_000)}${"]".repeat(200_000)},`)), field: "/proposals/0/findings/0/data/deep", en: /./, zh: /./ },
    { title: "an array", file: forge("array.json", () => "[]"), field: "(top level)", en: /must be an object/, zh: /应为对象/ },
  ];
});

describe("merge refuses a forged report: exit 2 naming the file and the field", () => {
  it("each case, in English and Chinese, through the built command line", async () => {
    for (const c of cases) {
      for (const lang of ["en", "zh"] as const) {
        const r = await cli(["merge", c.file, "--lang", lang], box.root);
        const line = r.stderr.trim();
        expect({ title: c.title, lang, code: r.code, stdout: r.stdout }).toEqual({ title: c.title, lang, code: 2, stdout: "" });
        expectNoStack(r.stderr);
        expect(line, c.title).not.toMatch(/internal error|内部错误/);
        expect(line.split("\n"), c.title).toHaveLength(1);
        expect(line, c.title).toContain(c.file);
        expect(line, c.title).toMatch(lang === "en" ? /is not a valid alliance-audit JSON report: field / : /不是有效的 alliance-audit JSON 报告：字段 /);
        if (typeof c.field === "string" && c.field !== "(top level)") expect(line, c.title).toContain(`field ${c.field} `.replace("field ", lang === "en" ? "field " : "字段 "));
        expect(line, c.title).toMatch(lang === "en" ? c.en : c.zh);
        expect(rawControlIn(line), c.title).toBeUndefined();
      }
    }
  }, 120_000);

  it("in-process the refusal is a UsageError (exit 2), never another error", () => {
    for (const c of cases) {
      let caught: unknown;
      try {
        readReport(box.path(c.file));
      } catch (e) {
        caught = e;
      }
      expect(caught, c.title).toBeInstanceOf(UsageError);
    }
  });

  it("text that is not JSON, and an empty file, are 'not a JSON report'", async () => {
    writeFileSync(box.path("text.json"), "<testsuites/>");
    writeFileSync(box.path("empty.json"), "");
    for (const f of ["text.json", "empty.json"]) {
      const r = await cli(["merge", f], box.root);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`alliance-audit: ${f} is not a JSON report (make it with --format json)\n`);
    }
  });

  it("the good report itself merges (the checks above do not fire on a real report)", async () => {
    const f = forge("good.json");
    const r = await cli(["merge", f, "--format", "json"], box.root);
    expect(r.code, r.stderr).toBe(1);
    expect(jsonOf(r).proposals).toEqual(good.proposals);
  });
});

describe("merge never trusts the stored status or counts", () => {
  it("a proposal with errors stored as `pass` with zero counts is a failure again; exit 1", async () => {
    const f = forge("says-pass.json", (r) => {
      r.proposals[0].status = "pass";
      r.proposals[0].counts = { error: 0, warning: 0, info: 0 };
      r.summary = { ...r.summary, passed: 2, failed: 0, error: 0 };
    });
    const r = await cli(["merge", f, "--format", "json"], box.root);
    expect(r.code).toBe(1);
    const merged = jsonOf(r);
    expectSaneReport(merged);
    expect(merged.proposals[0].status).toBe("fail");
    expect(merged.proposals[0].counts.error).toBe(bad().findings.length);
    expect(merged.summary).toMatchObject({ proposals: 2, passed: 1, failed: 1 });
    const stylish = await cli(["merge", f, "--format", "stylish", "--lang", "en"], box.root);
    expect(stylish.stdout).toMatch(/✖ 2 proposals: 1 passed, 1 failed/);
    const zh = await cli(["merge", f, "--format", "stylish", "--lang", "zh"], box.root);
    expect(zh.stdout).toMatch(/2 份申报材料：1 份通过，1 份未通过/);
  });

  it("under merge's own --fail-on: never lets the same findings pass (exit 0)", async () => {
    const r = await cli(["merge", "says-pass.json", "--format", "json", "--fail-on", "never"], box.root);
    expect(r.code).toBe(0);
    expect(jsonOf(r).proposals[0].counts.error).toBe(bad().findings.length);
  });

  it("a stored `fail` with no findings passes; huge stored counts are replaced by the real ones", async () => {
    const f = forge("says-fail.json", (r) => {
      r.proposals[1].status = "fail";
      r.proposals[1].counts = { error: 1e300, warning: 9007199254740993, info: 0 };
      r.summary.error = 1e300;
    });
    const merged = jsonOf(await cli(["merge", f, "--format", "json"], box.root));
    expectSaneReport(merged);
    expect(merged.proposals[1]).toMatchObject({ status: "pass", counts: { error: 0, warning: 0, info: 0 } });
    expect(merged.summary.error).toBe(bad().findings.length);
  });

  it("a file/* finding stored as `pass` is unaudited again, whatever its stored severity", async () => {
    const f = forge("file-rule.json", (r) => {
      r.proposals[1].findings = [{ ...r.proposals[0].findings[0], ruleId: "file/unreadable", severity: "info", file: "batch/ok/charter.yaml" }];
      r.proposals[1].status = "pass";
    });
    const merged = jsonOf(await cli(["merge", f, "--format", "json"], box.root));
    expect(merged.proposals[1].status).toBe("unaudited");
    expect(merged.summary.unaudited).toBe(1);
  });

  it("huge line numbers are shown as numbers, not as something else", async () => {
    const f = forge("huge-line.json", (r) => void (r.proposals[0].findings[0].line = 1e300));
    const r = await cli(["merge", f, "--format", "github"], box.root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("line=1e+300,");
  });
});

describe("a forged report that is valid cannot inject markup into any format", () => {
  const markup = '<img src=x onerror=alert(1)>]]></testcase></testsuite><x>&amp;"\u001b[2J\r\n::error::forged';
  let file: string;
  beforeAll(() => {
    file = forge("markup.json", (r) => {
      r.profile = { file: `profiles/${markup}.yaml`, name: { zh: markup, en: markup } };
      r.config = markup;
      const p = r.proposals[0];
      p.path = `batch/${markup}`;
      p.name = markup;
      p.findings = p.findings.map((f) => ({ ...f, message: markup, file: `batch/${markup}/charter.yaml`, locator: markup, evidence: { file: markup, locator: markup, excerpt: markup } }));
    });
  });

  it("JUnit stays valid against the Jenkins schema, with no element from the input", async () => {
    const r = await cli(["merge", file, "--format", "junit", "--lang", "en"], box.root);
    expect(r.code, r.stderr).toBe(1);
    const v = await validateXML({ xml: [{ fileName: "m.xml", contents: r.stdout }], schema: [standard("jenkins-xunit-plugin-junit-10.xsd")] });
    expect(v.valid ? [] : v.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(r.stdout).not.toMatch(/<x>|<img|<\/testcase><\/testsuite>/);
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(rawControlIn(r.stdout)).toBeUndefined();
  });

  it("HTML shows it as text; stylish, markdown, github and csv print nothing raw and no workflow command", async () => {
    const html = await cli(["merge", file, "--format", "html", "--lang", "zh"], box.root);
    expect(html.code, html.stderr).toBe(1);
    expect(html.stdout).not.toMatch(/<img|<x>|<\/testcase>/);
    expect(html.stdout).toContain("&lt;img src=x onerror=alert(1)&gt;");
    for (const format of ["html", "stylish", "markdown", "github", "csv"]) {
      const r = await cli(["merge", file, "--format", format, "--lang", "en"], box.root);
      const out = format === "csv" ? r.stdout.replace(/\r\n/g, "\n") : r.stdout;
      expect(rawControlIn(out), format).toBeUndefined();
      if (format !== "github") expect(out.split("\n").filter((l) => /^\s*::/.test(l)), format).toEqual([]);
    }
  });

  it("a forged message id or data cannot reach Object.prototype when messages are made again (--lang zh)", () => {
    const before = prototypeState();
    const f = forge("proto.json", (r) => {
      r.proposals[0].findings[0].messageId = "constructor";
      r.proposals[0].findings[1].messageId = "__proto__";
    });
    const g = forge("proto-data.json", () => JSON.stringify(good).replace(/"data":\{/g, '"data":{"__proto__":"polluted","constructor":"x",'));
    // An object there is no message value: refused by the schema before anything is built from it.
    const h = forge("proto-object.json", () => JSON.stringify(good).replace('"data":{', '"data":{"__proto__":{"polluted":"yes"},'));
    expect(() => mergeReports([box.path(h)], { lang: "zh" })).toThrow(/data\/__proto__/);
    for (const file of [f, g]) {
      const merged = mergeReports([box.path(file)], { lang: "zh" });
      expectSaneReport(merged);
      for (const x of merged.proposals[0].findings) expect(x.message).not.toMatch(/function|\[object/);
    }
    expect(prototypeState()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("names from a forged report are shown visibly in merge's own messages (two reports holding one proposal)", async () => {
    const a = forge("dup-a.json", (r) => void (r.proposals = [{ ...r.proposals[1], path: "batch/\u001b]0;x\u0007dup" }]));
    const b = forge("dup-b.json", (r) => void (r.proposals = [{ ...r.proposals[1], path: "batch/\u001b]0;x\u0007dup" }]));
    const r = await cli(["merge", a, b], box.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("proposal batch/\\u001b]0;x\\u0007dup is in both dup-a.json and dup-b.json");
    expect(rawControlIn(r.stderr)).toBeUndefined();
  });
});

describe("merge is bounded in size", () => {
  it("a 50 MB report (one 50-million-character message) is merged within the default limit", async () => {
    const f = forge("50mb.json", (r) => void (r.proposals[0].findings[0].message = "长".repeat(1000) + "x".repeat(50_000_000)));
    const r = await cli(["merge", f, "--format", "csv"], box.root, { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(50_000_000);
  }, 120_000);

  it("past ALLIANCE_AUDIT_MAX_REPORT_MB the report is not read: exit 2 naming the file and the limit", async () => {
    const r = await cli(["merge", "50mb.json"], box.root, { env: { ALLIANCE_AUDIT_MAX_REPORT_MB: "10" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("alliance-audit: with the report 50mb.json the reports to merge are over the 10 MiB limit; it was not read (raise the limit with ALLIANCE_AUDIT_MAX_REPORT_MB)\n");
    const zh = await cli(["merge", "50mb.json", "--lang", "zh"], box.root, { env: { ALLIANCE_AUDIT_MAX_REPORT_MB: "10" } });
    expect(zh.stderr).toMatch(/报告 50mb\.json 使要合并的报告超过 10 MiB 的上限，未读取/);
  });

  it("the limit counts the reports together: three of 50 MB exceed the default 128 MiB", async () => {
    expect(MAX_REPORT_BYTES).toBe(128 * 1024 * 1024);
    const r = await cli(["merge", "50mb.json", "50mb.json", "50mb.json"], box.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/over the 128 MiB limit; it was not read/);
  });
});
