// The bounds of "What alliance-audit promises about your files" (docs/file-safety.md): file size,
// nesting depth and the alias/node budget, their environment variables, and the large-but-real
// inputs that must stay fast (a 10,000-member roster, 1 MB strings).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { audit } from "../../src/audit.js";
import { LIMITS } from "../../src/limits.js";
import { AS_OF, Sandbox, charterText, cli, expectFinding, expectNoStack, expectSaneReport, expectUnchanged, jsonOf, proposalAt, snapshot, type CliResult } from "./helpers.js";

const box = new Sandbox();
const MB = 1024 * 1024;

/** A roster of n members in YAML whose ids M01…M05 are the charter's, the rest new. */
function bigRoster(n: number): string {
  const lines = ["members:"];
  const base = [
    ["M01", "松花江铝业股份有限公司", "enterprise", "91230100MA1B2C3D8M", "王立新"],
    ["M02", "龙江理工大学", "university", "12230000412005676E", "陈志远"],
    ["M03", "黑龙江省轻金属研究院", "research_institute", "12230000414003121B", "刘海峰"],
    ["M04", "哈东精密铸造有限公司", "enterprise", "91230110MA18XK5P7K", "赵敏"],
    ["M05", "沈北轻合金装备有限公司", "enterprise", "91210113MA0U7H2R2A", "孙国栋"],
  ];
  for (let i = 0; i < n; i++) {
    const [id, name, type, code, rep] = base[i] ?? [`X${String(i).padStart(5, "0")}`, `第${i}号成员有限公司`, i % 2 ? "enterprise" : "university", "91350100M000100Y43", `代表${i}`];
    lines.push(`- id: ${id}`, `  name: ${name}`, `  type: ${type}`, `  credit_code: ${code}`, `  legal_representative: ${rep}`, `  backbone: true`, `  frontier: true`);
  }
  return lines.join("\n") + "\n";
}

describe("a 50 MB file", () => {
  let dir: string;
  let r: CliResult;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    await ensureBuilt();
    dir = box.proposal("huge");
    writeFileSync(join(dir, "members.yaml"), Buffer.alloc(50 * MB, "- {id: M99, name: 某某有限公司, type: enterprise}\n"));
    before = snapshot(dir);
    r = await cli([".", "--format", "json", "--as-of", AS_OF], dir, { timeoutMs: 30_000 });
  }, 120_000);

  it("is refused by its size before it is read: a size-limit finding, no OOM (time: bench/)", async () => {
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    const report = jsonOf(r);
    expectSaneReport(report);
    expectFinding(proposalAt(report, "."), { ruleId: "file/unreadable", file: "members.yaml", line: 1, column: 1, message: /^the file is 50\.0 MiB, over the 10\.0 MiB limit; it was not read \(raise the limit with ALLIANCE_AUDIT_MAX_FILE_MB\)$/ }, true);
    expectUnchanged(before, snapshot(dir));
  });

  it("in-process too, without reading the 50 MB", async () => {
    const heap = process.memoryUsage().heapUsed;
    const report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en" });
    expectFinding(proposalAt(report, "."), { ruleId: "file/unreadable", file: "members.yaml", message: /over the 10\.0 MiB limit/ }, true);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(40 * MB);
  });
});

describe("the limits can be changed with environment variables", () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = box.proposal("limits");
  });
  const run = (env: Record<string, string>) => cli([".", "--format", "json", "--as-of", AS_OF], dir, { env });

  it("ALLIANCE_AUDIT_MAX_FILE_MB", async () => {
    const r = await run({ ALLIANCE_AUDIT_MAX_FILE_MB: "0.0005" });
    expect(r.code).toBe(1);
    const p = proposalAt(jsonOf(r), ".");
    expectFinding(p, { ruleId: "file/unreadable", file: "charter.yaml", message: /over the 0\.5 KiB limit; it was not read/ });
    expectFinding(p, { ruleId: "file/unreadable", file: "members.yaml", message: /over the 0\.5 KiB limit/ });
  });

  it("ALLIANCE_AUDIT_MAX_DEPTH", async () => {
    const r = await run({ ALLIANCE_AUDIT_MAX_DEPTH: "3" });
    expect(r.code).toBe(1);
    expectFinding(proposalAt(jsonOf(r), "."), { ruleId: "file/unreadable", file: "charter.yaml", message: /^nesting is deeper than 3 levels; refused/ });
  });

  it("ALLIANCE_AUDIT_MAX_NODES", async () => {
    const r = await run({ ALLIANCE_AUDIT_MAX_NODES: "50" });
    expect(r.code).toBe(1);
    expectFinding(proposalAt(jsonOf(r), "."), { ruleId: "file/unreadable", file: "charter.yaml", message: /expands to more than 50 values/ });
  });

  it("values that are not positive numbers are ignored (the defaults apply)", async () => {
    const r = await run({ ALLIANCE_AUDIT_MAX_FILE_MB: "ten", ALLIANCE_AUDIT_MAX_DEPTH: "-1", ALLIANCE_AUDIT_MAX_NODES: "0" });
    expect(r.code, r.stderr).toBe(0);
    expect(proposalAt(jsonOf(r), ".").findings).toEqual([]);
  });

  it("the defaults are the documented ones", () => {
    expect(LIMITS).toEqual({ maxFileBytes: 10 * MB, maxDepth: 64, maxNodes: 1_000_000 });
  });
});

describe("large but legitimate inputs stay fast", () => {
  it("a roster of 10,000 members is audited, in-process and by the binary, with the same report (time: bench/growth.mjs)", async () => {
    await ensureBuilt();
    const dir = box.proposal("ten-thousand", { "members.yaml": bigRoster(10_000) });
    const before = snapshot(dir);
    const report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en" });
    expectSaneReport(report);
    const p = proposalAt(report, ".");
    // The 9,995 new members did not sign and have no task; their shared credit code is a duplicate.
    expect(p.findings.filter((f) => f.ruleId === "agreement/unsigned")).toHaveLength(9_995);
    expect(p.findings.filter((f) => f.ruleId === "file/unreadable")).toEqual([]);
    const r = await cli([".", "--format", "json", "--as-of", AS_OF], dir, { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(JSON.stringify(jsonOf(r).proposals) === JSON.stringify(report.proposals), "the binary's report differs from audit()'s").toBe(true);
    expectUnchanged(before, snapshot(dir));
  }, 90_000);

  it("135,000 findings on one proposal (45,000 identical CSV rows) are all reported: no internal error", async () => {
    // Collecting findings with push(...list) overflowed the stack past ~125,000 of them.
    const dir = box.proposal("many-findings", { "members.yaml": null, "members.csv": "id,name,type,credit_code\n" + "X,某公司,企业,91350100M000100Y43\n".repeat(45_000) });
    const report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en", jobs: 1 });
    const p = proposalAt(report, ".");
    expect(p.findings.filter((f) => f.ruleId === "file/unreadable").map((f) => f.message)).toEqual([]);
    expect(p.findings.filter((f) => f.ruleId === "members/duplicate").length).toBe(3 * 44_999);
    expectSaneReport(report);
  }, 60_000);

  it("a 1 MB string in a message stays a finding (the report is written, the run ends)", async () => {
    const long = "王".repeat(MB);
    const dir = box.proposal("long-message", { "charter.yaml": charterText().replace("    signatory: 王立新\n", `    signatory: ${long}\n`) });
    const report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en" });
    expectSaneReport(report);
    expectFinding(proposalAt(report, "."), { ruleId: "agreement/signatory-not-legal-rep", file: "charter.yaml" });
  });
});

afterAll(() => box.cleanup());
