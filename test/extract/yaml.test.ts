// The YAML extract writes: it parses, validates against schemas/charter.schema.json (a TODO
// placeholder is allowed where a value is TODO), quotes what plain YAML would misread, and keeps
// a hostile document's text inside its value (no injected keys, no broken comments).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { extract, writeExtract } from "../../src/extract/index.js";
import { oneLine, yamlString } from "../../src/extract/yaml-writer.js";
import { createAjv } from "../../src/schema/validators.js";
import { readDocument as readProposalFile } from "../../src/load/read.js";
import { CASES, cleanup, copyCase, readYaml, type CaseName } from "./helpers.js";

afterAll(cleanup);

const ROOT = new URL("../../", import.meta.url);

function charterValidator() {
  const schema = JSON.parse(readFileSync(new URL("schemas/charter.schema.json", ROOT), "utf8"));
  // agreement.documents is added to the schema by the documents integration (issue #10); until
  // that lands on this branch, validate with it added as documents.md §3 defines it.
  schema.properties.agreement.properties.documents ??= { type: "array", items: { type: "string" } };
  return createAjv().compile(schema);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function valueAt(data: any, pointer: string): unknown {
  return pointer.split("/").slice(1).reduce((o, k) => (o == null ? undefined : o[k.replace(/~1/g, "/").replace(/~0/g, "~")]), data);
}

describe("the charter written validates against the schema (TODO placeholders allowed)", () => {
  const validate = charterValidator();
  for (const name of Object.keys(CASES) as CaseName[]) {
    it(name, async () => {
      const dir = copyCase(name, { roster: false });
      await writeExtract(await extract({ documents: CASES[name].docs.map((d) => join(dir, d)), lang: "zh", cwd: dir }));
      const data = readYaml(join(dir, "charter.yaml"));
      validate(data);
      const real = (validate.errors ?? []).filter((e: { instancePath: string }) => valueAt(data, e.instancePath) !== "TODO");
      expect(real).toEqual([]);
      // The audit's own loaders read both files without a complaint.
      expect(readProposalFile(join(dir, "charter.yaml"), "charter").ok).toBe(true);
      expect(readProposalFile(join(dir, "members.yaml"), "members").ok).toBe(true);
    });
  }
  it("and the schema does reject a wrong value (the check is not vacuous)", () => {
    expect(validate({ schema_version: 1, alliance: { name: "x" }, agreement: { legally_binding: "maybe" } })).toBe(false);
  });
});

describe("yamlString", () => {
  it("leaves ordinary Chinese text plain", () => {
    expect(yamlString("理事会对联盟经费的使用进行监督")).toBe("理事会对联盟经费的使用进行监督");
    expect(yamlString("RV减速器整机设计")).toBe("RV减速器整机设计");
  });
  it("quotes what plain YAML would misread", () => {
    for (const s of ["yes", "true", "null", "1", "3.5", "TODO", "- item", "a: b", "x #y", "key:", "#c", "'q", "@x", "", " lead", "trail "]) {
      const out = yamlString(s);
      expect(out).not.toBe(s);
      expect(yaml.load(`v: ${out}`)).toEqual({ v: s });
    }
    expect(yamlString("2024-04-18")).toBe("'2024-04-18'");
  });
  it("escapes control characters and line separators", () => {
    for (const s of ["a\nb: c", "x\u0000y", "p\u2028q", "\u001b[31mred"]) {
      const out = yamlString(s);
      expect(out).not.toMatch(/[\n\u2028\u0000\u001b]/u);
      expect(yaml.load(`v: ${out}`)).toEqual({ v: s });
    }
  });
  it("keeps comments on one line", () => {
    expect(oneLine("a\nb\u2028c\u0007")).toBe("a b c");
  });
});

describe("a hostile document cannot inject YAML", () => {
  it("keeps colons, hashes and quotes inside the values, and keys it does not write stay out", async () => {
    const dir = copyCase("d03");
    const text = [
      "恶意测试产业技术创新战略联盟协议",
      "第一条 联盟名称为“恶意测试产业技术创新战略联盟”。",
      "第二条 成员可以退出联盟: evil: true # x \"q\" 'r'。",
      "第三条 本协议有效期为三年。",
    ].join("\n");
    writeFileSync(join(dir, "evil.txt"), text);
    const plan = await extract({ documents: [join(dir, "evil.txt")], lang: "en", cwd: dir, force: true });
    await writeExtract(plan);
    const c = readYaml(join(dir, "charter.yaml"));
    expect(c.agreement.membership.withdrawal).toBe("成员可以退出联盟: evil: true # x \"q\" 'r'");
    expect(c.evil).toBeUndefined();
    expect(c.agreement.term_years).toBe(3);
    expect(Object.keys(c).sort()).toEqual(["agreement", "alliance", "funding", "governance", "ip", "openness", "schema_version"]);
  });
});
