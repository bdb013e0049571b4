// Shared by the format tests: reports made by auditing the fixture proposals in
// test/fixtures/formats, hand-made reports for exact escaping checks, and the official schemas
// copied into test/fixtures/standards (tests never read ../shared).
import { rulesMeta } from "../../src/registry/meta.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { audit, type AuditOptions } from "../../src/audit.js";
import type { FormatContext } from "../../src/format/types.js";
import type { Finding, Report } from "../../src/types.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/formats/", import.meta.url));
const STANDARDS = new URL("../fixtures/standards/", import.meta.url);

/** Holds texts every format must escape, two findings of one rule, a warning and a suppression. */
export const TRICKY = "tricky 联盟,100%";
export const AS_OF = "2026-01-01";

export function standard(name: string): string {
  return readFileSync(new URL(name, STANDARDS), "utf8");
}

/** Audits fixture proposals (paths relative to test/fixtures/formats, as the report shows them). */
export function auditFixtures(paths: string[] = ["."], options: Omit<AuditOptions, "paths" | "cwd"> = {}): Promise<Report> {
  return audit({ paths, cwd: FIXTURES, asOf: AS_OF, lang: "en", ...options });
}

export function ctx(over: Partial<FormatContext> = {}): FormatContext {
  return { lang: "en", color: false, failOn: "error", rules: rulesMeta("national"), ...over };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "agreement/unsigned",
    severity: "error",
    message: "member M04 has not signed the agreement",
    messageId: "default",
    data: { member: "M04" },
    file: "p/charter.yaml",
    line: 3,
    column: 5,
    pointer: "/agreement/signatures",
    citation: { document: "国科发政〔2008〕770号", article: "第八条（二）" },
    ...over,
  };
}

/** A one-proposal report around the given findings; counts and status follow fail-on `error`. */
export function reportOf(findings: Finding[], path = "p", name: string | null = "测试联盟"): Report {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const failed = counts.error > 0;
  return {
    version: 2,
    tool: { name: "alliance-audit", version: "0.1.0" },
    profile: "national",
    config: null,
    asOf: AS_OF,
    proposals: [{ path, name, status: failed ? "fail" : "pass", counts, findings }],
    summary: { proposals: 1, passed: failed ? 0 : 1, failed: failed ? 1 : 0, unaudited: 0, ...counts },
  };
}

/** Deep-freezes a report, so a formatter that mutates its input throws. */
export function frozen<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}
