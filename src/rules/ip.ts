// 条件（五）: 要建立利益保障机制。联盟研发项目产生的成果和知识产权应事先通过协议明确权利归属、许可使用
// 和转化收益分配的办法，要强化违约责任追究，保护联盟成员的合法权益 (N 第八条（五）, HLJ 第6条).
import { HLJ, N } from "../policy/documents.js";
import type { Text } from "../types.js";
import { validDate } from "../model/dates.js";
import { pointerSegment } from "../load/document.js";
import { at, isObj, isPresent, list, refOf, show } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("五", "5");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

const projects = (ctx: RuleContext) => list(at(ctx.charter, "ip", "projects"));
const projectName = (p: Record<string, unknown>, i: number) => (isPresent(p.id) ? p.id.trim() : `#${i + 1}`);

/**
 * The defects of one allocation (ownership or revenue_shares), counted as rules.md says: no
 * allocation at all is one finding and nothing more; otherwise one for a sum other than 100,
 * one per participant without a share, one per share given to a roster member who is not a
 * participant. Keys that are no roster id are ref/unknown-member's.
 */
function checkAllocation(ctx: RuleContext, field: "ownership" | "revenue_shares"): void {
  projects(ctx).forEach((p, i) => {
    if (!isObj(p)) return;
    const alloc = p[field];
    if (field === "revenue_shares" && alloc === undefined) return;
    const project = projectName(p, i);
    const base = `/ip/projects/${i}`;
    // A method in words allocates by a rule (A1): it passes; a wrong type is schema/invalid's.
    if (isPresent(alloc) || (alloc !== undefined && typeof alloc !== "string" && !isObj(alloc))) return;
    if (!isObj(alloc) || Object.keys(alloc).length === 0) {
      // Absent, empty or a placeholder: the general terms cover the project when they are stated.
      if (isPresent(at(ctx.charter, "ip", GENERAL[field]))) return;
      ctx.report({ messageId: "none", data: { project }, pointer: alloc === undefined ? base : `${base}/${field}` });
      return;
    }
    const shares = Object.values(alloc);
    // A share that is not a number is schema/invalid's finding; the sum is then unknown.
    if (shares.every((v) => typeof v === "number" && Number.isFinite(v))) {
      const sum = (shares as number[]).reduce((a, b) => a + b, 0);
      // ±0.01 inclusive: 40 + 30 + 30.01 is 100.01000000000001 in floating point, and must pass.
      if (Math.abs(sum - 100) > 0.01 + 1e-9) ctx.report({ messageId: "sum", data: { project, sum: Math.round(sum * 1000) / 1000 }, pointer: `${base}/${field}` });
    }
    if (!Array.isArray(p.participants)) return;
    const participants = new Set(p.participants.map(refOf).filter((r): r is string => !!r));
    for (const id of participants) {
      if (ctx.roster.has(id) && !Object.hasOwn(alloc, id)) {
        ctx.report({ messageId: "noShare", data: { project, member: ctx.roster.label(id) }, pointer: `${base}/${field}` });
      }
    }
    for (const key of Object.keys(alloc)) {
      if (ctx.roster.has(key) && !participants.has(key.trim())) {
        ctx.report({ messageId: "notParticipant", data: { project, member: ctx.roster.label(key.trim()) }, pointer: `${base}/${field}/${pointerSegment(key)}`, at: "key" });
      }
    }
  });
}

/** The general text that covers a project's allocation when the project gives none (A1). */
const GENERAL = { ownership: "ownership", revenue_shares: "revenue_distribution" } as const;

const DEFERRING = ["另行约定", "另行协商", "另行商定", "另行确定", "另行签订", "届时协商", "届时约定", "由各方协商确定"];

/**
 * A text that only defers the terms (B4): once spaces and punctuation are removed, it holds a
 * deferring phrase and at most 10 other characters.
 */
export function onlyDefers(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 200) return false;
  const t = v.replace(/[\s\p{P}\p{S}]+/gu, "");
  const phrase = DEFERRING.find((p) => t.includes(p));
  return phrase !== undefined && t.length - phrase.length <= 10;
}

function allocationMessages(what: Text): Record<string, Text> {
  return {
    none: { zh: `项目 {project} 没有事先约定${what.zh}`, en: `project {project} has no ${what.en} agreed in advance` },
    sum: { zh: `项目 {project} 的${what.zh}合计为 {sum}%，应为 100%`, en: `project {project}'s ${what.en} sum to {sum}%, not 100%` },
    noShare: { zh: `项目 {project} 的参与成员 {member} 没有${what.zh}`, en: `participant {member} of project {project} has no ${what.en}` },
    notParticipant: {
      zh: `成员 {member} 不是项目 {project} 的参与成员，却被分配了${what.zh}`,
      en: `member {member} is given ${what.en} of project {project} but is not a participant`,
    },
  };
}

export const ip: Rule[] = [
  textRule({
    id: "ip/ownership",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["ip", "ownership"],
    what: { zh: "成果和知识产权的权利归属", en: "the ownership of results and IP" },
    title: { zh: "未约定权利归属", en: "No IP ownership terms" },
    description: { zh: "研发项目产生的成果和知识产权应事先通过协议明确权利归属。", en: "Ownership of the results and IP of R&D projects must be agreed in advance." },
    fix: { zh: "在 ip.ownership 中写明成果和知识产权的归属原则。", en: "State how results and IP are owned in ip.ownership." },
  }),
  textRule({
    id: "ip/licensing",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["ip", "licensing"],
    what: { zh: "许可使用办法", en: "the licensing terms" },
    title: { zh: "未约定许可使用", en: "No licensing terms" },
    description: { zh: "应事先通过协议明确成果和知识产权的许可使用办法。", en: "Licensing of results and IP must be agreed in advance." },
    fix: { zh: "在 ip.licensing 中写明成员和第三方的许可使用条件。", en: "State the licensing terms for members and third parties in ip.licensing." },
  }),
  textRule({
    id: "ip/revenue-distribution",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["ip", "revenue_distribution"],
    what: { zh: "转化收益分配办法", en: "the distribution of commercialisation revenue" },
    title: { zh: "未约定转化收益分配", en: "No revenue distribution terms" },
    description: { zh: "应事先通过协议明确成果转化收益的分配办法。", en: "How revenue from commercialising results is shared must be agreed in advance." },
    fix: { zh: "在 ip.revenue_distribution 中写明收益分配原则。", en: "State how revenue is shared in ip.revenue_distribution." },
  }),
  textRule({
    id: "ip/breach-liability",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["ip", "breach_liability"],
    what: { zh: "违约责任", en: "liability for breach" },
    title: { zh: "未约定违约责任", en: "No liability for breach" },
    description: { zh: "要强化违约责任追究，保护联盟成员的合法权益。", en: "Liability for breach must be enforced to protect the members' rights." },
    fix: { zh: "在 ip.breach_liability 中写明违约责任和追究方式。", en: "State the liability for breach in ip.breach_liability." },
  }),
  defineRule({
    id: "ip/allocation-gap",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "项目权利份额有缺口", en: "Gap in a project's ownership allocation" },
    description: {
      zh: "每个研发项目都应事先约定权利归属（ip.projects[].ownership）：写明分配办法的文字即可；写成份额时须覆盖全部参与成员、只分配给参与成员、合计 100%。项目没有写明时，由总的 ip.ownership 覆盖；两者都没有时给出“没有约定”。",
      en: "Each R&D project must have its ownership agreed in advance (ip.projects[].ownership): a method in words will do; shares must cover every participant, only participants, and sum to 100%. A project without one is covered by the general ip.ownership; with neither, it has no allocation.",
    },
    fix: { zh: "为项目的每个参与成员写明份额，使合计为 100。", en: "Give every participant of the project a share so that they sum to 100." },
    messages: allocationMessages({ zh: "权利份额", en: "ownership shares" }),
    check: (ctx) => checkAllocation(ctx, "ownership"),
  }),
  defineRule({
    id: "ip/revenue-shares-gap",
    condition: "ip",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "项目收益份额有缺口", en: "Gap in a project's revenue shares" },
    description: {
      zh: "写明了收益份额（ip.projects[].revenue_shares）的项目，应覆盖全部参与成员、只分配给参与成员、合计 100%；写明分配办法的文字即可。只写占位符而总的 ip.revenue_distribution 也没有写明时给出“没有约定”。",
      en: "Where a project gives revenue shares (ip.projects[].revenue_shares), they must cover every participant, only participants, and sum to 100%; a method in words will do. A placeholder with no general ip.revenue_distribution is no allocation.",
    },
    fix: { zh: "补齐或更正项目的收益份额，使合计为 100。", en: "Complete or correct the project's revenue shares so that they sum to 100." },
    messages: allocationMessages({ zh: "收益份额", en: "revenue shares" }),
    check: (ctx) => checkAllocation(ctx, "revenue_shares"),
  }),
  defineRule({
    id: "ip/deferred-terms",
    condition: "ip",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "知识产权条款只写了“另行约定”", en: "IP terms only deferred" },
    description: {
      zh: "成果和知识产权的权利归属、许可使用和收益分配应“事先”通过协议明确。只写“另行约定”“届时协商”等而没有实际内容的条款，等于没有事先约定。",
      en: "Ownership, licensing and revenue of results must be agreed in advance. A term that only says they will be agreed later (另行约定, 届时协商 …) agrees nothing in advance.",
    },
    fix: { zh: "写明实际的分配办法（如“独立完成的归完成方所有，共同完成的归全体参与方共有”）。", en: "State the actual method (e.g. results made alone belong to the maker, joint results to all participants)." },
    messages: {
      deferred: { zh: "{what}（{field}）只写了“{value}”，没有事先约定", en: '{what} ({field}) only says "{value}": nothing is agreed in advance' },
    },
    check(ctx) {
      const WHAT = {
        ownership: { zh: "权利归属", en: "ownership" },
        licensing: { zh: "许可使用", en: "licensing" },
        revenue_distribution: { zh: "收益分配", en: "revenue distribution" },
        revenue_shares: { zh: "收益分配", en: "revenue shares" },
      };
      for (const key of ["ownership", "licensing", "revenue_distribution"] as const) {
        const v = at(ctx.charter, "ip", key);
        if (onlyDefers(v)) ctx.report({ messageId: "deferred", data: { what: WHAT[key], field: `ip.${key}`, value: show(v) }, pointer: `/ip/${key}` });
      }
      projects(ctx).forEach((p, i) => {
        for (const key of ["ownership", "revenue_shares"] as const) {
          const v = at(p, key);
          if (onlyDefers(v)) ctx.report({ messageId: "deferred", data: { what: WHAT[key], field: `ip.projects[${i}].${key}`, value: show(v) }, pointer: `/ip/projects/${i}/${key}` });
        }
      });
    },
  }),
  defineRule({
    id: "ip/not-agreed-in-advance",
    condition: "ip",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "项目知识产权未事先约定", en: "Project IP terms not agreed in advance" },
    description: {
      zh: "成果和知识产权应“事先”通过协议约定：项目开始日期早于协议签署日期（续签的协议取最初签署日期 first_signed_date；无则生效日期）时，其知识产权条款不是事先约定的；项目开始后才签署加入协议（kind: accession）的参与成员也是如此，每个这样的成员给出一次警告。",
      en: "IP terms must be agreed in advance: a project that started before the agreement was signed (for a renewed agreement, first_signed_date; else the effective date) had no terms agreed beforehand; nor had a participant that signed its accession (kind: accession) after the project started, warned once per such member.",
    },
    fix: { zh: "核对项目开始日期；对已开始的项目补签知识产权协议。", en: "Check the project's start date; sign IP terms for a project already under way." },
    messages: {
      early: {
        zh: "项目 {project} 于 {start} 开始，早于协议{which} {agreed}，其知识产权条款不是事先约定的",
        en: "project {project} started on {start}, before the agreement was {which} on {agreed}: its IP terms were not agreed in advance",
      },
      lateJoiner: {
        zh: "成员 {member} 于 {joined} 签署加入协议，晚于项目 {project} 的开始日期 {start}，它在该项目中的知识产权条款不是事先约定的",
        en: "member {member} signed its accession on {joined}, after project {project} started on {start}: its IP terms in that project were not agreed in advance",
      },
    },
    check(ctx) {
      // A late joiner (B6): its own accession signature, signed after the project started.
      const accession = new Map<string, string>();
      const founders = new Set<string>();
      for (const sig of list(at(ctx.charter, "agreement", "signatures"))) {
        const id = refOf(at(sig, "member"));
        if (!id) continue;
        if (at(sig, "kind") !== "accession") founders.add(id);
        else {
          const d = validDate(at(sig, "date"));
          if (d && (!accession.has(id) || d < accession.get(id)!)) accession.set(id, d);
        }
      }
      projects(ctx).forEach((p, i) => {
        if (!isObj(p)) return;
        const start = validDate(p.start_date);
        if (!start) return;
        const seen = new Set<string>();
        list(p.participants).forEach((v, j) => {
          const id = refOf(v);
          if (!id || seen.has(id) || founders.has(id)) return;
          seen.add(id);
          const joined = accession.get(id);
          if (joined && joined > start) {
            ctx.report({
              messageId: "lateJoiner",
              data: { member: ctx.roster.has(id) ? ctx.roster.label(id) : id, joined, project: projectName(p, i), start },
              pointer: `/ip/projects/${i}/participants/${j}`,
            });
          }
        });
      });
      // A renewed agreement: the first signing is what came before the project (B6).
      const first = validDate(at(ctx.charter, "agreement", "first_signed_date"));
      const signed = first ?? validDate(at(ctx.charter, "agreement", "signed_date"));
      const agreed = signed ?? validDate(at(ctx.charter, "agreement", "effective_date"));
      if (!agreed) return;
      const which = signed ? { zh: "签署日期", en: "signed" } : { zh: "生效日期", en: "in effect" };
      projects(ctx).forEach((p, i) => {
        if (!isObj(p)) return;
        const start = validDate(p.start_date);
        if (start && start < agreed) {
          ctx.report({ messageId: "early", data: { project: projectName(p, i), start, agreed, which }, pointer: `/ip/projects/${i}/start_date` });
        }
      });
    },
  }),
];
