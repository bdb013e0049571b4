// Profile files (profiles.md "A profile is a config file that others can share"): `extends` a
// built-in, a file, or a chain of files with relative paths resolved from each file's folder; a
// cycle is exit 2 naming the files; every mistake is exit 2 naming file:line:column and what is
// accepted; a profile without `name` is named after its file. Run through the built CLI.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, json } from "../helpers/cli.js";
import { AS_OF, put, Sandbox } from "./helpers.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
beforeAll(async () => {
  await ensureBuilt();
});

/** Audit `proposal` (relative to `cwd`) as JSON under `--profile spec`. */
const auditJson = (cwd: string, spec: string, proposal = "p", lang = "en") => cli(["--format", "json", "--as-of", AS_OF, "--lang", lang, "--profile", spec, proposal], cwd);
const rulesFired = (r: { stdout: string }) => (json(r as never).proposals[0].findings as { ruleId: string }[]).map((f) => f.ruleId).sort();

describe("extends", () => {
  it("a built-in: national or heilongjiang, with the profile's rules on top", async () => {
    const dir = box.proposal();
    put(dir, "nat.yaml", "extends: national\nrules:\n  members/max-members: [error, { max: 4 }]\n");
    put(dir, "hlj.yaml", "extends: heilongjiang\nrules:\n  members/max-members: [error, { max: 4 }]\n  members/provincial-institute: off\n");
    const nat = json(await auditJson(dir, "nat.yaml", "."));
    expect(nat.proposals[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["members/max-members"]);
    // Heilongjiang's own rules still apply: an expired agreement on 2028-01-01 is an error there.
    const hlj = json(await cli(["--format", "json", "--as-of", "2028-01-01", "--profile", "hlj.yaml", "."], dir));
    const ids = hlj.proposals[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain("members/max-members");
    expect(ids).toContain("agreement/expired");
    expect(hlj.proposals[0].findings.find((f: { ruleId: string }) => f.ruleId === "agreement/expired").severity).toBe("error");
  });

  it("without extends, a profile extends national", async () => {
    // Without M03's provincial_institute flag, heilongjiang (第7条) says so as info; national does not.
    const dir = box.proposal({ members: (r) => delete (r.members as { provincial_institute?: boolean }[])[2].provincial_institute });
    put(dir, "bare.yaml", "rules:\n  members/max-members: [error, { max: 4 }]\n");
    put(dir, "hlj.yaml", "extends: heilongjiang\nrules:\n  members/max-members: [error, { max: 4 }]\n");
    expect(rulesFired(await auditJson(dir, "bare.yaml", "."))).toEqual(["members/max-members"]);
    expect(rulesFired(await auditJson(dir, "hlj.yaml", "."))).toEqual(["members/max-members", "members/provincial-institute"]);
  });

  it("a chain of files, each relative path resolved from its own file's folder; later settings win", async () => {
    const root = box.dir();
    const proposal = box.proposal();
    put(root, "org/base.yaml", "extends: national\nrules:\n  members/max-members: [error, { max: 4 }]\n  members/min-members: [error, { min: 9 }]\n");
    put(root, "org/sub/middle.yaml", "extends: ../base.yaml\nrules:\n  members/max-members: [warning, { max: 3 }]\n");
    put(root, "team/top.yaml", "extends: ../org/sub/middle.yaml\nname: { zh: 顶层, en: Top }\nrules:\n  members/min-members: off\n");
    const r = await auditJson(proposal, join(root, "team/top.yaml"), ".");
    const findings = json(r).proposals[0].findings;
    expect(findings.map((f: { ruleId: string; severity: string; data: { max: number } }) => [f.ruleId, f.severity, f.data.max])).toEqual([["members/max-members", "warning", 3]]);
    expect(json(r).profile.name).toEqual({ zh: "顶层", en: "Top" });
  });

  it("a profile's extends names a file relative to the profile, not to the cwd", async () => {
    const root = box.dir();
    put(root, "profiles/a.yaml", "extends: b.yaml\n");
    put(root, "profiles/b.yaml", "rules:\n  members/max-members: [error, { max: 1 }]\n");
    put(root, "b.yaml", "rules:\n  members/max-members: off\n"); // a decoy beside the cwd
    const dir = box.proposal();
    const r = await cli(["--format", "json", "--as-of", AS_OF, "--profile", join(root, "profiles/a.yaml"), dir], root);
    expect(rulesFired(r)).toEqual(["members/max-members"]);
  });

  it("a cycle is exit 2 naming the files, in English and Chinese", async () => {
    const root = box.dir();
    put(root, "a.yaml", "extends: sub/b.yaml\n");
    put(root, "sub/b.yaml", "extends: ../a.yaml\n");
    box.proposal({}, "cyc");
    const r = await cli(["--profile", "a.yaml", join(box.root, "cyc")], root);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("the profiles' extends chain is a cycle: a.yaml -> sub/b.yaml -> a.yaml");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const zh = await cli(["--lang", "zh", "--profile", "a.yaml", join(box.root, "cyc")], root);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("规则集的 extends 形成循环：a.yaml → sub/b.yaml → a.yaml");
  });

  it("a profile extending itself is a cycle too", async () => {
    const root = box.dir();
    put(root, "self.yaml", "extends: ./self.yaml\n");
    const r = await cli(["--profile", "self.yaml", "."], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cycle: self.yaml -> self.yaml");
  });

  it("a chain longer than 32 files is exit 2 (bounded like every input); 32 are followed", async () => {
    const root = box.dir();
    for (let i = 0; i < 40; i++) put(root, `c${i}.yaml`, i === 39 ? "rules: {}\n" : `extends: c${i + 1}.yaml\n`);
    const long = await cli(["--profile", "c0.yaml", "."], root);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("the profiles' extends chain is longer than 32 files (up to c32.yaml); shorten it");
    const dir = box.proposal();
    const ok = await cli(["--as-of", AS_OF, "--profile", join(root, "c8.yaml"), "."], dir);
    expect(ok.code).toBe(0);
  });

  it("a missing file in the chain is exit 2 naming it", async () => {
    const root = box.dir();
    put(root, "a.yaml", "extends: ./gone.yaml\n");
    const r = await cli(["--profile", "a.yaml", "."], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("profile ./gone.yaml not found");
    const typo = await cli(["--profile", "nationl", "."], root);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("profile nationl not found: it is neither a built-in profile (national, heilongjiang) nor an existing file");
  });
});

describe("mistakes are exit 2 naming file:line:column and what is accepted", () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ["a config key in a profile (lang)", "extends: national\nlang: zh\n", /bad\.yaml:2:1: a profile cannot hold the key "lang" \(the keys are extends, name, sources, rules; lang, failOn and ignore belong in the config file\)/, /bad\.yaml:2:1：规则集文件不能有键“lang”/],
    ["a config key in a profile (failOn)", "failOn: warning\n", /bad\.yaml:1:1: a profile cannot hold the key "failOn"/, /bad\.yaml:1:1：规则集文件不能有键“failOn”/],
    ["a config key in a profile (ignore)", "rules: {}\nignore: [a]\n", /bad\.yaml:2:1: a profile cannot hold the key "ignore"/, /bad\.yaml:2:1/],
    ["profile: in a profile", "profile: national\n", /bad\.yaml:1:1: use extends \(profile: is the config file's older spelling of it\)/, /bad\.yaml:1:1：请用 extends（profile: 是配置文件中 extends 的旧写法）/],
    ["an unknown key", "extends: national\nrulez: {}\n", /bad\.yaml:2:1: a profile cannot hold the key "rulez"/, /bad\.yaml:2:1/],
    ["an unknown rule id", "rules:\n  members/min-member: error\n", /bad\.yaml:2:3: unknown rule "members\/min-member" under rules; did you mean members\/min-members\?/, /bad\.yaml:2:3：rules 下的规则“members\/min-member”不存在，是否指 members\/min-members？/],
    ["a level of the wrong word", "rules:\n  members/max-members: [fatal, { max: 3 }]\n", /bad\.yaml:2:25: invalid severity "fatal" for rules\.members\/max-members \(choose off, info, warning or error\)/, /bad\.yaml:2:25：规则 members\/max-members 的级别 "fatal" 无效（可选 off、info、warning、error）/],
    ["a level of the wrong type", "rules:\n  members/max-members: 2\n", /bad\.yaml:2:24: invalid severity "2"/, /bad\.yaml:2:24/],
    ["an option of the wrong type", "rules:\n  members/max-members: [error, { max: \"30\" }]\n", /bad\.yaml:2:39: invalid options for members\/max-members: max must be a whole number; accepted: \{ max: a whole number ≥ 1 \}/, /bad\.yaml:2:39：规则 members\/max-members 的选项有误：max 应为整数；可用的选项：\{ max: 正整数 \}/],
    ["a boolean option of the wrong type", "rules:\n  members/min-members: [error, { min: 10, core_only: \"yes\" }]\n", /bad\.yaml:2:54: invalid options for members\/min-members: core_only must be true or false/, /core_only 应为true 或 false/],
    ["an unknown option", "rules:\n  members/min-members: [error, { min: 10, core: true }]\n", /bad\.yaml:2:32: invalid options for members\/min-members: unknown option "core"; accepted: \{ min: a whole number ≥ 1, core_only: true or false \}/, /未知的选项“core”/],
    ["a region of the wrong form", "rules:\n  members/lead-in-region: [error, { regions: [\"140\"] }]\n", /bad\.yaml:2:47: invalid options for members\/lead-in-region: regions\.0 has the wrong form \(2, 4 or 6 digits\)/, /regions\.0 格式不符/],
    ["a share above 1", "rules:\n  members/in-region-share: [error, { regions: [\"41\"], min_share: 1.5 }]\n", /bad\.yaml:2:66: invalid options for members\/in-region-share: min_share must be <= 1/, /min_share 应 <= 1/],
    ["min_years above max_years", "rules:\n  agreement/term: [error, { min_years: 6, max_years: 4 }]\n", /bad\.yaml:2:40: invalid options for agreement\/term: min_years \(6\) is greater than max_years \(4\)/, /min_years（6）大于 max_years（4）/],
    ["options for a rule without any", "rules:\n  agreement/unsigned: [error, { min: 1 }]\n", /bad\.yaml:2:31: agreement\/unsigned takes no options/, /规则 agreement\/unsigned 没有选项/],
    ["a rule turned on without its required options", "rules:\n  members/lead-in-region: error\n", /bad\.yaml:2:3: members\/lead-in-region is turned on without its option regions, so it would check nothing/, /bad\.yaml:2:3：规则 members\/lead-in-region 已启用但缺少选项 regions/],
    ["a cite naming an unknown source", "sources:\n  SX: { title: 山西 }\nrules:\n  members/max-members: [error, { max: 3 }, { cite: SX2023 }]\n", /bad\.yaml:4:52: unknown source "SX2023" \(known: SX, N, HLJ; define it under sources\)/, /未知的来源“SX2023”（可用：SX、N、HLJ；请在 sources 中定义）/],
    ["a cite with an unknown key", "rules:\n  members/max-members: [error, { max: 3 }, { cite: N, clause: 1 }]\n", /bad\.yaml:2:44: the citation of members\/max-members must be \{ cite: a source id, article\?: the article \}/, /依据应为/],
    ["a source without a title", "sources:\n  SX: { url: https://example.org }\n", /bad\.yaml:2:7: the source SX must be \{ title: the document's title, url\?: its address \}/, /来源 SX 应为/],
    ["a source id taken by a built-in document", "sources:\n  N: { title: x }\n", /bad\.yaml:2:3: the source id N is taken by a built-in document/, /来源编号 N 已由内置文件使用/],
    ["a name of the wrong shape", "name: { zh: 山西 }\n", /bad\.yaml:1:7: name must be text, or \{ zh: Chinese name, en: English name \}/, /name 应为文本/],
    ["extends of the wrong type", "extends: [national]\n", /bad\.yaml:1:10: extends must be a built-in profile \(national, heilongjiang\) or the path of a profile file/, /extends 应为内置规则集名称/],
    ["a file/ rule turned off", "rules:\n  file/missing: off\n", /bad\.yaml:2:17: file\/missing cannot be turned off/, /不能关闭/],
    ["a YAML syntax error", "rules: [\n", /bad\.yaml:\d+:\d+: /, /bad\.yaml:\d+:\d+/],
  ];
  for (const [what, text, en, zh] of cases) {
    it(what, async () => {
      const dir = box.proposal();
      put(dir, "bad.yaml", text);
      const r = await cli(["--profile", "bad.yaml", "--lang", "en", "."], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(en);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const z = await cli(["--profile", "bad.yaml", "--lang", "zh", "."], dir);
      expect(z.code).toBe(2);
      expect(z.stderr).toMatch(zh);
    });
  }

  it("a mistake in a file further down the chain names that file", async () => {
    const root = box.dir();
    put(root, "top.yaml", "extends: lib/base.yaml\n");
    put(root, "lib/base.yaml", "rules:\n  members/max-members: [error, { max: 0 }]\n");
    const r = await cli(["--profile", "top.yaml", "."], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/profile lib\/base\.yaml:2:39: invalid options for members\/max-members: max must be >= 1/);
  });

  it("a rule's options set lower in the chain are kept when a later file changes only its level", async () => {
    const root = box.dir();
    put(root, "base.yaml", "rules:\n  members/max-members: [error, { max: 4 }]\n");
    put(root, "top.yaml", "extends: base.yaml\nrules:\n  members/max-members: warning\n");
    const dir = box.proposal();
    const r = await cli(["--format", "json", "--as-of", AS_OF, "--profile", join(root, "top.yaml"), "."], dir);
    expect(json(r).proposals[0].findings.map((f: { severity: string; data: { max: number } }) => [f.severity, f.data.max])).toEqual([["warning", 4]]);
  });
});

describe("naming", () => {
  it("a profile without name is named after its file; with name, by it", async () => {
    const dir = box.proposal();
    put(dir, "my-rules.yaml", "rules:\n  members/provincial-institute: off\n");
    put(dir, "named.yaml", "name: 我的规则\nrules:\n  members/provincial-institute: off\n");
    const anon = await cli(["--format", "json", "--as-of", AS_OF, "--profile", "my-rules.yaml", "."], dir);
    expect(json(anon).profile).toEqual({ file: "my-rules.yaml", name: { zh: "my-rules.yaml", en: "my-rules.yaml" } });
    const named = await cli(["--format", "json", "--as-of", AS_OF, "--profile", "named.yaml", "."], dir);
    expect(json(named).profile).toEqual({ file: "named.yaml", name: { zh: "我的规则", en: "我的规则" } });
    const stylish = await cli(["--as-of", AS_OF, "--lang", "en", "--profile", "named.yaml", "."], dir);
    expect(stylish.stdout).toContain("profile 我的规则 (named.yaml); config none;");
  });

  it("the JSON report's profile is the file relative to the cwd", async () => {
    const root = box.dir();
    put(root, "profiles/sx.yaml", "name: { zh: 山西, en: Shanxi }\n");
    const dir = box.proposal();
    const r = await cli(["--format", "json", "--as-of", AS_OF, "--profile", "profiles/sx.yaml", dir], root);
    expect(json(r).profile).toEqual({ file: "profiles/sx.yaml", name: { zh: "山西", en: "Shanxi" } });
  });

  it("a built-in is named by its name", async () => {
    const dir = box.proposal();
    expect(json(await cli(["--format", "json", "--as-of", AS_OF, "--profile", "heilongjiang", "."], dir)).profile).toBe("heilongjiang");
    expect(json(await cli(["--format", "json", "--as-of", AS_OF, "."], dir)).profile).toBe("national");
  });

  it("a JSON profile file works like a YAML one, with positions in its errors", async () => {
    const dir = box.proposal();
    put(dir, "p.json", '{\n  "extends": "national",\n  "rules": { "members/max-members": ["error", { "max": 4 }] }\n}\n');
    expect(rulesFired(await cli(["--format", "json", "--as-of", AS_OF, "--profile", "p.json", "."], dir))).toEqual(["members/max-members"]);
    put(dir, "q.json", '{\n  "rules": { "members/max-members": ["error", { "max": -1 }] }\n}\n');
    const r = await cli(["--profile", "q.json", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/q\.json:2:\d+: invalid options for members\/max-members/);
  });
});
