// 条件（二）: 要有具有法律约束力的联盟协议，协议中有明确的技术创新目标，落实成员单位之间的任务分工。
// 联盟协议必须由成员单位法定代表人共同签署生效 (N 第八条（二）). HLJ 第6条 adds: 要完善联盟单位加入
// 和退出机制，联盟协议三—五年签署一次.
import { HLJ, N } from "../policy/documents.js";
import { addDays, addMonths, format, parseDate, validDate, wholeMonths, type YMD } from "../model/dates.js";
import { capacityOf } from "../model/aliases.js";
import { at, flag, hasPresentItem, isObj, isPresent, list, refOf, show } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { textRule } from "./text-rule.js";

const CITE = N("二", "2");
const ALSO = [HLJ(6)];
const both = { national: "error", heilongjiang: "error" } as const;

const agreement = (ctx: RuleContext, ...path: (string | number)[]) => at(ctx.charter, "agreement", ...path);

/** A date that is written but is no valid YYYY-MM-DD date: schema/invalid reports it. */
const badDate = (v: unknown) => v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "") && !validDate(v);

/** A signature that founded the alliance (not an accession of a later member, A3). */
export const isFounding = (sig: unknown) => at(sig, "kind") !== "accession";

/** expiry_date earlier than effective_date or signed_date (B8): the dates cannot be measured. */
function inverted(ctx: RuleContext): { expiry: string; other: string; which: "effective_date" | "signed_date" } | undefined {
  const expiry = validDate(agreement(ctx, "expiry_date"));
  if (!expiry) return undefined;
  for (const which of ["effective_date", "signed_date"] as const) {
    const other = validDate(agreement(ctx, which));
    if (other && expiry < other) return { expiry, other, which };
  }
  return undefined;
}

/** The largest N with start + N months (clamped) ≤ end (A4). */
export function monthsWithin(start: YMD, end: YMD): number {
  const e = format(end);
  let n = Math.max(0, wholeMonths(start, end) - 1);
  while (format(addMonths(start, n + 1)) <= e) n++;
  while (n > 0 && format(addMonths(start, n)) > e) n--;
  return n;
}

/** The agreement's last day: expiry_date, else effective_date + term_years. */
function agreementEnd(ctx: RuleContext): { date: string; pointer: string } | undefined {
  if (badDate(agreement(ctx, "expiry_date"))) return undefined;
  const expiry = validDate(agreement(ctx, "expiry_date"));
  if (expiry) return { date: expiry, pointer: "/agreement/expiry_date" };
  if (badDate(agreement(ctx, "effective_date"))) return undefined;
  const effective = parseDate(agreement(ctx, "effective_date"));
  const years = agreement(ctx, "term_years");
  if (effective && typeof years === "number" && years > 0) {
    const end = addMonths(effective, Math.round(years * 12));
    return { date: format(end), pointer: "/agreement/term_years" };
  }
  return undefined;
}

/**
 * Same spelling of a name (A8): ignore spaces (王 立新, U+3000 too) and letter case (Wang Lixin), and
 * read the separators of transliterated names (伊万·彼得罗夫, 伊万•彼得罗夫, Jean-Luc) as one.
 */
const nameKey = (s: string) => s.replace(/[\s\u3000]+/g, "").replace(/[·•・‧．.\-－]/g, "·").toLowerCase();
export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

export const agreementRules: Rule[] = [
  defineRule({
    id: "agreement/not-legally-binding",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "协议不具有法律约束力", en: "Agreement is not legally binding" },
    description: {
      zh: "联盟要有具有法律约束力的联盟协议（以具有法律约束力的契约为保障）。章程摘要中须写明 agreement.legally_binding: true（也可写 是、yes）；协议名称为意向书、备忘录、倡议书等时给出警告。",
      en: "The alliance must rest on a legally binding agreement. The charter digest must state agreement.legally_binding: true (是 or yes also do); a title naming a letter of intent, memorandum or declaration gets a warning.",
    },
    fix: {
      zh: "确认协议为具有法律约束力的合同文本（不是意向书、备忘录或倡议书），并写明 legally_binding: true。",
      en: "Make sure the agreement is a binding contract (not a letter of intent, memorandum or declaration) and write legally_binding: true.",
    },
    messages: {
      missing: { zh: "未写明协议具有法律约束力（agreement.legally_binding）", en: "the agreement is not stated to be legally binding (agreement.legally_binding)" },
      notTrue: {
        zh: "agreement.legally_binding 应为 true，实际是 {value}",
        en: "agreement.legally_binding must be true, found {value}",
      },
      title: {
        zh: "协议标明具有法律约束力，但其名称“{title}”含“{word}”，这类文件通常不具有法律约束力",
        en: 'the agreement is stated to be legally binding, but its title "{title}" contains "{word}", which usually names a non-binding document',
      },
    },
    covers: ["/agreement/legally_binding"],
    check(ctx) {
      const v = agreement(ctx, "legally_binding");
      if (flag(v) === true) {
        // A letter of intent or memorandum called binding (B7): a question for the reviewer.
        const title = agreement(ctx, "title");
        const word = typeof title === "string" ? ["不具有法律约束力", "意向书", "备忘录", "倡议书"].find((w) => title.includes(w)) : undefined;
        if (word) ctx.report({ messageId: "title", data: { title: show(title), word }, pointer: "/agreement/title", severity: "warning" });
        return;
      }
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
      // Entries by member, in one pass: a scan of every entry for every member is quadratic
      // (20,000 members with tasks took minutes; issue #12 item 10).
      const byMember = new Map<string, (readonly [unknown, number])[]>();
      entries.forEach((e, i) => {
        const ref = isObj(e) ? refOf(e.member) : undefined;
        if (typeof ref !== "string") return;
        const list = byMember.get(ref);
        if (list) list.push([e, i]);
        else byMember.set(ref, [[e, i]]);
      });
      for (const id of ctx.roster.currentIds()) {
        const mine = byMember.get(id) ?? [];
        if (mine.some(([e]) => hasPresentItem((e as Record<string, unknown>).tasks))) continue;
        if (mine.length > 0) {
          ctx.report({ messageId: "emptyTasks", data: { member: ctx.roster.label(id) }, pointer: `/agreement/task_division/${mine[0][1]}/tasks` });
        } else {
          // At the member's id in the roster (C9): one place per member.
          ctx.report({ messageId: "noEntry", data: { member: ctx.roster.label(id) }, doc: "members", pointer: `/members/${ctx.roster.get(id)!.index}/id` });
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
      for (const id of ctx.roster.currentIds()) {
        if (!signed.has(id)) ctx.report({ messageId: "unsigned", data: { member: ctx.roster.label(id) }, doc: "members", pointer: `/members/${ctx.roster.get(id)!.index}/id` });
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
      zh: "由名单所列法定代表人本人签署；若签署后法定代表人已变更，请在名单的 former_legal_representatives（原法定代表人）中记录签署时的法定代表人，不要改动现任法定代表人。",
      en: "Have the legal representative named in the roster sign; if the representative changed after signing, record the one who signed under former_legal_representatives in the roster, and leave the current one as it is.",
    },
    messages: {
      differs: {
        zh: "成员 {member} 的签署人“{signatory}”不是其法定代表人“{rep}”",
        en: 'the signatory "{signatory}" of member {member} is not its legal representative "{rep}"',
      },
      former: {
        zh: "成员 {member} 由当时的法定代表人“{signatory}”签署；现任法定代表人为“{rep}”",
        en: 'member {member} was signed for by its then legal representative "{signatory}"; the current one is "{rep}"',
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
        const capacity = capacityOf(sig.capacity);
        if (capacity === "unknown") return; // schema/invalid names the word; the signatory is not compared (A9)
        if (capacity === "authorized_agent") {
          if (isPresent(sig.authorization)) {
            ctx.report({ messageId: "agent", data: { member, signatory: signatory ?? "?", authorization: sig.authorization.trim() }, pointer: `${base}/authorization`, severity: "warning" });
          } else {
            ctx.report({ messageId: "agentWithoutAuthorization", data: { member, signatory: signatory ?? "?" }, pointer: `${base}/capacity` });
          }
          return;
        }
        if (!signatory) return void ctx.report({ messageId: "noSignatory", data: { member }, pointer: `${base}/signatory` });
        const rep = entry.member.legal_representative;
        if (!isPresent(rep)) {
          if (ctx.roster.lacksColumn("legal_representative")) return; // schema/missing-column's finding
          return void ctx.report({ messageId: "noRep", data: { member, signatory }, pointer: `${base}/signatory` });
        }
        if (sameName(signatory, rep)) return;
        // Signed by the representative of the day, who has since changed (A2): information only.
        const former = list(entry.member.former_legal_representatives).some((n) => typeof n === "string" && sameName(signatory, n));
        if (former) ctx.report({ messageId: "former", data: { member, signatory, rep: rep.trim() }, pointer: `${base}/signatory`, severity: "info" });
        else ctx.report({ messageId: "differs", data: { member, signatory, rep: rep.trim() }, pointer: `${base}/signatory` });
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
      zh: "协议由成员单位法定代表人共同签署后生效，生效日期不应早于最后一个创始签署日期（kind: accession 的加入签署不计）。",
      en: "The agreement takes effect once all founding members have signed: its effective date should not precede the last founding signature (accession signatures, kind: accession, do not count).",
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
      // Founding signatures only: a member that joined later signed after the start, rightly (A3).
      const dates = list(agreement(ctx, "signatures")).filter(isFounding).map((s) => validDate(at(s, "date"))).filter((d): d is string => !!d);
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
      zh: "已到期的协议不再具有法律约束力。到期日取 expiry_date；没有时取 effective_date 加 term_years。协议约定自动续期（auto_renewal_years）时，全国标准下给出提示（请确认没有成员提出异议）；黑龙江省要求三至五年签署一次，自动续期不算签署，仍为错误。日期本身无效或颠倒时不检查。",
      en: "An expired agreement no longer binds anyone. Its end is expiry_date, else effective_date plus term_years. With automatic renewal (auto_renewal_years) the national profile gives a notice (confirm no member objected); Heilongjiang requires signing every three to five years, so renewal without signing remains an error. Invalid or inverted dates are not measured.",
    },
    fix: { zh: "续签协议，并更新签署和有效期信息。", en: "Renew the agreement and update the signatures and dates." },
    messages: {
      expired: { zh: "协议已于 {end} 到期（审核基准日 {asOf}）", en: "the agreement expired on {end} (as of {asOf})" },
      renewed: {
        zh: "协议已于 {end} 到期，按约定自动续期至 {renewedTo}；请确认没有成员提出异议",
        en: "the agreement expired on {end} and renewed itself automatically until {renewedTo}; confirm that no member objected",
      },
      renewedNotSigned: {
        zh: "协议已于 {end} 到期；自动续期至 {renewedTo} 不等于重新签署，黑龙江省要求协议三至五年签署一次",
        en: "the agreement expired on {end}; renewing itself until {renewedTo} is not signing it again, and Heilongjiang requires signing every three to five years",
      },
    },
    check(ctx) {
      if (inverted(ctx)) return; // agreement/date-order's finding
      const end = agreementEnd(ctx);
      if (!end || end.date >= ctx.asOf) return;
      const data = { end: end.date, asOf: ctx.asOf };
      const years = agreement(ctx, "auto_renewal_years");
      const step = typeof years === "number" && Number.isFinite(years) ? Math.round(years * 12) : 0;
      if (step < 1) return void ctx.report({ messageId: "expired", data, pointer: end.pointer });
      // Renew by whole periods until the end passes the as-of date (A10); arithmetic, not a loop per year.
      const last = parseDate(end.date)!;
      const asOf = parseDate(ctx.asOf)!;
      let k = Math.max(1, Math.floor(wholeMonths(last, asOf) / step));
      while (format(addMonths(last, k * step)) < ctx.asOf) k++;
      const renewedTo = format(addMonths(last, k * step));
      if (ctx.profile === "national") ctx.report({ messageId: "renewed", data: { ...data, renewedTo }, pointer: "/agreement/auto_renewal_years", severity: "info" });
      else ctx.report({ messageId: "renewedNotSigned", data: { ...data, renewedTo }, pointer: end.pointer });
    },
  }),

  defineRule({
    id: "agreement/date-order",
    condition: "agreement",
    severity: both,
    citation: CITE,
    alsoCites: ALSO,
    title: { zh: "到期日早于生效或签署日期", en: "Expiry before the effective or signing date" },
    description: {
      zh: "协议的到期日期（expiry_date）不能早于生效日期或签署日期；这通常是年份笔误。此时不再检查协议是否到期和期限。",
      en: "The agreement's expiry_date cannot precede its effective or signing date; this is usually a typo in the year. Expiry and term are then not checked.",
    },
    fix: { zh: "核对并更正 expiry_date、effective_date 和 signed_date 中的年份。", en: "Check the years of expiry_date, effective_date and signed_date and correct the wrong one." },
    messages: {
      effective_date: { zh: "协议到期日期 {expiry} 早于生效日期 {other}", en: "the agreement expires on {expiry}, before it takes effect on {other}" },
      signed_date: { zh: "协议到期日期 {expiry} 早于签署日期 {other}", en: "the agreement expires on {expiry}, before it was signed on {other}" },
    },
    check(ctx) {
      const inv = inverted(ctx);
      if (inv) ctx.report({ messageId: inv.which, data: { expiry: inv.expiry, other: inv.other }, pointer: "/agreement/expiry_date" });
    },
  }),

  defineRule({
    id: "agreement/term",
    condition: "agreement",
    severity: { heilongjiang: "error" },
    citation: HLJ(6),
    title: { zh: "协议期限不在三至五年之间", en: "Term not between three and five years" },
    description: {
      zh: "黑龙江省要求联盟协议三至五年签署一次。有到期日期时，期限计算两次：从签署日期（无则最后一个创始签署日期）和从生效日期，各到到期日次日的整月数；任一在 36 至 60 个月之间即可。没有到期日期时取 term_years。日期本身无效或颠倒时不检查。",
      en: "Heilongjiang requires the agreement to be signed every three to five years. With an expiry_date the term is measured twice, from the signing (signed_date, else the last founding signature) and from effective_date, each in whole months to the day after expiry_date; either in 36–60 months passes. Without an expiry_date, term_years is the term. Invalid or inverted dates are not measured.",
    },
    fix: { zh: "把协议期限定为 3 至 5 年，并写明签署、生效和到期日期。", en: "Set a term of 3 to 5 years and state the signing, effective and expiry dates." },
    messages: {
      unknown: {
        zh: "无法确定协议期限：请写明 signed_date 或 effective_date 以及 expiry_date，或写明 term_years",
        en: "the term cannot be determined: state signed_date or effective_date and expiry_date, or term_years",
      },
      outOfRange: { zh: "协议期限为 {months} 个月，应在 {lo} 至 {hi} 个月（{loYears} 至 {hiYears} 年）之间", en: "the agreement's term is {months} months; it must be {lo} to {hi} months ({loYears} to {hiYears} years)" },
      outOfRangeBoth: {
        zh: "协议期限从签署起为 {fromSigning} 个月，从生效起为 {fromEffective} 个月，都不在 {lo} 至 {hi} 个月（{loYears} 至 {hiYears} 年）之间",
        en: "the agreement's term is {fromSigning} months from signing and {fromEffective} months from taking effect; neither is {lo} to {hi} months ({loYears} to {hiYears} years)",
      },
    },
    // 「三—五年签署一次」; a profile may set other bounds (profiles.md), in whole years.
    options: {
      schema: { type: "object", properties: { min_years: { type: "number", exclusiveMinimum: 0 }, max_years: { type: "number", exclusiveMinimum: 0 } }, additionalProperties: false },
      defaults: { min_years: 3, max_years: 5 },
      accepts: { zh: "{ min_years: 正数（默认 3）, max_years: 正数（默认 5） }", en: "{ min_years: a positive number (default 3), max_years: a positive number (default 5) }" },
    },
    check(ctx) {
      if (inverted(ctx)) return; // agreement/date-order's finding
      const loYears = Number(ctx.options.min_years ?? 3);
      const hiYears = Number(ctx.options.max_years ?? 5);
      const [lo, hi] = [Math.round(loYears * 12), Math.round(hiYears * 12)];
      const bounds = { lo, hi, loYears, hiYears };
      const expiryValue = agreement(ctx, "expiry_date");
      const years = agreement(ctx, "term_years");
      const hasExpiry = !(expiryValue === undefined || expiryValue === null || (typeof expiryValue === "string" && expiryValue.trim() === ""));
      if (hasExpiry) {
        const measured = ["expiry_date", "signed_date", "effective_date"].some((f) => badDate(agreement(ctx, f)));
        if (measured) return; // schema/invalid says which date to fix (A4)
        const end = addDays(parseDate(expiryValue)!, 1);
        const lastFounding = list(agreement(ctx, "signatures")).filter(isFounding).map((s) => validDate(at(s, "date"))).filter((d): d is string => !!d).sort().at(-1);
        const signing = parseDate(agreement(ctx, "signed_date")) ?? parseDate(lastFounding);
        const effective = parseDate(agreement(ctx, "effective_date"));
        const fromSigning = signing ? monthsWithin(signing, end) : undefined;
        const fromEffective = effective ? monthsWithin(effective, end) : undefined;
        const measures = [fromSigning, fromEffective].filter((m): m is number => m !== undefined);
        if (measures.length === 0) {
          if (typeof years !== "number") ctx.report({ messageId: "unknown", pointer: "/agreement" });
        } else if (!measures.some((m) => m >= lo && m <= hi)) {
          if (measures.length === 2) ctx.report({ messageId: "outOfRangeBoth", data: { fromSigning: fromSigning!, fromEffective: fromEffective!, ...bounds }, pointer: "/agreement/expiry_date" });
          else ctx.report({ messageId: "outOfRange", data: { months: measures[0], ...bounds }, pointer: "/agreement/expiry_date" });
          return;
        } else return;
        if (measures.length > 0) return;
      }
      if (typeof years === "number" && Number.isFinite(years)) {
        const months = years * 12;
        if (months < lo || months > hi) ctx.report({ messageId: "outOfRange", data: { months: Math.round(months * 100) / 100, ...bounds }, pointer: "/agreement/term_years" });
        return;
      }
      if (!hasExpiry) ctx.report({ messageId: "unknown", pointer: "/agreement" });
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

