// Members are referred to by roster id everywhere in the charter (data-model.md, "Member
// references"). A reference to no roster id is reported once, here, with a suggestion.
import { pointerSegment } from "../load/document.js";
import type { Roster } from "../model/proposal.js";
import { at, isObj, list, refOf } from "./helpers.js";
import { defineRule, type Rule, type RuleContext } from "./rule.js";

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

/** `m4`, `M4`, `M 04` → `M4`: case folded, spaces removed, leading zeros of numbers dropped (C3). */
function idKey(id: string): string {
  return id.replace(/[\s\u3000]+/g, "").toUpperCase().replace(/\d+/g, (d) => String(Number(d.slice(-15))));
}

/**
 * The member whose name is the reference, else the id that is the same after case folding, removing
 * spaces and zero-padding (C3). Never merely another valid id of the same pattern: M09 is not M08.
 */
function suggestMember(ref: string, roster: Roster): { byName?: string; closest?: string } {
  const { byName, byKey } = lookupOf(roster);
  const id = byName.get(ref);
  if (id) return { byName: id };
  return { closest: byKey.get(idKey(ref)) };
}

/**
 * Ids by member name and by id key, built once per roster: scanning the roster for every unknown
 * reference is quadratic (20,000 references against 20,000 members; issue #12 item 10). The
 * first member wins, as a scan in roster order would find it.
 */
const lookups = new WeakMap<Roster, { byName: Map<string, string>; byKey: Map<string, string> }>();
function lookupOf(roster: Roster): { byName: Map<string, string>; byKey: Map<string, string> } {
  let l = lookups.get(roster);
  if (l) return l;
  l = { byName: new Map(), byKey: new Map() };
  for (const e of roster.entries) {
    if (typeof e.member.name === "string" && e.id && !l.byName.has(e.member.name.trim())) l.byName.set(e.member.name.trim(), e.id);
  }
  for (const id of roster.ids()) {
    const k = idKey(id);
    if (!l.byKey.has(k)) l.byKey.set(k, id);
  }
  lookups.set(roster, l);
  return l;
}

/** Where the charter names a member that must be a current one (B10), and how messages say it. */
const CURRENT_ROLES: { path: string[]; role: { zh: string; en: string } }[] = [
  { path: ["alliance", "lead_member"], role: { zh: "牵头单位", en: "the lead member" } },
  { path: ["governance", "liable_entity"], role: { zh: "对外承担责任的主体", en: "the liable entity" } },
  { path: ["governance", "executive_body", "host_member"], role: { zh: "执行机构依托单位", en: "the executive body's host" } },
  { path: ["funding", "custodian"], role: { zh: "经费依托单位", en: "the fund custodian" } },
];

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
      unit: {
        zh: "“{ref}”不是名单中的成员编号；依托单位不是联盟成员时，请写在 {unitField}（名称和统一社会信用代码）中",
        en: '"{ref}" is not a roster id; a host that is not a member goes in {unitField} (its name and credit code)',
      },
    },
    check(ctx) {
      for (const r of references(ctx)) {
        const ref = refOf(r.value);
        if (!ref || ctx.roster.has(ref)) continue;
        const s = suggestMember(ref, ctx.roster);
        // A non-member 依托单位 named where a member id belongs (A5).
        const unitField = r.pointer.endsWith("/host_member") ? "host_unit" : r.pointer === "/funding/custodian" ? "custodian_unit" : undefined;
        const messageId = s.byName ? "byName" : s.closest ? "closest" : unitField ? "unit" : "unknown";
        ctx.report({ messageId, data: { ref, id: s.byName ?? s.closest ?? "", unitField: unitField ?? "" }, pointer: r.pointer, at: r.at });
      }
    },
  }),

  defineRule({
    id: "ref/withdrawn-member",
    condition: "files",
    severity: { national: "error", heilongjiang: "error" },
    title: { zh: "引用了已退出的成员", en: "Reference to a withdrawn member" },
    description: {
      zh: "名单中标为已退出（status: withdrawn）的成员不再是联盟成员：不能担任牵头单位、对外承担责任的主体、执行机构或经费的依托单位，也不能在决策机构中。签署、任务分工和项目份额中提到它仍然有效（是历史记录）。",
      en: "A member marked withdrawn in the roster (status: withdrawn) is no longer a member: it cannot be the lead, the liable entity, the executive host or fund custodian, or sit on the decision body. Signatures, tasks and project shares that name it remain valid history.",
    },
    fix: { zh: "改由在册成员担任该职责，或更正名单中的成员状态。", en: "Give the role to a current member, or correct the member's status in the roster." },
    messages: {
      role: { zh: "{role}是已退出的成员 {member}", en: "{role} is the withdrawn member {member}" },
      decisionBody: { zh: "决策机构中有已退出的成员 {member}", en: "the decision body includes the withdrawn member {member}" },
    },
    check(ctx) {
      const withdrawn = (v: unknown) => {
        const e = ctx.roster.get(refOf(v));
        return e?.withdrawn && e.id ? e.id : undefined;
      };
      for (const { path, role } of CURRENT_ROLES) {
        const id = withdrawn(at(ctx.charter, ...path));
        if (id) ctx.report({ messageId: "role", data: { role, member: ctx.roster.label(id) }, pointer: `/${path.join("/")}` });
      }
      list(at(ctx.charter, "governance", "decision_body", "composition")).forEach((v, i) => {
        const id = withdrawn(v);
        if (id) ctx.report({ messageId: "decisionBody", data: { member: ctx.roster.label(id) }, pointer: `/governance/decision_body/composition/${i}` });
      });
    },
  }),
];
