// Citations under profiles (profiles.md, fidelity.md C2): a profile's `cite` replaces a finding's
// primary citation, which moves to the front of `alsoCites` (JSON citation.document = the source's
// title), in every format; the built-in heilongjiang profile gets C2 the same way (HLJ 第6条 first);
// `explain RULE --profile FILE` and `rules --profile FILE` show the options and citation in force.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../src/registry/index.js";
import { cli, ensureBuilt, json, ROOT } from "../helpers/cli.js";
import type { Mutation } from "../helpers/proposal.js";
import { AS_OF, auditWith, findingsOf, proposalWithProfile, Sandbox } from "./helpers.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
beforeAll(async () => {
  await ensureBuilt();
});

const N2 = { document: "国科发政〔2008〕770号", article: "第八条（二）" };
const HLJ6 = { document: "黑龙江省工作意见", article: "第6条" };
/** M04 has not signed: agreement/unsigned, a rule citing N 第八条（二） that HLJ 第6条 repeats. */
const unsigned: Mutation = {
  charter: (c) => {
    c.agreement.signatures = (c.agreement.signatures as { member: string }[]).filter((s) => s.member !== "M04");
  },
};

describe("the built-in profiles (fidelity.md C2: the same citations as before)", () => {
  it("heilongjiang cites HLJ 第6条 first and N 第八条（二） after it; national cites N alone", async () => {
    const dir = box.proposal(unsigned);
    const [hlj] = findingsOf(await auditWith(dir, "heilongjiang"), "agreement/unsigned");
    expect(hlj.citation).toEqual(HLJ6);
    expect(hlj.alsoCites).toEqual([N2]);
    const [nat] = findingsOf(await auditWith(dir, "national"), "agreement/unsigned");
    expect(nat.citation).toEqual(N2);
    expect(nat.alsoCites ?? []).toEqual([]);
  });

  it("are derived from each rule's own severity map, heilongjiang citing HLJ first wherever a rule also cites it", () => {
    for (const name of ["national", "heilongjiang"] as const) {
      const layer = registry.profiles.get(name)!.layer;
      for (const rule of registry.rules) {
        expect(layer.rules[rule.id]?.level, `${name} ${rule.id}`).toBe(rule.severity[name] ?? "off");
        const alsoHlj = rule.citation && rule.citation.doc !== "HLJ" && rule.alsoCites?.some((r) => r.doc === "HLJ");
        expect(layer.rules[rule.id]?.cite?.document === "黑龙江省工作意见", `${name} ${rule.id}`).toBe(name === "heilongjiang" && !!alsoHlj);
      }
    }
  });

  it("the rules with options are off in both built-ins", () => {
    for (const id of ["members/min-members", "members/max-members", "members/lead-in-region", "members/in-region-share", "alliance/operating-time"]) {
      for (const name of ["national", "heilongjiang"]) expect(registry.profiles.get(name)!.layer.rules[id].level, `${name} ${id}`).toBe("off");
    }
  });
});

describe("a profile's cite", () => {
  const src = "sources:\n  SX: { title: 山西省组建要求, url: https://example.org/sx }\n";
  it("under a national-rooted profile: the source first, then N (no Heilongjiang article)", async () => {
    const dir = proposalWithProfile(box, `extends: national\n${src}rules:\n  agreement/unsigned: [error, null, { cite: SX, article: 第三条 }]\n`, unsigned);
    const [f] = findingsOf(await auditWith(dir, "profile.yaml"), "agreement/unsigned");
    expect(f.citation).toEqual({ document: "山西省组建要求", article: "第三条" });
    expect(f.alsoCites).toEqual([N2]);
  });

  it("under a heilongjiang-rooted profile: the source first, then HLJ 第6条 (the primary it replaced), then N", async () => {
    const dir = proposalWithProfile(box, `extends: heilongjiang\n${src}rules:\n  agreement/unsigned: [error, null, { cite: SX }]\n`, unsigned);
    const [f] = findingsOf(await auditWith(dir, "profile.yaml"), "agreement/unsigned");
    expect(f.citation).toEqual({ document: "山西省组建要求", article: "" });
    expect(f.alsoCites).toEqual([HLJ6, N2]);
  });

  it("down a chain: each later cite pushes the one it replaced to the front of alsoCites", async () => {
    const dir = box.proposal(unsigned);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "base.yaml"), `${src}rules:\n  agreement/unsigned: [error, null, { cite: SX, article: 一 }]\n`);
    writeFileSync(join(dir, "top.yaml"), "extends: base.yaml\nsources:\n  CITY: { title: 市级通知 }\nrules:\n  agreement/unsigned: [error, null, { cite: CITY, article: 二 }]\n");
    const [f] = findingsOf(await auditWith(dir, "top.yaml"), "agreement/unsigned");
    expect(f.citation).toEqual({ document: "市级通知", article: "二" });
    expect(f.alsoCites).toEqual([{ document: "山西省组建要求", article: "一" }, N2]);
  });

  it("may name the built-in documents N and HLJ", async () => {
    const dir = proposalWithProfile(box, "rules:\n  members/max-members: [error, { max: 4 }, { cite: HLJ, article: 第6条 }]\n");
    const [f] = findingsOf(await auditWith(dir, "profile.yaml"), "members/max-members");
    expect(f.citation).toEqual(HLJ6);
    expect(f.alsoCites).toEqual([{ document: "国科发政〔2008〕770号", article: "第八条（一）" }]);
  });

  it("without cite, a profile rule cites its own clause of 第八条", async () => {
    const dir = proposalWithProfile(box, "rules:\n  members/max-members: [error, { max: 4 }]\n");
    const [f] = findingsOf(await auditWith(dir, "profile.yaml"), "members/max-members");
    expect(f.citation).toEqual({ document: "国科发政〔2008〕770号", article: "第八条（一）" });
    expect(f.alsoCites ?? []).toEqual([]);
  });
});

describe("every format shows the cited source", () => {
  const args = (format: string, lang = "en") => ["--profile", "examples/profiles/shanxi.yaml", "--as-of", AS_OF, "--lang", lang, "--format", format, "examples/compliant-national"];
  const TITLE = "山西省产业技术创新战略联盟组建要求（2023）";

  it("json: citation.document is the source's title, the replaced primary first in alsoCites", async () => {
    const r = json(await cli(args("json"), ROOT));
    const f = r.proposals[0].findings.find((x: { ruleId: string }) => x.ruleId === "members/min-members");
    expect(f.citation).toEqual({ document: TITLE, article: "核心成员单位不少于10家" });
    expect(f.alsoCites).toEqual([{ document: "国科发政〔2008〕770号", article: "第八条（一）" }]);
    expect(r.profile).toEqual({ file: "examples/profiles/shanxi.yaml", name: { zh: "山西省产业技术创新战略联盟", en: "Shanxi alliances" } });
  });

  for (const format of ["stylish", "sarif", "junit", "markdown", "html", "csv"]) {
    it(`${format} shows it before 第八条`, async () => {
      const r = await cli(args(format), ROOT);
      expect(r.code).toBe(1);
      const at = r.stdout.indexOf(TITLE);
      expect(at, format).toBeGreaterThanOrEqual(0);
      expect(r.stdout.indexOf("No. 770", at), format).toBeGreaterThan(at); // markdown escapes the brackets of "[2008]"
    });
  }

  it("stylish in Chinese: the source, then 国科发政〔2008〕770号 第八条（一）", async () => {
    const r = await cli(args("stylish", "zh"), ROOT);
    expect(r.stdout).toContain(`[${TITLE} 核心成员单位不少于10家；国科发政〔2008〕770号 第八条（一）]`);
    expect(r.stdout).toContain("规则集 山西省产业技术创新战略联盟 (examples/profiles/shanxi.yaml)");
  });
});

describe("explain and rules under a profile file", () => {
  it("explain RULE --profile FILE shows the level, options and citation in force, in English and Chinese", async () => {
    const en = await cli(["explain", "members/min-members", "--profile", "examples/profiles/shanxi.yaml", "--lang", "en"], ROOT);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Shanxi alliances (examples/profiles/shanxi.yaml): error");
    expect(en.stdout).toContain('{"core_only":true,"min":10}');
    expect(en.stdout).toContain("山西省产业技术创新战略联盟组建要求（2023）, 核心成员单位不少于10家; Guokefazheng [2008] No. 770, Art. 8(1)");
    const zh = await cli(["explain", "members/min-members", "--profile", "examples/profiles/shanxi.yaml", "--lang", "zh"], ROOT);
    expect(zh.stdout).toContain("山西省产业技术创新战略联盟 (examples/profiles/shanxi.yaml): error");
    expect(zh.stdout).toContain("山西省产业技术创新战略联盟组建要求（2023） 核心成员单位不少于10家；国科发政〔2008〕770号 第八条（一）");
  });

  it("explain under a built-in shows the rule off and no options", async () => {
    const r = await cli(["explain", "members/min-members", "--profile", "national", "--lang", "en"], ROOT);
    expect(r.stdout).not.toContain('"min"');
    expect(r.stdout).not.toContain("山西");
  });

  it("explain under heilongjiang cites HLJ 第6条 first for a rule 第6条 repeats", async () => {
    const r = await cli(["explain", "agreement/unsigned", "--profile", "heilongjiang", "--lang", "zh"], ROOT);
    expect(r.stdout).toMatch(/黑龙江省工作意见 第6条；国科发政〔2008〕770号 第八条（二）/);
  });

  it("rules --profile FILE lists the active rules with their options and citations", async () => {
    const r = await cli(["rules", "--profile", "examples/profiles/henan.yaml", "--lang", "en"], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^profile Henan alliances \(examples\/profiles\/henan\.yaml\)/);
    const row = r.stdout.split("\n").find((l) => l.includes("members/in-region-share"))!;
    expect(row).toMatch(/│ error +│/);
    expect(row).toContain('{"regions":["41"],"min_share":0.5}');
    expect(row).toContain("豫科〔2013〕146号");
    const national = await cli(["rules", "--profile", "national", "--lang", "en"], ROOT);
    const off = national.stdout.split("\n").find((l) => l.includes("members/in-region-share"));
    expect(off ?? "").not.toContain("min_share");
  });

  it("a broken profile makes explain and rules exit 2 too", async () => {
    const dir = box.dir();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "bad.yaml"), "rules:\n  members/max-members: [error, { max: x }]\n");
    for (const args of [["explain", "members/max-members"], ["rules"]]) {
      const r = await cli([...args, "--profile", "bad.yaml"], dir);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain("bad.yaml:2:39: invalid options for members/max-members");
    }
  });
});
