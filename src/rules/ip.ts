// 条件（五）: 要建立利益保障机制。联盟研发项目产生的成果和知识产权应事先通过协议明确权利归属、许可使用
// 和转化收益分配的办法，要强化违约责任追究，保护联盟成员的合法权益 (N 第八条（五）, HLJ 第6条).
import { HLJ, N } from "../policy/documents.js";
import type { Text } from "../types.js";
import { validDate } from "../model/dates.js";
import { pointerSegment } from "../load/document.js";
import { at, isObj, isPresent, list, refOf } from "./helpers.js";
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
    if (!isObj(alloc) || Object.keys(alloc).length === 0) {
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
      zh: "每个研发项目都应事先约定各参与成员的权利份额（ip.projects[].ownership）：覆盖全部参与成员、只分配给参与成员、合计 100%。",
      en: "Each R&D project must allocate ownership in advance (ip.projects[].ownership): covering every participant, only participants, summing to 100%.",
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
      zh: "写明了收益份额（ip.projects[].revenue_shares）的项目，应覆盖全部参与成员、只分配给参与成员、合计 100%。",
      en: "Where a project gives revenue shares (ip.projects[].revenue_shares), they must cover every participant, only participants, and sum to 100%.",
    },
    fix: { zh: "补齐或更正项目的收益份额，使合计为 100。", en: "Complete or correct the project's revenue shares so that they sum to 100." },
    messages: allocationMessages({ zh: "收益份额", en: "revenue shares" }),
    check: (ctx) => checkAllocation(ctx, "revenue_shares"),
  }),
  defineRule({
    id: "ip/not-agreed-in-advance",
    condition: "ip",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "项目知识产权未事先约定", en: "Project IP terms not agreed in advance" },
    description: {
      zh: "成果和知识产权应“事先”通过协议约定：项目开始日期早于协议签署日期（无则生效日期）时，其知识产权条款不是事先约定的。",
      en: "IP terms must be agreed in advance: a project that started before the agreement was signed (else took effect) had no terms agreed beforehand.",
    },
    fix: { zh: "核对项目开始日期；对已开始的项目补签知识产权协议。", en: "Check the project's start date; sign IP terms for a project already under way." },
    messages: {
      early: {
        zh: "项目 {project} 于 {start} 开始，早于协议 {which} {agreed}，其知识产权条款不是事先约定的",
        en: "project {project} started on {start}, before the agreement was {which} on {agreed}: its IP terms were not agreed in advance",
      },
    },
    check(ctx) {
      const signed = validDate(at(ctx.charter, "agreement", "signed_date"));
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
