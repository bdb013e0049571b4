// Each reader on the public cases' documents (copied into test/fixtures/documents/cases/).
import { describe, expect, it } from "vitest";
import {
  buildNameIndex, findInArticles, findName, findTermStatement, findTopic, locatorOf, articleExcerpt,
  pickRoster, readDocument, readWorkbook, splitArticles, TOPICS,
} from "../../src/documents/index.js";
import { articlesOf, blocksOf, caseFile, oracle } from "./helpers.js";

describe(".docx readers on the cases", () => {
  it("d01: literal labels in their own bold run followed by a full-width space open 44 articles", async () => {
    const split = await articlesOf(caseFile("d01-docx-literal", "联盟协议书.docx"), ".docx");
    expect(split.hasArticles).toBe(true);
    expect(split.articles).toHaveLength(44);
    expect(split.articles[0].label).toBe("第一条");
    expect(split.articles[43].label).toBe("第四十四条");
  });

  it("d02: Word automatic numbering gives 第X章/第X条/（X） labels, tracked change reads 三年 not 五年", async () => {
    const blocks = await blocksOf(caseFile("d02-docx-autonumber", "联盟协议.docx"), "docx");
    const split = splitArticles(blocks);
    expect(split.chapters.map((c) => c.label).slice(0, 3)).toEqual(["第一章", "第二章", "第三章"]);
    expect(split.articles.map((a) => a.label)).toContain("第三十五条");
    const term = findTermStatement(split.articles)!;
    expect(term.years).toBe(3);
    expect(term.dates).toEqual({ start: "2024-06-01", end: "2027-05-31" });
    expect(locatorOf("docx", term.block, term.offset, term.article)).toMatch(/^第三十三条 ¶\d+$/);
    expect(articleExcerpt(term.article, term.block, term.offset)).toMatch(/^有效期为三年/);
    // IP ownership and revenue distribution are split between an article and its numbered items.
    expect(findTopic(split.articles, "ip-ownership")?.article.label).toBe("第二十五条");
    expect(findTopic(split.articles, "revenue-distribution")?.article.label).toBe("第二十七条");
    expect(findTopic(split.articles, "ip-licensing")).toBeDefined();
    expect(findInArticles(split.articles, "技术委员会")).toBeDefined();
    // Not claimed and not in the text.
    expect(findTopic(split.articles, "government-supervision")).toBeUndefined();
  });

  it("d07: the charter .docx and the agreement PDF together cover every topic", async () => {
    const charter = await blocksOf(caseFile("d07-pdf-two-documents", "联盟章程.docx"), "docx");
    const pdf = await readDocument(caseFile("d07-pdf-two-documents", "联盟协议.pdf"), "pdf");
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const articles = [...splitArticles(pdf.blocks, 0).articles, ...splitArticles(charter, 1).articles];
    const missing = TOPICS.filter((t) => !t.id.startsWith("government") && !findTopic(articles, t)).map((t) => t.id);
    expect(missing).toEqual([]);
    const b = pdf.blocks[0];
    expect(locatorOf("pdf", b)).toMatch(/^p\.1 l\.\d+$/);
  });
});

describe(".md and .txt readers on the cases", () => {
  it("d03: markdown chapters/articles; 专家委员会 and 违约 are absent, 成员大会 present", async () => {
    const split = await articlesOf(caseFile("d03-md-missing-bodies", "联盟协议.md"), "md");
    expect(split.hasArticles).toBe(true);
    expect(findInArticles(split.articles, "专家委员会")).toBeUndefined();
    expect(findInArticles(split.articles, "成员大会")).toBeDefined();
    expect(findTopic(split.articles, "breach-liability")).toBeUndefined();
    const m = findTopic(split.articles, "decision-mechanism")!;
    expect(locatorOf("md", m.block, m.offset)).toMatch(/^\d+:\d+$/);
  });

  it("d04: a GB18030 CRLF .txt states 五年; 佳木斯垦丰米业有限公司 is absent, the 股份 name present", async () => {
    const blocks = await blocksOf(caseFile("d04-txt-term-and-names", "联盟协议书.txt"), "txt");
    const split = splitArticles(blocks);
    expect(findTermStatement(split.articles)?.years).toBe(5);
    const names = buildNameIndex([blocks]);
    expect(findName(names, "佳木斯垦丰米业有限公司")).toBeUndefined();
    expect(findName(names, "佳木斯垦丰米业股份有限公司")).toBeDefined();
  });

  it("d06: 交流与合作 hard-wrapped across two lines of one paragraph is one block", async () => {
    const split = await articlesOf(caseFile("d06-broken-documents", "联盟协议.md"), "md");
    expect(findTopic(split.articles, "external-cooperation")).toBeDefined();
  });
});

describe("unreadable case documents", () => {
  it("d06: a scanned PDF without a text layer", async () => {
    const r = await readDocument(caseFile("d06-broken-documents", "联盟协议签字页（扫描件）.pdf"), "pdf");
    expect(r).toMatchObject({ ok: false, kind: "no-text-layer" });
    if (!r.ok) {
      expect(r.reason.en).toContain("OCR");
      expect(r.reason.zh).toContain("OCR");
    }
  });

  it("d06: a legacy .doc asks for .docx, and a .doc renamed .docx says so too", async () => {
    const doc = caseFile("d06-broken-documents", "联盟章程（2021年版）.doc");
    expect(await readDocument(doc, "doc")).toMatchObject({ ok: false, kind: "legacy-office" });
    const renamed = await readDocument(doc, "docx");
    expect(renamed).toMatchObject({ ok: false, kind: "legacy-office" });
    if (!renamed.ok) expect(renamed.reason.en).toContain(".docx");
  });
});

describe(".xlsx rosters of the cases", () => {
  it("d01: merged title row above the header on row 2", async () => {
    const r = await readWorkbook(caseFile("d01-docx-literal", "members.xlsx"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pick = pickRoster(r.workbook, oracle);
    expect(pick).toMatchObject({ ok: true, sheet: "成员名单", headerRow: 2, idColumn: "A", nameColumn: "B" });
  });

  it("d05: skips 填表说明, reads 序号 as \"1\", keeps the number type of the credit code, drops blank and remark rows", async () => {
    const r = await readWorkbook(caseFile("d05-xlsx-roster-defects", "members.xlsx"));
    if (!r.ok) throw new Error(r.reason.en);
    const pick = pickRoster(r.workbook, oracle);
    if (!pick.ok) throw new Error(pick.reason.en);
    expect(pick.sheet).toBe("成员名单");
    expect(pick.rows.map((x) => x.cells.A?.text)).toEqual(["1", "2", "3", "4", "5", "6"]);
    const code = pick.rows[2].cells.D;
    expect(code).toMatchObject({ type: "number", ref: "成员名单!D5", text: "9.12327E+17" });
    expect(pick.rows[0].cells.D.type).toBe("string");
  });
});
