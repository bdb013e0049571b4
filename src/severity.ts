// Severity order and the file/* family, shared by the engine (status) and the formats (JUnit's
// failures): plain functions with no dependencies, so that neither layer imports the other.
import type { FailOn, Severity } from "./types.js";

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "never" && RANK[severity] >= RANK[failOn];
}

/** file/* rules say that a proposal's files could not be read: nothing else was checked. */
export const isFileRule = (ruleId: string): boolean => ruleId.startsWith("file/");
