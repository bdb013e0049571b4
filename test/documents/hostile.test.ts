// Hostile documents: each gives a bounded, classified failure — never a throw, a hang, or a
// read of another file.
import { describe, expect, it } from "vitest";
import { zipSync, strToU8 } from "fflate";
// @ts-expect-error — a plain .mjs script without type declarations
import * as gen from "../../scripts/gen-example-documents.mjs";
import { readDocument, readWorkbook } from "../../src/documents/index.js";

const { makeDocx, makeXlsx, para, run } = gen;

describe("hostile .docx", () => {
  it("a zip bomb (a part expanding to 200 MiB) is refused before inflating, naming the limit", async () => {
    const big = new Uint8Array(200 * 1024 * 1024);
    const bomb = zipSync({ "word/document.xml": [big, { level: 9 }] });
    const r = await readDocument(bomb, "docx");
    expect(r).toMatchObject({ ok: false, kind: "limit", limit: "zip.entryBytes" });
    if (!r.ok) expect(r.reason.en).toContain("zip.entryBytes");
  });

  it("a lying zip header (declared size smaller than the compressed stream) is refused", async () => {
    const bytes = zipSync({ "word/document.xml": [new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251), { level: 0 }] });
    // Patch the central directory's declared uncompressed size to 4,000 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 4000, true);
        break;
      }
    }
    expect(await readDocument(bytes, "docx")).toMatchObject({ ok: false, limit: "zip.lyingHeader" });
  });

  it("billion laughs and XXE: any DOCTYPE is refused, no entity is expanded or resolved", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    for (const xml of [laughs, xxe]) {
      const r = await readDocument(zipSync({ "word/document.xml": strToU8(xml) }), "docx");
      expect(r).toMatchObject({ ok: false, limit: "xml.doctype" });
      expect(JSON.stringify(r)).not.toContain("root:");
    }
  });

  it("an undefined entity without DOCTYPE is a damaged file, not an expansion", async () => {
    const r = await readDocument(zipSync({ "word/document.xml": strToU8(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`) }), "docx");
    expect(r).toMatchObject({ ok: false, kind: "corrupt" });
  });

  it("deep nesting stops at the XML depth limit", async () => {
    const deep = `<w:document xmlns:w="x"><w:body>${"<w:sdt><w:sdtContent>".repeat(400)}${"</w:sdtContent></w:sdt>".repeat(400)}</w:body></w:document>`;
    expect(await readDocument(zipSync({ "word/document.xml": strToU8(deep) }), "docx")).toMatchObject({ ok: false, limit: "xml.depth" });
  });

  it("a renamed PNG, a truncated zip, an HTML page and a zip without document.xml are classified", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r1 = await readDocument(png, "docx");
    expect(r1).toMatchObject({ ok: false, kind: "not-zip" });
    if (!r1.ok) expect(r1.reason.en).toContain("PNG");
    const good = makeDocx({ body: para(run("正文")) });
    expect(await readDocument(good.subarray(0, Math.floor(good.length / 2)), "docx")).toMatchObject({ ok: false, kind: "truncated" });
    expect(await readDocument(strToU8("<html><body><table><tr><td>x</td></tr></table></body></html>"), "docx")).toMatchObject({ ok: false, kind: "not-zip" });
    expect(await readDocument(zipSync({ "a.txt": strToU8("x") }), "docx")).toMatchObject({ ok: false, kind: "not-docx" });
    expect(await readDocument(good, "docx")).toMatchObject({ ok: true });
  });

  it("too many zip entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2100; i++) files[`f${i}`] = new Uint8Array(0);
    expect(await readDocument(zipSync(files), "docx")).toMatchObject({ ok: false, limit: "zip.entries" });
  });

  it("an unknown extension and a missing file are failures, not throws", async () => {
    expect(await readDocument(new Uint8Array(1), "rtf")).toMatchObject({ ok: false, kind: "unsupported" });
    expect(await readDocument("/nonexistent/x.docx", "docx")).toMatchObject({ ok: false, kind: "missing" });
  });
});

describe("hostile .xlsx", () => {
  it("a 200,000-row sheet stops at the row limit", async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i]);
    const r = await readWorkbook(makeXlsx([{ name: "S", rows }]));
    expect(r).toMatchObject({ ok: false, limit: "xlsx.rows" });
    if (!r.ok) expect(r.reason.zh).toContain("100000");
  });

  it("HTML saved as .xlsx, an .xls renamed, and an encrypted OLE container are told apart", async () => {
    const html = await readWorkbook(strToU8("<html><table><tr><td>单位名称</td></tr></table></html>"));
    expect(html).toMatchObject({ ok: false, kind: "not-zip" });
    if (!html.ok) expect(html.reason.en).toContain("HTML");
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readWorkbook(ole)).toMatchObject({ ok: false, kind: "legacy-office" });
    const enc = ole.slice();
    Array.from("EncryptedPackage").forEach((c, i) => { enc[1024 + i * 2] = c.charCodeAt(0); });
    const r = await readWorkbook(enc);
    expect(r).toMatchObject({ ok: false, kind: "encrypted" });
    if (!r.ok) expect(r.reason.zh).toContain("密码");
  });
});

describe("hostile .pdf", () => {
  it("a broken PDF and a non-PDF are classified failures", async () => {
    expect(await readDocument(strToU8("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"), "pdf")).toMatchObject({ ok: false });
    expect(await readDocument(strToU8("hello"), "pdf")).toMatchObject({ ok: false, kind: "corrupt" });
  });
});
