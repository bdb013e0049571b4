// Exit codes of the built CLI (cli.md): 0 nothing at or above --fail-on, 1 something is, 2 the
// command itself could not run — with a short message on stderr and never a stack trace.
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, json, type CliResult } from "../helpers/cli.js";
import { AS_OF, CASES, Sandbox, baseCharterText, baseMembersText, member, toYaml, baseMembers } from "../helpers/proposal.js";

const box = new Sandbox();
let root: string;

beforeAll(async () => {
  await ensureBuilt();
  root = box.dir("work");
  for (const name of ["compliant-national", "compliant-heilongjiang", "unsigned", "syntax-error"]) cpSync(join(CASES, name), join(root, name), { recursive: true });
  const m = baseMembers();
  delete member(m, "M01").backbone; // a warning only: members/enterprise-backbone
  box.files({ "charter.yaml": baseCharterText(), "members.yaml": toYaml(m) }, "work/warning-only");
  mkdirSync(join(root, "empty"));
});
afterAll(() => box.cleanup());

const run = (...args: string[]) => cli(args, root);
const audit = (...args: string[]) => run("--as-of", AS_OF, ...args);

/** A usage error: exit 2, nothing on stdout, a short message on stderr, no stack trace. */
function expectUsageError(r: CliResult, mentions: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(mentions);
  // One line; commander's parse errors add one hint line saying what to do.
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines.length === 2) expect(lines[1]).toMatch(/--help/);
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toMatch(/Error: |internal error/);
}

describe.concurrent("exit codes", () => {
  it("0 for a compliant proposal", async () => {
    const r = await audit("compliant-national");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("1 for a failing proposal", async () => {
    const r = await audit("unsigned");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("agreement/unsigned");
  });

  it("1 for an unreadable file (a finding, not a crash)", async () => {
    const r = await audit("syntax-error", "--format", "json");
    expect(r.code).toBe(1);
    expect(json(r).proposals[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["file/unreadable"]);
  });

  it("2 for an unknown option", async () => {
    expectUsageError(await audit("--bogus", "compliant-national"), /--bogus/);
  });

  it("2 for an unknown --format", async () => {
    expectUsageError(await audit("--format", "xml", "compliant-national"), /xml/);
  });

  it("2 for a path that does not exist", async () => {
    expectUsageError(await audit("no-such-folder"), /no-such-folder/);
  });

  it("2 when no proposal is found under the path", async () => {
    expectUsageError(await audit("empty"), /no proposal found/);
  });

  it("2 for an unknown rule id in explain, with a suggestion", async () => {
    const r = await run("explain", "agreement/unsignd");
    expectUsageError(r, /unknown rule "agreement\/unsignd"/);
    expect(r.stderr).toMatch(/did you mean agreement\/unsigned/);
  });

  it.each(["2025-13-01", "2025/06/01", "tomorrow", "2025-02-29"])("2 for --as-of %s", async (date) => {
    expectUsageError(await run("--as-of", date, "compliant-national"), new RegExp(`--as-of.*${date.replace(/\//g, "\\/")}`));
  });

  it("2 for an unknown --profile and --fail-on value", async () => {
    expectUsageError(await audit("--profile", "jilin", "compliant-national"), /jilin/);
    expectUsageError(await audit("--fail-on", "fatal", "compliant-national"), /fatal/);
  });

  it("2 for an unknown schema name", async () => {
    expectUsageError(await run("schema", "roster"), /roster/);
  });

  it("2 for an output file that cannot be written", async () => {
    expectUsageError(await audit("compliant-national", "-o", "no-such-dir/report.json"), /cannot write the report/);
  });

  it("the usage message follows --lang", async () => {
    const r = await audit("--lang", "zh", "no-such-folder");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/路径不存在/);
  });
});

describe.concurrent("--fail-on", () => {
  it("a warning fails only with --fail-on warning (or info)", async () => {
    expect((await audit("warning-only")).code).toBe(0);
    expect((await audit("warning-only", "--fail-on", "warning")).code).toBe(1);
    expect((await audit("warning-only", "--fail-on", "info")).code).toBe(1);
    const r = await audit("warning-only", "--fail-on", "warning", "--format", "json");
    expect(json(r).proposals[0].status).toBe("fail");
  });

  it("--fail-on never: exit 0 even with errors, every proposal passes", async () => {
    const r = await audit("unsigned", "--fail-on", "never", "--format", "json");
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.proposals[0].status).toBe("pass");
    expect(report.proposals[0].counts.error).toBe(2);
  });

  it("an info finding fails with --fail-on info only", async () => {
    // compliant-national under heilongjiang is compliant; remove the provincial institute flag → info.
    const dir = box.files({ "charter.yaml": baseCharterText(), "members.yaml": baseMembersText().replace("  provincial_institute: true\n", "") }, "work/info-only");
    expect(dir).toContain("info-only");
    expect((await audit("--profile", "heilongjiang", "info-only")).code).toBe(0);
    expect((await audit("--profile", "heilongjiang", "info-only", "--fail-on", "info")).code).toBe(1);
  });
});

describe("--quiet", () => {
  it("reports errors only", async () => {
    const both = await audit("warning-only", "unsigned", "--format", "json");
    expect(json(both).summary.warning).toBe(1);
    const r = await audit("warning-only", "unsigned", "--format", "json", "--quiet");
    const report = json(r);
    expect(report.summary.warning).toBe(0);
    expect(report.proposals.flatMap((p: { findings: { severity: string }[] }) => p.findings.map((f) => f.severity))).toEqual(["error", "error"]);
    expect(r.code).toBe(1);
    const stylish = await audit("warning-only", "--quiet");
    expect(stylish.stdout).not.toContain("members/enterprise-backbone");
    expect(stylish.code).toBe(0);
  });
});

describe("a reader that closes the pipe early", () => {
  it("gets no EPIPE stack trace (`alliance-audit rules | head -1`)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const bin = fileURLToPath(new URL("../../bin/alliance-audit.js", import.meta.url));
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" rules --lang en | head -1`], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^profile national:/);
    expect(r.stderr).not.toMatch(/EPIPE|at \S+ \(/);
  });
});
