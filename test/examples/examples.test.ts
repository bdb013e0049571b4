// The examples are documentation: examples/README.md (and the README's quick start) show what the
// tool prints for each of them, and the README's table names the rules each reports. These tests
// run the built CLI on every documented command and compare, so that a rule change that alters an
// example's outcome fails here until the documentation says so too. The careful-secretariat
// example is also checked feature by feature: undoing each revision-2 field makes its finding appear.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Profile } from "../../src/types.js";
import { cli, ensureBuilt, json, ROOT } from "../helpers/cli.js";
import { auditOne, PROFILES, Sandbox, tally } from "../helpers/proposal.js";

const EXAMPLES = join(ROOT, "examples");
// examples/profiles holds profile files and a proposal for each (its own README, checked below).
const exampleNames = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== "profiles")
  .map((e) => e.name)
  .sort();

interface ConsoleBlock {
  file: string;
  args: string[];
  expected: string;
}

/** The ```console blocks of a Markdown file whose first line is `$ alliance-audit …`. */
function consoleBlocks(file: string): ConsoleBlock[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const blocks: ConsoleBlock[] = [];
  for (const m of text.matchAll(/```console\n\$ alliance-audit ([^\n]*)\n([\s\S]*?)```/g)) {
    blocks.push({ file, args: m[1].trim().split(/\s+/), expected: m[2] });
  }
  return blocks;
}

const documented = [...consoleBlocks("examples/README.md"), ...consoleBlocks("README.md"), ...consoleBlocks("examples/profiles/README.md")];

beforeAll(async () => {
  await ensureBuilt();
});

describe("documented example output", () => {
  it("documents every example folder in examples/README.md, each with at least one command", () => {
    const text = readFileSync(join(EXAMPLES, "README.md"), "utf8");
    for (const name of exampleNames) {
      expect(text, name).toContain(`## ${name}\n`);
      expect(documented.some((b) => b.args.includes(`examples/${name}`)), name).toBe(true);
    }
  });

  it("finds the commands to check (the parser is not silently matching nothing)", () => {
    expect(documented.filter((b) => b.file === "examples/README.md").length).toBeGreaterThanOrEqual(exampleNames.length);
    expect(documented.filter((b) => b.file === "README.md").length).toBeGreaterThanOrEqual(1);
  });

  for (const block of documented) {
    it(`${block.file}: alliance-audit ${block.args.join(" ")}`, async () => {
      const r = await cli(block.args, ROOT);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(block.expected);
      // The summary line says whether the run failed; the exit code must agree with it.
      const summary = r.stdout.trimEnd().split("\n").at(-1) ?? "";
      expect(summary.startsWith("✖") ? 1 : 0, summary).toBe(r.code);
    });
  }
});

/** The README's table "The examples": example folder → profile and the rule ids its row names. */
function readmeExampleRows(): { example: string; profile: Profile; rules: Set<string>; nothing: boolean }[] {
  const text = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /## The examples\n([\s\S]*?)\n## /.exec(text)?.[1] ?? "";
  const rows = [];
  for (const line of section.split("\n")) {
    const m = /^\| `alliance-audit ([^`]*?)examples\/([\w-]+)` \| (.*) \|$/.exec(line);
    if (!m) continue;
    const profile = (/--profile (\w+)/.exec(m[1])?.[1] ?? "national") as Profile;
    const rules = new Set([...m[3].matchAll(/`([a-z]+\/[a-z-]+)`/g)].map((x) => x[1]));
    rows.push({ example: m[2], profile, rules, nothing: /^nothing/.test(m[3]) });
  }
  return rows;
}

describe("the README's table of examples", () => {
  const rows = readmeExampleRows();

  it("has a row for every example", () => {
    expect(rows.map((r) => r.example).sort()).toEqual(exampleNames);
  });

  for (const profile of PROFILES) {
    it(`names exactly the rules each example reports (${profile})`, async () => {
      const report = json(await cli(["--format", "json", "--profile", profile, "--as-of", "2025-06-01", "examples"], ROOT));
      for (const row of rows.filter((r) => r.profile === profile)) {
        const p = report.proposals.find((x: { path: string }) => x.path === `examples/${row.example}`);
        expect(p, row.example).toBeDefined();
        const fired = new Set<string>(p.findings.map((f: { ruleId: string }) => f.ruleId));
        expect([...fired].sort(), row.example).toEqual([...row.rules].sort());
        expect(p.status, row.example).toBe(row.example.startsWith("compliant-") ? "pass" : "fail");
        if (row.nothing) expect(p.findings, row.example).toEqual([]);
      }
    });
  }

  it("compliant examples pass in both profiles; the others fail in both", async () => {
    for (const profile of PROFILES) {
      const report = json(await cli(["--format", "json", "--profile", profile, "--as-of", "2025-06-01", "examples"], ROOT));
      const proposals = report.proposals.filter((p: { path: string }) => !p.path.startsWith("examples/profiles/"));
      expect(proposals.map((p: { path: string }) => p.path)).toEqual(exampleNames.map((n) => `examples/${n}`));
      for (const p of proposals) {
        expect(p.status, `${p.path} (${profile})`).toBe(p.path.startsWith("examples/compliant-") ? "pass" : "fail");
        if (p.path.startsWith("examples/compliant-")) expect(p.counts.error + p.counts.warning, p.path).toBe(0);
      }
    }
  });
});

describe("compliant-careful-secretariat: each revision-2 feature is what keeps it compliant", () => {
  const box = new Sandbox();
  afterAll(() => box.cleanup());

  /** A copy of the example with the charter and roster texts rewritten. */
  function variant(edit: { charter?: (t: string) => string; members?: (t: string) => string }): string {
    const dir = box.dir();
    cpSync(join(EXAMPLES, "compliant-careful-secretariat"), dir, { recursive: true });
    for (const [file, f] of [["charter.yaml", edit.charter], ["members.csv", edit.members]] as const) {
      if (!f) continue;
      const before = readFileSync(join(dir, file), "utf8");
      const after = f(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing: the example changed, update this test`);
      writeFileSync(join(dir, file), after);
    }
    return dir;
  }
  const row = (id: string, t: string) => t.split("\n").find((l) => l.startsWith(`${id},`))!;
  const setCell = (t: string, id: string, column: number, value: string) => {
    const cells = row(id, t).split(",");
    cells[column] = value;
    return t.replace(row(id, t), cells.join(","));
  };
  const header = (t: string) => t.split("\n")[0].split(",");
  const col = (t: string, name: string) => header(t).indexOf(name);

  for (const profile of PROFILES) {
    it(`as written: passes with one info, the former representative's signature (${profile})`, async () => {
      const p = await auditOne(variant({}), { profile });
      expect(p.status).toBe("pass");
      expect(p.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/signatory-not-legal-rep", "info"]]);
    });
  }

  it("without `kind: accession`, the late signature makes the agreement effective before everyone signed", async () => {
    const p = await auditOne(variant({ charter: (t) => t.replace("    kind: accession\n", "") }));
    expect(tally(p.findings)["agreement/effective-before-signed"]).toBe(1);
  });

  it("without 原法定代表人, the former representative's signature is an error", async () => {
    const p = await auditOne(variant({ members: (t) => setCell(t, "M02", col(t, "原法定代表人"), "") }));
    const f = p.findings.filter((x) => x.ruleId === "agreement/signatory-not-legal-rep");
    expect(f.map((x) => x.severity)).toEqual(["error"]);
    expect(p.status).toBe("fail");
  });

  it("without 国家/地区, the member registered abroad needs a credit code", async () => {
    const p = await auditOne(variant({ members: (t) => setCell(t, "M05", col(t, "国家/地区"), "") }));
    expect(tally(p.findings)["members/credit-code-invalid"]).toBe(1);
  });

  it("without 注册号, the member registered abroad is asked for its registration number (a warning)", async () => {
    const p = await auditOne(variant({ members: (t) => setCell(t, "M05", col(t, "注册号"), "") }));
    expect(p.findings.filter((x) => x.ruleId === "members/credit-code-invalid").map((x) => x.severity)).toEqual(["warning"]);
  });

  it("with M04 back 在册 (a current member), it needs a task again", async () => {
    const p = await auditOne(variant({ members: (t) => setCell(t, "M04", col(t, "状态"), "在册") }));
    expect(tally(p.findings)["agreement/member-without-task"]).toBe(1);
  });

  it("naming the withdrawn member on the council is ref/withdrawn-member", async () => {
    const p = await auditOne(variant({ charter: (t) => t.replace("    - M05\n    - M06\n    rules:", "    - M04\n    - M05\n    - M06\n    rules:") }));
    expect(tally(p.findings)["ref/withdrawn-member"]).toBe(1);
  });

  it("the host unit's credit code is checked like a member's", async () => {
    const p = await auditOne(variant({ charter: (t) => t.replace("      credit_code: 122300004140072537\n    full_time_staff", "      credit_code: 122300004140072530\n    full_time_staff") }));
    expect(p.findings.filter((x) => x.ruleId === "members/credit-code-invalid").map((x) => x.pointer)).toEqual(["/governance/executive_body/host_unit/credit_code"]);
  });

  it("a custodian other than the host is reported as info", async () => {
    const p = await auditOne(variant({ charter: (t) => t.replace("    name: 黑龙江省大豆产业技术服务中心\n    credit_code: 122300004140072537\n  government_funding", "    name: 黑龙江省农业投资集团有限公司\n  government_funding") }));
    expect(p.findings.filter((x) => x.ruleId === "funding/custodian-not-host").map((x) => x.severity)).toEqual(["info"]);
  });

  it("a project started before the accession member joined holds IP not agreed in advance", async () => {
    const p = await auditOne(variant({ charter: (t) => t.replace("start_date: '2024-10-15'", "start_date: '2024-08-01'") }));
    expect(tally(p.findings)["ip/not-agreed-in-advance"]).toBe(1);
  });
});

describe("the README's JSON report example", () => {
  it("is what --format json prints for it (the findings shown, the summary and the top-level fields)", async () => {
    const text = readFileSync(join(ROOT, "README.md"), "utf8");
    const at = text.indexOf("```json\n", text.indexOf("### Reports"));
    const shown = JSON.parse(text.slice(at + "```json\n".length, text.indexOf("```", at + 8)));
    const actual = json(await cli(["--format", "json", "--profile", shown.profile, "--as-of", shown.asOf, "--lang", "en", shown.proposals[0].path], ROOT));
    expect(Object.keys(shown)).toEqual(Object.keys(actual));
    expect(shown.version).toBe(2);
    expect(shown.summary).toEqual(actual.summary);
    const { findings, ...proposal } = shown.proposals[0];
    expect(proposal).toEqual(Object.fromEntries(Object.entries(actual.proposals[0]).filter(([k]) => k !== "findings")));
    expect(findings).toEqual(actual.proposals[0].findings.slice(0, findings.length));
  });
});
