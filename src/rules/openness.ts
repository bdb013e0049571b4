// 条件（六）: 要建立开放发展机制。要根据发展需要及时吸收新成员，并积极开展与外部组织的交流与合作。
// 联盟要建立成果扩散机制，对承担政府资助项目形成的成果有向联盟外扩散的义务 (N 第八条（六）, HLJ 第6条).
import { HLJ, N } from "../policy/documents.js";
import { at, flag, show } from "./helpers.js";
import { takesGovernmentMoney } from "./funding.js";
import { defineRule, type Rule } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("六", "6");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

export const openness: Rule[] = [
  textRule({
    id: "openness/new-members",
    condition: "openness",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["agreement", "membership", "admission"],
    what: { zh: "吸收新成员的机制", en: "the admission of new members" },
    title: { zh: "没有吸收新成员的机制", en: "No admission of new members" },
    description: { zh: "联盟要根据发展需要及时吸收新成员：协议中须写明新成员如何加入（agreement.membership.admission）。", en: "The alliance must admit new members as it grows: the agreement must say how they join (agreement.membership.admission)." },
    fix: { zh: "写明入盟条件、申请和审批程序。", en: "State the conditions, application and approval for joining." },
  }),
  textRule({
    id: "openness/external-cooperation",
    condition: "openness",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    alsoCites: ALSO,
    path: ["openness", "external_cooperation"],
    what: { zh: "与外部组织的交流与合作", en: "exchange and cooperation with outside organisations" },
    title: { zh: "没有对外交流与合作", en: "No external cooperation" },
    description: { zh: "联盟要积极开展与外部组织的交流与合作。", en: "The alliance should actively exchange and cooperate with outside organisations." },
    fix: { zh: "在 openness.external_cooperation 中写明对外交流合作的方式。", en: "Describe the external cooperation in openness.external_cooperation." },
  }),
  textRule({
    id: "openness/result-diffusion",
    condition: "openness",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["openness", "result_diffusion"],
    what: { zh: "成果扩散机制", en: "the diffusion of results" },
    title: { zh: "没有成果扩散机制", en: "No result diffusion mechanism" },
    description: { zh: "联盟要建立成果扩散机制，如技术转让、许可、培训。", en: "The alliance must have a mechanism for diffusing its results, such as transfer, licensing or training." },
    fix: { zh: "在 openness.result_diffusion 中写明成果扩散的方式。", en: "Describe how results are diffused in openness.result_diffusion." },
  }),
  defineRule({
    id: "openness/government-funded-diffusion",
    condition: "openness",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "政府资助成果未承诺向联盟外扩散", en: "Government-funded results not diffused outside" },
    description: {
      zh: "承担政府资助项目形成的成果有向联盟外扩散的义务：使用政府资助时须写明 openness.government_funded_diffusion: true。没有政府资助而明确写 false（拒绝这项义务）时给出警告。",
      en: "Results of government-funded projects must be diffused outside the alliance: with government funding, state openness.government_funded_diffusion: true. Refusing it explicitly (false) without government funding gets a warning.",
    },
    fix: { zh: "承诺政府资助项目成果向联盟外扩散，并写明 government_funded_diffusion: true。", en: "Commit to diffusing government-funded results outside the alliance and write government_funded_diffusion: true." },
    messages: {
      missing: {
        zh: "联盟承担政府资助项目，但未承诺其成果向联盟外扩散（openness.government_funded_diffusion）",
        en: "the alliance has government-funded work but does not commit to diffusing its results outside (openness.government_funded_diffusion)",
      },
      notTrue: {
        zh: "联盟承担政府资助项目，openness.government_funded_diffusion 应为 true，实际是 {value}",
        en: "the alliance has government-funded work; openness.government_funded_diffusion must be true, found {value}",
      },
      refused: {
        zh: "章程明确拒绝承担政府资助成果向联盟外扩散的义务（openness.government_funded_diffusion: false）；一旦承担政府资助项目，这项义务即适用",
        en: "the charter refuses the duty to diffuse government-funded results outside the alliance (openness.government_funded_diffusion: false); the duty applies as soon as it takes government funding",
      },
    },
    covers: ["/openness/government_funded_diffusion"],
    check(ctx) {
      const v = at(ctx.charter, "openness", "government_funded_diffusion");
      if (!takesGovernmentMoney(ctx)) {
        // Refused outright although no money is recorded yet (B5): a warning.
        if (flag(v) === false) ctx.report({ messageId: "refused", pointer: "/openness/government_funded_diffusion", severity: "warning" });
        return;
      }
      if (flag(v) === true) return;
      ctx.report({ messageId: v === undefined ? "missing" : "notTrue", data: { value: show(v) }, pointer: "/openness/government_funded_diffusion" });
    },
  }),
];
