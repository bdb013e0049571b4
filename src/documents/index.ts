// alliance-audit's document library (../shared/spec/documents.md §1–§3): reading the agreement,
// charter and roster files people actually hold. No engine integration here; the evidence rules,
// the .xlsx roster loader and `extract` build on these exports. Every reader is loaded lazily
// (dynamic import / createRequire on first use), so importing this module costs nothing on a
// YAML-only audit — keep it that way: do not add static imports of readers here.
//
// Reading
//   readDocument(pathOrBytes, ext)  .docx/.md/.markdown/.txt/.pdf → {ok, format, blocks, pages?}
//                                    | {ok:false, kind, reason:{zh,en}, limit?}. Never throws for bad input.
//   readWorkbook(pathOrBytes)        .xlsx → {ok, workbook:{sheets:[{name, order, state, rows, merges}]}} | failure
//   pickRoster(workbook, oracle)     §1 "Sheet and header"/"Rows": the roster sheet, header row and member
//                                    rows {rowNumber, cells:{col→{text,type,ref:"成员名单!D7"}}}; the caller
//                                    supplies HeaderOracle {isKnownHeader, isIdHeader, isNameHeader}.
//   headerKey(text)                  a header cell's matching form (spaces, trailing （…） removed)
//   formatOf(ext), DOC_LIMITS        supported formats; the limits applied (zip, XML, rows, PDF pages/time)
//
// Text model
//   splitArticles(blocks, doc)       §3 "Articles": 第<n>章 / 第<n>条 → articles with normalised text
//   headingOf(text)                  does a block open a chapter/article (label, number)
//   normalizeForMatch / normalizeWithMap   matching form: no Unicode spaces/zero-width, NFKC width
//   parseNumeral / parseYear / formatNumber / toChineseCounting   Chinese numerals both ways
//
// Evidence helpers
//   TOPICS, topicById, findTopic(articles, topic)   §3 topic table (exact) → first article + position
//   findInArticles(articles, name)   body names (理事会…) in articles
//   buildNameIndex(docsBlocks), findName(index, name)   parties / alliance name over all text
//   findTermStatement(articles), findYears, findDatePair   §3 "Terms stated in the text"
//   locatorOf(format, block, offset, article), excerptFrom, articleExcerpt, positionIn   §2 locators
//                                    (`第十二条 ¶35`, `p.4 l.12`, `line:column`) and ≤ 40-character excerpts
export type { Block, BlockKind, DocumentFormat, DocumentRead, ReadFailure, ReadResult, SourcePoint } from "./types.js";
export { readDocument, readWorkbook, formatOf, type WorkbookRead } from "./read.js";
export type { Workbook, Sheet, Row, Cell, CellType } from "./xlsx/reader.js";
export { pickRoster, headerKey, type HeaderOracle, type RosterPick, type RosterRow, type RosterCell } from "./xlsx/roster.js";
export { DOC_LIMITS } from "./limits.js";
export { splitArticles, headingOf, sourceAt, type Article, type SplitDocument } from "./articles.js";
export { normalizeForMatch, normalizeWithMap } from "./normalize.js";
export { parseNumeral, parseYear, formatNumber, toChineseCounting } from "./numerals.js";
export { TOPICS, topicById, findTopic, findInArticles, type Topic, type TextMatch } from "./topics.js";
export { buildNameIndex, findName, type NameIndex, type NameMatch } from "./names.js";
export { findTermStatement, findYears, findDatePair, TERM_KEYWORDS, type TermStatement } from "./terms.js";
export { locatorOf, excerptFrom, articleExcerpt, positionIn, EXCERPT_MAX } from "./locate.js";
