// SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer). What GitHub needs, besides
// the OASIS schema: every rule in tool.driver.rules with texts, help and a default level; every
// result with ruleId, ruleIndex, level, message.text, a relative artifactLocation.uri and a
// region; partialFingerprints so that an alert is the same alert on the next run. No timestamps,
// no absolute paths: the same report gives the same bytes.
import { createHash } from "node:crypto";
import { citationText, clauseText, DOCUMENTS } from "../policy/documents.js";
import { RULES, type Rule } from "../rules/index.js";
import type { Finding, Lang, Profile, Severity } from "../types.js";
import { REPOSITORY_URL, ruleDocUrl } from "./links.js";
import type { Formatter } from "./types.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** The partialFingerprints key; bump the version if what goes into the hash ever changes. */
export const FINGERPRINT_KEY = "allianceAudit/v1";

type Level = "error" | "warning" | "note" | "none";
const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

const WORDS = {
  zh: { fix: "修改建议", policy: "政策依据", docs: "规则文档", severity: "级别" },
  en: { fix: "How to fix", policy: "Policy", docs: "Rule documentation", severity: "Severity" },
} as const;

export const sarif: Formatter = (report, ctx) => {
  const lang = ctx.lang;
  const descriptors = RULES.map((rule) => ruleDescriptor(rule, report.profile, lang));
  // A report merged from another version may name a rule this version lacks: describe it minimally.
  const known = new Set(RULES.map((r) => r.id));
  const unknown = [...new Set(report.proposals.flatMap((p) => p.findings.map((f) => f.ruleId)))].filter((id) => !known.has(id)).sort();
  for (const id of unknown) descriptors.push({ id, name: pascal(id), shortDescription: { text: id }, helpUri: ruleDocUrl(id) });
  const index = new Map(descriptors.map((d, i) => [d.id, i]));

  const seen = new Map<string, number>();
  const results = report.proposals.flatMap((p) =>
    p.findings.map((f) => {
      const hash = fingerprint(f);
      const n = (seen.get(hash) ?? 0) + 1; // identical findings stay distinct, in a stable order
      seen.set(hash, n);
      return result(f, p.path, index.get(f.ruleId)!, `${hash}:${n}`);
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
          profile: report.profile,
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

function ruleDescriptor(rule: Rule, profile: Profile, lang: Lang): Descriptor {
  const w = WORDS[lang];
  const severity = rule.severity[profile];
  const refs = [rule.citation, ...(rule.alsoCites ?? [])];
  const cites = refs.map((r) => citationText(r, lang)).join(lang === "zh" ? "；" : "; ");
  const quotes = refs.flatMap((r) => {
    const text = clauseText(r);
    return text ? [`${DOCUMENTS[r.doc].full[lang]} ${r.article[lang]}${lang === "zh" ? "：" : ":"}\n\n> ${text}`] : [];
  });
  const severities = (Object.keys(rule.severity) as Profile[]).map((p) => `${p}: ${rule.severity[p]}`).join(", ");
  const helpUri = ruleDocUrl(rule.id);
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: rule.description[lang] },
    helpUri,
    help: {
      text: `${rule.fix[lang]}\n\n${w.policy}: ${cites}`,
      markdown: [
        `**${w.fix}:** ${rule.fix[lang]}`,
        `**${w.policy}:** ${cites}`,
        ...quotes,
        `**${w.severity}:** ${severities}`,
        `[${w.docs}](${helpUri})`,
      ].join("\n\n"),
    },
    defaultConfiguration: severity ? { level: LEVEL[severity] } : { enabled: false, level: "none" },
    properties: {
      tags: [...new Set(["alliance-audit", rule.condition, ...refs.map((r) => DOCUMENTS[r.doc].name[lang])])],
      precision: "very-high",
      ...(severity ? { "problem.severity": severity === "info" ? "recommendation" : severity } : {}),
      citation: cites,
    },
  };
}

function result(f: Finding, proposal: string, ruleIndex: number, fp: string) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fp },
    properties: { proposal, pointer: f.pointer, citation: `${f.citation.document} ${f.citation.article}` },
  };
}

/** Stable across runs and edits elsewhere in the file: no line or column goes in. */
export function fingerprint(f: Finding): string {
  return createHash("sha256").update(JSON.stringify([f.ruleId, f.file, f.pointer, f.message])).digest("hex").slice(0, 32);
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
