// The config file (cli.md, "Config file"): found upward from the cwd or named with --config;
// the command line wins; `off`; unknown keys and values are exit 2 naming the key and the file;
// ignore globs; `alliance-audit rules` shows the effective severities.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyConfig, findConfig, loadConfig, rebaseGlob, resolveConfig } from "../../src/config.js";
import { resolveSettings } from "../../src/audit.js";
import { UsageError } from "../../src/errors.js";
import { AS_OF, Sandbox, member, type Mutation } from "../helpers/proposal.js";
import { cli, json } from "./run-cli.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

/** No backbone enterprise: one members/enterprise-backbone warning, nothing else. */
const noBackbone: Mutation = { members: (m) => void delete member(m, "M01").backbone };

const write = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text);
const audit = (cwd: string, ...args: string[]) => cli(["--format", "json", "--as-of", AS_OF, ...args], cwd);

describe("config discovery", () => {
  it("finds .alliance-audit.yaml in a folder above the cwd", () => {
    const tree = box.dir("up");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\n");
    box.proposal({}, "up/a/b/p");
    const r = audit(join(tree, "a/b"), "p");
    expect(r.code).toBe(0);
    expect(json(r).profile).toBe("heilongjiang");
    expect(findConfig(join(tree, "a/b"))).toBe(join(tree, ".alliance-audit.yaml"));
  });

  it("finds .alliance-audit.json, and the nearest config wins over one further up", () => {
    const tree = box.dir("json");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\n");
    box.proposal({}, "json/sub/p");
    write(join(tree, "sub"), ".alliance-audit.json", '{ "profile": "national", "failOn": "never" }\n');
    const r = audit(join(tree, "sub"), "p");
    expect(json(r).profile).toBe("national");
    // failOn never from the JSON config: even an error does not fail.
    box.proposal({ charter: (c) => void (c.agreement.legally_binding = false) }, "json/sub/q");
    const q = audit(join(tree, "sub"), "q");
    expect(json(q).summary.error).toBeGreaterThan(0);
    expect(q.code).toBe(0);
  });

  it("uses --config FILE instead of searching, and --no-config ignores config files", () => {
    const tree = box.dir("explicit");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\n");
    box.proposal({}, "explicit/p");
    const other = box.dir("elsewhere");
    write(other, "ci.yaml", "profile: national\nlang: zh\n");
    const r = audit(tree, "p", "--config", join(other, "ci.yaml"));
    expect(json(r).profile).toBe("national");
    expect(json(audit(tree, "p", "--no-config")).profile).toBe("national");
    expect(json(audit(tree, "p")).profile).toBe("heilongjiang");
    const missing = audit(tree, "p", "--config", "nope.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml");
  });

  it("lets the command line override the config", () => {
    const tree = box.dir("override");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\nlang: zh\nfailOn: warning\n");
    box.proposal(noBackbone, "override/p");
    const byConfig = audit(tree, "p");
    expect(json(byConfig).profile).toBe("heilongjiang");
    expect(json(byConfig).proposals[0].findings[0].message).toMatch(/[\u4e00-\u9fff]/); // lang: zh
    expect(byConfig.code).toBe(1); // failOn: warning and a warning
    const byFlags = audit(tree, "p", "--profile", "national", "--lang", "en", "--fail-on", "error");
    expect(json(byFlags).profile).toBe("national");
    expect(json(byFlags).proposals[0].findings[0].message).toMatch(/^no enterprise member/);
    expect(byFlags.code).toBe(0);
  });
});

describe("rules severities", () => {
  it("off turns a rule off; a severity changes the findings' severity and the exit code", () => {
    const tree = box.dir("off");
    box.proposal(noBackbone, "off/p");
    const before = audit(tree, "p");
    expect(json(before).proposals[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["members/enterprise-backbone"]);

    write(tree, ".alliance-audit.yaml", "rules:\n  members/enterprise-backbone: off\n");
    const off = audit(tree, "p");
    expect(json(off).proposals[0].findings).toEqual([]);
    expect(off.code).toBe(0);

    write(tree, ".alliance-audit.yaml", "rules:\n  members/enterprise-backbone: error\n");
    const raised = audit(tree, "p");
    expect(json(raised).proposals[0].findings[0].severity).toBe("error");
    expect(raised.code).toBe(1);
  });

  it("alliance-audit rules shows the effective severities after the config (and --profile still wins)", () => {
    const tree = box.dir("rules");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\nrules:\n  members/enterprise-backbone: off\n  agreement/expired: warning\n");
    const r = cli(["rules"], tree);
    expect(r.code).toBe(0);
    // A config that holds rules is the profile in force (profiles.md), extending heilongjiang here.
    expect(r.stdout).toMatch(/^profile \.alliance-audit\.yaml: \d+ rules, 1 off \(config \.alliance-audit\.yaml\)/);
    expect(r.stdout).toMatch(/members\/enterprise-backbone\s+│ off\b/);
    expect(r.stdout).toMatch(/agreement\/expired\s+│ warning\b/);
    expect(r.stdout).toContain("alliance/key-area"); // a heilongjiang-only rule
    const national = cli(["rules", "--profile", "national"], tree);
    expect(national.stdout).toMatch(/^profile \.alliance-audit\.yaml:/);
    expect(national.stdout).not.toContain("alliance/key-area");
    expect(national.stdout).toMatch(/members\/enterprise-backbone\s+│ off\b/);
    const plain = cli(["rules", "--no-config"], tree);
    expect(plain.stdout).toMatch(/^profile national: \d+ rules\n/);
    expect(plain.stdout).toMatch(/members\/enterprise-backbone\s+│ warning\b/);
  });
});

describe("invalid configs are exit 2, naming the key and the file", () => {
  const cases: [string, string, RegExp][] = [
    ["unknown key", "profile: national\nfailon: never\n", /\.alliance-audit\.yaml:2:1: unknown key "failon"; did you mean failOn\?/],
    ["unknown value", "profile: shanghai\n", /\.alliance-audit\.yaml:1:10: invalid value "shanghai" for profile \(choose national, heilongjiang, or the path of a \.yaml\/\.json profile file\)/],
    ["unknown rule id", "rules:\n  agreement/unsiged: off\n", /\.alliance-audit\.yaml:2:3: unknown rule "agreement\/unsiged" under rules; did you mean agreement\/unsigned\?/],
    ["bad severity", "rules:\n  agreement/unsigned: disabled\n", /\.alliance-audit\.yaml:2:23: invalid severity "disabled" for rules\.agreement\/unsigned/],
    ["YAML 1.1 boolean for off", "rules:\n  agreement/unsigned: false\n", /invalid severity "false"/],
    ["rules not a mapping", "rules: [agreement/unsigned]\n", /rules must be a mapping/],
    ["ignore not globs", "ignore: {archive: true}\n", /ignore must be a glob or a list of globs/],
    ["syntax error", "profile: [national\n", /\.alliance-audit\.yaml:\d+:\d+: YAML syntax error/],
  ];
  it.each(cases)("%s", (_name, text, message) => {
    const tree = box.dir();
    write(tree, ".alliance-audit.yaml", text);
    box.proposal({}, `${tree.slice(box.root.length + 1)}/p`);
    const r = audit(tree, "p");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says it in Chinese with --lang zh, and the rules command refuses the same config", () => {
    const tree = box.dir("zh");
    write(tree, ".alliance-audit.json", '{\n  "profile": "national",\n  "rulez": {}\n}\n');
    box.proposal({}, "zh/p");
    const r = audit(tree, "p", "--lang", "zh");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("配置文件 .alliance-audit.json:3:3：未知的键“rulez”，是否指 rules？");
    const rules = cli(["rules"], tree);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('unknown key "rulez"');
  });

  it("the config's lang also chooses the language of usage errors (unless --lang)", () => {
    const tree = box.dir("lang-errors");
    write(tree, ".alliance-audit.yaml", "lang: zh\n");
    expect(cli(["nowhere"], tree).stderr).toBe("alliance-audit: 路径不存在：nowhere\n");
    expect(cli(["nowhere", "--lang", "en"], tree).stderr).toBe("alliance-audit: path not found: nowhere\n");
    expect(cli(["nowhere", "--no-config"], tree).stderr).toBe("alliance-audit: path not found: nowhere\n");
  });

  it("throws a UsageError from the API too", () => {
    const tree = box.dir("api");
    write(tree, "c.yaml", "lang: fr\n");
    expect(() => loadConfig(join(tree, "c.yaml"), tree)).toThrow(UsageError);
    expect(() => loadConfig(join(tree, "c.yaml"), tree)).toThrow(/c\.yaml:1:7: invalid value "fr" for lang/);
  });
});

describe("ignore", () => {
  const tree = box.dir("ignore");
  box.proposal({}, "ignore/proposals/good");
  box.proposal(noBackbone, "ignore/proposals/archive/old");
  box.proposal(noBackbone, "ignore/proposals/drafts/wip");
  const paths = (r: ReturnType<typeof audit>) => json(r).proposals.map((p: { path: string }) => p.path);

  it("skips the folders the globs name, relative to the config's folder", () => {
    expect(paths(audit(tree, "proposals"))).toEqual(["proposals/archive/old", "proposals/drafts/wip", "proposals/good"]);
    write(tree, ".alliance-audit.yaml", 'ignore: ["proposals/archive/**", "**/drafts"]\n');
    expect(paths(audit(tree, "proposals"))).toEqual(["proposals/good"]);
    expect(paths(audit(tree))).toEqual(["proposals/good"]);
  });

  it("applies the same globs from a folder below the config, and to paths outside the cwd", () => {
    write(tree, ".alliance-audit.yaml", 'ignore: ["proposals/archive"]\n');
    expect(paths(audit(join(tree, "proposals")))).toEqual(["drafts/wip", "good"]);
    const sub = join(tree, "proposals", "drafts");
    expect(paths(audit(sub, ".."))).toEqual(["../good", "wip"]);
  });

  it("rebases globs from the config's folder to the cwd", () => {
    expect(rebaseGlob("archive/**", "/r", "/r")).toEqual(["archive/**"]);
    expect(rebaseGlob("./archive/**", "/r/sub", "/r")).toEqual(["sub/archive/**"]);
    expect(rebaseGlob("proposals/archive/**", "/r", "/r/proposals")).toEqual(["archive/**"]);
    expect(rebaseGlob("proposals/archive", "/r", "/r/proposals/drafts")).toEqual(["../archive"]);
    expect(rebaseGlob("*/archive", "/r", "/r/proposals")).toEqual(["archive", "../*/archive"]);
    expect(rebaseGlob("{a,proposals}/x", "/r", "/r/proposals")).toEqual(["x", "../{a,proposals}/x"]);
    expect(rebaseGlob("**/drafts", "/r", "/r/a/b")).toEqual(["**/drafts", "../../**/drafts"]);
    expect(rebaseGlob("other/**", "/r", "/r/proposals")).toEqual(["../other/**"]);
    expect(rebaseGlob("proposals", "/r", "/r/proposals")).toEqual(["**"]);
  });

  it("merges with the API caller's options: theirs win", () => {
    const layer = { file: "/r/.alliance-audit.yaml", sources: {}, rules: { "agreement/unsigned": { level: "off" as const }, "agreement/expired": { level: "warning" as const } } };
    const config = { file: "/r/.alliance-audit.yaml", display: ".alliance-audit.yaml", profile: "heilongjiang", layer, ignore: ["a"] };
    const o = applyConfig({ profile: "national", rules: { "agreement/expired": "error" }, ignore: ["b"] }, config, "/r");
    expect(o.profile).toBe("national"); // --profile replaces the config's extends …
    expect(o.configLayer).toBe(layer); // … the config's own rules still apply on top …
    expect(o.rules).toEqual({ "agreement/expired": "error" }); // … and the caller's last
    const eff = resolveSettings({ ...o, cwd: "/r" }).profile;
    expect(eff.rules["agreement/unsigned"].level).toBe("off");
    expect(eff.rules["agreement/expired"].level).toBe("error");
    expect(o.ignore).toEqual(["b", "a", "a/**"]);
    expect(resolveConfig(false, "/")).toBeUndefined();
  });
});
