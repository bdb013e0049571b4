// Members are referred to by roster id everywhere in the charter (data-model.md, "Member
// references"). A reference to no roster id is reported once, here, with a suggestion.
import { pointerSegment } from "../load/document.js";
import type { Roster } from "../model/proposal.js";
import { at, isObj, list, refOf } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";
import { suggest } from "./similar.js";

interface Ref {
  value: unknown;
  pointer: string;
  at?: "key";
}

/** Every place the charter names a member (the list of data-model.md). */
function references(ctx: RuleContext): Ref[] {
  const c = ctx.charter;
  const refs: Ref[] = [
    { value: at(c, "alliance", "lead_member"), pointer: "/alliance/lead_member" },
    { value: at(c, "governance", "executive_body", "host_member"), pointer: "/governance/executive_body/host_member" },
    { value: at(c, "governance", "liable_entity"), pointer: "/governance/liable_entity" },
    { value: at(c, "funding", "custodian"), pointer: "/funding/custodian" },
  ];
  list(at(c, "agreement", "task_division")).forEach((e, i) => refs.push({ value: at(e, "member"), pointer: `/agreement/task_division/${i}/member` }));
  list(at(c, "agreement", "signatures")).forEach((e, i) => refs.push({ value: at(e, "member"), pointer: `/agreement/signatures/${i}/member` }));
  list(at(c, "governance", "decision_body", "composition")).forEach((v, i) => refs.push({ value: v, pointer: `/governance/decision_body/composition/${i}` }));
  list(at(c, "ip", "projects")).forEach((p, i) => {
    list(at(p, "participants")).forEach((v, j) => refs.push({ value: v, pointer: `/ip/projects/${i}/participants/${j}` }));
    for (const field of ["ownership", "revenue_shares"]) {
      const alloc = at(p, field);
      if (isObj(alloc)) for (const key of Object.keys(alloc)) refs.push({ value: key, pointer: `/ip/projects/${i}/${field}/${pointerSegment(key)}`, at: "key" });
    }
  });
  return refs;
}

/** The member whose name is the reference, else the closest id (if reasonably close). */
function suggestMember(ref: string, roster: Roster): { byName?: string; closest?: string } {
  const byName = roster.entries.find((e) => typeof e.member.name === "string" && e.member.name.trim() === ref && e.id)?.id;
  return byName ? { byName } : { closest: suggest(ref, roster.ids()) };
}

export const refRules: Rule[] = [
  defineRule({
    id: "ref/unknown-member",
    condition: "files",
    severity: { national: "error", heilongjiang: "error" },
    title: { zh: "引用了名单中不存在的成员", en: "Reference to an unknown member" },
    description: {
      zh: "章程中以成员编号（名单中的 id）引用成员：牵头单位、任务分工、签署、决策机构组成、执行机构依托单位、责任主体、经费依托单位、项目参与成员和份额。引用的编号必须在名单中。",
      en: "The charter names members by their roster id: lead member, task division, signatures, council composition, executive host, liable entity, custodian, project participants and shares. Each must be a roster id.",
    },
    fix: { zh: "改用名单中的成员编号（如 M01），或把该成员加入名单。", en: "Use the member's roster id (such as M01), or add the member to the roster." },
    messages: {
      byName: {
        zh: "“{ref}”不是名单中的成员编号；这是成员 {id} 的名称，请改用编号 {id}",
        en: '"{ref}" is not a roster id; it is the name of member {id}: refer to it as {id}',
      },
      closest: { zh: "“{ref}”不是名单中的成员编号（最接近的是 {id}）", en: '"{ref}" is not a roster id (closest: {id})' },
      unknown: { zh: "“{ref}”不是名单中的成员编号", en: '"{ref}" is not a roster id' },
    },
    check(ctx) {
      for (const r of references(ctx)) {
        const ref = refOf(r.value);
        if (!ref || ctx.roster.has(ref)) continue;
        const s = suggestMember(ref, ctx.roster);
        const messageId = s.byName ? "byName" : s.closest ? "closest" : "unknown";
        ctx.report({ messageId, data: { ref, id: s.byName ?? s.closest ?? "" }, pointer: r.pointer, at: r.at });
      }
    },
  }),
];
