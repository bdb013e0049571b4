// One function per family of digest fields (documents.md §5). Each sets its fields on the draft:
// a value with the place it came from, or TODO with what was looked for. A topic field is filled
// only when the library's findTopic() finds the topic, a body only when findInArticles() finds
// its name, so auditing what extract wrote gives no evidence/* finding for it. When in doubt a
// field stays TODO: a wrong value that looks right is worse than a placeholder the audit flags.
import { findInArticles, findTermStatement, findTopic, normalizeForMatch, normalizeWithMap, topicById, TOPICS, type Article, type Block } from "../documents/index.js";
import type { Text } from "../types.js";
import { articleSource, blockSource, unitValue, type Context } from "./context.js";
import type { Unit } from "./parties.js";
import { capacityOf, type SignatureTable } from "./signatures.js";
import { cleanValue, countTerms, holdsTerm, itemsOf, looksLikeUnit, MAX_ROLE_SENTENCE, peopleCount, sentencesOf, withoutLabel, type Sentence } from "./text.js";
import { scalar, todo, type Draft, type Value } from "./types.js";

const lineBased = (ctx: Context, a: Article): boolean => ctx.docs[a.doc].format === "txt" || ctx.docs[a.doc].format === "pdf";

function termsText(id: string): string {
  return (topicById(id)?.terms ?? []).join("、");
}

function lookedForTopic(id: string, what: Text): Text {
  return { zh: `未找到${what.zh}的条款（查找：${termsText(id)}）`, en: `no article on ${what.en} found (looked for: ${termsText(id)})` };
}

// --- title and name --------------------------------------------------------------------------

const TITLE = /^(.*联盟)(协议书|协议|章程)$/u;

export function titleAndName(ctx: Context, draft: Draft): void {
  const line = (b: Block | undefined) => (b && b.text.length <= 200 ? cleanValue(b.text).replace(/[\s\u3000]+/gu, "").replace(/^《(.*)》$/u, "$1") : "");
  for (const [i, d] of ctx.docs.entries()) {
    const first = d.blocks.slice(0, 12);
    for (const [k, b] of first.entries()) {
      let t = line(b);
      // A cover page breaks the title over two lines: `…联盟` / `协议书`.
      const next = line(first[k + 1]);
      if (t.endsWith("联盟") && /^(?:协议书|协议|章程)$/u.test(next)) t += next;
      const m = TITLE.exec(t);
      if (!m || m[1].length < 4 || t.length > 60) continue;
      const src = blockSource(ctx, i, b);
      draft.set("alliance.name", scalar(m[1], src));
      draft.set("agreement.title", scalar(t, src));
      return;
    }
  }
  draft.set("agreement.title", todo({ zh: "未找到以“联盟协议”“联盟协议书”或“联盟章程”结尾的标题行", en: "no title line ending in 联盟协议, 联盟协议书 or 联盟章程" }));
  // Else the first …联盟 the 总则 (or the first articles) names.
  const general = ctx.articles.filter((a) => a.chapter?.includes("总则") || a.chapter?.includes("总 则"));
  const where = (general.length > 0 ? general : ctx.articles.slice(0, 3)).filter((a) => a.label !== "");
  const patterns = [/[“"「『]([^”"」』，。；]{2,60}?联盟)[”"」』]/u, /(?:联盟名称|名称)(?:为|是|[:：])[\s\u3000]*([^\s，,。；“”"（(]{2,60}?联盟)/u, /(?:组建|设立|成立|发起设立)([^\s，,。；“”"（(]{2,60}?联盟)/u];
  for (const a of where) {
    for (const p of patterns) {
      const m = p.exec(a.text);
      if (m) {
        draft.set("alliance.name", scalar(cleanValue(m[1]), articleSource(ctx, a)));
        return;
      }
    }
  }
  draft.set("alliance.name", todo({ zh: "未找到联盟名称（标题行或总则中的“……联盟”）", en: "no alliance name (a title line, or a “…联盟” in 总则)" }));
}

// --- legally binding -------------------------------------------------------------------------

export function legallyBinding(ctx: Context, draft: Draft): void {
  const a = ctx.articles.find((x) => /法律约束力|法律效力/u.test(x.normalized));
  if (a) return draft.set("agreement.legally_binding", scalar(true, articleSource(ctx, a)));
  for (const [i, d] of ctx.docs.entries()) {
    const b = d.blocks.find((x) => /协议书|各方签署/u.test(normalizeForMatch(x.text)));
    if (b) return draft.set("agreement.legally_binding", scalar(true, blockSource(ctx, i, b)));
  }
  draft.set("agreement.legally_binding", todo({ zh: "未找到“法律约束力”“法律效力”“协议书”或“各方签署”", en: "no 法律约束力, 法律效力, 协议书 or 各方签署 in the text" }));
}

// --- innovation goals ------------------------------------------------------------------------

export function goals(ctx: Context, draft: Draft): void {
  const m = findTopic(ctx.articles, "innovation-goals");
  if (!m) return draft.set("agreement.innovation_goals", todo(lookedForTopic("innovation-goals", { zh: "技术创新目标", en: "innovation goals" })));
  const items = itemsOf(m.article, lineBased(ctx, m.article));
  const texts = items.length > 0 ? items.map((i) => i.text) : [cleanValue(withoutLabel(m.article.text))];
  draft.set("agreement.innovation_goals", { kind: "list", items: texts.map((t) => scalar(t)), source: articleSource(ctx, m.article) });
}

// --- task division ---------------------------------------------------------------------------

const MEMBER_HEAD = /单位|成员|名称|参与方|承担方|甲方/u;
const TASK_HEAD = /任务|分工|职责|工作内容|研究内容/u;

interface Assignment {
  unit: Unit;
  task: string;
}

/** The unit(s) an item or cell starts with, and the raw text after them. */
function leadingUnits(ctx: Context, raw: string): { units: Unit[]; rest: string } | undefined {
  const n = normalizeWithMap(raw);
  const refs = ctx.parties.refs(n.text);
  const units: Unit[] = [];
  let pos = 0;
  if (n.text.startsWith("由")) pos = 1;
  for (const r of refs) {
    if (r.at !== pos) break;
    units.push(r.unit);
    pos = r.at + r.length;
    const sep = /^(?:、|和|与|及|,)/u.exec(n.text.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  if (units.length === 0) return undefined;
  const rawAt = pos < n.source.length ? n.source[pos] : raw.length;
  return { units, rest: raw.slice(rawAt) };
}

function fromTable(ctx: Context, a: Article): Assignment[] {
  const rows = a.blocks.filter((b) => b.kind === "table-row");
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i].text.split("\t");
    const mc = head.findIndex((c) => MEMBER_HEAD.test(c));
    const tc = head.findIndex((c, k) => k !== mc && TASK_HEAD.test(c));
    if (mc < 0 || tc < 0) continue;
    const out: Assignment[] = [];
    for (const r of rows.slice(i + 1)) {
      const cells = r.text.split("\t");
      const task = cleanValue(cells[tc] ?? "");
      const who = leadingUnits(ctx, cells[mc] ?? "");
      if (!task || !who) continue;
      for (const unit of who.units) out.push({ unit, task });
    }
    return out;
  }
  return [];
}

function fromItems(ctx: Context, a: Article): Assignment[] {
  const out: Assignment[] = [];
  for (const item of itemsOf(a, lineBased(ctx, a))) {
    const who = leadingUnits(ctx, item.text);
    if (!who) continue;
    const m = /^[\s\u3000]*(?:[（(][^）)]{0,40}[）)])?[\s\u3000]*(?:[:：，,]|共同|主要|具体|牵头|负责|承担)+/u.exec(who.rest);
    if (!m) continue; // `X的义务…` names a unit but assigns it nothing
    const task = cleanValue(who.rest.slice(m[0].length));
    if (task) for (const unit of who.units) out.push({ unit, task });
  }
  return out;
}

export function taskDivision(ctx: Context, draft: Draft): void {
  const lookedFor = lookedForTopic("task-division", { zh: "任务分工（成员与任务的表格或分项）", en: "task division (a table or items naming a member and its tasks)" });
  if (!findTopic(ctx.articles, "task-division")) return draft.set("agreement.task_division", todo(lookedFor));
  const terms = topicById("task-division")!.terms;
  let chosen: { a: Article; list: Assignment[] } | undefined;
  for (const a of ctx.articles) {
    const list = fromTable(ctx, a);
    const found = list.length > 0 ? list : fromItems(ctx, a);
    if (found.length < 2) continue;
    const onTopic = terms.some((t) => holdsTerm(a.normalized, t));
    if (onTopic) {
      chosen = { a, list: found };
      break;
    }
    chosen ??= { a, list: found };
  }
  if (!chosen) return draft.set("agreement.task_division", todo(lookedFor));
  const byUnit = new Map<Unit, string[]>();
  for (const x of chosen.list) byUnit.set(x.unit, [...(byUnit.get(x.unit) ?? []), x.task]);
  const items: Value[] = [...byUnit].map(([unit, tasks]) => ({
    kind: "map",
    entries: [
      ["member", unitValue(ctx, unit)],
      ["tasks", { kind: "list", items: tasks.map((t) => scalar(t)) }],
    ],
  }));
  draft.set("agreement.task_division", { kind: "list", items, source: articleSource(ctx, chosen.a) });
}

// --- text fields: the article whose subject is the topic -------------------------------------

/**
 * documents.md §5: the first article whose heading or first sentence holds a term of the topic,
 * else the article with the most occurrences of its terms (the first on ties), trimmed to its
 * first sentence that holds a whole term. `prefer` picks an article first (a body's mechanism:
 * the article that starts with the body's name and holds a term).
 */
export function topicText(ctx: Context, id: string, prefer?: (a: Article, first: Sentence | undefined) => boolean): { text: string; article: Article } | undefined {
  const topic = topicById(id);
  if (!topic || !findTopic(ctx.articles, topic)) return undefined;
  const holds = (n: string) => topic.terms.some((t) => holdsTerm(n, t));
  let chosen: Article | undefined;
  if (prefer) chosen = ctx.articles.find((a) => holds(a.normalized) && prefer(a, sentencesOf(a, lineBased(ctx, a))[0]));
  const firstHolds = (a: Article) => {
    const first = sentencesOf(a, lineBased(ctx, a))[0];
    return first !== undefined && holds(first.normalized) && !NOT_SUBJECT[topic.id]?.test(first.normalized);
  };
  // An article's subject is the topic whose term its first sentence completes first: `…为联盟的
  // 法律责任主体，代表联盟签署对外合作协议` is about the liable entity, not external cooperation.
  // Under a chapter whose heading speaks of the topic (第七章 知识产权与收益分配) first.
  const words = CHAPTER_WORDS[topic.id] ?? [];
  chosen ??= ctx.articles.find((a) => firstHolds(a) && words.some((w) => (a.chapter ?? "").includes(w)));
  chosen ??= ctx.articles.find((a) => firstHolds(a) && subjectIs(sentencesOf(a, lineBased(ctx, a))[0].normalized, topic.id));
  chosen ??= ctx.articles.find(firstHolds);
  const excluded = (a: Article) => NOT_SUBJECT[topic.id]?.test(sentencesOf(a, lineBased(ctx, a))[0]?.normalized ?? "") ?? false;
  chosen ??= mostTerms(ctx.articles.filter((a) => !excluded(a)), topic.terms);
  chosen ??= ctx.articles.find((a) => {
    const first = sentencesOf(a, lineBased(ctx, a))[0];
    return first !== undefined && holds(first.normalized);
  });
  chosen ??= mostTerms(ctx.articles, topic.terms);
  if (!chosen) return undefined;
  const s = sentencesOf(chosen, lineBased(ctx, chosen)).find((x) => holds(x.normalized));
  const text = cleanValue(s ? s.text : withoutLabel(chosen.text));
  return text ? { text, article: chosen } : undefined;
}

/** The article with the most occurrences of a topic's terms, the first on ties. */
function mostTerms(articles: readonly Article[], terms: readonly string[]): Article | undefined {
  let best = 0;
  let chosen: Article | undefined;
  for (const a of articles) {
    const n = countTerms(a.normalized, terms);
    if (n > best) {
      best = n;
      chosen = a;
    }
  }
  return chosen;
}

/** Where a topic's term is complete in a text (the later part of `A+B`), or Infinity. */
function termEnd(normalized: string, terms: readonly string[]): number {
  let best = Infinity;
  for (const t of terms) {
    if (!holdsTerm(normalized, t)) continue;
    const end = Math.max(...t.split("+").map((p) => normalized.indexOf(normalizeForMatch(p))));
    best = Math.min(best, end);
  }
  return best;
}

/** Topics that share a subject (the funds): one does not take an article from another. */
const FAMILY: Record<string, string> = { "fund-management": "funds", "internal-supervision": "funds", "government-supervision": "funds" };

/** Is `id` the topic a sentence speaks of first (ties go to `id`)? */
function subjectIs(normalized: string, id: string): boolean {
  const own = termEnd(normalized, topicById(id)!.terms);
  return TOPICS.every((t) => t.id === id || (FAMILY[t.id] !== undefined && FAMILY[t.id] === FAMILY[id]) || termEnd(normalized, t.terms) >= own);
}

/** First sentences that hold a topic's term without being about it: IP a member had before joining. */
const NOT_SUBJECT: Record<string, RegExp> = {
  "ip-ownership": /前(?:已经?|取得|拥有|已有)|已有的|已拥有|原有的|背景知识产权|背景技术/u,
  // Government money has rules of its own; the alliance's fund management is another article.
  "fund-management": /政府资助|财政资金|政府资金|财政|政府科技计划/u,
};

/** Words of a chapter heading that place an article under a topic. */
const CHAPTER_WORDS: Record<string, string[]> = {
  admission: ["成员", "会员", "加入"],
  withdrawal: ["成员", "会员", "退出"],
  "fund-management": ["经费", "财务", "资金"],
  "internal-supervision": ["经费", "财务", "资金", "监督"],
  "ip-ownership": ["知识产权", "成果"],
  "ip-licensing": ["知识产权", "成果"],
  "revenue-distribution": ["收益", "利益", "知识产权"],
  "breach-liability": ["违约"],
  "external-cooperation": ["开放", "合作", "交流"],
  "result-diffusion": ["扩散", "推广", "开放", "转化"],
};

const TEXT_FIELDS: { path: string; topic: string; what: Text }[] = [
  { path: "agreement.membership.admission", topic: "admission", what: { zh: "成员加入", en: "admitting members" } },
  { path: "agreement.membership.withdrawal", topic: "withdrawal", what: { zh: "成员退出", en: "withdrawal" } },
  { path: "funding.management_rules", topic: "fund-management", what: { zh: "经费管理", en: "fund management" } },
  { path: "funding.internal_supervision", topic: "internal-supervision", what: { zh: "经费内部监督", en: "internal supervision" } },
  { path: "ip.ownership", topic: "ip-ownership", what: { zh: "知识产权归属", en: "IP ownership" } },
  { path: "ip.licensing", topic: "ip-licensing", what: { zh: "知识产权许可", en: "IP licensing" } },
  { path: "ip.revenue_distribution", topic: "revenue-distribution", what: { zh: "收益分配", en: "revenue distribution" } },
  { path: "ip.breach_liability", topic: "breach-liability", what: { zh: "违约责任", en: "breach liability" } },
  { path: "openness.external_cooperation", topic: "external-cooperation", what: { zh: "对外交流与合作", en: "external cooperation" } },
  { path: "openness.result_diffusion", topic: "result-diffusion", what: { zh: "成果扩散", en: "result diffusion" } },
];

export function textFields(ctx: Context, draft: Draft, paths: (p: string) => boolean = () => true): void {
  for (const f of TEXT_FIELDS.filter((x) => paths(x.path))) {
    const r = topicText(ctx, f.topic);
    draft.set(f.path, r ? scalar(r.text, articleSource(ctx, r.article)) : todo(lookedForTopic(f.topic, f.what)));
  }
}

// --- bodies and staff ------------------------------------------------------------------------

const BODY_END = /(?:理事会|董事会|委员会|大会|秘书处|办公室|工作组|管理处|会议|中心)$/u;
const ROLE_TERMS = {
  decision: /最高决策机构|最高权力机构|决策机构/u,
  advisory: /咨询机构/u,
  executive: /执行机构|常设机构|办事机构/u,
};

export interface Bodies {
  decision?: { name: string; article: Article };
  advisory?: { name: string; article: Article };
  executive?: { name: string; article: Article };
}

/** A body's name without the verb that sets it up: `理事会下设专家委员会` → `专家委员会`. */
function trimBodyName(name: string): string {
  const cut = name.replace(/[（(][^）)]{0,20}[）)]/gu, "");
  const m = /^.*(?:下设|设立|设置|设有|成立|组建)/u.exec(cut);
  return (m ? cut.slice(m[0].length) : cut).replace(/^(?:本?联盟)?设(?![计备])/u, "");
}

function validBody(name: string): boolean {
  return name.length >= 2 && name.length <= 16 && BODY_END.test(name) && !/[,，。；:：、]/u.test(name);
}

/** `X是联盟的决策机构` / `联盟的最高决策机构是X`: the body a sentence defines by its role. */
function definedBody(s: Sentence, role: RegExp): string | undefined {
  const n = s.normalized;
  const m = role.exec(n);
  if (!m) return undefined;
  const clauseStart = n.lastIndexOf(",", m.index) + 1;
  const before = n.slice(clauseStart, m.index);
  const raw = /^(.*?)(?:是|为|作为)/u.exec(before)?.[1];
  const subj = raw === undefined ? undefined : trimBodyName(raw);
  if (subj && validBody(subj)) return subj;
  const rawAfter = /^(?:是|为)([^,。；]{2,24})/u.exec(n.slice(m.index + m[0].length))?.[1];
  const after = rawAfter === undefined ? undefined : trimBodyName(rawAfter);
  if (after && validBody(after)) return after;
  if (clauseStart > 0) {
    // `秘书处是联盟的常设机构，负责…` is caught above; `…，X为执行机构` too. The sentence's subject:
    const head = /^(.*?)(?:是|为|作为)/u.exec(n)?.[1];
    if (head && validBody(head) && n.indexOf(head) === 0 && !n.slice(0, m.index).includes("。")) return head;
  }
  return undefined;
}

/** The bodies an article sets up: `联盟设理事会、专家委员会和秘书处`. */
function setUp(ctx: Context): { name: string; article: Article }[] {
  const out: { name: string; article: Article }[] = [];
  for (const a of ctx.articles) {
    for (const s of sentencesOf(a, lineBased(ctx, a))) {
      const m = /^(?:本?联盟)?设(?:立|置)?(?!在|于)(.+)$/u.exec(s.normalized) ?? /(?:下设|设立|设有|设置)(?!在|于)(.+)$/u.exec(s.normalized);
      if (!m) continue;
      for (const raw of m[1].split(/[、,和及与]/u)) {
        const piece = trimBodyName(raw);
        if (validBody(piece)) out.push({ name: piece, article: a });
      }
    }
  }
  return out;
}

export function findBodies(ctx: Context): Bodies {
  const bodies: Bodies = {};
  for (const a of ctx.articles) {
    for (const s of sentencesOf(a, lineBased(ctx, a))) {
      for (const role of ["decision", "advisory", "executive"] as const) {
        if (bodies[role]) continue;
        const name = definedBody(s, ROLE_TERMS[role]);
        if (name && !(role === "executive" && ROLE_TERMS.decision.test(s.normalized))) bodies[role] = { name, article: a };
      }
    }
  }
  const listed = setUp(ctx);
  bodies.decision ??= listed.find((b) => b.name.endsWith("理事会"));
  bodies.advisory ??= listed.find((b) => b.name.endsWith("委员会") && /专家|技术|咨询/u.test(b.name) && b.name !== bodies.decision?.name);
  bodies.executive ??= listed.find((b) => /(?:秘书处|联盟办公室|工作办公室)$/u.test(b.name));
  if (!bodies.advisory) {
    // A committee of experts the text describes without calling it 咨询机构 or listing it.
    for (const a of ctx.articles) {
      const m = /([^\s,，。；、:：“”]{0,10}委员会),?(?:由|负责|是)/u.exec(a.normalized);
      const name = m ? trimBodyName(m[1]) : "";
      if (m && validBody(name) && /专家|技术|咨询/u.test(name) && name !== bodies.decision?.name) {
        bodies.advisory = { name, article: a };
        break;
      }
    }
  }
  // Names as written, and only names some article holds (the evidence rule's test).
  for (const role of ["decision", "advisory", "executive"] as const) {
    const b = bodies[role];
    if (b && !findInArticles(ctx.articles, b.name)) delete bodies[role];
  }
  return bodies;
}

const STARTS_WITH = (name: string) => (a: Article, first: Sentence | undefined) => {
  const at = first?.normalized.indexOf(normalizeForMatch(name)) ?? -1;
  return at >= 0 && at <= 4;
};

export function bodiesAndStaff(ctx: Context, draft: Draft, bodies: Bodies): void {
  const none = (zh: string, en: string): Text => ({ zh: `未找到${zh}`, en: `no ${en} found` });
  draft.set("governance.decision_body.name", bodies.decision ? scalar(bodies.decision.name, articleSource(ctx, bodies.decision.article)) : todo(none("决策机构（“最高决策机构”“决策机构”或设立的理事会）", "decision body (最高决策机构, 决策机构, or a 理事会 the text sets up)")));
  const dr = topicText(ctx, "decision-mechanism", bodies.decision ? STARTS_WITH(bodies.decision.name) : undefined);
  draft.set("governance.decision_body.rules", dr ? scalar(dr.text, articleSource(ctx, dr.article)) : todo(lookedForTopic("decision-mechanism", { zh: "决策机制", en: "the decision mechanism" })));
  draft.set("governance.advisory_body.name", bodies.advisory ? scalar(bodies.advisory.name, articleSource(ctx, bodies.advisory.article)) : todo(none("咨询机构（名称以“委员会”结尾并含“专家”“技术”或“咨询”，或称“咨询机构”）", "advisory body (a …委员会 with 专家, 技术 or 咨询, or one called 咨询机构)")));
  draft.set("governance.executive_body.name", bodies.executive ? scalar(bodies.executive.name, articleSource(ctx, bodies.executive.article)) : todo(none("执行机构（“执行机构”“常设机构”“办事机构”，或设立的秘书处、联盟办公室）", "executive body (执行机构, 常设机构, 办事机构, or a 秘书处/联盟办公室 the text sets up)")));
  const er = topicText(ctx, "execution-mechanism", bodies.executive ? STARTS_WITH(bodies.executive.name) : undefined);
  draft.set("governance.executive_body.rules", er ? scalar(er.text, articleSource(ctx, er.article)) : todo(lookedForTopic("execution-mechanism", { zh: "执行机制", en: "the execution mechanism" })));
  draft.set("governance.executive_body.full_time_staff", staff(ctx));
}

// A count of people; one after a range mark (`2-3名`, `二至三名`) states no single number.
const COUNT = /(?<![-~～—–至到0-9０-９〇零一二两三四五六七八九十百])([0-9０-９〇零一二两三四五六七八九十百]+)(?:名|人)(?!以上|以下|左右)/gu;

function staff(ctx: Context): Value {
  const lookedFor: Text = { zh: "未找到专职人员人数（“专职”所在句中的“N名”“N人”）", en: "no number of full-time staff (N名/N人 in the sentence with 专职)" };
  const m = findTopic(ctx.articles, "full-time-staff");
  if (!m) return todo(lookedFor);
  for (const a of ctx.articles) {
    for (const s of sentencesOf(a, lineBased(ctx, a))) {
      const at = s.normalized.indexOf("专职");
      if (at < 0 || s.normalized.length > MAX_ROLE_SENTENCE) continue;
      const after = [...s.normalized.slice(at).matchAll(COUNT)].map((x) => peopleCount(x[1])).find((n) => Number.isFinite(n));
      const before = [...s.normalized.slice(0, at).matchAll(COUNT)].map((x) => peopleCount(x[1])).filter((n) => Number.isFinite(n)).pop();
      const n = after ?? before;
      if (n !== undefined) return scalar(n, articleSource(ctx, a));
    }
  }
  return todo(lookedFor);
}

// --- liable entity, host, custodian, lead ----------------------------------------------------

export function memberRoles(ctx: Context, draft: Draft, bodies: Bodies): void {
  // Liable entity: the unit that is the subject of a sentence with a liable-entity term.
  const liableTerms = topicById("liable-entity")!.terms;
  let liable: Value | undefined;
  if (findTopic(ctx.articles, "liable-entity")) {
    outer: for (const a of ctx.articles) {
      for (const s of sentencesOf(a, lineBased(ctx, a))) {
        const n = s.normalized;
        if (n.length > MAX_ROLE_SENTENCE) continue;
        const hits = liableTerms.filter((t) => holdsTerm(n, t)).map((t) => n.indexOf(normalizeForMatch(t.split("+")[0])));
        const re = /对外承担.{0,8}?责任/u.exec(n);
        if (re) hits.push(re.index);
        if (hits.length === 0) continue;
        const first = Math.min(...hits);
        const ref = ctx.parties.refs(n).find((r) => r.at < first);
        if (ref) {
          liable = unitValue(ctx, ref.unit, articleSource(ctx, a));
          break outer;
        }
      }
    }
  }
  draft.set("governance.liable_entity", liable ?? todo({ zh: "未找到对外承担责任的单位（“对外承担……责任”“法律责任主体”等句中的单位）", en: "no unit named as liable (对外承担…责任, 法律责任主体 …)" }));

  // Host of the executive body: 秘书处设在X / 依托单位为X.
  const exec = bodies.executive?.name ?? "秘书处";
  let host: { unit: Unit; a: Article } | undefined;
  for (const a of ctx.articles) {
    for (const s of sentencesOf(a, lineBased(ctx, a))) {
      const n = s.normalized;
      if (n.length > MAX_ROLE_SENTENCE) continue;
      const names = [exec, "秘书处", "办公室"].map((x) => normalizeForMatch(x));
      // The body must be the subject: in the clause before 设在 (`联盟办公室设在X`), or the
      // sentence's subject when the clause starts with 设在 (`秘书处是…执行机构，设在X`);
      // `联盟住所设在鸡西市` is not about the body.
      for (const m of n.matchAll(/设在|设于|挂靠(?:在|于)?|依托单位(?:为|是)|依托于?/gu)) {
        const clauseStart = Math.max(n.lastIndexOf(",", m.index), n.lastIndexOf("，", m.index)) + 1;
        const clause = n.slice(clauseStart, m.index);
        const subject = clause === "" && names.some((x) => { const at = n.indexOf(x); return at >= 0 && at <= 4; });
        if (!subject && !names.some((x) => clause.includes(x))) continue;
        const rest = n.slice(m.index + m[0].length).replace(/^(?:本?联盟的?)/u, "");
        const ref = ctx.parties.refs(rest)[0];
        if (ref && ref.at === 0) {
          host = { unit: ref.unit, a };
          break;
        }
      }
      if (host) break;
    }
    if (host) break;
  }
  draft.set("governance.executive_body.host_member", host ? unitValue(ctx, host.unit, articleSource(ctx, host.a)) : todo({ zh: "未找到执行机构所在单位（“秘书处设在……”“依托单位”）", en: "no host of the executive body (秘书处设在…, 依托单位)" }));

  // Custodian of the funds: 委托X管理经费, or 经费由X…管理/建账 (the executive body → its host).
  let custodian: Value | undefined;
  for (const a of ctx.articles) {
    for (const s of sentencesOf(a, lineBased(ctx, a))) {
      const n = s.normalized;
      if (n.length > MAX_ROLE_SENTENCE) continue;
      const seg = /委托(.{1,40}?)(?:统一|负责|代为)?管理(?:联盟)?(?:的)?经费/u.exec(n)?.[1] ?? /经费(?:由[^,]{0,20})?委托(.{1,40}?)管理/u.exec(n)?.[1] ?? /经费由(.{1,40}?)(?:统一|负责|单独|集中)?(?:管理|建账|设立专账|设立专户|专账|核算|保管|托管)/u.exec(n)?.[1];
      if (!seg) continue;
      const ref = ctx.parties.refs(seg)[0];
      if (ref) custodian = unitValue(ctx, ref.unit, articleSource(ctx, a));
      else if (host && [exec, "秘书处", "依托单位"].some((x) => seg.includes(normalizeForMatch(x)))) custodian = unitValue(ctx, host.unit, articleSource(ctx, a));
      if (custodian) break;
    }
    if (custodian) break;
  }
  draft.set("funding.custodian", custodian ?? todo({ zh: "未找到受托管理经费的单位（“委托……管理经费”“经费由……管理”）", en: "no unit managing the funds (委托…管理经费, 经费由…管理)" }));

  // Lead member: a unit the text makes 牵头单位.
  const lead = ctx.parties.refs("牵头单位").find((r) => r.at === 0 && r.length === "牵头单位".length);
  const leadArticle = ctx.articles.find((a) => a.normalized.includes("牵头单位"));
  draft.set("alliance.lead_member", lead && leadArticle ? unitValue(ctx, lead.unit, articleSource(ctx, leadArticle)) : todo({ zh: "未找到牵头单位（“……为牵头单位”“以下简称‘牵头单位’”）", en: "no lead member (…为牵头单位, 以下简称“牵头单位”)" }));
}

// --- funding and openness flags --------------------------------------------------------------

/** Booleans: set when the text says so, else left out (absent means no). */
export function flags(ctx: Context, draft: Draft): void {
  const gov = ctx.articles.find((a) => /政府资助|财政资金|政府资金/u.test(a.normalized));
  if (gov) draft.set("funding.government_funding", scalar(true, articleSource(ctx, gov)));
  const sup = findTopic(ctx.articles, "government-supervision");
  if (sup) draft.set("funding.government_supervision", scalar(true, articleSource(ctx, sup.article)));
  const dif = findTopic(ctx.articles, "government-funded-diffusion");
  if (dif) draft.set("openness.government_funded_diffusion", scalar(true, articleSource(ctx, dif.article)));
}

// --- term ------------------------------------------------------------------------------------

export function term(ctx: Context, draft: Draft, signed?: { date: string; source: string }): void {
  const st = findTermStatement(ctx.articles);
  if (st?.dates) {
    const src = articleSource(ctx, st.article);
    draft.set("agreement.effective_date", scalar(st.dates.start, src));
    draft.set("agreement.expiry_date", scalar(st.dates.end, src));
    return;
  }
  if (st?.years !== undefined) {
    const src = articleSource(ctx, st.article);
    // 自…签字（盖章）之日起生效: it takes effect when the last party signs.
    const onSigning = ctx.articles.find((a) => /(?:签字|签署|签章|盖章)[^。；]{0,12}之日起生效/u.test(a.normalized));
    if (onSigning && signed) draft.set("agreement.effective_date", scalar(signed.date, `${articleSource(ctx, onSigning)}, ${signed.source}`));
    else draft.set("agreement.effective_date", todo({ zh: "未找到生效日期（期限条款只写了年数）", en: "no date it takes effect (the term article states only years)" }));
    draft.set("agreement.term_years", scalar(st.years, src));
    return;
  }
  const lookedFor: Text = { zh: "未找到期限条款（“有效期”“协议期限”“合作期限”“联盟期限”与年数或起止日期）", en: "no term statement (有效期, 协议期限, 合作期限 or 联盟期限 with years or dates)" };
  draft.set("agreement.effective_date", todo(lookedFor));
  draft.set("agreement.expiry_date", todo(lookedFor));
}

// --- signatures ------------------------------------------------------------------------------

function tableSource(ctx: Context, t: SignatureTable): string {
  return blockSource(ctx, t.doc, t.block);
}

/** The signed date: the last date of the signature table, when every row has one. */
export function signedDate(ctx: Context): { date: string; source: string } | undefined {
  for (const t of ctx.parties.tables) {
    if (t.rows.length === 0 || t.rows.some((r) => !r.date)) continue;
    const date = t.rows.map((r) => r.date!).sort().pop()!;
    return { date, source: tableSource(ctx, t) };
  }
  return undefined;
}

export function signatures(ctx: Context, draft: Draft, signed: { date: string; source: string } | undefined): void {
  draft.set("agreement.signed_date", signed ? scalar(signed.date, signed.source) : todo({ zh: "未找到签署日期（签署页每行的日期）", en: "no signing date (the dates of the signature page)" }));
  // A table of parties with their representatives is no signature page: every row must also
  // carry the date it was signed.
  const t = ctx.parties.tables.find((x) => x.rows.length > 0 && x.rows.every((r) => r.signatory && r.unit && r.date));
  if (!t) {
    const some = ctx.parties.tables.length > 0;
    return draft.set(
      "agreement.signatures",
      todo(
        some
          ? { zh: "签署页的签字人一栏是空的：按签字原件填写每个成员的签署人", en: "the signature page leaves the signatories blank: fill them in from the signed original" }
          : { zh: "未找到签署表（单位、签字人、日期三栏）", en: "no signature table (unit, signatory and date columns)" },
      ),
    );
  }
  const capacity = capacityOf(t.header);
  const items: Value[] = t.rows.map((r) => {
    const ref = ctx.parties.refs(normalizeForMatch(r.unit))[0];
    const unit: Unit = ref && ref.at === 0 ? ref.unit : { name: r.unit, doc: t.doc, block: r.block };
    const entries: [string, Value][] = [
      ["member", unitValue(ctx, unit)],
      ["signatory", scalar(r.signatory!)],
    ];
    if (capacity) entries.push(["capacity", scalar(capacity)]);
    if (r.date) entries.push(["date", scalar(r.date)]);
    return { kind: "map", entries };
  });
  draft.set("agreement.signatures", { kind: "list", items, source: tableSource(ctx, t) });
}

/** Units named by a signature row or party list that look like organisations (for members.yaml). */
export function isUnitName(name: string): boolean {
  return looksLikeUnit(name);
}

export type { Block };
