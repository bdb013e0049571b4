// The .docx reader on generated documents: automatic numbering variants, tracked changes,
// hidden text, fields, TOC, text boxes, content controls, tables.
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs script without type declarations
import * as gen from "../../scripts/gen-example-documents.mjs";
import { splitArticles } from "../../src/documents/index.js";
import { blocksOf } from "./helpers.js";

const { makeDocx, makeAgreementDocx, para, run, numPr, lvl, numberingXml, stylesXml, table } = gen;
const texts = async (bytes: Uint8Array) => (await blocksOf(bytes, "docx")).map((b) => b.text);

describe("Word automatic numbering", () => {
  it("the generated agreement: chapters from a style, 第%1条 continuous across chapters, items restart per article", async () => {
    const blocks = await blocksOf(makeAgreementDocx(), "docx");
    const t = blocks.map((b) => b.text);
    expect(t).toContain("第一章 总则");
    expect(t).toContain("第四章 附则");
    expect(t.filter((x) => /^第.条 /.test(x)).map((x) => x.slice(0, 3))).toEqual(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条"]);
    expect(t).toContain("（一）由一个成员独立完成的，归该成员所有；");
    expect(t.some((x) => x.startsWith("第八条 本协议有效期为三年，"))).toBe(true);
    expect(t.join("")).not.toContain("五年");
    expect(t).toContain("哈尔滨松江机床有限公司\t王建国");
    expect(blocks.find((b) => b.text.startsWith("第三条"))?.label).toBe("第三条");
  });

  const list = (levels: string[], nums: { numId: number; abstractNumId: number; overrides?: Record<number, number> }[], body: string, styles?: string) =>
    makeDocx({ body, numbering: numberingXml([{ id: 0, levels }], nums), styles });

  it("formats: chineseCounting 1–21, 100, 101; legal; roman; letters", async () => {
    const n = 101;
    const body = Array.from({ length: n }, () => para(run("x"), numPr(1))).join("");
    const t = await texts(list([lvl(0, { numFmt: "chineseCounting", lvlText: "第%1条" })], [{ numId: 1, abstractNumId: 0 }], body));
    expect(t.slice(0, 3)).toEqual(["第一条 x", "第二条 x", "第三条 x"]);
    expect(t[9]).toBe("第十条 x");
    expect(t[10]).toBe("第十一条 x");
    expect(t[19]).toBe("第二十条 x");
    expect(t[20]).toBe("第二十一条 x");
    expect(t[99]).toBe("第一百条 x");
    expect(t[100]).toBe("第一百零一条 x");
    for (const [fmt, third, eleventh] of [["chineseLegalSimplified", "叁", "壹拾壹"], ["upperRoman", "III", "XI"], ["lowerLetter", "c", "k"], ["ideographTraditional", "丙", "甲"], ["chineseCountingThousand", "三", "十一"]] as const) {
      const b = Array.from({ length: 11 }, () => para(run("x"), numPr(1))).join("");
      const r = await texts(list([lvl(0, { numFmt: fmt, lvlText: "%1、", suff: "nothing" })], [{ numId: 1, abstractNumId: 0 }], b));
      expect([r[2], r[10]]).toEqual([`${third}、x`, `${eleventh}、x`]);
    }
  });

  it("two w:num of one abstractNum continue one count; startOverride restarts at its first paragraph", async () => {
    const levels = [lvl(0, { numFmt: "decimal", lvlText: "%1." })];
    const body = [para(run("a"), numPr(1)), para(run("b"), numPr(1)), para(run("c"), numPr(2)), para(run("d"), numPr(3)), para(run("e"), numPr(3))].join("");
    const t = await texts(list(levels, [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 0 }, { numId: 3, abstractNumId: 0, overrides: { 0: 1 } }], body));
    expect(t).toEqual(["1. a", "2. b", "3. c", "1. d", "2. e"]);
  });

  it("lvlRestart 0 keeps a lower level counting across higher levels; the default restarts it", async () => {
    const body = [para(run("A"), numPr(1, 0)), para(run("i"), numPr(1, 1)), para(run("B"), numPr(1, 0)), para(run("ii"), numPr(1, 1))].join("");
    const never = await texts(list([lvl(0, { lvlText: "%1." }), lvl(1, { lvlText: "(%2)", restart: 0, suff: "nothing" })], [{ numId: 1, abstractNumId: 0 }], body));
    expect(never).toEqual(["1. A", "(1)i", "2. B", "(2)ii"]);
    const restart = await texts(list([lvl(0, { lvlText: "%1." }), lvl(1, { lvlText: "(%2)", suff: "nothing" })], [{ numId: 1, abstractNumId: 0 }], body));
    expect(restart).toEqual(["1. A", "(1)i", "2. B", "(1)ii"]);
  });

  it("w:start, suff space/tab/nothing, numId 0 switches numbering off, and a style-inherited numPr counts", async () => {
    const styles = stylesXml([{ id: "Art", name: "Article", numId: 1 }, { id: "Art2", basedOn: "Art" }]);
    const body = [para(run("a"), `<w:pStyle w:val="Art"/>`), para(run("b"), `<w:pStyle w:val="Art2"/>`), para(run("c"), `<w:pStyle w:val="Art"/><w:numPr><w:numId w:val="0"/></w:numPr>`)].join("");
    const t = await texts(list([lvl(0, { start: 5, numFmt: "chineseCounting", lvlText: "第%1条" })], [{ numId: 1, abstractNumId: 0 }], body, styles));
    expect(t).toEqual(["第五条 a", "第六条 b", "c"]);
  });

  it("a bullet is not a label; a paragraph without numPr has none", async () => {
    const body = [para(run("a"), numPr(1)), para(run("b"))].join("");
    const t = await texts(list([lvl(0, { numFmt: "bullet", lvlText: "•" })], [{ numId: 1, abstractNumId: 0 }], body));
    expect(t).toEqual(["a", "b"]);
  });
});

describe("what is text in a .docx", () => {
  it("tracked changes: w:ins/w:moveTo in, w:del/w:delText/w:moveFrom out", async () => {
    const body = para(run("有效期为") + `<w:del><w:r><w:delText>五年</w:delText></w:r></w:del><w:ins>${run("三年")}</w:ins><w:moveFrom>${run("旧")}</w:moveFrom><w:moveTo>${run("新")}</w:moveTo>`);
    expect(await texts(makeDocx({ body }))).toEqual(["有效期为三年新"]);
  });

  it("hidden text and field codes are not text; the field result is", async () => {
    const body = para(run("可见") + run("隐藏", "<w:vanish/>") + run("不隐藏", `<w:vanish w:val="0"/>`) + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("2024年")}<w:r><w:fldChar w:fldCharType="end"/></w:r>` + `<w:fldSimple w:instr="PAGE">${run("7")}</w:fldSimple>`);
    expect(await texts(makeDocx({ body }))).toEqual(["可见不隐藏2024年7"]);
  });

  it("a TOC field and a TOC content control are not blocks; the body after them is", async () => {
    const toc = `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("第一条 总则……1")}</w:p>${para(run("第二条 成员……2"))}<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    const sdt = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${para(run("第三条 目录项……3"))}</w:sdtContent></w:sdt>`;
    const blocks = await blocksOf(makeDocx({ body: toc + sdt + para(run("第一条 正文")) }), "docx");
    expect(blocks.map((b) => [b.index, b.text])).toEqual([[1, "第一条 正文"]]);
  });

  it("a text box is read once (mc:Choice, never mc:Fallback) after its anchor paragraph; sdt paragraphs are blocks", async () => {
    const box = (t: string) => `<w:txbxContent>${para(run(t))}</w:txbxContent>`;
    const alt = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box("框内文字")}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>${box("框内文字")}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = para(run("锚") + alt) + `<w:sdt><w:sdtContent>${para(run("控件内"))}</w:sdtContent></w:sdt>`;
    const blocks = await blocksOf(makeDocx({ body }), "docx");
    expect(blocks.map((b) => [b.index, b.kind, b.text])).toEqual([[1, "paragraph", "锚"], [2, "text-box", "框内文字"], [3, "paragraph", "控件内"]]);
  });

  it("a table row is one block with cells joined by a tab; empty paragraphs count in ¶ numbers", async () => {
    const blocks = await blocksOf(makeDocx({ body: para("") + table([["甲", "乙"], ["丙", "丁"]]) + para(run("后")) }), "docx");
    expect(blocks.map((b) => [b.index, b.kind, b.text])).toEqual([[1, "paragraph", ""], [2, "table-row", "甲\t乙"], [3, "table-row", "丙\t丁"], [4, "paragraph", "后"]]);
  });

  it("text split over runs is one paragraph; headers/footers/footnotes parts are never read", async () => {
    const bytes = makeDocx({ body: para(run("知识产") + run("权")), extra: { "word/footer1.xml": "<w:ftr>第 1 页</w:ftr>", "word/footnotes.xml": "<x>脚注</x>" } });
    const blocks = await blocksOf(bytes, "docx");
    expect(blocks.map((b) => b.text)).toEqual(["知识产权"]);
    expect(splitArticles(blocks).hasArticles).toBe(false);
  });
});
