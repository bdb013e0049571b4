// The JSON Schemas in schemas/ are the single source of structure. This module finds them
// and derives from them what the loaders need (which fields keep their source text).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

export type SchemaName = "charter" | "members";
export const SCHEMA_NAMES: readonly SchemaName[] = ["charter", "members"];

export function schemaPath(name: SchemaName): string {
  return join(PACKAGE_ROOT, "schemas", `${name}.schema.json`);
}

export function schemaText(name: SchemaName): string {
  return readFileSync(schemaPath(name), "utf8");
}

type JsonSchema = Record<string, unknown>;
const matchers = new Map<SchemaName, (pointer: string) => boolean>();

/**
 * A predicate for pointers whose schema is marked `"x-source-text": true`: the loaders keep the
 * characters written there even when YAML or JSON would read a number (an 18-digit credit code).
 */
export function textFieldMatcher(name: SchemaName): (pointer: string) => boolean {
  let m = matchers.get(name);
  if (!m) {
    const root = JSON.parse(schemaText(name)) as JsonSchema;
    const patterns: string[] = [];
    collect(root, root, "", patterns, 0);
    const re = new RegExp(`^(?:${patterns.join("|")})$`);
    m = patterns.length ? (p: string) => re.test(p) : () => false;
    matchers.set(name, m);
  }
  return m;
}

function collect(root: JsonSchema, node: JsonSchema, prefix: string, out: string[], depth: number): void {
  if (depth > 20) return;
  let s = node;
  const ref = s.$ref;
  if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
    s = { ...((root.$defs as Record<string, JsonSchema>)[ref.slice(8)] ?? {}), ...s };
  }
  if (s["x-source-text"] === true) out.push(prefix);
  const props = s.properties as Record<string, JsonSchema> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) collect(root, v, `${prefix}/${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, out, depth + 1);
  if (s.items && typeof s.items === "object") collect(root, s.items as JsonSchema, `${prefix}/[^/]+`, out, depth + 1);
  if (s.additionalProperties && typeof s.additionalProperties === "object") {
    collect(root, s.additionalProperties as JsonSchema, `${prefix}/[^/]+`, out, depth + 1);
  }
}
