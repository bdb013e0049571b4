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
  it.each(combos)("%s/%s audits clean in both profiles, with no finding at all", async (profile, lang) => {
    const dir = box.dir();
    const result = initProposal({ dir, profile, lang });
    expect(result.files.map((f) => f.split("/").pop())).toEqual(["charter.yaml", "members.yaml"]);
    for (const p of PROFILES) {
      const report = await audit({ paths: [dir], cwd: dir, profile: p, lang, jobs: 1 }); // as of today
      expect(report.proposals[0].findings, `${profile}/${lang} template audited as ${p}`).toEqual([]);
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
    expect(report.proposals[0].findings).toEqual([]);
  });
});

describe("alliance-audit init", () => {
  it("writes into a new folder, and the audit of it exits 0 in both profiles", () => {
    const root = box.dir("cli");
    const r = cli(["init", "new/alliance", "--profile", "heilongjiang", "--lang", "zh"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成 new/alliance/charter.yaml 和 new/alliance/members.yaml（规则集 heilongjiang）");
    for (const p of PROFILES) {
      const a = cli(["new/alliance", "--profile", p, "--format", "json"], root);
      expect(a.code).toBe(0);
      expect(json(a).summary).toMatchObject({ proposals: 1, passed: 1, error: 0, warning: 0, info: 0 });
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
