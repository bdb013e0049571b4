// 条件（一）: 要由企业、大学和科研机构等多个独立法人组成。企业处于行业骨干地位；大学或科研机构在
// 合作的技术领域具有前沿水平 (N 第八条（一）, HLJ 第6条; HLJ 第7条 encourages 省属科研院所).
import { HLJ, N } from "../policy/documents.js";
import { creditCodeProblem } from "../model/credit-code.js";
import type { RosterEntry } from "../model/proposal.js";
import { at, refOf, show } from "./helpers.js";
import { defineRule, type Rule } from "./rule.js";

const CITE = N("一", "1");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;
const bothWarn = { national: "warning", heilongjiang: "warning" } as const;

const isType = (e: RosterEntry, ...types: string[]) => types.includes(String(e.member.type));
const ACADEMIC = ["university", "research_institute"];

export const composition: Rule[] = [
  defineRule({
    id: "members/min-legal-entities",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "独立法人不足两个", en: "Fewer than two independent legal persons" },
    description: {
      zh: "联盟要由企业、大学和科研机构等多个独立法人组成。只有独立法人（非分公司、分院）且统一社会信用代码互不相同的成员才计入。",
      en: "An alliance must consist of several independent legal persons. Only members that are independent legal persons (not branches) with distinct unified social credit codes count.",
    },
    fix: {
      zh: "增加独立法人成员，并在名单中填写各自的统一社会信用代码。",
      en: "Add members that are independent legal persons and give each its own unified social credit code in the roster.",
    },
    messages: {
      tooFew: {
        zh: "只有 {count} 个成员是具有不同统一社会信用代码的独立法人，至少需要 2 个",
        en: "only {count} member(s) are independent legal persons with distinct credit codes; at least 2 are required",
      },
    },
    check({ roster, report }) {
      const codes = new Set<string>();
      for (const e of roster.entries) {
        const code = e.member.credit_code;
        if (e.member.independent_legal_person !== false && typeof code === "string" && code.trim()) codes.add(code.trim());
      }
      if (codes.size < 2) report({ messageId: "tooFew", data: { count: codes.size }, doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/enterprise-required",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有企业成员", en: "No enterprise member" },
    description: {
      zh: "联盟以企业为主体，成员中必须有企业（type: enterprise）。",
      en: "An alliance is centred on enterprises: at least one member must be an enterprise (type: enterprise).",
    },
    fix: { zh: "在名单中加入企业成员，或更正已有成员的单位类型。", en: "Add an enterprise member, or correct a member's type." },
    messages: { none: { zh: "名单中没有企业成员（type: enterprise）", en: "the roster has no enterprise member (type: enterprise)" } },
    check({ roster, report }) {
      if (!roster.entries.some((e) => isType(e, "enterprise"))) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/academic-required",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有大学或科研机构成员", en: "No university or research institute" },
    description: {
      zh: "联盟由企业、大学和科研机构等组成，成员中必须有大学或科研机构（type: university 或 research_institute）。",
      en: "An alliance joins enterprises with universities and research institutes: at least one member must be a university or research institute.",
    },
    fix: { zh: "加入大学或科研机构成员，或更正已有成员的单位类型。", en: "Add a university or research institute, or correct a member's type." },
    messages: {
      none: {
        zh: "名单中没有大学或科研机构成员（type: university / research_institute）",
        en: "the roster has no university or research institute (type: university / research_institute)",
      },
    },
    check({ roster, report }) {
      if (!roster.entries.some((e) => isType(e, ...ACADEMIC))) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/not-independent",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "成员不是独立法人", en: "Member is not an independent legal person" },
    description: {
      zh: "联盟成员必须是独立法人。分公司、分院等非独立法人不能作为成员，应由其上级法人单位加入。",
      en: "Members must be independent legal persons. A branch or other non-independent unit cannot be a member; its parent legal person should join instead.",
    },
    fix: { zh: "由该单位的上级法人单位作为成员加入，并替换名单中的条目。", en: "Have the unit's parent legal person join instead, and replace the roster entry." },
    messages: {
      branch: {
        zh: "成员 {member} 不是独立法人（independent_legal_person: false）",
        en: "member {member} is not an independent legal person (independent_legal_person: false)",
      },
    },
    check({ roster, report }) {
      for (const e of roster.entries) {
        if (e.member.independent_legal_person === false) {
          report({
            messageId: "branch",
            data: { member: e.id ? roster.label(e.id) : `#${e.index + 1}` },
            doc: "members",
            pointer: `/members/${e.index}/independent_legal_person`,
          });
        }
      }
    },
  }),

  defineRule({
    id: "members/credit-code-invalid",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "统一社会信用代码无效", en: "Invalid unified social credit code" },
    description: {
      zh: "每个成员须填写有效的统一社会信用代码（GB 32100-2015）：18 位，由数字和大写字母（不含 I、O、S、V、Z）组成，并通过两道校验（第 18 位校验码和第 9–17 位组织机构代码的校验码）。",
      en: "Each member needs a valid unified social credit code (GB 32100-2015): 18 characters of digits and upper-case letters other than I, O, S, V, Z, passing both check characters (the 18th, and the organization code's in characters 9–17).",
    },
    fix: {
      zh: "按营业执照或事业单位法人证书核对并更正代码；纯数字代码请加引号。",
      en: "Copy the code again from the business licence or legal-person certificate; quote an all-digit code.",
    },
    messages: {
      missing: { zh: "成员 {member} 未填写统一社会信用代码", en: "member {member} has no unified social credit code" },
      lowercase: {
        zh: "成员 {member} 的统一社会信用代码“{code}”含小写字母，代码应为大写",
        en: 'member {member}\'s credit code "{code}" contains lower-case letters; the code is upper case',
      },
      format: {
        zh: "成员 {member} 的统一社会信用代码“{code}”不是 18 位有效字符（数字和除 I、O、S、V、Z 外的大写字母）",
        en: 'member {member}\'s credit code "{code}" is not 18 characters of digits and upper-case letters other than I, O, S, V, Z',
      },
      checksum: {
        zh: "成员 {member} 的统一社会信用代码“{code}”校验码错误（第 18 位）",
        en: 'member {member}\'s credit code "{code}" fails its check character (18th)',
      },
      "org-checksum": {
        zh: "成员 {member} 的统一社会信用代码“{code}”中的组织机构代码（第 9–17 位）校验错误",
        en: 'member {member}\'s credit code "{code}" fails the organization code check (characters 9–17)',
      },
    },
    covers: ["/members/*/credit_code"],
    check({ roster, report }) {
      for (const e of roster.entries) {
        const problem = creditCodeProblem(e.member.credit_code);
        if (!problem) continue;
        report({
          messageId: problem,
          data: { member: e.id ? roster.label(e.id) : `#${e.index + 1}`, code: show(e.member.credit_code) },
          doc: "members",
          pointer: `/members/${e.index}/credit_code`,
        });
      }
    },
  }),

  defineRule({
    id: "members/duplicate",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "成员重复", en: "Duplicate member" },
    description: {
      zh: "名单中每个成员的编号、单位名称和统一社会信用代码都必须唯一；重复通常是同一单位被列了两次。",
      en: "Each member's id, name and credit code must be unique in the roster; a repeat usually means one organisation is listed twice.",
    },
    fix: { zh: "删除重复的条目，或更正编号、名称或代码。", en: "Remove the repeated entry, or correct its id, name or code." },
    messages: {
      id: { zh: "成员编号“{value}”重复（第一次出现在第 {first} 个成员）", en: 'member id "{value}" repeats (first used by member #{first})' },
      name: { zh: "单位名称“{value}”重复（第一次出现在第 {first} 个成员）", en: 'member name "{value}" repeats (first used by member #{first})' },
      credit_code: {
        zh: "统一社会信用代码“{value}”重复（第一次出现在第 {first} 个成员）",
        en: 'credit code "{value}" repeats (first used by member #{first})',
      },
    },
    check({ roster, report }) {
      for (const field of ["id", "name", "credit_code"] as const) {
        const first = new Map<string, number>();
        for (const e of roster.entries) {
          const v = e.member[field];
          if (typeof v !== "string" || !v.trim()) continue;
          const key = v.trim();
          const seen = first.get(key);
          if (seen === undefined) first.set(key, e.index);
          else report({ messageId: field, data: { value: key, first: seen + 1 }, doc: "members", pointer: `/members/${e.index}/${field}` });
        }
      }
    },
  }),

  defineRule({
    id: "members/enterprise-backbone",
    condition: "composition",
    severity: bothWarn,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有行业骨干企业", en: "No industry-backbone enterprise" },
    description: {
      zh: "联盟中的企业应处于行业骨干地位；名单中应至少有一个企业标明 backbone: true。",
      en: "The alliance's enterprises should be industry backbones: at least one enterprise should be marked backbone: true.",
    },
    fix: { zh: "为处于行业骨干地位的企业标明 backbone: true，或吸收骨干企业加入。", en: "Mark the backbone enterprise with backbone: true, or bring one in." },
    messages: { none: { zh: "没有企业成员标明为行业骨干（backbone: true）", en: "no enterprise member is marked as an industry backbone (backbone: true)" } },
    check({ roster, report }) {
      const enterprises = roster.entries.filter((e) => isType(e, "enterprise"));
      if (enterprises.length > 0 && !enterprises.some((e) => e.member.backbone === true)) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/academic-frontier",
    condition: "composition",
    severity: bothWarn,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有前沿水平的大学或科研机构", en: "No university or institute at the frontier" },
    description: {
      zh: "大学或科研机构应在合作的技术领域具有前沿水平；应至少有一个此类成员标明 frontier: true。",
      en: "The universities or institutes should be at the frontier of the field: at least one should be marked frontier: true.",
    },
    fix: { zh: "为具有前沿水平的大学或科研机构标明 frontier: true。", en: "Mark the university or institute at the frontier with frontier: true." },
    messages: {
      none: {
        zh: "没有大学或科研机构成员标明具有前沿水平（frontier: true）",
        en: "no university or research institute member is marked as at the frontier (frontier: true)",
      },
    },
    check({ roster, report }) {
      const academic = roster.entries.filter((e) => isType(e, ...ACADEMIC));
      if (academic.length > 0 && !academic.some((e) => e.member.frontier === true)) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/lead-not-enterprise",
    condition: "composition",
    severity: bothWarn,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "牵头单位不是企业", en: "Lead member is not an enterprise" },
    description: {
      zh: "联盟以企业为主体（国科发政〔2008〕770号 第三条），牵头单位宜为企业。",
      en: "An alliance is centred on enterprises (Guidance 770, Art. 3): the lead member should be an enterprise.",
    },
    fix: { zh: "由企业成员担任牵头单位（alliance.lead_member）。", en: "Make an enterprise member the lead (alliance.lead_member)." },
    messages: {
      notEnterprise: { zh: "牵头单位 {member} 的类型是 {type}，不是企业", en: "the lead member {member} is of type {type}, not an enterprise" },
      noType: { zh: "牵头单位 {member} 没有写明单位类型，应为企业", en: "the lead member {member} states no type; it should be an enterprise" },
    },
    check({ charter, roster, report }) {
      const lead = roster.get(refOf(at(charter, "alliance", "lead_member")));
      if (lead && lead.id && !isType(lead, "enterprise")) {
        const type = lead.member.type;
        report({ messageId: type === undefined ? "noType" : "notEnterprise", data: { member: roster.label(lead.id), type: show(type) }, pointer: "/alliance/lead_member" });
      }
    },
  }),

  defineRule({
    id: "members/provincial-institute",
    condition: "composition",
    severity: { heilongjiang: "info" },
    citation: HLJ(7),
    title: { zh: "没有省属科研院所", en: "No provincial research institute" },
    description: {
      zh: "黑龙江省鼓励省属科研院所加入联盟，组建联盟的科技创新研发平台；省应用技术与研究开发资金重点支持此类平台项目。",
      en: "Heilongjiang encourages provincial research institutes to join alliances and build their R&D platforms, which provincial funds support with priority.",
    },
    fix: { zh: "考虑吸收省属科研院所加入，并标明 provincial_institute: true。", en: "Consider bringing in a provincial research institute, marked provincial_institute: true." },
    messages: { none: { zh: "没有成员标明为省属科研院所（provincial_institute: true）", en: "no member is marked as a provincial research institute (provincial_institute: true)" } },
    check({ roster, report }) {
      if (!roster.entries.some((e) => e.member.provincial_institute === true)) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),
];
