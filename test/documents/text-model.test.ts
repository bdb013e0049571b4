// Unit tests of the splitter, topics, term parser, name search, Markdown/text readers, cells.
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs script without type declarations
import * as gen from "../../scripts/gen-example-documents.mjs";
import {
  buildNameIndex, findDatePair, findInArticles, findName, findTermStatement, findTopic, findYears, headingOf,
  locatorOf, normalizeForMatch, parseNumeral, pickRoster, readWorkbook, splitArticles, excerptFrom, type Block,
} from "../../src/documents/index.js";
import { markdownBlocks, textBlocks } from "../../src/documents/text.js";
import { linesToBlocks } from "../../src/documents/pdf.js";
import { numberText, serialToDate, isDateFormatCode } from "../../src/documents/xlsx/cells.js";
import { oracle } from "./helpers.js";

const blocks = (...t: string[]): Block[] => t.map((text, i) => ({ text, index: i + 1, kind: "paragraph", line: i + 1, column: 1 }));

describe("numerals and headings", () => {
  it("decodes Arabic, full-width, Chinese, 两, 〇 and financial numerals", () => {
    expect([parseNumeral("12"), parseNumeral("１２"), parseNumeral("十二"), parseNumeral("两"), parseNumeral("一百零一"), parseNumeral("壹拾贰"), parseNumeral("甲")]).toEqual([12, 12, 12, 2, 101, 12, NaN]);
  });
  it("opens chapters and articles after leading spaces (U+3000 too), not mid-sentence", () => {
    expect(headingOf("　第十二条　联盟")).toMatchObject({ kind: "article", label: "第十二条", number: 12 });
    expect(headingOf("第 三 章 组织")).toMatchObject({ kind: "chapter", number: 3 });
    expect(headingOf("依照第十二条规定")).toBeUndefined();
    expect(headingOf("第一百零一条")).toMatchObject({ number: 101 });
  });
});

describe("splitArticles", () => {
  it("preamble and chapter headings are in no article; an article runs to the next article or chapter; items stay", () => {
    const s = splitArticles(blocks("协议", "甲方：A公司", "第一章 总则", "第一条 宗旨", "（一）分工", "1. 细则", "第二章 成员", "第二条 退出", "签字页"));
    expect(s.articles.map((a) => [a.label, a.text])).toEqual([["第一条", "第一条 宗旨（一）分工1. 细则"], ["第二条", "第二条 退出签字页"]]);
    expect(s.articles[0].chapter).toBe("第一章 总则");
    expect(findInArticles(s.articles, "A公司")).toBeUndefined();
  });
  it("without any article, each block is its own article", () => {
    const s = splitArticles(blocks("甲", "乙"));
    expect(s.hasArticles).toBe(false);
    expect(s.articles.map((a) => a.text)).toEqual(["甲", "乙"]);
  });
});

describe("topics", () => {
  it("single terms and A+B terms in the same article only (zh text, spaces/width ignored)", () => {
    const s = splitArticles(blocks("第一条 知识产权的归 属由各方约定。", "第二条 成果转化。", "第三条 收益按比例。", "第四条 分配方案。"));
    expect(findTopic(s.articles, "ip-ownership")?.article.label).toBe("第一条");
    expect(findTopic(s.articles, "revenue-distribution")).toBeUndefined();
    expect(findTopic(s.articles, "ip-licensing")).toBeUndefined();
  });
  it("full-width/zero-width/NBSP are ignored; the match position maps back to the block", () => {
    const s = splitArticles(blocks("第一条 本联盟实行\u00a0过半\u200b数通过。"));
    const m = findTopic(s.articles, "decision-mechanism")!;
    expect(m.term).toBe("过半数");
    expect(m.block.text.slice(m.offset, m.offset + 2)).toBe("过半");
    expect(normalizeForMatch("（ＡＢ）　1")).toBe("(AB)1");
  });
});

describe("term statement", () => {
  it("years in every written form; ranges and dates are not years", () => {
    for (const [t, y] of [["有效期为三年", 3], ["有效期3年", 3], ["有效期叁年", 3], ["有效期五 年", 5], ["有效期3 年", 3], ["有效期两年", 2]] as const) expect(findYears(normalizeForMatch(t))).toBe(y);
    for (const t of ["有效期三至五年", "有效期3-5年", "自2024年6月起"]) expect(findYears(normalizeForMatch(t))).toBeUndefined();
  });
  it("date pairs with Arabic or Chinese numerals", () => {
    expect(findDatePair("自2024年6月1日起至2027年5月31日止")).toEqual({ start: "2024-06-01", end: "2027-05-31" });
    expect(findDatePair("二〇二四年六月一日至二〇二七年五月三十一日止")).toEqual({ start: "2024-06-01", end: "2027-05-31" });
    expect(findDatePair("2024年6月1日签订")).toBeUndefined();
  });
  it("the first article with a keyword and a number of years or dates; excerpt ≤ 40 chars from the keyword", () => {
    const s = splitArticles(blocks("第一条 保密期限为十年。", "第二条 本协议有效期为五年，期满可续签，续签时各方应当重新确认各自承担的任务和权利义务并签字。", "第三条 合作期限为三年。"));
    const st = findTermStatement(s.articles)!;
    expect([st.article.label, st.keyword, st.years]).toEqual(["第二条", "有效期", 5]);
    const ex = excerptFrom(st.block.text, st.offset);
    expect(ex.startsWith("有效期为五年")).toBe(true);
    expect(Array.from(ex).length).toBeLessThanOrEqual(40);
    expect(locatorOf("docx", st.block, st.offset, st.article)).toBe("第二条 ¶2");
    expect(findTermStatement(splitArticles(blocks("第一条 有效期另行约定。")).articles)).toBeUndefined();
  });
});

describe("names over all text", () => {
  it("a name broken across .txt lines, with spaces and bracket width, is found; a different name is not", () => {
    const txt = textBlocks("甲方：哈尔滨（松江）机床\r\n有限 公司\r\n乙方：北疆工业大学\r\n");
    const idx = buildNameIndex([txt]);
    const m = findName(idx, "哈尔滨(松江)机床有限公司")!;
    expect(locatorOf("txt", m.block, m.offset)).toBe("1:4");
    expect(findName(idx, "哈尔滨松江机床股份有限公司")).toBeUndefined();
  });
});

describe("markdown and text blocks", () => {
  it("headings, paragraphs joined without separator, list items, table rows, quotes; marks and link targets dropped", () => {
    const md = "# 协议\n\n## 第一章 总则\n\n**第一条** 联盟[宗旨](http://x)是\n协作。\n\n- 第二条 成员\n\n| 单位 | 代表 |\n|---|---|\n| A公司 | 张三 |\n\n> 引用段\n";
    const b = markdownBlocks(md);
    expect(b.map((x) => [x.kind, x.text])).toEqual([["heading", "协议"], ["heading", "第一章 总则"], ["paragraph", "第一条 联盟宗旨是协作。"], ["list-item", "第二条 成员"], ["table-row", "单位\t代表"], ["table-row", "A公司\t张三"], ["quote", "引用段"]]);
    expect(locatorOf("md", b[2], b[2].text.indexOf("协作"))).toBe("6:1");
  });
  it(".txt: every non-empty line", () => {
    expect(textBlocks("a\n\n  \nb").map((x) => [x.line, x.text])).toEqual([[1, "a"], [4, "b"]]);
  });
});

describe("pdf lines", () => {
  it("drops a running header/footer at ≥ 3 pages but keeps line numbers; not at 2 pages", () => {
    const three = linesToBlocks([["联盟协议", "第一条 a", "页脚"], ["联盟协议", "第二条 b", "页脚"], ["联盟协议", "第三条 c", "页脚"]]);
    expect(three.map((b) => `${b.text}@p.${b.page} l.${b.pageLine}#${b.line}`)).toEqual(["第一条 a@p.1 l.2#2", "第二条 b@p.2 l.2#5", "第三条 c@p.3 l.2#8"]);
    expect(linesToBlocks([["页眉", "x"], ["页眉", "y"]]).map((b) => b.text)).toEqual(["页眉", "x", "页眉", "y"]);
  });
});

describe("xlsx cells and roster", () => {
  it("number, date and format helpers", () => {
    expect([numberText("1"), numberText("912327000000000000"), numberText("0.5")]).toEqual(["1", "9.12327E+17", "0.5"]);
    expect(serialToDate(45444, false)).toBe("2024-06-01");
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormatCode('0.00"d"')).toBe(false);
  });
  it("the generated roster: header row 2 under a merged title, 序号 \"1\", a number credit code, dates, footer skipped", async () => {
    const r = await readWorkbook(gen.makeRosterXlsx());
    if (!r.ok) throw new Error(r.reason.en);
    const pick = pickRoster(r.workbook, oracle);
    if (!pick.ok) throw new Error(pick.reason.en);
    expect([pick.sheet, pick.headerRow]).toEqual(["成员名单", 2]);
    expect(pick.rows.map((x) => x.cells.A.text)).toEqual(["1", "2"]);
    expect(pick.rows[0].cells.D).toEqual({ text: "9.12301E+17", type: "number", ref: "成员名单!D3" });
    expect(pick.rows.map((x) => x.cells.F.text)).toEqual(["2024-06-01", "2024-06-01"]);
  });
  it("hidden sheets are skipped; no header row anywhere is a classified failure in zh and en", async () => {
    const wb = await readWorkbook(gen.makeXlsx([{ name: "旧", state: "hidden", rows: [["序号", "单位名称"], [1, "X"]] }, { name: "说明", rows: [["序号"], ["单位名称"]] }]));
    if (!wb.ok) throw new Error(wb.reason.en);
    const pick = pickRoster(wb.workbook, oracle);
    expect(pick).toMatchObject({ ok: false, kind: "no-header-row" });
    if (!pick.ok) expect([pick.reason.zh, pick.reason.en].every((t) => t.includes("单位名称"))).toBe(true);
    const shown = await readWorkbook(gen.makeXlsx([{ name: "旧", state: "hidden", rows: [["x"]] }, { name: "名单", rows: [["序号", "单位名称（全称）"], [1, "X公司"], ["一、企业单位"], ["填表人：李四"]] }]));
    if (!shown.ok) throw new Error(shown.reason.en);
    expect(pickRoster(shown.workbook, oracle)).toMatchObject({ ok: true, sheet: "名单", rows: [{ rowNumber: 2 }] });
  });
});
