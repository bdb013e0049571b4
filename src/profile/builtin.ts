// A built-in profile derived from the rules' own severity maps (profiles.md: "built from each
// rule's own severity map, so a rule stays self-describing"). Under Heilongjiang, a rule whose
// condition 第6条 repeats cites 第6条 first (fidelity.md C2): written here as that profile's
// `cite`, the same mechanism a user's profile uses for its own notice.
import { citationOf } from "../policy/documents.js";
import type { Rule } from "../rules/rule.js";
import type { BaseProfile, ProfileLayer } from "./types.js";

export function derivedProfile(name: BaseProfile, rules: readonly Rule[]): ProfileLayer {
  const layer: ProfileLayer = { sources: {}, rules: {} };
  for (const rule of rules) {
    const level = rule.severity[name] ?? "off";
    const entry: ProfileLayer["rules"][string] = { level };
    if (name === "heilongjiang" && rule.citation && rule.citation.doc !== "HLJ") {
      const hlj = rule.alsoCites?.find((r) => r.doc === "HLJ");
      if (hlj) entry.cite = citationOf(hlj);
    }
    layer.rules[rule.id] = entry;
  }
  return layer;
}
