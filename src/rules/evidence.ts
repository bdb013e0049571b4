// Evidence (documents.md §4): what the digest claims must be written in the signed documents the
// charter links (`agreement.documents`). The rules read the documents the engine loaded
// (ctx.documents) and never open a file. They run only when documents are linked; the content
// rules run over the documents that could be read, and not at all when none could. Findings are
// located at the claim in the charter or roster; those resting on the documents' words carry
// `evidence` (file, locator, ≤ 40-character excerpt).
import {
  articleExcerpt,
  buildNameIndex,
  findInArticles,
  findName,
  findTermStatement,
  findTopic,
  locatorOf,
  TOPICS,
  type Article,
  type NameIndex,
  type Topic,
} from "../documents/index.js";
import type { ReadableDocument } from "../load/linked.js";
import { addDays, parseDate, validDate } from "../model/dates.js";
import { HLJ, N, N_ARTICLE, type PolicyRef } from "../policy/documents.js";
import type { Text } from "../types.js";
import { isFounding, monthsWithin } from "./agreement.js";
import { at, flag, isObj, isPresent, list } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";

const both = { national: "error", heilongjiang: "error" } as const;
const warn = { national: "warning", heilongjiang: "warning" } as const;

/** The documents that could be read, in linked order; undefined when none is linked or none could be read. */
function readable(ctx: RuleContext): ReadableDocument[] | undefined {
  const docs = (ctx.documents ?? []).filter((d): d is ReadableDocument => d.ok);
  return docs.length > 0 ? docs : undefined;
}

// The views the content rules share are built once per set of documents, not once per rule.
const articlesCache = new WeakMap<object, Article[]>();
const namesCache = new WeakMap<object, NameIndex>();

function articlesOf(ctx: RuleContext, docs: ReadableDocument[]): Article[] {
  const key = ctx.documents!;
  let a = articlesCache.get(key);
  if (!a) articlesCache.set(key, (a = docs.flatMap((d) => d.articles)));
  return a;
}

function namesOf(ctx: RuleContext, docs: ReadableDocument[]): NameIndex {
  const key = ctx.documents!;
  let n = namesCache.get(key);
  if (!n) namesCache.set(key, (n = buildNameIndex(docs.map((d) => d.blocks as never))));
  return n;
}

/** 联盟协议.docx、联盟章程.docx — the documents searched, for messages. */
const fileList = (docs: ReadableDocument[]) => docs.map((d) => d.entry).join("、");

const BODIES: { key: string; name: Text }[] = [
  { key: "decision_body", name: { zh: "决策机构", en: "decision body" } },
  { key: "advisory_body", name: { zh: "咨询机构", en: "advisory body" } },
  { key: "executive_body", name: { zh: "执行机构", en: "executive body" } },
];

/** The condition each topic belongs to (documents.md §4: clause-not-found cites its topic's condition). */
const TOPIC_CITATION: Record<string, PolicyRef> = {
  "innovation-goals": N("二", "2"),
  "task-division": N("二", "2"),
  admission: N("六", "6"), // 要根据发展需要及时吸收新成员
  withdrawal: HLJ(6), // 要完善联盟单位加入和退出机制: only Heilongjiang's article says it
  "decision-mechanism": N("三", "3"),
  "execution-mechanism": N("三", "3"),
  "liable-entity": N("三", "3"),
  "full-time-staff": N("三", "3"),
  "fund-management": N("四", "4"),
  "internal-supervision": N("四", "4"),
  "government-supervision": N("四", "4"),
  "ip-ownership": N("五", "5"),
  "ip-licensing": N("五", "5"),
  "revenue-distribution": N("五", "5"),
  "breach-liability": N("五", "5"),
  "external-cooperation": N("六", "6"),
  "result-diffusion": N("六", "6"),
  "government-funded-diffusion": N("六", "6"),
};

/** Does the digest claim the topic (data-model.md's "present"; a boolean only when true; a count when ≥ 1)? */
export function claims(charter: unknown, topic: Topic): boolean {
  const v = at(charter, ...topic.claimedBy.split("."));
  if (topic.claim === "true") return flag(v) === true;
  if (topic.claim === "min1") return typeof v === "number" && v >= 1;
  if (isPresent(v)) return true;
  if (Array.isArray(v)) return v.some((x) => isPresent(x) || (isObj(x) && Object.keys(x).length > 0));
  if (isObj(v)) return Object.keys(v).length > 0;
  return typeof v === "number" || v === true;
}

/** Where a place in a document is, as the report shows it (documents.md §2). */
function evidenceAt(doc: ReadableDocument, article: Article, block: Article["blocks"][number], offset: number) {
  return { file: doc.file, locator: locatorOf(doc.format, block, offset, article), excerpt: articleExcerpt(article, block, offset) };
}

const present = (v: unknown) => !(v === undefined || v === null || (typeof v === "string" && v.trim() === ""));

/** The digest's term measures in months (fidelity.md A4): from signing and from effective_date to expiry + 1 day, else term_years × 12. */
function termMeasures(ctx: RuleContext): number[] {
  const ag = (f: string) => at(ctx.charter, "agreement", f);
  const expiry = parseDate(ag("expiry_date"));
  if (expiry) {
    const end = addDays(expiry, 1);
    const lastFounding = list(ag("signatures"))
      .filter(isFounding)
      .map((s) => validDate(at(s, "date")))
      .filter((d): d is string => !!d)
      .sort()
      .at(-1);
    const starts = [parseDate(ag("signed_date")) ?? parseDate(lastFounding), parseDate(ag("effective_date"))];
    return starts.filter((s) => s !== undefined).map((s) => monthsWithin(s!, end));
  }
  const years = ag("term_years");
  return typeof years === "number" && Number.isFinite(years) ? [Math.round(years * 12 * 100) / 100] : [];
}

export const evidenceRules: Rule[] = [
  defineRule({
    id: "evidence/document-missing",
    condition: "agreement",
    severity: both,
    title: { zh: "链接的协议文档不存在", en: "Linked document not found" },
    description: {
      zh: "摘要（charter）的 agreement.documents 列出的每个文档都必须存在于申报材料文件夹内（相对于摘要文件所在文件夹）。不存在、是文件夹、绝对路径、含“..”或通过符号链接指向文件夹外的文档不会被读取。",
      en: "Every document listed in the digest's agreement.documents must exist inside the proposal folder (relative to the digest's folder). A document that does not exist, is a folder, is an absolute path, contains \"..\" or is a symbolic link out of the folder is never read.",
    },
    fix: {
      zh: "把签署的协议文本放进申报材料文件夹，并在 agreement.documents 中写它的相对路径（含扩展名）。",
      en: "Put the signed agreement text in the proposal folder and list its relative path (with its extension) in agreement.documents.",
    },
    messages: {
      missing: { zh: "链接的文档“{document}”：{reason}", en: 'linked document "{document}": {reason}' },
    },
    covers: ["/agreement/documents/*"],
    check(ctx) {
      for (const d of ctx.documents ?? []) {
        if (d.ok || d.problem !== "missing") continue;
        ctx.report({ messageId: "missing", data: { document: d.entry.slice(0, 120), reason: d.reason }, pointer: `/agreement/documents/${d.index}` });
      }
    },
  }),

  defineRule({
    id: "evidence/document-unreadable",
    condition: "agreement",
    severity: both,
    title: { zh: "链接的协议文档无法读取", en: "Linked document cannot be read" },
    description: {
      zh: "链接的文档须为 .docx、.pdf（有文字层）、.md 或 .txt。旧版 .doc、损坏或加密的文件、没有文字层的扫描 PDF、解压后超过大小上限的文件都无法读取，其中的内容无法核对。",
      en: "A linked document must be a .docx, a .pdf with a text layer, a .md or a .txt. A legacy .doc, a damaged or encrypted file, a scanned PDF without a text layer, or a file that expands past the size limit cannot be read, so nothing in it can be checked.",
    },
    fix: {
      zh: "在 Word 中把文档另存为 .docx（扫描件请链接原始 .docx 或先做文字识别），去掉密码后重新链接。",
      en: "Save the document as .docx in Word (for a scan, link the original .docx or run OCR first), remove any password, and link it again.",
    },
    messages: {
      unreadable: { zh: "无法读取链接的文档“{document}”：{reason}", en: 'cannot read the linked document "{document}": {reason}' },
    },
    check(ctx) {
      for (const d of ctx.documents ?? []) {
        if (d.ok || d.problem !== "unreadable") continue;
        ctx.report({ messageId: "unreadable", data: { document: d.entry.slice(0, 120), reason: d.reason }, pointer: `/agreement/documents/${d.index}` });
      }
    },
  }),

  defineRule({
    id: "evidence/body-not-in-document",
    condition: "governance",
    severity: both,
    citation: N("三", "3"),
    title: { zh: "协议文本中没有该机构", en: "Body not named in the documents" },
    description: {
      zh: "摘要中的决策机构、咨询机构和执行机构（governance.*.name）都须在链接文档的某一条中出现（忽略空格和全角半角差别）。标题、序言和章标题不属于任何一条。",
      en: "The decision, advisory and executive bodies of the digest (governance.*.name) must each appear in some article of the linked documents (spaces and full/half width ignored). Titles, preambles and chapter headings belong to no article.",
    },
    fix: {
      zh: "使摘要与签署文本一致：按协议文本中的名称填写机构名称；若协议确实没有设立该机构，须修改协议。",
      en: "Make the digest match the signed text: name the body as the agreement does; if the agreement really sets up no such body, the agreement must be amended.",
    },
    messages: {
      absent: {
        zh: "摘要中的{body}“{name}”在链接文档（{files}）的各条中都没有出现",
        en: 'the {body} "{name}" of the digest appears in no article of the linked documents ({files})',
      },
    },
    check(ctx) {
      const docs = readable(ctx);
      if (!docs) return;
      const articles = articlesOf(ctx, docs);
      for (const b of BODIES) {
        const name = at(ctx.charter, "governance", b.key, "name");
        if (!isPresent(name)) continue;
        if (findInArticles(articles, name.trim())) continue;
        ctx.report({ messageId: "absent", data: { body: b.name, name: name.trim().slice(0, 60), files: fileList(docs) }, pointer: `/governance/${b.key}/name` });
      }
    },
  }),

  defineRule({
    id: "evidence/clause-not-found",
    condition: "agreement",
    severity: warn,
    citation: N_ARTICLE(8),
    title: { zh: "协议文本中找不到摘要所述条款", en: "Claimed clause not found in the documents" },
    description: {
      zh: "摘要填写了某项内容（如知识产权许可 ip.licensing）时，链接文档中须有一条包含该主题的关键词之一（documents.md §3 主题表，关键词固定，不做其他同义词匹配；“A+B”表示同一条中同时出现 A 和 B）。每个主题最多报告一次，引用该主题所属的条件。",
      en: "When the digest states something (IP licensing, ip.licensing, say), some article of the linked documents must hold one of that topic's terms (the topic table of documents.md §3, exactly, no other synonyms; \"A+B\" means both A and B in one article). Reported once per topic, citing the condition the topic belongs to.",
    },
    fix: {
      zh: "核对签署文本：若协议确有此条但用词不同，可在该条中写明关键词；若协议没有此条，摘要不应声称有，或须修改协议。",
      en: "Check the signed text: if the agreement has the clause in other words, use one of the terms there; if it has no such clause, the digest must not claim it, or the agreement must be amended.",
    },
    messages: {
      notFound: {
        zh: "摘要声称有{topic}（{field}），但链接文档（{files}）中没有一条包含以下任一词语：{terms}",
        en: "the digest claims {topic} ({field}), but no article of the linked documents ({files}) holds any of: {terms}",
      },
    },
    check(ctx) {
      const docs = readable(ctx);
      if (!docs) return;
      const articles = articlesOf(ctx, docs);
      for (const topic of TOPICS) {
        if (!claims(ctx.charter, topic)) continue;
        if (findTopic(articles, topic)) continue;
        ctx.report({
          messageId: "notFound",
          data: { topic: topic.name, field: topic.claimedBy, files: fileList(docs), terms: topic.terms.join("、") },
          pointer: `/${topic.claimedBy.replace(/\./g, "/")}`,
          citation: TOPIC_CITATION[topic.id],
        });
      }
    },
  }),

  defineRule({
    id: "evidence/term-mismatch",
    condition: "agreement",
    severity: both,
    citation: N("二", "2"),
    alsoCites: [HLJ(6)],
    title: { zh: "协议文本所写期限与摘要不符", en: "Term in the documents differs from the digest" },
    description: {
      zh: "链接文档中第一条写有“有效期/协议期限/合作期限/联盟期限”及年数或起止日期的条款即为期限条款。写有 Y 年时，摘要的期限（有 expiry_date 时从签署和从生效分别算到到期日次日的整月数；否则 term_years）都不等于 12×Y 个月即报告；写有起止日期时，与摘要的 effective_date、expiry_date（摘要有哪个比哪个）不同即报告。每个申报最多一次，并引用文档原文。",
      en: "The first article of the linked documents that holds 有效期/协议期限/合作期限/联盟期限 with a number of years or a pair of dates is the term statement. When it states Y years and neither of the digest's term measures (with an expiry_date: whole months from the signing and from effective_date to the day after expiry; else term_years) is 12 × Y months, or when its dates differ from the digest's effective_date or expiry_date (each compared when the digest has it), this is reported once, quoting the document.",
    },
    fix: {
      zh: "按签署文本更正摘要的 effective_date、expiry_date 或 term_years；若文本有误，须由各方重新签署。",
      en: "Correct the digest's effective_date, expiry_date or term_years from the signed text; if the text is wrong, the parties must sign again.",
    },
    messages: {
      years: {
        zh: "协议文本写明期限为 {years} 年（{months} 个月），摘要的期限为 {measured} 个月",
        en: "the documents state a term of {years} years ({months} months); the digest's term is {measured} months",
      },
      dates: {
        zh: "协议文本写明期限自 {start} 至 {end}，与摘要的{which}不符",
        en: "the documents state a term from {start} to {end}, which differs from the digest's {which}",
      },
    },
    check(ctx) {
      const docs = readable(ctx);
      if (!docs) return;
      const statement = findTermStatement(articlesOf(ctx, docs));
      if (!statement) return;
      const doc = docs.find((d) => d.index === statement.article.doc);
      if (!doc) return;
      const ag = (f: string) => at(ctx.charter, "agreement", f);
      const pointer = present(ag("expiry_date")) ? "/agreement/expiry_date" : present(ag("term_years")) ? "/agreement/term_years" : "/agreement";
      const evidence = evidenceAt(doc, statement.article, statement.block, statement.offset);
      if (statement.years !== undefined) {
        const measures = termMeasures(ctx);
        const months = statement.years * 12;
        if (measures.length > 0 && !measures.includes(months)) {
          ctx.report({ messageId: "years", data: { years: statement.years, months, measured: [...new Set(measures)].join(" / ") }, pointer, evidence });
          return;
        }
      }
      if (statement.dates) {
        const wrong: Text[] = [];
        const effective = validDate(ag("effective_date"));
        const expiry = validDate(ag("expiry_date"));
        if (effective && effective !== statement.dates.start) wrong.push({ zh: `生效日期 ${effective}`, en: `effective_date ${effective}` });
        if (expiry && expiry !== statement.dates.end) wrong.push({ zh: `到期日期 ${expiry}`, en: `expiry_date ${expiry}` });
        if (wrong.length > 0) {
          const which = { zh: wrong.map((w) => w.zh).join("、"), en: wrong.map((w) => w.en).join(" and ") };
          ctx.report({ messageId: "dates", data: { start: statement.dates.start, end: statement.dates.end, which }, pointer, evidence });
        }
      }
    },
  }),

  defineRule({
    id: "evidence/member-not-in-document",
    condition: "agreement",
    severity: warn,
    citation: N("二", "2"),
    alsoCites: [HLJ(6)],
    title: { zh: "协议文本中没有该成员", en: "Member not named in the documents" },
    description: {
      zh: "名单中每个在册成员的名称都应在链接文档中出现（缔约方、签署页或附件名单），忽略空格、换行和全角半角括号；已退出的成员不检查。",
      en: "Each current member of the roster should be named in the linked documents (party list, signature page or annex), ignoring spaces, line breaks and full/half-width brackets; withdrawn members are not checked.",
    },
    fix: {
      zh: "按营业执照核对名单中的单位名称与协议文本是否一致；若该单位未签署协议，应补签或从名单中移除。",
      en: "Check the member's name in the roster against the agreement text and its business licence; if the unit did not sign, have it sign or remove it from the roster.",
    },
    messages: {
      absent: { zh: "成员 {member} 的名称在链接文档（{files}）中没有出现", en: "the name of member {member} appears nowhere in the linked documents ({files})" },
    },
    check(ctx) {
      const docs = readable(ctx);
      if (!docs) return;
      const index = namesOf(ctx, docs);
      for (const e of ctx.roster.current) {
        const name = e.member.name;
        if (!isPresent(name) || findName(index, name.trim())) continue;
        ctx.report({ messageId: "absent", data: { member: ctx.roster.labelOf(e), files: fileList(docs) }, doc: "members", pointer: `/members/${e.index}/name` });
      }
    },
  }),

  defineRule({
    id: "evidence/alliance-name-mismatch",
    condition: "alliance",
    severity: warn,
    title: { zh: "协议文本中没有联盟名称", en: "Alliance name not in the documents" },
    description: {
      zh: "摘要的联盟名称（alliance.name）应在链接文档中原样出现（忽略空格、换行和全角半角括号）。",
      en: "The digest's alliance name (alliance.name) should appear as written in the linked documents (ignoring spaces, line breaks and full/half-width brackets).",
    },
    fix: {
      zh: "按协议文本中的全称填写 alliance.name。",
      en: "Write alliance.name as the agreement text names the alliance, in full.",
    },
    messages: {
      absent: { zh: "联盟名称“{name}”在链接文档（{files}）中没有出现", en: 'the alliance name "{name}" appears nowhere in the linked documents ({files})' },
    },
    check(ctx) {
      const docs = readable(ctx);
      if (!docs) return;
      const name = at(ctx.charter, "alliance", "name");
      if (!isPresent(name) || findName(namesOf(ctx, docs), name.trim())) return;
      ctx.report({ messageId: "absent", data: { name: name.trim().slice(0, 80), files: fileList(docs) }, pointer: "/alliance/name" });
    },
  }),
];
