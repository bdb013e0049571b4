// The shape of a plugin, after ESLint's plugin object and Ajv's vocabularies: everything the tool
// knows that could be a closed list — the policy documents, the condition modules and their rules,
// the profiles, the loaders by file name, the document roles — is an entry of a plugin. The
// built-in catalogue (builtin.ts) is the first plugin; the registry (index.ts) is the only place
// that holds the lists, and every other module asks it.
import type { Loader } from "../load/loaders.js";
import type { PolicyDocumentDef } from "../policy/documents.js";
import type { ProfileLayer } from "../profile/types.js";
import type { Rule } from "../rules/rule.js";
import type { Text } from "../types.js";

/** One condition of 第八条 (or a tool concern): its rules, in display order. */
export interface ConditionModule {
  id: string;
  label: Text;
  /** The number the policy gives it (条件（一）…), when it is one of 第八条's six conditions. */
  number?: Text;
  rules: readonly Rule[];
}

/** A built-in or plugin profile: its name for people and its definition. */
export interface ProfileDefinition {
  name: Text;
  layer: ProfileLayer;
}

/** A role a proposal's file plays, and the file names that take it by default. */
export interface DocumentRole {
  /** Default file names, in the order tried (data-model.md). */
  names: readonly string[];
  /** The JSON Schema validating its data (schemas/<schema>.schema.json). */
  schema?: string;
}

export interface Plugin {
  name: string;
  documents?: Record<string, PolicyDocumentDef>;
  conditions?: readonly ConditionModule[];
  profiles?: Record<string, ProfileDefinition>;
  roles?: Record<string, DocumentRole>;
  /** Readers of proposal files by name ending (yaml, json, csv, xlsx …). */
  loaders?: readonly Loader[];
}
