// file/missing and file/unreadable: a broken file is a finding (with line and column), never a crash,
// and a proposal with a missing or unreadable file gets only its file/* findings.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, auditOne, baseCharterText, baseMembers, baseMembersText, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const audit = (files: Record<string, string | Uint8Array>) => auditOne(box.files(files));

describe("file/missing", () => {
  it("a proposal folder without a membership file: only file/missing", async () => {
    const r = await audit({ "charter.yaml": baseCharterText() });
    expect(tally(r.findings)).toEqual({ "file/missing": 1 });
    expect(r.findings[0].severity).toBe("error");
    expect(r.findings[0].message).toMatch(/members\.yaml/);
    expect(r.status).toBe("unaudited");
    expect(r.name).toBe("松花江铝镁合金产业技术创新战略联盟");
  });

  it("a members file of another name does not count", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "member.yaml": baseMembersText(), "members.xls": "x" });
    expect(tally(r.findings)).toEqual({ "file/missing": 1 });
  });

  it("members.xlsx is a membership file (documents.md §1): an unreadable one is file/unreadable, not file/missing", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "members.xlsx": "x" });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
  });

  it("members.yml, members.json and members.csv are membership files", async () => {
    expect((await audit({ "charter.yaml": baseCharterText(), "members.yml": baseMembersText() })).findings).toEqual([]);
    expect((await audit({ "charter.yaml": baseCharterText(), "members.json": JSON.stringify(baseMembers()) })).findings).toEqual([]);
  });

  it("charter.yml and charter.json are charter files; two in one folder are file/ambiguous, never a silent choice", async () => {
    expect((await audit({ "charter.yml": baseCharterText(), "members.yaml": baseMembersText() })).findings).toEqual([]);
    const r = await audit({ "charter.yaml": baseCharterText(), "charter.json": "{ broken", "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/ambiguous": 1 });
    expect(r.findings[0].message).toMatch(/charter\.yaml.*charter\.json/);
    expect(r.status).toBe("unaudited");
  });
});

describe("file/unreadable", () => {
  it("a YAML syntax error: one finding with the line and column of the error, nothing else", async () => {
    const charter = "schema_version: 1\nalliance:\n  name: 联盟\n  field: [铝镁合金\nagreement:\n  legally_binding: true\n";
    const r = await audit({ "charter.yaml": charter, "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    const [f] = r.findings;
    expect(f.file).toBe("charter.yaml");
    expect(f.message).toMatch(/YAML syntax error/);
    expect(f.line).toBeGreaterThanOrEqual(4);
    expect(f.line).toBeLessThanOrEqual(5);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(r.name).toBeNull();
  });

  it("a bad indentation is reported at its line", async () => {
    const charter = "schema_version: 1\nalliance:\n  name: 联盟\n    field: x\n";
    const r = await audit({ "charter.yaml": charter, "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].line).toBe(4);
  });

  it("duplicate keys: the message names both lines, the position is the second key", async () => {
    const charter = baseCharterText().replace("  field: 铝镁合金\n", "  field: 铝镁合金\n  lead_member: M01\n");
    const r = await audit({ "charter.yaml": charter, "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    const [f] = r.findings;
    expect(f.message).toMatch(/duplicate key "lead_member" on lines 6 and 8/);
    expect([f.line, f.column]).toEqual([8, 3]);
  });

  it("a syntax error elsewhere wins over a duplicate key", async () => {
    const charter = "schema_version: 1\nalliance:\n  name: a\n  name: b\n  field: [x\n";
    const r = await audit({ "charter.yaml": charter, "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/YAML syntax error/);
  });

  it("duplicate keys in a roster entry", async () => {
    const members = baseMembersText().replace("  legal_representative: 赵敏\n", "  legal_representative: 赵敏\n  legal_representative: 钱小红\n");
    const r = await audit({ "charter.yaml": baseCharterText(), "members.yaml": members });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].file).toBe("members.yaml");
    expect(r.findings[0].message).toMatch(/duplicate key "legal_representative" on lines 28 and 29/);
    expect([r.findings[0].line, r.findings[0].column]).toEqual([29, 3]);
  });

  it.each([
    ["an empty file", ""],
    ["only spaces and newlines", "  \n\n"],
    ["only a comment", "# 待填写\n"],
  ])("%s is unreadable", async (_what, text) => {
    const r = await audit({ "charter.yaml": text, "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/empty/);
    expect([r.findings[0].line, r.findings[0].column]).toEqual([1, 1]);
  });

  it("a top-level list is unreadable", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "members.yaml": "- id: M01\n  name: 松花江铝业股份有限公司\n" });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].file).toBe("members.yaml");
    expect(r.findings[0].message).toMatch(/top level must be a mapping/);
    expect(r.findings[0].message).toMatch(/a list/);
  });

  it("a top-level scalar is unreadable", async () => {
    const r = await audit({ "charter.yaml": "联盟章程见附件\n", "members.yaml": baseMembersText() });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/top level/);
  });

  it("a JSON top-level array is unreadable", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "members.json": JSON.stringify(baseMembers().members) });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/JSON object/);
  });

  it("one finding per file: both files broken give two", async () => {
    const r = await audit({ "charter.yaml": "a: [\n", "members.json": "{,}" });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 2 });
    expect(r.findings.map((f) => f.file).sort()).toEqual(["charter.yaml", "members.json"]);
  });

  it("an unreadable charter and no roster: both file findings", async () => {
    const r = await audit({ "charter.yaml": "a: [\n" });
    expect(tally(r.findings)).toEqual({ "file/missing": 1, "file/unreadable": 1 });
  });

  it("a binary file is unreadable, not parsed", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "members.yaml": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]) });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/binary/);
  });

  it("bytes that are neither UTF-8 nor GB18030 are unreadable", async () => {
    const r = await audit({ "charter.yaml": baseCharterText(), "members.yaml": new Uint8Array([0x6d, 0x3a, 0x20, 0xff, 0xff, 0x0a]) });
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/decode/);
  });

  it("a folder named members.yaml is unreadable, not a crash", async () => {
    const dir = box.files({ "charter.yaml": baseCharterText(), "members.yaml/readme.txt": "x" });
    const r = await auditOne(dir);
    expect(tally(r.findings)).toEqual({ "file/unreadable": 1 });
    expect(r.findings[0].message).toMatch(/folder/);
  });
});
