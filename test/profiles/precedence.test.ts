// Profiles, config and the command line (profiles.md): the config file is a profile that may also
// hold lang/failOn/ignore (and `profile:`, an older `extends:`); precedence, lowest first: the
// built-in → the extends chain (base first) → the profile file's rules → the config's rules →
// command-line flags; `--profile NAME|FILE` replaces the config's extends, its own rules still apply.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { applyConfig, loadConfig } from "../../src/config.js";
import { cli, ensureBuilt, json } from "../helpers/cli.js";
import { AS_OF, put, Sandbox } from "./helpers.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
beforeAll(async () => {
  await ensureBuilt();
});

interface F {
  ruleId: string;
  severity: string;
  data: Record<string, unknown>;
}
const findings = (r: { stdout: string }): F[] => json(r as never).proposals[0].findings;
const run = (cwd: string, ...args: string[]) => cli(["--format", "json", "--as-of", AS_OF, "--lang", "en", ...args, "p"], cwd);

/** A repository folder holding the compliant base as `p`, a config and profile files. */
function repo(files: Record<string, string>): string {
  const root = box.dir();
  const p = box.proposal();
  for (const [rel, text] of Object.entries(files)) put(root, rel, text);
  // The proposal sits at root/p (copied by writing its two files).
  for (const f of ["charter.yaml", "members.yaml"]) put(root, join("p", f), readFileSync(join(p, f), "utf8"));
  put(root, ".git/HEAD", "ref: refs/heads/main\n"); // the config search stops at the repository root
  return root;
}

const SX = "name: { zh: 山西, en: Shanxi }\nsources:\n  SX: { title: 山西组建要求 }\nrules:\n  members/max-members: [error, { max: 4 }, { cite: SX }]\n  members/min-members: [error, { min: 9 }]\n";

describe("the config file is a profile", () => {
  it("extends: a profile file (relative to the config's folder), its own rules on top", async () => {
    const root = repo({ "profiles/sx.yaml": SX, ".alliance-audit.yaml": "extends: profiles/sx.yaml\nrules:\n  members/min-members: [warning, { min: 6 }]\n" });
    const r = await run(root);
    expect(findings(r).map((f) => [f.ruleId, f.severity, f.data.max ?? f.data.min])).toEqual([
      ["members/max-members", "error", 4],
      ["members/min-members", "warning", 6],
    ]);
    // The config holds rules: it is the profile in force, named after its file (it has no name).
    expect(json(r).profile).toEqual({ file: ".alliance-audit.yaml", name: { zh: ".alliance-audit.yaml", en: ".alliance-audit.yaml" } });
    expect(json(r).config).toBe(".alliance-audit.yaml");
  });

  it("a config that only extends a profile file names that file in the report", async () => {
    const root = repo({ "profiles/sx.yaml": SX, ".alliance-audit.yaml": "extends: profiles/sx.yaml\nlang: en\nfailOn: warning\n" });
    const r = await run(root);
    expect(json(r).profile).toEqual({ file: "profiles/sx.yaml", name: { zh: "山西", en: "Shanxi" } });
  });

  it("a config that only names a built-in is named by it", async () => {
    const root = repo({ ".alliance-audit.yaml": "profile: heilongjiang\n" });
    expect(json(await run(root)).profile).toBe("heilongjiang");
  });

  it("profile: keeps working as the older spelling of extends (a file too)", async () => {
    const root = repo({ "profiles/sx.yaml": SX, ".alliance-audit.yaml": "profile: profiles/sx.yaml\n" });
    expect(findings(await run(root)).map((f) => f.ruleId)).toEqual(["members/max-members", "members/min-members"]);
  });

  it("a config with a name, sources and a cite of its own", async () => {
    const root = repo({ ".alliance-audit.yaml": "name: { zh: 本院规则, en: Our rules }\nsources:\n  OUR: { title: 本院申报须知 }\nrules:\n  members/max-members: [error, { max: 4 }, { cite: OUR, article: 第三条 }]\n" });
    const r = await run(root);
    expect(json(r).profile).toEqual({ file: ".alliance-audit.yaml", name: { zh: "本院规则", en: "Our rules" } });
    expect(json(r).proposals[0].findings[0].citation).toEqual({ document: "本院申报须知", article: "第三条" });
  });

  it("a config holding both profile: and extends: is exit 2 naming it", async () => {
    const root = repo({ ".alliance-audit.yaml": "extends: national\nprofile: heilongjiang\n" });
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("config file .alliance-audit.yaml:2:1: profile and extends cannot both be given (profile is an older spelling of extends); keep extends only");
    const zh = await cli(["--lang", "zh", "p"], root);
    expect(zh.stderr).toContain("配置文件 .alliance-audit.yaml:2:1：profile 和 extends 不能同时出现");
  });

  it("a config may hold lang, failOn and ignore (a profile file may not)", async () => {
    const root = repo({ ".alliance-audit.yaml": "extends: national\nlang: zh\nfailOn: warning\nignore: [archive/**]\nrules:\n  members/max-members: [warning, { max: 4 }]\n" });
    const r = await cli(["--as-of", AS_OF, "p"], root);
    expect(r.code).toBe(1); // failOn warning
    expect(r.stdout).toContain("联盟有 5 家成员单位，多于规定的 4 家");
  });

  it("an unknown key in a config is exit 2 naming it and the keys it may hold", async () => {
    const root = repo({ ".alliance-audit.yaml": "extends: national\nsource: {}\n" });
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config file \.alliance-audit\.yaml:2:1: unknown key "source"; did you mean sources\? \(the keys are extends, profile, name, sources, rules, lang, failOn, ignore\)/);
  });

  it("the config's rules are validated like a profile's (file:line:column)", async () => {
    const root = repo({ ".alliance-audit.yaml": "rules:\n  members/max-members: [error, { max: many }]\n" });
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("config file .alliance-audit.yaml:2:39: invalid options for members/max-members: max must be a whole number");
  });
});

describe("precedence", () => {
  const files = {
    "lib/base.yaml": "extends: national\nrules:\n  members/max-members: [info, { max: 2 }]\n  members/min-members: [info, { min: 7 }]\n  members/provincial-institute: info\n",
    "lib/top.yaml": "extends: base.yaml\nrules:\n  members/max-members: [warning, { max: 3 }]\n  members/min-members: [warning, { min: 8 }]\n",
  };

  it("built-in → chain (base first) → profile file → config → command line", async () => {
    const root = repo({ ...files, ".alliance-audit.yaml": "extends: lib/top.yaml\nrules:\n  members/min-members: [error, { min: 9 }]\n" });
    const got = findings(await run(root)).map((f) => [f.ruleId, f.severity, f.data.max ?? f.data.min ?? null]);
    expect(got).toEqual([
      ["members/max-members", "warning", 3], // top.yaml over base.yaml
      ["members/min-members", "error", 9], // the config over top.yaml
    ]);
    // base.yaml turned provincial-institute on (info), but the base roster has a provincial institute.
    // The command line's --fail-on is last: the config's error fails the run, --fail-on never does not.
    const never = await cli(["--as-of", AS_OF, "--fail-on", "never", "p"], root);
    expect(never.code).toBe(0);
  });

  it("--profile FILE replaces the config's extends; the config's own rules still apply", async () => {
    const root = repo({ ...files, "other.yaml": "rules:\n  members/max-members: [error, { max: 1 }]\n", ".alliance-audit.yaml": "extends: lib/top.yaml\nrules:\n  members/min-members: [error, { min: 9 }]\n" });
    const got = findings(await run(root, "--profile", "other.yaml")).map((f) => [f.ruleId, f.severity, f.data.max ?? f.data.min]);
    expect(got).toEqual([
      ["members/max-members", "error", 1], // other.yaml, not top.yaml
      ["members/min-members", "error", 9], // the config's own rule
    ]);
  });

  it("--profile NAME replaces it with a built-in; the config's rules still apply", async () => {
    const root = repo({ ...files, ".alliance-audit.yaml": "extends: lib/top.yaml\nrules:\n  members/min-members: [error, { min: 9 }]\n" });
    const got = findings(await run(root, "--profile", "national")).map((f) => f.ruleId);
    expect(got).toEqual(["members/min-members"]);
  });

  it("--profile FILE without a config: the file's rules over its chain", async () => {
    const root = repo(files);
    const got = findings(await run(root, "--profile", "lib/top.yaml")).map((f) => [f.ruleId, f.severity]);
    expect(got).toEqual([
      ["members/max-members", "warning"],
      ["members/min-members", "warning"],
    ]);
    expect(json(await run(root, "--profile", "lib/top.yaml", "--no-config")).profile).toEqual({ file: "lib/top.yaml", name: { zh: "top.yaml", en: "top.yaml" } });
  });

  it("a config turning a rule off wins over the profile that turned it on", async () => {
    const root = repo({ ...files, ".alliance-audit.yaml": "extends: lib/top.yaml\nrules:\n  members/min-members: off\n  members/max-members: off\n" });
    expect(findings(await run(root))).toEqual([]);
  });

  it("a config turning on a rule whose options no layer gives is exit 2 naming the config's line", async () => {
    const root = repo({ ".alliance-audit.yaml": "extends: national\nrules:\n  members/lead-in-region: warning\n" });
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".alliance-audit.yaml:3:3: members/lead-in-region is turned on without its option regions, so it would check nothing");
  });

  it("the API's per-rule levels come last, over the config's and the profile's", async () => {
    const root = repo({ ...files, ".alliance-audit.yaml": "extends: lib/top.yaml\nrules:\n  members/min-members: [error, { min: 9 }]\n" });
    const config = loadConfig(join(root, ".alliance-audit.yaml"), root);
    const options = applyConfig({ paths: ["p"], cwd: root, asOf: AS_OF, lang: "en", jobs: 1, rules: { "members/min-members": "info", "members/max-members": "off" } }, config, root);
    const report = await audit(options);
    expect(report.proposals[0].findings.map((f) => [f.ruleId, f.severity, f.data?.min])).toEqual([["members/min-members", "info", 9]]);
  });
});
