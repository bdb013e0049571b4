// Hostile documents through the whole audit (issue #10): a zip bomb, XML entity expansion, an
// external entity, a renamed PNG, a truncated zip, a broken PDF linked from a charter, and a
// 200,000-row workbook or an HTML page as the .xlsx roster. Each gives a finding — never a crash,
// a hang, a stack trace, a read of another file, or a change to any file — in audit() and in the
// built binary alike.
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { makeDocx, makeXlsx, para, run } from "../../scripts/gen-example-documents.mjs";
import { charterText, checkBatch, checkCase, replaceOnce, runBatch, Sandbox, type BatchRun, type HostileCase } from "./helpers.js";

const box = new Sandbox();
const SECRET = "TOP-SECRET-7f3a";

/** The compliant charter linking one document. */
const linking = (name: string) => replaceOnce(charterText(), "agreement:\n", `agreement:\n  documents:\n  - ${name}\n`);

const docxOf = (documentXml: string) => zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8(documentXml) });
const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol4;</w:t></w:r></w:p></w:body></w:document>`;
const xxe = (path: string) => `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://${path}">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
const good = makeDocx({ body: para(run("第一条 联盟协议正文")) });

const unreadable = (title: string, dir: string, bytes: Uint8Array | string, name = "联盟协议.docx"): HostileCase => ({
  dir,
  title,
  files: { "charter.yaml": linking(name), [name]: bytes },
  expect: { ruleId: "evidence/document-unreadable", file: "charter.yaml" },
  only: true,
});

const cases: HostileCase[] = [
  // A part declaring 80 MiB (over the 64 MiB entry limit) compresses to ~80 KiB: refused before inflating.
  unreadable("a zip bomb", "zip-bomb", zipSync({ "word/document.xml": [new Uint8Array(80 * 1024 * 1024), { level: 9 }] })),
  unreadable("billion laughs", "laughs", docxOf(laughs)),
  unreadable("an external entity (XXE)", "xxe", new Uint8Array()),
  unreadable("a PNG renamed .docx", "png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])),
  unreadable("a truncated zip", "truncated", good.subarray(0, Math.floor(good.length / 2))),
  unreadable("a broken PDF", "broken-pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\ngarbage\n%%EOF\n", "联盟协议.pdf"),
  {
    dir: "rows-200k",
    title: "a 200,000-row workbook as the roster",
    // Inline strings: the generator's shared-string table is quadratic in distinct strings.
    files: { "members.yaml": null, "members.xlsx": makeXlsx([{ name: "成员名单", rows: [["编号", "单位名称", "单位类型"], ...Array.from({ length: 200_000 }, (_, i) => [i + 1, { inline: `单位${i}` }, { inline: "企业" }])] }]) },
    expect: { ruleId: "file/unreadable", file: "members.xlsx", message: /100000|limit|上限/ },
    only: true,
  },
  {
    dir: "html-xlsx",
    title: "an HTML table saved as .xlsx roster",
    files: { "members.yaml": null, "members.xlsx": "<html><body><table><tr><td>编号</td><td>单位名称</td></tr></table></body></html>" },
    expect: { ruleId: "file/unreadable", file: "members.xlsx", message: /CSV/ },
    only: true,
  },
];

let batch: BatchRun;
beforeAll(async () => {
  const secret = box.write("secret", { "secret.txt": SECRET });
  cases.find((c) => c.dir === "xxe")!.files!["联盟协议.docx"] = docxOf(xxe(`${secret}/secret.txt`));
  batch = await runBatch(box, cases);
}, 240_000);
afterAll(() => box.cleanup());

describe("hostile documents through the whole audit", () => {
  it("the batch: every proposal reported, the same in audit() and the binary, nothing changed", () => {
    checkBatch(batch, cases);
  });

  it.each(cases.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    checkCase(batch, c);
  });

  it("no document makes the tool read another file", () => {
    expect(JSON.stringify(batch.api)).not.toContain(SECRET);
    expect(batch.cli.stdout).not.toContain(SECRET);
    expect(batch.cli.stderr).not.toContain(SECRET);
  });
});
