// alliance-audit's programmatic API. `audit()` returns the same report object that
// `alliance-audit --format json` prints; formatters render it in any format.
export { audit, type AuditOptions } from "./audit.js";
export { loadFormatter, formatNames, type Formatter, type FormatContext } from "./format/index.js";
export { RULES, getRule, type Rule, type SeverityOverrides } from "./rules/index.js";
export { resolveProfile } from "./profile/resolve.js";
export type { EffectiveProfile } from "./profile/types.js";
export { UsageError } from "./errors.js";
export { findConfig, loadConfig, resolveConfig, applyConfig, type Config } from "./config.js";
export { auditWithBaseline, readBaseline, applyBaseline, baselineFromReport, writeBaseline, serializeBaseline, type Baseline, type BaselineEntry } from "./baseline.js";
export { initProposal, type InitOptions, type InitResult } from "./init.js";
export type { Report, ProposalReport, Finding, Citation, Counts, Summary, Severity, Profile, Lang, FailOn, Text } from "./types.js";
