// 条件（一）: 要由企业、大学和科研机构等多个独立法人组成。企业处于行业骨干地位；大学或科研机构在
// 合作的技术领域具有前沿水平 (N 第八条（一）, HLJ 第6条; HLJ 第7条 encourages 省属科研院所).
import { HLJ, N, N_ARTICLE } from "../policy/documents.js";
import { creditCodeDefect, isValidCreditCode, registrantKind } from "../model/credit-code.js";
import { isDomestic } from "../model/aliases.js";
import type { RosterEntry } from "../model/proposal.js";
import { at, isObj, refOf, show } from "./helpers.js";
import { defineRule, type Rule } from "./rule.js";

const CITE = N("一", "1");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;
const bothWarn = { national: "warning", heilongjiang: "warning" } as const;

const isType = (e: RosterEntry, ...types: string[]) => types.includes(String(e.member.type));
const ACADEMIC = ["university", "research_institute"];
const TYPES = ["enterprise", "university", "research_institute", "other"];

/**
 * A name that says the unit is part of another (B3): a branch (分公司, 分院 …), a school or institute
 * of a university (…大学…学院; 科学院 is not 大学), a key laboratory or engineering centre.
 */
export function dependentByName(name: unknown): boolean {
  if (typeof name !== "string") return false;
  const n = name.replace(/[\s\u3000]+/g, "");
  if (/(分公司|分厂|分院|分所|分中心|分部|办事处|分校)$/.test(n)) return true;
  const i = n.indexOf("大学");
  if (i >= 0 && /(学院|系|研究所|研究院|研究中心|实验室)$/.test(n.slice(i + 2))) return true;
  return n.includes("重点实验室") || n.includes("工程技术研究中心");
}

/** The credit-code prefixes each declared type admits (B2); absent = no check. */
const ADMITTED: Record<string, (code: string) => boolean> = {
  enterprise: (c) => c.startsWith("9"),
  university: (c) => c.startsWith("12") || c.startsWith("52"),
  research_institute: (c) => c.startsWith("12") || c.startsWith("52") || c.startsWith("91"),
};

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
      if (roster.lacksColumn("credit_code")) return; // nothing to count by: schema/missing-column says why
      // Domestic members count by credit code; members outside the mainland's register (A6) by name.
      const distinct = new Set<string>();
      for (const e of roster.current) {
        if (e.member.independent_legal_person === false) continue;
        const code = e.member.credit_code;
        if (isDomestic(e.member)) {
          if (typeof code === "string" && code.trim()) distinct.add(`code:${code.trim()}`);
        } else if (typeof e.member.name === "string" && e.member.name.trim()) distinct.add(`name:${e.member.name.trim()}`);
      }
      if (distinct.size < 2) report({ messageId: "tooFew", data: { count: distinct.size }, doc: "members", pointer: "/members" });
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
      if (!roster.current.some((e) => isType(e, "enterprise"))) report({ messageId: "none", doc: "members", pointer: "/members" });
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
      if (!roster.current.some((e) => isType(e, ...ACADEMIC))) report({ messageId: "none", doc: "members", pointer: "/members" });
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
      zh: "联盟成员必须是独立法人。分公司、分院等非独立法人不能作为成员，应由其上级法人单位加入。未写明 independent_legal_person 而名称以分公司、分院、办事处等结尾，或是大学下属的学院、研究所，或含重点实验室、工程技术研究中心的成员，给出警告。",
      en: "Members must be independent legal persons. A branch or other non-independent unit cannot be a member; its parent legal person should join instead. A member without independent_legal_person whose name ends in 分公司, 分院, 办事处 …, names a school or institute of a university, or holds 重点实验室 or 工程技术研究中心 gets a warning.",
    },
    fix: { zh: "由该单位的上级法人单位作为成员加入，并替换名单中的条目。", en: "Have the unit's parent legal person join instead, and replace the roster entry." },
    messages: {
      branch: {
        zh: "成员 {member} 不是独立法人（independent_legal_person: false）",
        en: "member {member} is not an independent legal person (independent_legal_person: false)",
      },
      byName: {
        zh: "成员 {member} 的名称表明它可能是其他单位的分支或内设机构，不是独立法人；若是独立法人，请写明 independent_legal_person: true",
        en: "the name of member {member} suggests a branch or internal unit of another organisation, not an independent legal person; if it is one, state independent_legal_person: true",
      },
    },
    check({ roster, report }) {
      for (const e of roster.current) {
        const independent = e.member.independent_legal_person;
        if (independent === false) {
          report({ messageId: "branch", data: { member: roster.labelOf(e) }, doc: "members", pointer: `/members/${e.index}/independent_legal_person` });
        } else if (independent === undefined && dependentByName(e.member.name)) {
          // A question, not a verdict: a warning, and the member still counts (B3).
          report({ messageId: "byName", data: { member: roster.labelOf(e) }, doc: "members", pointer: `/members/${e.index}/name`, severity: "warning" });
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
      zh: "按营业执照或事业单位法人证书核对并更正代码；纯数字代码请加引号；境外单位不填代码，填写注册号（registration_no）。",
      en: "Copy the code again from the business licence or legal-person certificate; quote an all-digit code; for a member outside the mainland, give registration_no instead.",
    },
    messages: {
      missing: { zh: "成员 {member} 未填写统一社会信用代码", en: "member {member} has no unified social credit code" },
      foreignNoRegistration: {
        zh: "成员 {member} 是境外单位（{country}），无需统一社会信用代码，但应填写其注册号（registration_no）",
        en: "member {member} is registered outside the mainland ({country}): it needs no credit code, but give its registration number (registration_no)",
      },
      fullwidth: {
        zh: "{owner}的统一社会信用代码“{code}”含全角字符，请改为半角",
        en: '{owner}\'s credit code "{code}" contains full-width characters; retype them half-width',
      },
      spaces: { zh: "{owner}的统一社会信用代码“{code}”中间有空格，请删除", en: '{owner}\'s credit code "{code}" contains spaces; remove them' },
      "old-registration": {
        zh: "{owner}的代码“{code}”只有 15 位，似为旧的工商注册号；请填写 18 位统一社会信用代码",
        en: '{owner}\'s code "{code}" has 15 characters and looks like an old business registration number; give the 18-character unified social credit code',
      },
      "letter-o-or-i": {
        zh: "{owner}的统一社会信用代码“{code}”含字母 O 或 I；代码中没有这两个字母，应为数字 0 或 1",
        en: '{owner}\'s credit code "{code}" contains the letter O or I; codes never do: write the digit 0 or 1',
      },
      lowercase: {
        zh: "{owner}的统一社会信用代码“{code}”含小写字母，代码应为大写",
        en: '{owner}\'s credit code "{code}" contains lower-case letters; the code is upper case',
      },
      "excel-number": {
        zh: "{owner}的统一社会信用代码“{code}”被表格软件当作数字保存，末几位已丢失；请把该列设为文本后重新输入",
        en: '{owner}\'s credit code "{code}" was saved as a number by a spreadsheet and has lost digits; format the column as text and type the code again',
      },
      format: {
        zh: "{owner}的统一社会信用代码“{code}”不是 18 位有效字符（数字和除 I、O、S、V、Z 外的大写字母）",
        en: '{owner}\'s credit code "{code}" is not 18 characters of digits and upper-case letters other than I, O, S, V, Z',
      },
      checksum: {
        zh: "{owner}的统一社会信用代码“{code}”校验码错误（第 18 位）：校验码应为 {expected}",
        en: '{owner}\'s credit code "{code}" fails its check character (18th): it should be {expected}',
      },
      "org-checksum": {
        zh: "{owner}的统一社会信用代码“{code}”中的组织机构代码（第 9–17 位）校验错误：第 17 位校验码应为 {expected}",
        en: '{owner}\'s credit code "{code}" fails the organization code check (characters 9–17): the 17th character should be {expected}',
      },
    },
    covers: ["/members/*/credit_code", "/governance/executive_body/host_unit/credit_code", "/funding/custodian_unit/credit_code"],
    check({ roster, charter, report }) {
      for (const e of roster.current) {
        const member = roster.labelOf(e);
        const pointer = `/members/${e.index}/credit_code`;
        const code = e.member.credit_code;
        if (!isDomestic(e.member)) {
          // Outside the mainland's register (A6): a code that is no valid USCC is its registration number.
          const has = (v: unknown) => (typeof v === "string" && v.trim() !== "") || typeof v === "number";
          if (!has(code) && !has(e.member.registration_no)) {
            report({ messageId: "foreignNoRegistration", data: { member, country: show(e.member.country) }, doc: "members", pointer, severity: "warning" });
          }
          continue;
        }
        const defect = creditCodeDefect(code);
        if (!defect) continue;
        if (defect.problem === "missing" && roster.lacksColumn("credit_code")) continue; // schema/missing-column's
        report({
          messageId: defect.problem,
          data: { member, owner: { zh: `成员 ${member} `, en: `member ${member}` }, code: show(code), expected: defect.expected ?? "" },
          doc: "members",
          pointer,
        });
      }
      // A non-member 依托单位 (A5): its code, when given, is checked like a member's.
      for (const [path, what] of [
        [["governance", "executive_body", "host_unit"], { zh: "执行机构依托单位", en: "the executive body's host unit" }],
        [["funding", "custodian_unit"], { zh: "经费依托单位", en: "the fund custodian unit" }],
      ] as const) {
        const unit = at(charter, ...path);
        if (!isObj(unit) || unit.credit_code === undefined) continue;
        const defect = creditCodeDefect(unit.credit_code);
        if (!defect || defect.problem === "missing") continue;
        const name = typeof unit.name === "string" && unit.name.trim() ? `（${unit.name.trim()}）` : "";
        report({
          messageId: defect.problem,
          data: { member: `${what.zh}${name}`, owner: { zh: `${what.zh}${name}`, en: `${what.en}${name}` }, code: show(unit.credit_code), expected: defect.expected ?? "" },
          pointer: `/${path.join("/")}/credit_code`,
        });
      }
    },
  }),

  defineRule({
    id: "members/type-mismatch",
    condition: "composition",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "单位类型与信用代码不符", en: "Declared type contradicts the credit code" },
    description: {
      zh: "统一社会信用代码的前两位表明登记管理部门和机构类别（GB 32100：9x 工商——91 企业；1x 机构编制——12 事业单位；5x 民政——51 社会团体、52 民办非企业单位）。企业的代码应以 9 开头；大学应以 12 或 52 开头；科研机构应以 12、52 或 91（转制院所）开头。代码缺失或无效、境外成员不检查。",
      en: "A credit code's first two characters say who registered the unit and as what (GB 32100: 9x business — 91 enterprise; 1x staffing — 12 public institution; 5x civil affairs — 51 social organisation, 52 private non-enterprise unit). An enterprise's code starts with 9; a university's with 12 or 52; a research institute's with 12, 52 or 91 (converted institutes). Absent or invalid codes and members outside the mainland are not checked.",
    },
    fix: {
      zh: "核对单位类型和统一社会信用代码，更正错误的一项（如行业协会应为 other）。",
      en: "Check the member's type and credit code and correct the wrong one (an industry association is type other, for example).",
    },
    messages: {
      mismatch: {
        zh: "成员 {member} 的单位类型为{type}，但代码第 1–2 位“{prefix}”表示{kind}",
        en: 'member {member} is declared {type}, but its code\'s first two characters "{prefix}" denote {kind}',
      },
    },
    check({ roster, report }) {
      const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
        enterprise: { zh: "企业", en: "an enterprise" },
        university: { zh: "大学", en: "a university" },
        research_institute: { zh: "科研机构", en: "a research institute" },
      };
      for (const e of roster.current) {
        const type = String(e.member.type);
        const admits = Object.hasOwn(ADMITTED, type) ? ADMITTED[type] : undefined;
        const code = e.member.credit_code;
        if (!admits || !isDomestic(e.member) || !isValidCreditCode(code)) continue;
        const c = code.trim();
        if (admits(c)) continue;
        report({
          messageId: "mismatch",
          data: { member: roster.labelOf(e), type: TYPE_NAMES[type], prefix: c.slice(0, 2), kind: registrantKind(c)! },
          doc: "members",
          pointer: `/members/${e.index}/type`,
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
      const enterprises = roster.current.filter((e) => isType(e, "enterprise"));
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
      const academic = roster.current.filter((e) => isType(e, ...ACADEMIC));
      if (academic.length > 0 && !academic.some((e) => e.member.frontier === true)) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),

  defineRule({
    id: "members/lead-not-enterprise",
    condition: "composition",
    severity: bothWarn,
    citation: N_ARTICLE(3), // 指导思想「以企业为主体」 (fidelity.md C1)
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
      // A type that is itself invalid is schema/invalid's finding (C4).
      const invalidType = lead && lead.member.type !== undefined && !TYPES.includes(String(lead.member.type));
      if (lead && lead.id && !invalidType && !isType(lead, "enterprise")) {
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
      if (!roster.current.some((e) => e.member.provincial_institute === true)) report({ messageId: "none", doc: "members", pointer: "/members" });
    },
  }),
];
