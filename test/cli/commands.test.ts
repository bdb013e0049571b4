// explain, rules, schema, --version and --help of the built CLI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { cli, ensureBuilt } from "../helpers/cli.js";
import { Sandbox } from "../helpers/proposal.js";

const box = new Sandbox();
let cwd: string;
beforeAll(async () => {
  await ensureBuilt();
  cwd = box.dir("work");
});
afterAll(() => box.cleanup());

const run = (...args: string[]) => cli(args, cwd);
const HLJ_ONLY = RULES.filter((r) => !r.severity.national && r.severity.heilongjiang).map((r) => r.id);

describe.concurrent("explain", () => {
  it("agreement/unsigned: citation 第八条（二）, texts in zh and en, fix hint", async () => {
    const r = await run("explain", "agreement/unsigned");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("agreement/unsigned");
    expect(r.stdout).toContain("第八条（二）");
    expect(r.stdout).toContain("联盟协议必须由成员单位法定代表人共同签署生效");
    expect(r.stdout).toContain("Member has not signed");
    expect(r.stdout).toMatch(/national: error/);
  });

  it("a heilongjiang-only rule cites HLJ 第6条 and shows no national severity", async () => {
    const r = await run("explain", "agreement/term");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("第6条");
    expect(r.stdout).toMatch(/national: off/);
    expect(r.stdout).toMatch(/heilongjiang: error/);
  });
});

describe.concurrent("rules", () => {
  it("HLJ-only rules are exactly agreement/term, agreement/exit-mechanism, alliance/key-area, members/provincial-institute", () => {
    expect(HLJ_ONLY.sort()).toEqual(["agreement/exit-mechanism", "agreement/term", "alliance/key-area", "members/provincial-institute"]);
  });

  it("rules --profile heilongjiang lists the heilongjiang-only rules", async () => {
    const r = await run("rules", "--profile", "heilongjiang");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/profile heilongjiang: \d+ rules/);
    for (const id of HLJ_ONLY) expect(r.stdout, id).toContain(id);
    expect(r.stdout).toMatch(/members\/provincial-institute\s*│\s*info/);
    // Every rule of the built-in heilongjiang profile; the rules a profile file turns on (profiles.md) are not.
    for (const rule of RULES) {
      if (rule.severity.heilongjiang) expect(r.stdout, rule.id).toContain(rule.id);
      else expect(r.stdout, rule.id).not.toContain(`${rule.id} `);
    }
  });

  it("rules (national) does not list them", async () => {
    const r = await run("rules");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/profile national: \d+ rules/);
    for (const id of HLJ_ONLY) expect(r.stdout, id).not.toContain(id);
    expect(r.stdout).toContain("agreement/unsigned");
  });

  it("rules --lang zh", async () => {
    const r = await run("rules", "--lang", "zh", "--profile", "heilongjiang");
    expect(r.stdout).toMatch(/规则集 heilongjiang/);
    expect(r.stdout).toContain("成员未签署协议");
  });
});

describe.concurrent("schema", () => {
  it.each(["charter", "members"])("schema %s prints valid JSON Schema", async (which) => {
    const r = await run("schema", which);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toContain(which === "charter" ? "agreement" : "members");
  });
});

describe.concurrent("version and help", () => {
  it("--version", async () => {
    const r = await run("--version");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("--help lists the commands and options", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    for (const word of ["explain", "rules", "schema", "--profile", "--format", "--fail-on", "--as-of", "--members", "--lang", "--quiet"]) expect(r.stdout).toContain(word);
  });
});
