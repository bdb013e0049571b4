// `alliance-audit extract` at the command line (documents.md §5): what it writes, what it refuses
// (exit 2, nothing written), --members inside/outside DIR, -o elsewhere, zh/en summary. Runs the
// BUILT binary (node bin/alliance-audit.js extract …), as a secretariat would.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt } from "../helpers/cli.js";
import { cleanup, copyCase, readYaml, snapshot } from "./helpers.js";

beforeAll(ensureBuilt);
afterAll(cleanup);

describe("extract through the built CLI", () => {
  it("writes charter.yaml beside the document, linking it, and prints a summary (zh)", async () => {
    const dir = copyCase("d01");
    const r = await cli(["extract", "联盟协议书.docx", "--lang", "zh"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写入 charter.yaml");
    expect(r.stdout).toMatch(/已填写 \d+ 项：alliance\.name/);
    expect(r.stdout).toContain("待填写（TODO）1 项：alliance.lead_member");
    expect(r.stdout).toContain("下一步");
    const c = readYaml(join(dir, "charter.yaml"));
    expect(c.agreement.documents).toEqual(["联盟协议书.docx"]);
    expect(c.roster).toBeUndefined();
    // members.xlsx lies beside the document: no members.yaml.
    expect(existsSync(join(dir, "members.yaml"))).toBe(false);
  });

  it("prints the summary in English with --lang en, and writes the TODO comments in English", async () => {
    const dir = copyCase("d03");
    const r = await cli(["extract", "联盟协议.md", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote charter.yaml");
    expect(r.stdout).toMatch(/Left TODO 2: governance\.advisory_body\.name, ip\.breach_liability/);
    expect(r.stdout).not.toMatch(/[已待]/u);
    expect(readFileSync(join(dir, "charter.yaml"), "utf8")).toMatch(/advisory_body:\n {4}name: TODO {2}# no advisory body \(/);
  });

  it("writes members.yaml when no roster is given or beside the documents", async () => {
    const dir = copyCase("d02", { roster: false });
    const r = await cli(["extract", "联盟协议.docx", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote members.yaml, charter.yaml");
    expect(r.stdout).toContain("members.yaml lists the 5 parties");
    const m = readYaml(join(dir, "members.yaml"));
    expect(m.members.map((x: { id: string }) => x.id)).toEqual(["M01", "M02", "M03", "M04", "M05"]);
    expect(readYaml(join(dir, "charter.yaml")).governance.liable_entity).toBe("M01");
  });

  it("refuses to overwrite without --force (exit 2, naming the file, nothing written), and overwrites with it", async () => {
    const dir = copyCase("d01");
    writeFileSync(join(dir, "charter.yaml"), "schema_version: 1\n");
    const before = snapshot(dir);
    const r = await cli(["extract", "联盟协议书.docx", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/charter\.yaml already exists; nothing was written: add --force/);
    expect(r.stdout).toBe("");
    expect(snapshot(dir)).toEqual(before);
    const zh = await cli(["extract", "联盟协议书.docx", "--lang", "zh"], dir);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("已存在，未写入任何文件：要覆盖请加 --force");
    const f = await cli(["extract", "联盟协议书.docx", "--force"], dir);
    expect(f.code).toBe(0);
    expect(readYaml(join(dir, "charter.yaml")).alliance.name).toBe("寒地智能农机装备产业技术创新战略联盟");
  });

  it("uses a members.yaml already beside the documents instead of writing one", async () => {
    const dir = copyCase("d02", { roster: false });
    writeFileSync(join(dir, "members.yaml"), "members: []\n");
    // members.yaml is a roster beside the document now, so it is used, not rewritten.
    const used = await cli(["extract", "联盟协议.docx", "--lang", "en"], dir);
    expect(used.code).toBe(0);
    expect(readFileSync(join(dir, "members.yaml"), "utf8")).toBe("members: []\n");
    expect(used.stdout).not.toContain("members.yaml lists");
  });

  it("--members inside DIR: the charter names it in roster:, ids come from it, no members.yaml", async () => {
    const dir = copyCase("d01", { roster: false });
    copyFileSync(join(copyCase("d01"), "members.xlsx"), join(dir, "成员名单.xlsx"));
    const r = await cli(["extract", "联盟协议书.docx", "--members", "成员名单.xlsx", "--lang", "en"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const c = readYaml(join(dir, "charter.yaml"));
    expect(c.roster).toBe("成员名单.xlsx");
    expect(c.governance.liable_entity).toBe("HJ01");
    expect(existsSync(join(dir, "members.yaml"))).toBe(false);
  });

  it("--members outside DIR: exit 2 saying to copy it into DIR, nothing written", async () => {
    const dir = copyCase("d01", { roster: false });
    const other = copyCase("d01");
    const before = snapshot(dir);
    const r = await cli(["extract", "联盟协议书.docx", "--members", join(other, "members.xlsx"), "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not inside the output folder");
    expect(r.stderr).toContain("copy it into that folder");
    expect(snapshot(dir)).toEqual(before);
    const zh = await cli(["extract", "联盟协议书.docx", "--members", join(other, "members.xlsx"), "--lang", "zh"], dir);
    expect(zh.stderr).toContain("请先把它复制到该文件夹");
  });

  it("a missing document: exit 2 naming it, nothing written (even when another document is fine)", async () => {
    const dir = copyCase("d07");
    const before = snapshot(dir);
    const r = await cli(["extract", "联盟协议.pdf", "附件2-项目任务书.docx", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read the document 附件2-项目任务书.docx: the file does not exist; nothing was written");
    expect(snapshot(dir)).toEqual(before);
  });

  it("an unreadable document (a renamed .doc, a corrupt .docx): exit 2 naming it, nothing written", async () => {
    const dir = copyCase("d03");
    writeFileSync(join(dir, "联盟章程.doc"), Buffer.from("d0cf11e0a1b11ae1", "hex"));
    writeFileSync(join(dir, "坏文件.docx"), "PK\u0003\u0004 not really a zip");
    const before = snapshot(dir);
    const doc = await cli(["extract", "联盟协议.md", "联盟章程.doc", "--lang", "en"], dir);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain("cannot read the document 联盟章程.doc: a legacy Word document (.doc) cannot be read: save it as .docx");
    const bad = await cli(["extract", "坏文件.docx", "--lang", "zh"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法读取文档 坏文件.docx");
    expect(bad.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    expect(snapshot(dir)).toEqual(before);
  });

  it("-o another folder: links the documents relative to it and warns on stderr", async () => {
    const dir = copyCase("d03");
    mkdirSync(join(dir, "out"));
    const r = await cli(["extract", "联盟协议.md", "-o", "out", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("will report the links in agreement.documents as evidence/document-missing until the documents are moved to out");
    const c = readYaml(join(dir, "out", "charter.yaml"));
    expect(c.agreement.documents).toEqual(["../联盟协议.md"]);
    const zh = await cli(["extract", "联盟协议.md", "-o", "out", "--force", "--lang", "zh"], dir);
    expect(zh.stderr).toContain("evidence/document-missing");
    expect(zh.stderr).toContain("直到把文档移到 out");
  });

  it("the default folder and -o naming it say nothing on stderr", async () => {
    const dir = copyCase("d03");
    const r = await cli(["extract", "联盟协议.md", "-o", ".", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("-o a folder that does not exist: exit 2, nothing created", async () => {
    const dir = copyCase("d03");
    const r = await cli(["extract", "联盟协议.md", "-o", "nowhere", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not exist or is not a folder");
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("no document at all is a usage error", async () => {
    const dir = copyCase("d03");
    const r = await cli(["extract"], dir);
    expect(r.code).toBe(2);
  });
});
