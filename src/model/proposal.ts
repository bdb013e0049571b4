// The typed view rules read. Data reaches rules exactly as loaded, even when the schema found
// a wrong type somewhere, so every field is optional and `unknown` where a user can put anything;
// the helpers in rules/helpers.ts read them defensively.

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
}

/** The roster, with members by id (the first entry wins when an id repeats: members/duplicate reports it). */
export class Roster {
  readonly entries: RosterEntry[];
  private readonly byId = new Map<string, RosterEntry>();

  constructor(data: Obj) {
    const list = Array.isArray(data.members) ? data.members : [];
    this.entries = [];
    list.forEach((m, index) => {
      if (m === null || typeof m !== "object" || Array.isArray(m)) return;
      const rawId = (m as Obj).id;
      const id = typeof rawId === "string" && rawId.trim() !== "" ? rawId.trim() : undefined;
      const entry = { index, member: m as Obj, id };
      this.entries.push(entry);
      if (id !== undefined && !this.byId.has(id)) this.byId.set(id, entry);
    });
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
