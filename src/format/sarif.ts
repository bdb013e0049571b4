// SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer). What GitHub needs, besides
// the OASIS schema: every rule in tool.driver.rules with texts, help and a default level; every
// result with ruleId, ruleIndex, level, message.text, a relative artifactLocation.uri and a
// region; partialFingerprints so that an alert is the same alert on the next run. No timestamps,
// no absolute paths: the same report gives the same bytes.
import { createHash } from "node:crypto";
import { profileLabel } from "../report.js";
import type { Finding, Lang, RuleMeta, Severity } from "../types.js";
import { citeText } from "./common.js";
import { REPOSITORY_URL, ruleDocUrl } from "./links.js";
import type { Formatter } from "./types.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/**
 * The partialFingerprints key; bump the version when what goes into the hash changes. v2 hashes
 * the message id and data instead of the text, so `--lang` no longer changes an alert's identity.
 */
export const FINGERPRINT_KEY = "allianceAudit/v2";

type Level = "error" | "warning" | "note" | "none";
const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

const WORDS = {
  zh: { fix: "修改建议", policy: "政策依据", docs: "规则文档", severity: "级别" },
  en: { fix: "How to fix", policy: "Policy", docs: "Rule documentation", severity: "Severity" },
} as const;

export const sarif: Formatter = (report, ctx) => {
  const lang = ctx.lang;
  const descriptors = Object.values(ctx.rules).map((rule) => ruleDescriptor(rule, lang));
  // A report merged from another version may name a rule this version lacks: describe it minimally.
  const known = new Set(Object.keys(ctx.rules));
  const unknown = [...new Set(report.proposals.flatMap((p) => p.findings.map((f) => f.ruleId)))].filter((id) => !known.has(id)).sort();
  for (const id of unknown) descriptors.push({ id, name: pascal(id), shortDescription: { text: id }, helpUri: ruleDocUrl(id) });
  const index = new Map(descriptors.map((d, i) => [d.id, i]));

  const seen = new Map<string, number>();
  const results = report.proposals.flatMap((p) =>
    p.findings.map((f) => {
      const hash = fingerprint(f);
      const n = (seen.get(hash) ?? 0) + 1; // identical findings stay distinct, in a stable order
      seen.set(hash, n);
      return result(f, p.path, index.get(f.ruleId)!, `${hash}:${n}`, lang);
    }),
  );

  const language = lang === "zh" ? "zh-CN" : "en-US";
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY_URL,
            language,
            rules: descriptors,
          },
        },
        language,
        columnKind: "utf16CodeUnits",
        results,
        properties: {
          profile: profileLabel(report.profile, lang),
          config: report.config,
          asOf: report.asOf,
          ...(report.summary.suppressed ? { suppressed: report.summary.suppressed } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri: string;
  help?: { text: string; markdown: string };
  defaultConfiguration?: { enabled?: boolean; level: Level };
  properties?: Record<string, unknown>;
}

function ruleDescriptor(rule: RuleMeta, lang: Lang): Descriptor {
  const w = WORDS[lang];
  const severity = rule.severity;
  const cites = rule.citations.map((c) => c[lang]).join(lang === "zh" ? "；" : "; ");
  const quotes = rule.clauses.map((c) => `${c.label[lang]}${lang === "zh" ? "：" : ":"}\n\n> ${c.text.replace(/\n/g, "\n> ")}`);
  const helpUri = ruleDocUrl(rule.id);
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: rule.description[lang] },
    helpUri,
    help: {
      text: cites ? `${rule.fix[lang]}\n\n${w.policy}: ${cites}` : rule.fix[lang],
      markdown: [
        `**${w.fix}:** ${rule.fix[lang]}`,
        ...(cites ? [`**${w.policy}:** ${cites}`] : []),
        ...quotes,
        `**${w.severity}:** ${severity ?? "off"}`,
        `[${w.docs}](${helpUri})`,
      ].join("\n\n"),
    },
    defaultConfiguration: severity ? { level: LEVEL[severity] } : { enabled: false, level: "none" },
    properties: {
      tags: ["alliance-audit", rule.condition],
      precision: "very-high",
      ...(severity ? { "problem.severity": severity === "info" ? "recommendation" : severity } : {}),
      ...(cites ? { citation: cites } : {}),
    },
  };
}

function result(f: Finding, proposal: string, ruleIndex: number, fp: string, lang: Lang) {
  const cite = citeText(f, lang);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    // The region is the file's line; a binary file's locator (成员名单!D7) leads the message.
    message: { text: f.locator ? `${f.locator}: ${f.message}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fp },
    properties: {
      proposal,
      pointer: f.pointer,
      ...(f.locator ? { locator: f.locator } : {}),
      ...(cite ? { citation: cite } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
    },
  };
}

/**
 * Stable across runs, edits elsewhere in the file and languages: no line, column or text goes
 * in, only the rule, file, value, message id and its data (a report of version 1, which has no
 * message id, falls back to the text).
 */
export function fingerprint(f: Finding): string {
  const what = f.messageId ? [f.messageId, canonical(f.data)] : [f.message];
  return createHash("sha256").update(JSON.stringify([f.ruleId, f.file, f.pointer, ...what])).digest("hex").slice(0, 32);
}

/** Data with keys sorted, so that the same values always hash alike. */
function canonical(data: Finding["data"]): string {
  if (!data) return "";
  return JSON.stringify(Object.keys(data).sort().map((k) => [k, data[k]]));
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, CJK, `#`, `?`, `:`). */
export function uriOf(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** `agreement/signatory-not-legal-rep` → `AgreementSignatoryNotLegalRep`. */
function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join("");
}
