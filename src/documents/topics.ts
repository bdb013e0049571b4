// The topic table of documents.md §3, exactly — no other synonyms, so a finding can be predicted
// from the text. A topic is found when one article holds one of its terms; `A+B` needs both in
// the same article. Matching is on normalised text (normalize.ts).
import { sourceAt, type Article } from "./articles.js";
import { normalizeForMatch } from "./normalize.js";
import type { Block } from "./types.js";

export interface Topic {
  id: string;
  /** The digest field that claims the topic (JSON pointer-ish path of data-model.md). */
  claimedBy: string;
  /** True for a boolean claim (claimed only when true); "min1" for a count claimed when ≥ 1. */
  claim: "present" | "true" | "min1";
  name: { zh: string; en: string };
  /** Terms as written in the spec; `A+B` = both parts in one article. */
  terms: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { id: "innovation-goals", claimedBy: "agreement.innovation_goals", claim: "present", name: { zh: "创新目标", en: "innovation goals" }, terms: ["创新目标", "研发目标", "攻关目标", "技术目标", "目标任务", "主要任务", "联盟任务"] },
  { id: "task-division", claimedBy: "agreement.task_division", claim: "present", name: { zh: "任务分工", en: "task division" }, terms: ["分工", "承担的任务", "承担任务", "任务分配", "职责分工"] },
  { id: "admission", claimedBy: "agreement.membership.admission", claim: "present", name: { zh: "成员加入", en: "admission" }, terms: ["加入联盟", "加入本联盟", "入盟", "新成员", "申请加入"] },
  { id: "withdrawal", claimedBy: "agreement.membership.withdrawal", claim: "present", name: { zh: "成员退出", en: "withdrawal" }, terms: ["退出", "退盟", "除名"] },
  { id: "decision-mechanism", claimedBy: "governance.decision_body.rules", claim: "present", name: { zh: "决策机制", en: "decision mechanism" }, terms: ["表决", "决议", "议事规则", "三分之二", "过半数", "半数以上"] },
  { id: "execution-mechanism", claimedBy: "governance.executive_body.rules", claim: "present", name: { zh: "执行机制", en: "execution mechanism" }, terms: ["日常工作", "日常事务", "执行+决议", "执行+决定"] },
  { id: "liable-entity", claimedBy: "governance.liable_entity", claim: "present", name: { zh: "法律责任主体", en: "liable entity" }, terms: ["对外承担责任", "对外承担法律责任", "对外责任主体", "法律责任主体", "对外代表联盟", "代表联盟+签署", "对外+法律责任"] },
  { id: "full-time-staff", claimedBy: "governance.executive_body.full_time_staff", claim: "min1", name: { zh: "专职人员", en: "full-time staff" }, terms: ["专职"] },
  { id: "fund-management", claimedBy: "funding.management_rules", claim: "present", name: { zh: "经费管理", en: "fund management" }, terms: ["经费管理", "经费使用", "财务管理", "资金管理", "经费+管理办法"] },
  { id: "internal-supervision", claimedBy: "funding.internal_supervision", claim: "present", name: { zh: "内部监督", en: "internal supervision" }, terms: ["监督", "审计"] },
  { id: "government-supervision", claimedBy: "funding.government_supervision", claim: "true", name: { zh: "政府经费监督", en: "government-fund supervision" }, terms: ["政府+监督", "财政+监督", "有关部门+监督"] },
  { id: "ip-ownership", claimedBy: "ip.ownership", claim: "present", name: { zh: "知识产权归属", en: "IP ownership" }, terms: ["知识产权+归属", "知识产权+所有", "知识产权+权属", "成果+归属"] },
  { id: "ip-licensing", claimedBy: "ip.licensing", claim: "present", name: { zh: "知识产权许可", en: "IP licensing" }, terms: ["许可"] },
  { id: "revenue-distribution", claimedBy: "ip.revenue_distribution", claim: "present", name: { zh: "收益分配", en: "revenue distribution" }, terms: ["收益+分配", "利益分配", "收益分享"] },
  { id: "breach-liability", claimedBy: "ip.breach_liability", claim: "present", name: { zh: "违约责任", en: "breach liability" }, terms: ["违约"] },
  { id: "external-cooperation", claimedBy: "openness.external_cooperation", claim: "present", name: { zh: "对外合作", en: "external cooperation" }, terms: ["交流与合作", "交流合作", "对外合作", "国际合作", "外部组织"] },
  { id: "result-diffusion", claimedBy: "openness.result_diffusion", claim: "present", name: { zh: "成果扩散", en: "result diffusion" }, terms: ["扩散", "推广应用", "成果转移"] },
  { id: "government-funded-diffusion", claimedBy: "openness.government_funded_diffusion", claim: "true", name: { zh: "政府资助成果扩散", en: "government-funded diffusion" }, terms: ["联盟外+扩散", "政府资助+扩散", "财政+扩散"] },
];

export function topicById(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}

export interface TextMatch {
  article: Article;
  /** The term (as in the table) that matched. */
  term: string;
  /** Offset of the match in article.normalized. */
  normalizedOffset: number;
  /** The block where the match begins and the offset in its text. */
  block: Block;
  offset: number;
}

/** Finds a term (`A` or `A+B`) in one article; the position is that of its first part in the text. */
function matchTerm(article: Article, term: string): number | undefined {
  let first: number | undefined;
  for (const part of term.split("+")) {
    const at = article.normalized.indexOf(normalizeForMatch(part));
    if (at < 0) return undefined;
    first = first === undefined ? at : Math.min(first, at);
  }
  return first;
}

/** The first article (in the order given) holding one of the topic's terms, and where. */
export function findTopic(articles: readonly Article[], topic: Topic | string): TextMatch | undefined {
  const t = typeof topic === "string" ? topicById(topic) : topic;
  if (!t) return undefined;
  for (const article of articles) {
    for (const term of t.terms) {
      const at = matchTerm(article, term);
      if (at !== undefined) return { article, term, normalizedOffset: at, ...sourceAt(article, at) };
    }
  }
  return undefined;
}

/** A body's name (理事会, 专家委员会…) in some article, ignoring spaces and full/half width. */
export function findInArticles(articles: readonly Article[], name: string): TextMatch | undefined {
  const needle = normalizeForMatch(name);
  if (needle === "") return undefined;
  for (const article of articles) {
    const at = article.normalized.indexOf(needle);
    if (at >= 0) return { article, term: name, normalizedOffset: at, ...sourceAt(article, at) };
  }
  return undefined;
}
