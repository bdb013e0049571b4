// SARIF: valid against the OASIS 2.1.0 schema (JSON Schema draft-04, with formats), and what
// GitHub code scanning requires on top of it.
import { rulesMeta } from "../../src/registry/meta.js";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import formats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { FINGERPRINT_KEY, sarif, uriOf } from "../../src/format/sarif.js";
import { RULES } from "../../src/rules/index.js";
import type { Report } from "../../src/types.js";
import { AS_OF, auditFixtures, ctx, finding, FIXTURES, reportOf, standard, TRICKY } from "./helpers.js";

// CommonJS packages: their module.exports is the class/plugin, with itself again as `default`.
const Ajv = AjvDraft04.default;
const addFormats = formats.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(standard("sarif-schema-2.1.0.json")));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let national: Report;
let hlj: Report;
beforeAll(async () => {
  national = await auditFixtures();
  // A configured severity gives the info level too.
  hlj = await auditFixtures(["compliant", TRICKY], { profile: "heilongjiang", rules: { "ip/allocation-gap": "info" } });
});

describe("sarif", () => {
  it("validates against the official SARIF 2.1.0 schema", () => {
    for (const [report, lang] of [[national, "en"], [national, "zh"], [hlj, "en"]] as const) {
      expect(schemaErrors(JSON.parse(sarif(report, ctx({ lang }))))).toEqual([]);
    }
  });

  it("stays valid with findings in binary files and findings resting on a document (locator, evidence)", async () => {
    const { fileURLToPath } = await import("node:url");
    const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
    const report = await audit({ paths: ["documents"], cwd: examples, asOf: AS_OF, lang: "en" });
    const findings = report.proposals[0].findings;
    expect(findings.some((f) => f.locator)).toBe(true);
    expect(findings.some((f) => f.evidence)).toBe(true);
    const log: Json = JSON.parse(sarif(report, ctx()));
    expect(schemaErrors(log)).toEqual([]);
    const withLocator = log.runs[0].results.find((r: Json) => r.properties.locator);
    expect(withLocator.message.text.startsWith(`${withLocator.properties.locator}: `)).toBe(true);
    expect(log.runs[0].results.some((r: Json) => r.properties.evidence?.excerpt)).toBe(true);
  });

  it("the schema check is real: an unencoded uri or a result without a message fails it", () => {
    const log: Json = JSON.parse(sarif(national, ctx()));
    const r = log.runs[0].results.find((x: Json) => x.properties.proposal === TRICKY);
    r.locations[0].physicalLocation.artifactLocation.uri = `${TRICKY}/charter.yaml`;
    expect(schemaErrors(log).join("\n")).toMatch(/uri-reference/);
    delete r.message;
    expect(schemaErrors(log).join("\n")).toMatch(/message/);
  });

  it("describes every rule for GitHub, with the level of the report's profile", () => {
    for (const report of [national, hlj]) {
      const driver: Json = JSON.parse(sarif(report, ctx({ rules: rulesMeta(report.profile as "national") }))).runs[0].tool.driver;
      expect(driver.name).toBe("alliance-audit");
      expect(driver.version).toBe(report.tool.version);
      expect(driver.informationUri).toMatch(/^https:\/\//);
      expect(driver.rules.map((d: Json) => d.id)).toEqual(RULES.map((r) => r.id));
      for (const d of driver.rules) {
        const rule = RULES.find((r) => r.id === d.id)!;
        expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(d.shortDescription.text).toBe(rule.title.en);
        expect(d.fullDescription.text).toBe(rule.description.en);
        expect(d.help.text).toContain(rule.fix.en);
        expect(d.help.markdown).toContain(rule.fix.en);
        expect(d.helpUri).toMatch(new RegExp(`^https://.+/docs/rules/${d.id}\\.md$`));
        expect(d.properties.tags).toContain(rule.condition);
        expect(d.properties.precision).toBe("very-high");
        const sev = rule.severity[report.profile];
        const level = sev === undefined ? "none" : sev === "info" ? "note" : sev;
        expect(d.defaultConfiguration.level).toBe(level);
        expect(d.defaultConfiguration.enabled).toBe(sev === undefined ? false : undefined);
      }
    }
    // A rule of the Heilongjiang profile only: off under national, on under heilongjiang.
    const level = (r: Report) => JSON.parse(sarif(r, ctx({ rules: rulesMeta(r.profile as "national") }))).runs[0].tool.driver.rules.find((d: Json) => d.id === "agreement/term").defaultConfiguration;
    expect(level(national)).toEqual({ enabled: false, level: "none" });
    expect(level(hlj)).toEqual({ level: "error" });
  });

  it("gives every result what GitHub requires, at the report's finding", () => {
    for (const report of [national, hlj]) {
      const run: Json = JSON.parse(sarif(report, ctx())).runs[0];
      const findings = report.proposals.flatMap((p) => p.findings);
      expect(run.results).toHaveLength(findings.length);
      expect(run.columnKind).toBe("utf16CodeUnits");
      run.results.forEach((r: Json, i: number) => {
        const f = findings[i];
        expect(r.ruleId).toBe(f.ruleId);
        expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        expect(r.level).toBe({ error: "error", warning: "warning", info: "note" }[f.severity]);
        expect(r.message.text).toBe(f.message);
        const loc = r.locations[0].physicalLocation;
        expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(f.file);
        expect(loc.artifactLocation.uri).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i); // relative
        expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column });
        expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:\d+$/);
      });
    }
    // Every level occurs: the agent's signature is a warning, ip/allocation-gap is configured to info.
    const levels = new Set(JSON.parse(sarif(hlj, ctx())).runs[0].results.map((r: Json) => r.level));
    expect(levels).toEqual(new Set(["error", "warning", "note"]));
  });

  it("encodes a path as a relative URI reference", () => {
    expect(uriOf("a b/联盟,100%#?:x/charter.yaml")).toBe("a%20b/%E8%81%94%E7%9B%9F%2C100%25%23%3F%3Ax/charter.yaml");
    expect(uriOf("../up/charter.yaml")).toBe("../up/charter.yaml");
  });

  it("writes texts in the requested language", () => {
    const zh: Json = JSON.parse(sarif(national, ctx({ lang: "zh" }))).runs[0];
    const rule = RULES.find((r) => r.id === "agreement/unsigned")!;
    const d = zh.tool.driver.rules.find((x: Json) => x.id === rule.id);
    expect(d.shortDescription.text).toBe(rule.title.zh);
    expect(d.help.text).toContain(rule.fix.zh);
    expect(zh.language).toBe("zh-CN");
  });

  it("keeps fingerprints across languages: they hash the message id and data, not the text", async () => {
    const zhReport = await auditFixtures(["."], { lang: "zh" });
    const prints = (r: Report, lang: "zh" | "en") => JSON.parse(sarif(r, ctx({ lang }))).runs[0].results.map((x: Json) => x.partialFingerprints[FINGERPRINT_KEY]);
    expect(zhReport.proposals[0].findings[0]?.message).not.toBe(national.proposals[0].findings[0]?.message);
    expect(prints(zhReport, "zh")).toEqual(prints(national, "en"));
  });

  it("keeps fingerprints unique, and stable when lines move", async () => {
    const prints = (r: Report) => JSON.parse(sarif(r, ctx())).runs[0].results.map((x: Json) => x.partialFingerprints[FINGERPRINT_KEY]);
    const before = prints(national);
    expect(new Set(before).size).toBe(before.length);

    const dir = mkdtempSync(join(tmpdir(), "aa-sarif-"));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      const charter = join(dir, TRICKY, "charter.yaml");
      writeFileSync(charter, "# a new comment\n# and another\n" + readFileSync(charter, "utf8"));
      const moved = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en" });
      const lines = (r: Report) => r.proposals.find((p) => p.path === TRICKY)!.findings.map((f) => (f.file.endsWith("charter.yaml") ? f.line : -f.line));
      expect(lines(moved)).toEqual(lines(national).map((l) => (l > 0 ? l + 2 : l)));
      expect(prints(moved)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("numbers identical findings instead of merging them", () => {
    const f = finding();
    const run: Json = JSON.parse(sarif(reportOf([f, { ...f, line: 9 }]), ctx())).runs[0];
    const [a, b] = run.results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(a.replace(/:1$/, ":2")).toBe(b);
  });

  it("describes a rule it does not know (a report merged from another version) after the catalogue", () => {
    const log: Json = JSON.parse(sarif(reportOf([finding({ ruleId: "future/rule" })]), ctx()));
    expect(schemaErrors(log)).toEqual([]);
    const { rules } = log.runs[0].tool.driver;
    expect(rules).toHaveLength(RULES.length + 1);
    expect(rules[log.runs[0].results[0].ruleIndex]).toMatchObject({ id: "future/rule", name: "FutureRule" });
  });

  it("has no timestamps or absolute paths", () => {
    const text = sarif(national, ctx());
    expect(text).not.toMatch(/TimeUtc|"(start|end)Time/);
    expect(text).not.toContain(FIXTURES);
    expect(text).not.toContain("file://");
  });
});
