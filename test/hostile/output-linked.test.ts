// Issue #12 item 3, for the files a charter names: `-o` (and a baseline being written) never
// overwrites the roster a charter names with `roster:` nor a document it links in
// `agreement.documents` — `-o 联盟协议.docx` replaced the signed agreement with a report.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { AS_OF, Sandbox, charterText, cli, expectUnchanged, membersText, replaceOnce, snapshot } from "./helpers.js";

const box = new Sandbox("alliance-audit-output-linked-");
const AGREEMENT = "# 联盟协议\n\n第一条 本协议由全体成员单位共同签署。\n";

beforeAll(async () => {
  await ensureBuilt();
  let charter = replaceOnce(charterText(), "schema_version: 1\n", "schema_version: 1\nroster: 成员名单.yaml\n");
  charter = replaceOnce(charter, "agreement:\n", "agreement:\n  documents:\n    - 联盟协议.md\n    - sub/附件.txt\n");
  box.proposal("p", { "charter.yaml": charter, "members.yaml": null, "成员名单.yaml": membersText(), "联盟协议.md": AGREEMENT, "sub/附件.txt": "附件一\n" });
  box.write(".", { "other.yaml": membersText() });
});
afterAll(() => box.cleanup());

describe("-o never replaces a file the charter names", () => {
  for (const [file, role, roleZh] of [
    ["p/联盟协议.md", "a document a proposal links", "申报材料链接的协议文档"],
    ["p/sub/附件.txt", "a document a proposal links", "申报材料链接的协议文档"],
    ["p/成员名单.yaml", "a proposal's roster", "申报材料的成员名单"],
  ]) {
    it(`${file}: exit 2 naming it as ${role} (en, zh), nothing changed`, async () => {
      const before = snapshot(box.root);
      const en = await cli(["p", "--as-of", AS_OF, "--lang", "en", "-o", file], box.root);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(`-o ${file} is ${role}`);
      const zh = await cli(["p", "--as-of", AS_OF, "--lang", "zh", "-o", `./${file}`], box.root);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain(`-o ./${file} 是${roleZh}`);
      expectUnchanged(before, snapshot(box.root));
    });
  }

  it("the roster a charter names stays protected when --members is given for this run", async () => {
    const r = await cli(["p", "--members", "other.yaml", "--as-of", AS_OF, "-o", "p/成员名单.yaml"], box.root);
    expect(r.code).toBe(2);
    expect(readFileSync(box.path("p", "成员名单.yaml"), "utf8")).toBe(membersText());
  });

  it("a baseline being written is checked the same way", async () => {
    const r = await cli(["p", "--as-of", AS_OF, "--baseline", "p/联盟协议.md", "--update-baseline"], box.root);
    expect(r.code).toBe(2);
    expect(readFileSync(box.path("p", "联盟协议.md"), "utf8")).toBe(AGREEMENT);
  });

  it("another name in the folder is written (the check does not fire)", async () => {
    const r = await cli(["p", "--as-of", AS_OF, "--format", "json", "-o", "p/report.json"], box.root);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(readFileSync(box.path("p", "report.json"), "utf8")).proposals).toHaveLength(1);
  });
});
