// 条件（四）: 要健全经费管理制度。对联盟经费要制定相应的内部管理办法，并建立经费使用的内部监督机制。
// 联盟可委托常设机构的依托单位管理联盟经费，政府资助经费的使用要按照相关规定接受有关部门的监督
// (N 第八条（四）, HLJ 第6条).
import { HLJ, N } from "../policy/documents.js";
import { at, flag, isObj, isPresent, list, refOf, show } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("四", "4");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

/** The alliance takes government money: stated for the alliance, or for any of its projects. */
export function takesGovernmentMoney(ctx: RuleContext): boolean {
  return flag(at(ctx.charter, "funding", "government_funding")) === true || list(at(ctx.charter, "ip", "projects")).some((p) => flag(at(p, "government_funded")) === true);
}

export const funding: Rule[] = [
  textRule({
    id: "funding/management-rules",
    condition: "funding",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["funding", "management_rules"],
    what: { zh: "经费内部管理办法", en: "the internal fund management rules" },
    title: { zh: "没有经费内部管理办法", en: "No internal fund management rules" },
    description: { zh: "对联盟经费要制定相应的内部管理办法。", en: "The alliance must adopt internal rules for managing its funds." },
    fix: { zh: "制定经费管理办法，并在 funding.management_rules 中写明名称或要点。", en: "Adopt fund management rules and name or summarise them in funding.management_rules." },
  }),
  textRule({
    id: "funding/internal-supervision",
    condition: "funding",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    path: ["funding", "internal_supervision"],
    what: { zh: "经费使用的内部监督机制", en: "the internal supervision of fund use" },
    title: { zh: "没有经费内部监督机制", en: "No internal supervision of funds" },
    description: { zh: "要建立经费使用的内部监督机制，如监督小组、年度审计。", en: "The alliance must supervise the use of its funds internally, e.g. a supervision group or an annual audit." },
    fix: { zh: "在 funding.internal_supervision 中写明监督方式。", en: "Describe the supervision in funding.internal_supervision." },
  }),
  defineRule({
    id: "funding/government-supervision",
    condition: "funding",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "政府资助经费未接受监督", en: "Government funds not under supervision" },
    description: {
      zh: "联盟使用政府资助经费（funding.government_funding 或任一项目 government_funded 为 true）时，经费使用要按照相关规定接受有关部门的监督（funding.government_supervision: true）。",
      en: "When the alliance receives government funds (funding.government_funding or any project's government_funded is true), their use must be supervised by the authorities (funding.government_supervision: true).",
    },
    fix: { zh: "承诺政府资助经费接受有关部门监督，并写明 government_supervision: true。", en: "Commit to the authorities' supervision of government funds and write government_supervision: true." },
    messages: {
      missing: {
        zh: "联盟使用政府资助经费，但未写明接受有关部门监督（funding.government_supervision）",
        en: "the alliance receives government funds but does not state that their use is supervised (funding.government_supervision)",
      },
      notTrue: {
        zh: "联盟使用政府资助经费，funding.government_supervision 应为 true，实际是 {value}",
        en: "the alliance receives government funds; funding.government_supervision must be true, found {value}",
      },
    },
    covers: ["/funding/government_supervision"],
    check(ctx) {
      if (!takesGovernmentMoney(ctx)) return;
      const v = at(ctx.charter, "funding", "government_supervision");
      if (flag(v) === true) return;
      ctx.report({ messageId: v === undefined ? "missing" : "notTrue", data: { value: show(v) }, pointer: "/funding/government_supervision" });
    },
  }),
  defineRule({
    id: "funding/custodian-not-host",
    condition: "funding",
    severity: { national: "info", heilongjiang: "info" },
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "经费依托单位不是执行机构依托单位", en: "Fund custodian is not the executive body's host" },
    description: {
      zh: "联盟可委托常设机构的依托单位管理联盟经费。经费依托单位（funding.custodian 或 custodian_unit）与执行机构依托单位（host_member 或 host_unit）都写明而不是同一单位时给出提示，请确认委托关系。",
      en: "The alliance may entrust its funds to the host of its standing body. When the fund custodian (funding.custodian or custodian_unit) and the executive body's host (host_member or host_unit) are both given and differ, a notice asks to confirm the arrangement.",
    },
    fix: { zh: "确认经费委托给哪个单位管理；若应为执行机构的依托单位，请更正。", en: "Confirm which unit manages the funds; if it should be the executive body's host, correct it." },
    messages: {
      differs: {
        zh: "经费由“{custodian}”管理，而执行机构的依托单位是“{host}”；请确认这一委托关系",
        en: 'the funds are managed by "{custodian}" while the executive body is hosted by "{host}"; confirm this arrangement',
      },
    },
    check(ctx) {
      // A member id names its member's name, so that M01 and 松花江铝业股份有限公司 compare equal.
      const unitName = (idValue: unknown, unit: unknown): string | undefined => {
        const id = refOf(idValue);
        if (id) {
          const entry = ctx.roster.get(id);
          if (!entry) return undefined; // an unknown id is ref/unknown-member's finding
          return isPresent(entry.member.name) ? entry.member.name.trim() : id;
        }
        return isObj(unit) && isPresent(unit.name) ? unit.name.trim() : undefined;
      };
      const custodian = unitName(at(ctx.charter, "funding", "custodian"), at(ctx.charter, "funding", "custodian_unit"));
      const host = unitName(at(ctx.charter, "governance", "executive_body", "host_member"), at(ctx.charter, "governance", "executive_body", "host_unit"));
      if (!custodian || !host || custodian.replace(/[\s\u3000]+/g, "") === host.replace(/[\s\u3000]+/g, "")) return;
      const pointer = at(ctx.charter, "funding", "custodian") !== undefined ? "/funding/custodian" : "/funding/custodian_unit";
      ctx.report({ messageId: "differs", data: { custodian, host }, pointer });
    },
  }),
];
