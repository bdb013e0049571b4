// 条件（三）: 要设立决策、咨询和执行等组织机构，建立有效的决策与执行机制，明确联盟对外承担责任的主体。
// 联盟执行机构应配备专职人员，负责有关日常事务 (N 第八条（三）, HLJ 第6条).
import { HLJ, N } from "../policy/documents.js";
import type { Text } from "../types.js";
import { at, isObj, isPresent, show } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("三", "3");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

type Body = "decision_body" | "advisory_body" | "executive_body";
const body = (ctx: RuleContext, which: Body) => at(ctx.charter, "governance", which);

function bodyRule(id: string, which: Body, what: Text, example: Text, extra: { description: Text; fix: Text }): Rule {
  return defineRule({
    id,
    condition: "governance",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: `未设立${what.zh}`, en: `No ${what.en}` },
    description: extra.description,
    fix: extra.fix,
    messages: {
      missing: { zh: `未设立${what.zh}（governance.${which}，如${example.zh}）`, en: `no ${what.en} is set up (governance.${which}, e.g. ${example.en})` },
      noName: { zh: `${what.zh}（governance.${which}）没有写明名称`, en: `the ${what.en} (governance.${which}) has no name` },
    },
    covers: [`/governance/${which}`, `/governance/${which}/name`],
    check(ctx) {
      const b = body(ctx, which);
      if (isObj(b) && isPresent(b.name)) return;
      ctx.report({ messageId: isObj(b) ? "noName" : "missing", pointer: isObj(b) ? `/governance/${which}/name` : `/governance/${which}` });
    },
  });
}

export const governance: Rule[] = [
  bodyRule("governance/decision-body", "decision_body", { zh: "决策机构", en: "decision body" }, { zh: "理事会", en: "a council" }, {
    description: { zh: "联盟要设立决策机构（如理事会），由其对重大事项作出决定。", en: "The alliance must have a decision body, such as a council, that decides major matters." },
    fix: { zh: "在 governance.decision_body 中写明决策机构的名称、组成和决策规则。", en: "Describe the decision body's name, composition and rules under governance.decision_body." },
  }),
  bodyRule("governance/advisory-body", "advisory_body", { zh: "咨询机构", en: "advisory body" }, { zh: "专家委员会", en: "an expert committee" }, {
    description: { zh: "联盟要设立咨询机构（如专家委员会、技术委员会），为决策提供咨询。", en: "The alliance must have an advisory body, such as an expert or technical committee." },
    fix: { zh: "在 governance.advisory_body 中写明咨询机构的名称和专家。", en: "Describe the advisory body's name and experts under governance.advisory_body." },
  }),
  bodyRule("governance/executive-body", "executive_body", { zh: "执行机构", en: "executive body" }, { zh: "秘书处", en: "a secretariat" }, {
    description: { zh: "联盟要设立执行机构（如秘书处），负责日常事务。", en: "The alliance must have an executive body, such as a secretariat, for its daily business." },
    fix: { zh: "在 governance.executive_body 中写明执行机构的名称、依托单位、专职人员和执行规则。", en: "Describe the executive body's name, host, staff and rules under governance.executive_body." },
  }),
  textRule({
    id: "governance/decision-mechanism",
    condition: "governance",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["governance", "decision_body", "rules"],
    what: { zh: "决策机制", en: "the decision mechanism" },
    title: { zh: "没有决策机制", en: "No decision mechanism" },
    description: { zh: "设立决策机构的同时要建立有效的决策机制：会议、表决方式和通过比例。", en: "A decision body needs an effective decision mechanism: meetings, voting and majorities." },
    fix: { zh: "在 decision_body.rules 中写明会议制度和表决规则。", en: "State meetings and voting rules in decision_body.rules." },
    when: (ctx) => isObj(body(ctx, "decision_body")),
  }),
  textRule({
    id: "governance/execution-mechanism",
    condition: "governance",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["governance", "executive_body", "rules"],
    what: { zh: "执行机制", en: "the execution mechanism" },
    title: { zh: "没有执行机制", en: "No execution mechanism" },
    description: { zh: "设立执行机构的同时要建立有效的执行机制：职责、向决策机构报告的方式。", en: "An executive body needs an effective execution mechanism: its duties and how it reports to the decision body." },
    fix: { zh: "在 executive_body.rules 中写明执行机构的职责和报告制度。", en: "State the executive body's duties and reporting in executive_body.rules." },
    when: (ctx) => isObj(body(ctx, "executive_body")),
  }),
  defineRule({
    id: "governance/liable-entity",
    condition: "governance",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "未明确对外承担责任的主体", en: "No liable entity" },
    description: {
      zh: "联盟要明确对外承担责任的主体（governance.liable_entity，填写成员编号）。",
      en: "The alliance must name the entity liable for it towards third parties (governance.liable_entity, a member id).",
    },
    fix: { zh: "在 governance.liable_entity 中填写承担责任的成员编号，如 M01。", en: "Put the liable member's id, e.g. M01, in governance.liable_entity." },
    messages: {
      missing: { zh: "未明确联盟对外承担责任的主体（governance.liable_entity）", en: "no entity liable for the alliance is named (governance.liable_entity)" },
      wrongType: { zh: "governance.liable_entity 应为一个成员编号，实际是 {value}", en: "governance.liable_entity must be a member id, found {value}" },
    },
    covers: ["/governance/liable_entity"],
    check(ctx) {
      const v = at(ctx.charter, "governance", "liable_entity");
      if (typeof v === "string" && v.trim() !== "") return; // an unknown id is ref/unknown-member's
      ctx.report({ messageId: v === undefined || typeof v === "string" ? "missing" : "wrongType", data: { value: show(v) }, pointer: "/governance/liable_entity" });
    },
  }),
  defineRule({
    id: "governance/full-time-staff",
    condition: "governance",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "执行机构没有专职人员", en: "Executive body has no full-time staff" },
    description: {
      zh: "联盟执行机构应配备专职人员，负责有关日常事务（executive_body.full_time_staff 至少为 1）。",
      en: "The executive body must have full-time staff for the daily business (executive_body.full_time_staff of at least 1).",
    },
    fix: { zh: "为执行机构配备专职人员，并在 full_time_staff 中写明人数。", en: "Staff the executive body and give the number in full_time_staff." },
    messages: {
      missing: { zh: "执行机构未写明专职人员人数（executive_body.full_time_staff）", en: "the executive body states no full-time staff (executive_body.full_time_staff)" },
      tooFew: { zh: "执行机构的专职人员人数为 {value}，至少应为 1", en: "the executive body has {value} full-time staff; at least 1 is required" },
      wrongType: { zh: "executive_body.full_time_staff 应为人数（整数），实际是 {value}", en: "executive_body.full_time_staff must be a number of people, found {value}" },
    },
    covers: ["/governance/executive_body/full_time_staff"],
    check(ctx) {
      const b = body(ctx, "executive_body");
      if (!isObj(b)) return;
      const v = b.full_time_staff;
      const pointer = "/governance/executive_body/full_time_staff";
      if (typeof v === "number" && v >= 1) return;
      if (v === undefined) ctx.report({ messageId: "missing", pointer });
      else if (typeof v === "number") ctx.report({ messageId: "tooFew", data: { value: v }, pointer });
      else ctx.report({ messageId: "wrongType", data: { value: show(v) }, pointer });
    },
  }),
];
