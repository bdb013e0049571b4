// The typed view rules read. Data reaches rules exactly as loaded, even when the schema found
// a wrong type somewhere, so every field is optional and `unknown` where a user can put anything;
// the helpers in rules/helpers.ts read them defensively.

import { isWithdrawn } from "./aliases.js";
import { rosterSource, type RosterSource } from "./roster-source.js";

export type Obj = Record<string, unknown>;

export interface Charter {
  schema_version?: unknown;
  alliance?: unknown;
  agreement?: unknown;
  governance?: unknown;
  funding?: unknown;
  ip?: unknown;
  openness?: unknown;
  [key: string]: unknown;
}

export interface RosterEntry {
  /** Index in the roster's `members` list (for pointers). */
  index: number;
  member: Obj;
  id: string | undefined;
  /** `status: withdrawn` (B10): history, not a current member. */
  withdrawn: boolean;
}

/** The roster, with members by id (the first entry wins when an id repeats: members/duplicate reports it). */
export class Roster {
  readonly entries: RosterEntry[];
  /** The members that have not withdrawn: what composition and signing rules count (B10). */
  readonly current: RosterEntry[];
  /** How a spreadsheet roster was written, when it was one. */
  readonly source: RosterSource | undefined;
  private readonly byId = new Map<string, RosterEntry>();

  constructor(data: Obj) {
    this.source = rosterSource(data);
    const list = Array.isArray(data.members) ? data.members : [];
    this.entries = [];
    list.forEach((m, index) => {
      if (m === null || typeof m !== "object" || Array.isArray(m)) return;
      const rawId = (m as Obj).id;
      const id = typeof rawId === "string" && rawId.trim() !== "" ? rawId.trim() : undefined;
      const entry = { index, member: m as Obj, id, withdrawn: isWithdrawn(m as Obj) };
      this.entries.push(entry);
      if (id !== undefined && !this.byId.has(id)) this.byId.set(id, entry);
    });
    this.current = this.entries.filter((e) => !e.withdrawn);
  }

  /** Distinct ids of current members, in roster order. */
  currentIds(): string[] {
    return this.ids().filter((id) => !this.byId.get(id)!.withdrawn);
  }

  /** Whether the roster lacks this required column (a spreadsheet roster; schema/missing-column). */
  lacksColumn(field: string): boolean {
    return !!this.source?.missing.includes(field as never);
  }

  /** How a message names a member that may have no id: its label, else its position. */
  labelOf(e: RosterEntry): string {
    if (e.id) return this.label(e.id);
    const row = this.source?.rowOf[e.index];
    return row !== undefined ? `#${row}` : `#${e.index + 1}`;
  }

  get(id: unknown): RosterEntry | undefined {
    return typeof id === "string" ? this.byId.get(id.trim()) : undefined;
  }

  has(id: unknown): boolean {
    return this.get(id) !== undefined;
  }

  /** Distinct ids in roster order. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** `M05（沈北轻合金装备有限公司）` — how messages name a member. */
  label(id: string): string {
    const name = this.byId.get(id)?.member.name;
    return typeof name === "string" && name.trim() ? `${id}（${name.trim()}）` : id;
  }
}
