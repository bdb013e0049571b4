// 条件（二）: 要有具有法律约束力的联盟协议，协议中有明确的技术创新目标，落实成员单位之间的任务分工。
// 联盟协议必须由成员单位法定代表人共同签署生效 (N 第八条（二）). HLJ 第6条 adds: 要完善联盟单位加入
// 和退出机制，联盟协议三—五年签署一次.
import { HLJ, N } from "../policy/documents.js";
import { addDays, addMonths, format, parseDate, validDate, wholeMonths } from "../model/dates.js";
import { at, hasPresentItem, isObj, isPresent, list, refOf, show } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("二", "2");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

const agreement = (ctx: RuleContext, ...path: (string | number)[]) => at(ctx.charter, "agreement", ...path);

/** The agreement's last day: expiry_date, else effective_date + term_years. */
function agreementEnd(ctx: RuleContext): { date: string; pointer: string } | undefined {
  const expiry = validDate(agreement(ctx, "expiry_date"));
  if (expiry) return { date: expiry, pointer: "/agreement/expiry_date" };
  const effective = parseDate(agreement(ctx, "effective_date"));
  const years = agreement(ctx, "term_years");
  if (effective && typeof years === "number" && years > 0) {
    const end = addMonths(effective, Math.round(years * 12));
    return { date: format(end), pointer: "/agreement/term_years" };
  }
  return undefined;
}

/** Same spelling of a name: ignore spaces (王 立新) and letter case (Wang Lixin). */
const sameName = (a: string, b: string) => a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();

export const agreementRules: Rule[] = [
  defineRule({
    id: "agreement/not-legally-binding",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "协议不具有法律约束力", en: "Agreement is not legally binding" },
    description: {
      zh: "联盟要有具有法律约束力的联盟协议（以具有法律约束力的契约为保障）。章程摘要中须写明 agreement.legally_binding: true。",
      en: "The alliance must rest on a legally binding agreement. The charter digest must state agreement.legally_binding: true.",
    },
    fix: {
      zh: "确认协议为具有法律约束力的合同文本，并写明 legally_binding: true（不是 \"yes\" 或 \"是\"）。",
      en: 'Make sure the agreement is a binding contract and write legally_binding: true (not "yes").',
    },
    messages: {
      missing: { zh: "未写明协议具有法律约束力（agreement.legally_binding）", en: "the agreement is not stated to be legally binding (agreement.legally_binding)" },
      notTrue: {
        zh: "agreement.legally_binding 应为 true，实际是 {value}",
        en: "agreement.legally_binding must be true, found {value}",
      },
    },
    covers: ["/agreement/legally_binding"],
    check(ctx) {
      const v = agreement(ctx, "legally_binding");
      if (v === true) return;
      if (v === undefined) ctx.report({ messageId: "missing", pointer: "/agreement/legally_binding" });
      else ctx.report({ messageId: "notTrue", data: { value: show(v) }, pointer: "/agreement/legally_binding" });
    },
  }),

  defineRule({
    id: "agreement/innovation-goals",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有明确的技术创新目标", en: "No explicit innovation goal" },
    description: {
      zh: "协议中要有明确的技术创新目标（agreement.innovation_goals，至少一项实际内容，不能是“待定”等占位符）。",
      en: "The agreement must state explicit technology innovation goals (agreement.innovation_goals: at least one real goal, not a placeholder).",
    },
    fix: { zh: "在 innovation_goals 中列出可考核的技术创新目标。", en: "List measurable innovation goals under innovation_goals." },
    messages: {
      missing: { zh: "协议未列出技术创新目标（agreement.innovation_goals）", en: "the agreement lists no innovation goal (agreement.innovation_goals)" },
      noneReal: {
        zh: "协议的技术创新目标都是空白或占位符（agreement.innovation_goals）",
        en: "every innovation goal is empty or a placeholder (agreement.innovation_goals)",
      },
    },
    covers: ["/agreement/innovation_goals", "/agreement/innovation_goals/*"],
    check(ctx) {
      const goals = agreement(ctx, "innovation_goals");
      if (hasPresentItem(goals)) return;
      const anyWritten = Array.isArray(goals) && goals.length > 0;
      ctx.report({ messageId: anyWritten ? "noneReal" : "missing", pointer: "/agreement/innovation_goals" });
    },
  }),

  defineRule({
    id: "agreement/task-division",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "没有任务分工", en: "No division of tasks" },
    description: {
      zh: "协议中要落实成员单位之间的任务分工（agreement.task_division）。",
      en: "The agreement must set out the division of tasks among the members (agreement.task_division).",
    },
    fix: { zh: "在 task_division 中为每个成员写明其承担的任务。", en: "Under task_division, give each member its tasks." },
    messages: { missing: { zh: "协议没有任务分工（agreement.task_division）", en: "the agreement has no division of tasks (agreement.task_division)" } },
    covers: ["/agreement/task_division"],
    check(ctx) {
      if (!list(agreement(ctx, "task_division")).some(isObj)) ctx.report({ messageId: "missing", pointer: "/agreement/task_division" });
    },
  }),

  defineRule({
    id: "agreement/member-without-task",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "成员没有分工任务", en: "Member without a task" },
    description: {
      zh: "任务分工要落实到每个成员单位：名单中的每个成员都应在 task_division 中至少承担一项任务。",
      en: "The division of tasks must reach every member: each roster member needs at least one task in task_division.",
    },
    fix: { zh: "在 task_division 中为该成员增加条目并写明任务。", en: "Add an entry for the member to task_division with its tasks." },
    messages: {
      noEntry: { zh: "成员 {member} 在任务分工中没有任务", en: "member {member} has no task in the division of tasks" },
      emptyTasks: { zh: "成员 {member} 的任务分工条目没有实际任务", en: "member {member}'s task_division entry lists no real task" },
    },
    check(ctx) {
      const entries = list(agreement(ctx, "task_division"));
      if (!entries.some(isObj)) return; // agreement/task-division reports the missing division
      for (const id of ctx.roster.ids()) {
        const mine = entries.map((e, i) => [e, i] as const).filter(([e]) => isObj(e) && refOf(e.member) === id);
        if (mine.some(([e]) => hasPresentItem((e as Record<string, unknown>).tasks))) continue;
        if (mine.length > 0) {
          ctx.report({ messageId: "emptyTasks", data: { member: ctx.roster.label(id) }, pointer: `/agreement/task_division/${mine[0][1]}/tasks` });
        } else {
          ctx.report({ messageId: "noEntry", data: { member: ctx.roster.label(id) }, pointer: "/agreement/task_division" });
        }
      }
    },
  }),

  defineRule({
    id: "agreement/unsigned",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "成员未签署协议", en: "Member has not signed" },
    description: {
      zh: "联盟协议必须由成员单位法定代表人共同签署生效：名单中的每个成员都要有签署记录（agreement.signatures）。",
      en: "The agreement takes effect only when signed by every member's legal representative: each roster member needs a signature entry (agreement.signatures).",
    },
    fix: { zh: "取得该成员法定代表人的签署，并在 signatures 中登记。", en: "Obtain the signature of the member's legal representative and record it under signatures." },
    messages: { unsigned: { zh: "成员 {member} 没有签署协议", en: "member {member} has not signed the agreement" } },
    check(ctx) {
      const signed = new Set(list(agreement(ctx, "signatures")).map((s) => refOf(at(s, "member"))));
      for (const id of ctx.roster.ids()) {
        if (!signed.has(id)) ctx.report({ messageId: "unsigned", data: { member: ctx.roster.label(id) }, pointer: "/agreement/signatures" });
      }
    },
  }),

  defineRule({
    id: "agreement/signatory-not-legal-rep",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "签署人不是法定代表人", en: "Signatory is not the legal representative" },
    description: {
      zh: "协议必须由成员单位的法定代表人签署。以法定代表人身份签署时，签署人须与名单中的法定代表人一致；由授权代理人签署时须附授权委托书，即便附有，政策仍要求法定代表人本人签署，因此给出警告。",
      en: "The agreement must be signed by each member's legal representative. Signing as legal representative, the signatory must match the roster; an authorized agent needs a power of attorney, and even with one a warning remains, as the policy asks for the legal representative's own signature.",
    },
    fix: {
      zh: "由名单所列法定代表人本人签署；若法定代表人已变更，请同时更新名单。",
      en: "Have the legal representative named in the roster sign; if the representative has changed, update the roster too.",
    },
    messages: {
      differs: {
        zh: "成员 {member} 的签署人“{signatory}”不是其法定代表人“{rep}”",
        en: 'the signatory "{signatory}" of member {member} is not its legal representative "{rep}"',
      },
      noRep: {
        zh: "名单未写明成员 {member} 的法定代表人，无法核对签署人“{signatory}”",
        en: 'the roster names no legal representative for member {member}, so the signatory "{signatory}" cannot be checked',
      },
      noSignatory: { zh: "成员 {member} 的签署记录没有写明签署人", en: "the signature of member {member} names no signatory" },
      agentWithoutAuthorization: {
        zh: "成员 {member} 由授权代理人“{signatory}”签署，但没有授权委托书（authorization）",
        en: 'member {member} was signed for by the authorized agent "{signatory}" without a power of attorney (authorization)',
      },
      agent: {
        zh: "成员 {member} 由授权代理人“{signatory}”凭“{authorization}”签署；政策要求法定代表人本人签署",
        en: 'member {member} was signed for by the authorized agent "{signatory}" under "{authorization}"; the policy asks for the legal representative\'s own signature',
      },
    },
    check(ctx) {
      list(agreement(ctx, "signatures")).forEach((sig, i) => {
        if (!isObj(sig)) return;
        const entry = ctx.roster.get(refOf(sig.member));
        if (!entry?.id) return; // an unknown member is ref/unknown-member's finding
        const member = ctx.roster.label(entry.id);
        const signatory = isPresent(sig.signatory) ? sig.signatory.trim() : undefined;
        const base = `/agreement/signatures/${i}`;
        if (sig.capacity === "authorized_agent") {
          if (isPresent(sig.authorization)) {
            ctx.report({ messageId: "agent", data: { member, signatory: signatory ?? "?", authorization: sig.authorization.trim() }, pointer: `${base}/authorization`, severity: "warning" });
          } else {
            ctx.report({ messageId: "agentWithoutAuthorization", data: { member, signatory: signatory ?? "?" }, pointer: `${base}/capacity` });
          }
          return;
        }
        if (!signatory) return void ctx.report({ messageId: "noSignatory", data: { member }, pointer: `${base}/signatory` });
        const rep = entry.member.legal_representative;
        if (!isPresent(rep)) return void ctx.report({ messageId: "noRep", data: { member, signatory }, pointer: `${base}/signatory` });
        if (!sameName(signatory, rep)) ctx.report({ messageId: "differs", data: { member, signatory, rep: rep.trim() }, pointer: `${base}/signatory` });
      });
    },
  }),

  defineRule({
    id: "agreement/signature-date",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "签署日期缺失或在未来", en: "Signature date missing or in the future" },
    description: {
      zh: "每个签署记录都要写明签署日期，且不能晚于审核基准日（--as-of，默认今天）。",
      en: "Every signature needs the date it was signed, no later than the as-of date (--as-of, default today).",
    },
    fix: { zh: "填写实际签署日期（YYYY-MM-DD）。", en: "Write the actual signing date (YYYY-MM-DD)." },
    messages: {
      missing: { zh: "签署记录 {who} 没有签署日期", en: "the signature of {who} has no date" },
      future: { zh: "签署记录 {who} 的签署日期 {date} 晚于审核基准日 {asOf}", en: "the signature of {who} is dated {date}, after the as-of date {asOf}" },
    },
    check(ctx) {
      list(agreement(ctx, "signatures")).forEach((sig, i) => {
        if (!isObj(sig)) return;
        const id = refOf(sig.member);
        const who = id ? (ctx.roster.has(id) ? ctx.roster.label(id) : id) : `#${i + 1}`;
        const pointer = `/agreement/signatures/${i}/date`;
        if (sig.date === undefined || (typeof sig.date === "string" && sig.date.trim() === "")) {
          ctx.report({ messageId: "missing", data: { who }, pointer });
          return;
        }
        const date = validDate(sig.date); // a malformed date is schema/invalid's finding
        if (date && date > ctx.asOf) ctx.report({ messageId: "future", data: { who, date, asOf: ctx.asOf }, pointer });
      });
    },
  }),

  defineRule({
    id: "agreement/effective-before-signed",
    condition: "agreement",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "生效日期早于签署完成", en: "Effective before everyone signed" },
    description: {
      zh: "协议由成员单位法定代表人共同签署后生效，生效日期不应早于最后一个签署日期。",
      en: "The agreement takes effect once all members have signed: its effective date should not precede the last signature.",
    },
    fix: { zh: "更正 effective_date，或核对各签署日期。", en: "Correct effective_date, or check the signature dates." },
    messages: {
      early: {
        zh: "协议生效日期 {effective} 早于最后一个签署日期 {lastSigned}",
        en: "the agreement takes effect on {effective}, before the last signature on {lastSigned}",
      },
    },
    check(ctx) {
      const effective = validDate(agreement(ctx, "effective_date"));
      if (!effective) return;
      const dates = list(agreement(ctx, "signatures")).map((s) => validDate(at(s, "date"))).filter((d): d is string => !!d);
      const last = dates.sort().at(-1);
      if (last && effective < last) ctx.report({ messageId: "early", data: { effective, lastSigned: last }, pointer: "/agreement/effective_date" });
    },
  }),

  defineRule({
    id: "agreement/expired",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "协议已到期", en: "Agreement has expired" },
    description: {
      zh: "已到期的协议不再具有法律约束力。到期日取 expiry_date；没有时取 effective_date 加 term_years。",
      en: "An expired agreement no longer binds anyone. Its end is expiry_date, else effective_date plus term_years.",
    },
    fix: { zh: "续签协议，并更新签署和有效期信息。", en: "Renew the agreement and update the signatures and dates." },
    messages: { expired: { zh: "协议已于 {end} 到期（审核基准日 {asOf}）", en: "the agreement expired on {end} (as of {asOf})" } },
    check(ctx) {
      const end = agreementEnd(ctx);
      if (end && end.date < ctx.asOf) ctx.report({ messageId: "expired", data: { end: end.date, asOf: ctx.asOf }, pointer: end.pointer });
    },
  }),

  defineRule({
    id: "agreement/term",
    condition: "agreement",
    severity: { heilongjiang: "error" },
    citation: HLJ(6),
    title: { zh: "协议期限不在三至五年之间", en: "Term not between three and five years" },
    description: {
      zh: "黑龙江省要求联盟协议三至五年签署一次。期限按生效日（无则签署日）到到期日次日的整月数计算，两者缺一时取 term_years；须在 36 至 60 个月之间。",
      en: "Heilongjiang requires the agreement to be re-signed every three to five years. The term is the whole months from effective_date (else signed_date) to the day after expiry_date, or term_years when a date is missing; it must be 36 to 60 months.",
    },
    fix: { zh: "把协议期限定为 3 至 5 年，并写明生效日期和到期日期。", en: "Set a term of 3 to 5 years and state the effective and expiry dates." },
    messages: {
      unknown: {
        zh: "无法确定协议期限：请写明 effective_date（或 signed_date）和 expiry_date，或写明 term_years",
        en: "the term cannot be determined: state effective_date (or signed_date) and expiry_date, or term_years",
      },
      outOfRange: { zh: "协议期限为 {months} 个月，应在 36 至 60 个月（3 至 5 年）之间", en: "the agreement's term is {months} months; it must be 36 to 60 months (3 to 5 years)" },
    },
    check(ctx) {
      const start = parseDate(agreement(ctx, "effective_date")) ?? parseDate(agreement(ctx, "signed_date"));
      const expiry = parseDate(agreement(ctx, "expiry_date"));
      const years = agreement(ctx, "term_years");
      let months: number;
      let pointer: string;
      if (start && expiry) {
        months = wholeMonths(start, addDays(expiry, 1));
        pointer = "/agreement/expiry_date";
      } else if (typeof years === "number" && Number.isFinite(years)) {
        months = years * 12;
        pointer = "/agreement/term_years";
      } else {
        ctx.report({ messageId: "unknown", pointer: "/agreement" });
        return;
      }
      if (months < 36 || months > 60) ctx.report({ messageId: "outOfRange", data: { months: Math.round(months * 100) / 100 }, pointer });
    },
  }),

  textRule({
    id: "agreement/exit-mechanism",
    condition: "agreement",
    severity: { heilongjiang: "error" },
    citation: HLJ(6),
    path: ["agreement", "membership", "withdrawal"],
    what: { zh: "成员退出机制", en: "the withdrawal mechanism" },
    title: { zh: "没有成员退出机制", en: "No withdrawal mechanism" },
    description: {
      zh: "黑龙江省要求完善联盟单位加入和退出机制：协议中须写明成员如何退出（agreement.membership.withdrawal）。",
      en: "Heilongjiang requires mechanisms for members to join and leave: the agreement must say how a member withdraws (agreement.membership.withdrawal).",
    },
    fix: { zh: "写明退出的申请程序、审批和在研任务交接。", en: "State how a member applies to leave, who approves, and how ongoing tasks are handed over." },
  }),
];

