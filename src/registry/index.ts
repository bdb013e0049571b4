// The registry: the one place that holds what plugins contribute (rules by condition, profiles,
// policy documents, document roles). Everything that was a closed list asks it; adding a rule, a
// profile or a role is an entry in a plugin (docs/architecture.md has the recipes).
import type { Loader } from "../load/loaders.js";
import type { PolicyDocumentDef } from "../policy/documents.js";
import type { Rule } from "../rules/rule.js";
import { builtinPlugin } from "./builtin.js";
import type { ConditionModule, DocumentRole, Plugin, ProfileDefinition } from "./plugin.js";

export class Registry {
  readonly rules: readonly Rule[];
  readonly conditions: readonly ConditionModule[];
  readonly profiles: ReadonlyMap<string, ProfileDefinition>;
  readonly documents: ReadonlyMap<string, PolicyDocumentDef>;
  readonly roles: ReadonlyMap<string, DocumentRole>;
  readonly loaders: readonly Loader[];
  private readonly byId: Map<string, Rule>;

  constructor(plugins: readonly Plugin[]) {
    const conditions: ConditionModule[] = [];
    const profiles = new Map<string, ProfileDefinition>();
    const documents = new Map<string, PolicyDocumentDef>();
    const roles = new Map<string, DocumentRole>();
    const loaders: Loader[] = [];
    for (const p of plugins) {
      loaders.push(...(p.loaders ?? []));
      conditions.push(...(p.conditions ?? []));
      for (const [k, v] of Object.entries(p.profiles ?? {})) profiles.set(k, v);
      for (const [k, v] of Object.entries(p.documents ?? {})) documents.set(k, v);
      for (const [k, v] of Object.entries(p.roles ?? {})) roles.set(k, v);
    }
    this.conditions = conditions;
    this.rules = conditions.flatMap((c) => c.rules);
    this.byId = new Map();
    for (const r of this.rules) {
      if (this.byId.has(r.id)) throw new Error(`rule ${r.id} is registered twice`);
      this.byId.set(r.id, r);
    }
    this.profiles = profiles;
    this.documents = documents;
    this.roles = roles;
    this.loaders = loaders;
  }

  getRule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  profileNames(): string[] {
    return [...this.profiles.keys()];
  }

  /** Default file names of a role (charter, members). */
  names(role: string): readonly string[] {
    return this.roles.get(role)?.names ?? [];
  }

  condition(id: string): ConditionModule | undefined {
    return this.conditions.find((c) => c.id === id);
  }
}

export const registry = new Registry([builtinPlugin]);
