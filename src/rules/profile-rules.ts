// Rules that provinces and cities add to 770号 第八条 (profiles.md "Rules with options"): off in
// the built-in profiles, turned on with their thresholds by a profile file that cites the notice
// they come from (山西: ≥ 10 core members, lead unit in the province; 河南: members mainly in the
// province; 杭州: operated at least half a year). Each restates a condition of 第八条, which it cites
// until a profile's `cite` names the local notice.
import { isValidCreditCode } from "../model/credit-code.js";
import { isDomestic } from "../model/aliases.js";
import { parseDate } from "../model/dates.js";
import type { RosterEntry } from "../model/proposal.js";
import { N } from "../policy/documents.js";
import { monthsWithin } from "./agreement.js";
import { at, refOf } from "./helpers.js";
import { defineRule, type Rule } from "./rule.js";

const OFF = {} as const; // active in no built-in profile: a profile file turns it on

/** GB/T 2260 division code prefixes: 2 (province), 4 (city) or 6 (county) digits. */
const regionsSchema = { type: "array", minItems: 1, items: { type: "string", pattern: "^(\\d{2}|\\d{4}|\\d{6})$" } };

/** Characters 3–8 of a credit code: the registering authority's division (GB 32100). */
const divisionOf = (code: string) => code.slice(2, 8);
const inRegions = (code: string, regions: readonly string[]) => regions.some((r) => divisionOf(code).startsWith(r));

/** Members that count as distinct independent legal persons (as members/min-legal-entities counts). */
function countedMembers(entries: readonly RosterEntry[]): RosterEntry[] {
  const seen = new Set<string>();
  const out: RosterEntry[] = [];
  for (const e of entries) {
    if (e.member.independent_legal_person === false) continue;
    const code = e.member.credit_code;
    const key = isDomestic(e.member) ? (typeof code === "string" && code.trim() ? `code:${code.trim()}` : undefined) : typeof e.member.name === "string" && e.member.name.trim() ? `name:${e.member.name.trim()}` : undefined;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

export const profileRules: Rule[] = [
  defineRule({
    id: "members/min-members",
    condition: "composition",
    severity: OFF,
    citation: N("一", "1"),
    title: { zh: "成员单位少于规定数量", en: "Fewer members than required" },
    description: {
      zh: "地方规定联盟至少有若干成员单位（如山西：核心成员单位不少于 10 家）。计入具有不同统一社会信用代码的独立法人；core_only 为 true 时只计 core: true 的成员（名单中没有任何成员填写 core 时全部计入）。",
      en: "A local rule requires at least a number of member units (Shanxi: at least 10 core member units). Independent legal persons with distinct credit codes count; with core_only, only members with core: true (all count when no member has the core field).",
    },
    fix: { zh: "增加成员单位，或在名单的“核心成员”列标明核心成员单位。", en: "Add member units, or mark the core members in the roster's core (核心成员) column." },
    messages: {
      tooFew: { zh: "联盟有 {count} 家{which}成员单位，少于规定的 {min} 家", en: "the alliance has {count} {which}member units, fewer than the {min} required" },
    },
    options: {
      schema: { type: "object", properties: { min: { type: "integer", minimum: 1 }, core_only: { type: "boolean" } }, required: ["min"], additionalProperties: false },
      defaults: { core_only: false },
      accepts: { zh: "{ min: 正整数, core_only: true 或 false }", en: "{ min: a whole number ≥ 1, core_only: true or false }" },
    },
    check({ roster, options, report }) {
      const min = options.min as number | undefined;
      if (typeof min !== "number") return;
      let members = countedMembers(roster.current);
      const anyCore = roster.current.some((e) => e.member.core !== undefined);
      const coreOnly = options.core_only === true && anyCore;
      if (coreOnly) members = members.filter((e) => e.member.core === true);
      if (members.length < min) {
        report({ messageId: "tooFew", data: { count: members.length, min, which: coreOnly ? { zh: "核心", en: "core " } : { zh: "", en: "" } }, doc: "members", pointer: "/members" });
      }
    },
  }),

  defineRule({
    id: "members/max-members",
    condition: "composition",
    severity: OFF,
    citation: N("一", "1"),
    title: { zh: "成员单位多于规定数量", en: "More members than allowed" },
    description: {
      zh: "地方规定联盟成员一般不超过若干家（如山西：一般不超过 30 家）。计入名单中未退出的成员。",
      en: "A local rule caps the number of members (Shanxi: normally at most 30). Current (not withdrawn) members count.",
    },
    fix: { zh: "核实成员数量；超过规定时在申报材料中说明理由。", en: "Check the number of members; explain in the proposal why more are needed." },
    messages: { tooMany: { zh: "联盟有 {count} 家成员单位，多于规定的 {max} 家", en: "the alliance has {count} member units, more than the {max} allowed" } },
    options: {
      schema: { type: "object", properties: { max: { type: "integer", minimum: 1 } }, required: ["max"], additionalProperties: false },
      defaults: {},
      accepts: { zh: "{ max: 正整数 }", en: "{ max: a whole number ≥ 1 }" },
    },
    check({ roster, options, report }) {
      const max = options.max as number | undefined;
      if (typeof max === "number" && roster.current.length > max) report({ messageId: "tooMany", data: { count: roster.current.length, max }, doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/lead-in-region",
    condition: "composition",
    severity: OFF,
    citation: N("一", "1"),
    title: { zh: "牵头单位不在本地区登记", en: "Lead unit not registered in the region" },
    description: {
      zh: "地方规定牵头单位须在本省（市）登记注册。牵头单位为 alliance.lead_member，没有时为对外承担责任的主体；以其统一社会信用代码第 3–8 位（登记管理机关行政区划码，GB/T 2260）判断。代码无效时不检查（由 members/credit-code-invalid 报告）。",
      en: "A local rule requires the lead unit to be registered in the province (or city). The lead is alliance.lead_member, else the liable entity; its credit code's characters 3–8 (the registering authority's division code, GB/T 2260) decide. Silent when the code is invalid (members/credit-code-invalid says so).",
    },
    fix: { zh: "由本地区登记的成员担任牵头单位，或核对其统一社会信用代码。", en: "Make a member registered in the region the lead, or check its credit code." },
    messages: {
      outside: { zh: "牵头单位 {member} 的统一社会信用代码登记地为 {division}，不在 {regions} 内", en: "the lead unit {member} is registered in division {division}, outside {regions}" },
    },
    options: {
      schema: { type: "object", properties: { regions: regionsSchema }, required: ["regions"], additionalProperties: false },
      defaults: {},
      accepts: { zh: "{ regions: [2、4 或 6 位行政区划代码前缀，如 \"14\"] }", en: '{ regions: [division code prefixes of 2, 4 or 6 digits, e.g. "14"] }' },
    },
    check({ charter, roster, options, report }) {
      const regions = (options.regions as string[] | undefined) ?? [];
      if (regions.length === 0) return;
      const lead = refOf(at(charter, "alliance", "lead_member")) ?? refOf(at(charter, "governance", "liable_entity"));
      const entry = roster.get(lead);
      if (!entry || !isDomestic(entry.member)) return;
      const code = entry.member.credit_code;
      if (!isValidCreditCode(code)) return;
      if (!inRegions(code, regions)) {
        report({ messageId: "outside", data: { member: roster.label(entry.id!), division: divisionOf(code), regions: regions.join(", ") }, doc: "members", pointer: `/members/${entry.index}/credit_code` });
      }
    },
  }),

  defineRule({
    id: "members/in-region-share",
    condition: "composition",
    severity: OFF,
    citation: N("一", "1"),
    title: { zh: "本地区成员比例不足", en: "Too few members from the region" },
    description: {
      zh: "地方规定成员主要在本省（如河南）。在具有有效统一社会信用代码的现有成员中（已退出和境外成员不计），代码登记地在 regions 内的比例应不低于 min_share。",
      en: "A local rule requires members mainly from the province (Henan). Among current members with a valid credit code (withdrawn and foreign members left out), the share registered in the regions must be at least min_share.",
    },
    fix: { zh: "增加本地区成员，或核对成员的统一社会信用代码。", en: "Add members from the region, or check the members' credit codes." },
    messages: {
      low: { zh: "{total} 家成员中只有 {inside} 家在 {regions} 登记（{share}），低于规定的 {min}", en: "only {inside} of {total} members are registered in {regions} ({share}), below the {min} required" },
    },
    options: {
      schema: { type: "object", properties: { regions: regionsSchema, min_share: { type: "number", minimum: 0, maximum: 1 } }, required: ["regions", "min_share"], additionalProperties: false },
      defaults: {},
      accepts: { zh: "{ regions: [行政区划代码前缀], min_share: 0 到 1 之间的数 }", en: "{ regions: [division code prefixes], min_share: a number from 0 to 1 }" },
    },
    check({ roster, options, report }) {
      const regions = (options.regions as string[] | undefined) ?? [];
      const min = options.min_share as number | undefined;
      if (regions.length === 0 || typeof min !== "number") return;
      const codes = roster.current.filter((e) => isDomestic(e.member) && isValidCreditCode(e.member.credit_code)).map((e) => e.member.credit_code as string);
      if (codes.length === 0) return;
      const inside = codes.filter((c) => inRegions(c, regions)).length;
      const share = inside / codes.length;
      const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
      if (share < min) report({ messageId: "low", data: { inside, total: codes.length, regions: regions.join(", "), share: pct(share), min: pct(min) }, doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "alliance/operating-time",
    condition: "alliance",
    severity: OFF,
    citation: N("二", "2"),
    title: { zh: "联盟运行时间不足", en: "Alliance has not operated long enough" },
    description: {
      zh: "地方规定联盟申报前须已运行一定时间（如杭州：半年以上）。自 agreement.effective_date（无则 signed_date）起到审核基准日的整月数应不少于 min_months；没有日期时也提示。",
      en: "A local rule requires the alliance to have operated for some time before applying (Hangzhou: at least half a year). Whole months from agreement.effective_date (else signed_date) to the as-of date must be at least min_months; a missing date is reported too.",
    },
    fix: { zh: "核对协议生效日期；运行时间不足时待满足后再申报。", en: "Check the agreement's effective date; apply once the alliance has operated long enough." },
    messages: {
      tooShort: { zh: "联盟自 {from} 起运行了 {months} 个月，少于规定的 {min} 个月", en: "the alliance has operated {months} months since {from}, fewer than the {min} required" },
      noDate: { zh: "没有协议生效日期（agreement.effective_date）或签署日期，无法确定运行时间", en: "no effective_date or signed_date: the operating time cannot be determined" },
    },
    options: {
      schema: { type: "object", properties: { min_months: { type: "integer", minimum: 1 } }, required: ["min_months"], additionalProperties: false },
      defaults: {},
      accepts: { zh: "{ min_months: 正整数 }", en: "{ min_months: a whole number ≥ 1 }" },
    },
    check({ charter, asOf, options, report }) {
      const min = options.min_months as number | undefined;
      if (typeof min !== "number") return;
      const effective = at(charter, "agreement", "effective_date");
      const signed = at(charter, "agreement", "signed_date");
      const [from, pointer] = parseDate(effective) ? [effective as string, "/agreement/effective_date"] : parseDate(signed) ? [signed as string, "/agreement/signed_date"] : [undefined, "/agreement"];
      const start = from ? parseDate(from) : undefined;
      const end = parseDate(asOf);
      if (!start || !end) return report({ messageId: "noDate", pointer });
      const months = monthsWithin(start, end);
      if (months < min) report({ messageId: "tooShort", data: { from: from!, months: Math.max(0, months), min }, pointer });
    },
  }),
];
