// `alliance-audit init [dir]`: a complete, compliant starter proposal in either profile and
// language, with a yaml-language-server schema line; never overwrites without --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { initProposal, packageSchemasDir, schemaRef } from "../../src/init.js";
import { TEMPLATE_CREDIT_CODES } from "../../src/init/templates.js";
import { creditCodeProblem } from "../../src/model/credit-code.js";
import type { Lang, Profile } from "../../src/types.js";
import { Sandbox } from "../helpers/proposal.js";
import { ROOT, cli, json } from "../config/run-cli.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const PROFILES: Profile[] = ["national", "heilongjiang"];
const LANGS: Lang[] = ["zh", "en"];
const combos = PROFILES.flatMap((profile) => LANGS.map((lang) => [profile, lang] as const));

describe("the template", () => {
  it.each(combos)("%s/%s audits clean in both profiles apart from init/template-unchanged (a warning)", async (profile, lang) => {
    const dir = box.dir();
    const result = initProposal({ dir, profile, lang });
    expect(result.files.map((f) => f.split("/").pop())).toEqual(["charter.yaml", "members.yaml"]);
    for (const p of PROFILES) {
      const report = await audit({ paths: [dir], cwd: dir, profile: p, lang, jobs: 1 }); // as of today
      const findings = report.proposals[0].findings;
      expect(findings.map((f) => [f.ruleId, f.severity, f.file.split("/").pop(), f.pointer]), `${profile}/${lang} template audited as ${p}`).toEqual([
        ["init/template-unchanged", "warning", "charter.yaml", "/alliance/name"],
      ]);
      expect(findings[0].message).toMatch(lang === "zh" ? /^章程仍是 alliance-audit init 生成的示例/ : /^the charter is still the example written by alliance-audit init/);
      expect(findings[0].citation).toBeUndefined(); // a tool rule: no policy clause
      expect(report.proposals[0].status).toBe("pass");
      expect(report.proposals[0].suppressed).toBeUndefined();
    }
  });

  it.each(combos)("%s/%s explains each section and its clause in the chosen language", (profile, lang) => {
    const dir = box.dir();
    initProposal({ dir, profile, lang });
    const charter = readFileSync(join(dir, "charter.yaml"), "utf8");
    const members = readFileSync(join(dir, "members.yaml"), "utf8");
    const clauses = lang === "zh" ? ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"] : ["Art. 8(1)", "Art. 8(2)", "Art. 8(3)", "Art. 8(4)", "Art. 8(5)", "Art. 8(6)"];
    expect(members).toContain(clauses[0]);
    for (const c of clauses.slice(1)) expect(charter).toContain(c);
    const hlj = lang === "zh" ? ["第5条", "第6条", "第7条"] : ["Art. 5", "Art. 6", "Art. 7"];
    for (const c of hlj.slice(0, 2)) expect(charter.includes(c)).toBe(profile === "heilongjiang");
    expect(members.includes(hlj[2])).toBe(profile === "heilongjiang");
    const comments = (t: string) => t.split("\n").filter((l) => l.trimStart().startsWith("#")).join("\n");
    if (lang === "zh") expect(comments(charter)).toMatch(/联盟协议/);
    else expect(comments(charter)).not.toMatch(/联盟协议|决策机构|条件/);
    expect(charter).toContain(`alliance-audit --profile ${profile} ${dir}`);
    // Every section of the data model is filled in.
    const data = yaml.load(charter, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(["schema_version", "alliance", "agreement", "governance", "funding", "ip", "openness"]);
    expect(charter).not.toMatch(/\{\{|@N |@HLJ /);
  });

  it("starts with a yaml-language-server line pointing at the package's schemas", () => {
    const dir = box.dir();
    initProposal({ dir, lang: "en" });
    for (const [file, schema] of [["charter.yaml", "charter.schema.json"], ["members.yaml", "members.schema.json"]]) {
      const first = readFileSync(join(dir, file), "utf8").split("\n")[0];
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, first).not.toBeNull();
      expect(m![1]).toBe(join(ROOT, "schemas", schema)); // a checkout: the absolute path
      expect(existsSync(resolve(dir, m![1]))).toBe(true);
    }
    expect(packageSchemasDir()).toBe(join(ROOT, "schemas") + "/");
  });

  it("points relative to the file when the package is in the node_modules of the project holding it", () => {
    const schema = "/home/u/project/node_modules/alliance-audit/schemas/charter.schema.json";
    expect(schemaRef(schema, "/home/u/project/proposals/al-mg")).toBe("../../node_modules/alliance-audit/schemas/charter.schema.json");
    expect(schemaRef(schema, "/home/u/project")).toBe("node_modules/alliance-audit/schemas/charter.schema.json");
    // npx's cache or a global install is not part of the project: absolute.
    expect(schemaRef("/home/u/.npm/_npx/1a2b/node_modules/alliance-audit/schemas/charter.schema.json", "/home/u/project")).toBe(
      "/home/u/.npm/_npx/1a2b/node_modules/alliance-audit/schemas/charter.schema.json",
    );
    expect(schemaRef("/opt/alliance-audit/schemas/charter.schema.json", "/home/u/project")).toBe("/opt/alliance-audit/schemas/charter.schema.json");
    // and the relative path resolves from the written file's folder, as yaml-language-server does
    const dir = box.dir("project/proposals/x");
    const fakeSchemas = join(box.root, "project", "node_modules", "alliance-audit", "schemas");
    mkdirSync(fakeSchemas, { recursive: true });
    initProposal({ dir, lang: "en", schemasDir: fakeSchemas });
    const ref = readFileSync(join(dir, "charter.yaml"), "utf8").split("\n")[0].split("$schema=")[1];
    expect(ref).toBe("../../node_modules/alliance-audit/schemas/charter.schema.json");
    expect(resolve(dir, ref)).toBe(join(fakeSchemas, "charter.schema.json"));
  });

  it("uses valid credit codes and a 3-year term from the given date, also from a 29 February", async () => {
    for (const code of TEMPLATE_CREDIT_CODES) expect(creditCodeProblem(code)).toBeUndefined();
    const dir = box.dir();
    initProposal({ dir, lang: "zh", profile: "heilongjiang", today: "2028-02-29" });
    const charter = readFileSync(join(dir, "charter.yaml"), "utf8");
    expect(charter).toContain("expiry_date: '2031-02-28'");
    const report = await audit({ paths: [dir], cwd: dir, profile: "heilongjiang", asOf: "2028-03-01", jobs: 1 });
    expect(report.proposals[0].findings.map((f) => f.ruleId)).toEqual(["init/template-unchanged"]);
  });
});

describe("alliance-audit init", () => {
  it("writes into a new folder, and the audit of it exits 0 in both profiles", () => {
    const root = box.dir("cli");
    const r = cli(["init", "new/alliance", "--profile", "heilongjiang", "--lang", "zh"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成 new/alliance/charter.yaml、new/alliance/members.yaml 和 new/alliance/.alliance-audit.yaml（规则集 heilongjiang）");
    for (const p of PROFILES) {
      const a = cli(["new/alliance", "--profile", p, "--format", "json"], root);
      expect(a.code).toBe(0);
      expect(json(a).summary).toMatchObject({ proposals: 1, passed: 1, error: 0, warning: 1, info: 0 });
    }
    const en = cli(["init", "en"], root, { LANG: "en_GB.UTF-8" });
    expect(en.stdout).toMatch(/^Wrote en\/charter\.yaml and en\/members\.yaml \(profile national\)/);
    expect(cli(["init"], join(root, "en"), {}).code).toBe(2); // default folder: the current one
  });

  it("refuses to overwrite (exit 2, naming the file) unless --force", () => {
    const dir = box.dir("exists");
    writeFileSync(join(dir, "members.yaml"), "members: []\n");
    const r = cli(["init", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("alliance-audit: members.yaml already exists; init does not overwrite files (use --force to overwrite)\n");
    expect(existsSync(join(dir, "charter.yaml"))).toBe(false); // nothing half-written
    expect(readFileSync(join(dir, "members.yaml"), "utf8")).toBe("members: []\n");
    const zh = cli(["init", ".", "--lang", "zh"], dir);
    expect(zh.stderr).toContain("members.yaml 已存在，init 不会覆盖已有文件；确需覆盖请加 --force");

    // Another charter name counts too: a new charter.yaml would shadow it.
    const other = box.dir("other");
    writeFileSync(join(other, "charter.json"), "{}");
    expect(cli(["init", "other"], dirname(other)).stderr).toContain("other/charter.json already exists");

    const forced = cli(["init", ".", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "members.yaml"), "utf8")).toMatch(/^# yaml-language-server/);
    expect(cli([".", "--format", "json"], dir).code).toBe(0);
  });

  it("rejects a bad profile or language (exit 2)", () => {
    const dir = box.dir("bad");
    expect(cli(["init", "--profile", "shanghai"], dir).code).toBe(2);
    expect(cli(["init", "--lang", "fr"], dir).code).toBe(2);
    expect(existsSync(join(dir, "charter.yaml"))).toBe(false);
  });
});

describe("init/template-unchanged", () => {
  const edited = async (lang: Lang, edit: (charter: string) => string) => {
    const dir = box.dir();
    initProposal({ dir, lang, profile: "national" });
    const file = join(dir, "charter.yaml");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    const report = await audit({ paths: [dir], cwd: dir, profile: "national", lang, jobs: 1 });
    return report.proposals[0].findings.map((f) => f.ruleId);
  };
  const renamed = (t: string) => t.replace(/^( {2}name: )示例先进金属材料产业技术创新战略联盟/m, "$1松花江铝镁合金产业技术创新战略联盟");
  const unmarked = (t: string) => t.replace(/^# alliance-audit:init-template.*\n/m, "");

  it.each(LANGS)("fires on the untouched template (%s), and not once the name is changed or the marker line deleted", async (lang) => {
    expect(await edited(lang, (t) => t)).toEqual(["init/template-unchanged"]);
    expect(await edited(lang, renamed)).toEqual([]);
    expect(await edited(lang, unmarked)).toEqual([]);
    expect(await edited(lang, (t) => unmarked(renamed(t)))).toEqual([]);
  });

  it("needs the marker as a comment of its own word, not a value that mentions it", async () => {
    const asValue = (t: string) => unmarked(t).replace(/^( {2}field: ).*$/m, "$1'alliance-audit:init-template'");
    expect(await edited("en", asValue)).toEqual([]);
    const inline = (t: string) => unmarked(t).replace(/^( {2}lead_member: M01).*$/m, "$1  # alliance-audit:init-template");
    expect(await edited("en", inline)).toEqual(["init/template-unchanged"]);
  });

  it("is a warning in both profiles with zh and en texts, and `explain` knows it", () => {
    const r = cli(["explain", "init/template-unchanged", "--lang", "zh"], box.dir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("national: warning · heilongjiang: warning");
    expect(r.stdout).toContain("仍是 init 生成的示例");
  });
});

describe("init --profile remembers the profile in .alliance-audit.yaml", () => {
  it("writes the config with --profile (and --lang), and an audit in that folder uses it", () => {
    const root = box.dir("remember");
    const r = cli(["init", "a", "--profile", "heilongjiang", "--lang", "zh_CN"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a/.alliance-audit.yaml 记住了规则集 heilongjiang");
    const config = readFileSync(join(root, "a", ".alliance-audit.yaml"), "utf8");
    expect(config).toMatch(/^profile: heilongjiang\b/m);
    expect(config).toMatch(/^lang: zh$/m);
    const audit = cli(["--format", "json"], join(root, "a"));
    expect(json(audit).profile).toBe("heilongjiang");
    expect(json(audit).config).toBe(".alliance-audit.yaml");
    expect(json(audit).proposals[0].findings[0].message).toMatch(/^章程仍是/); // lang: zh remembered
  });

  it("writes no config without --profile", () => {
    const root = box.dir("no-remember");
    expect(cli(["init", "b"], root).code).toBe(0);
    expect(existsSync(join(root, "b", ".alliance-audit.yaml"))).toBe(false);
  });

  it("never overwrites a config without --force (nothing else is written either)", () => {
    const dir = box.dir("keep-config");
    writeFileSync(join(dir, ".alliance-audit.yaml"), "profile: national\n");
    const r = cli(["init", ".", "--profile", "heilongjiang"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".alliance-audit.yaml already exists");
    expect(readFileSync(join(dir, ".alliance-audit.yaml"), "utf8")).toBe("profile: national\n");
    expect(existsSync(join(dir, "charter.yaml"))).toBe(false);
    expect(cli(["init", ".", "--profile", "heilongjiang", "--force"], dir).code).toBe(0);
    expect(readFileSync(join(dir, ".alliance-audit.yaml"), "utf8")).toMatch(/^profile: heilongjiang/m);
  });
});

describe("the template shows the revision-2 fields, commented out", () => {
  it.each(combos)("%s/%s", (profile, lang) => {
    const dir = box.dir();
    initProposal({ dir, profile, lang });
    const charter = readFileSync(join(dir, "charter.yaml"), "utf8");
    const members = readFileSync(join(dir, "members.yaml"), "utf8");
    for (const f of ["roster", "first_signed_date", "auto_renewal_years", "kind", "host_unit", "custodian_unit"]) expect(charter, f).toMatch(new RegExp(`^\\s*# ${f}: `, "m"));
    for (const f of ["core", "former_legal_representatives", "status", "withdrawn_date"]) expect(members, f).toMatch(new RegExp(`^\\s*# ${f}: `, "m"));
    expect(members).toMatch(/country/);
    expect(members).toMatch(/registration_no/);
    // Uncommented, each one is valid YAML in place (the indentation of the comment is the field's).
    const data = yaml.load(charter.replace(/^(\s*)# (roster|first_signed_date|auto_renewal_years): /gm, "$1$2: "), { schema: yaml.CORE_SCHEMA }) as Record<string, Record<string, unknown>>;
    expect(data.roster).toBe("成员名单.xlsx");
    expect(data.agreement.auto_renewal_years).toBe(3);
  });
});
