// load: a proposal's files → documents with positions, or the file/* findings that say why its
// conditions cannot be checked. Which roster a proposal has is decided here, after its charter is
// read, because the charter may name it (`roster:`, cli.md revision 2); two charters or two
// rosters in one folder are `file/ambiguous`, never a silent choice (fidelity.md, issue #8).
import { readdirSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { CHARTER_NAMES, displayPath, MEMBERS_NAMES, type Proposal } from "../discover.js";
import type { LoadedDocument } from "../load/document.js";
import { linkedEntries, loadLinkedDocuments, MAX_LINKED_DOCUMENTS, type LinkedDocument } from "../load/linked.js";
import { readProposalFile } from "../load/read.js";
import { registry } from "../registry/index.js";
import type { DocRole } from "../rules/rule.js";
import type { FindingInput } from "./finding.js";

/**
 * `files`: every file the outcome depends on (read, or looked for and absent), absolute, for the
 * cache (src/cache): an unchanged charter names the same roster and documents, so these files and
 * the folder's default names are all that can change the outcome.
 */
export type LoadOutcome =
  | { ok: true; docs: Record<DocRole, LoadedDocument>; name: string | null; documents?: LinkedDocument[]; files: string[] }
  | { ok: false; findings: FindingInput[]; name: string | null; files: string[] };

const at1 = { line: 1, column: 1, pointer: "" };

function listing(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

/** A proposal file, read by the registry's loader for its name. */
const readDocument = (path: string, role: "charter" | "members") => readProposalFile(path, role, registry.loaders);

export async function loadProposal(proposal: Proposal, cwd: string): Promise<LoadOutcome> {
  const dir = resolve(proposal.charter.abs, "..");
  // Discovery listed the folder already (a batch of 10,000 need not list each twice).
  const entries = proposal.siblings ? new Set(proposal.siblings) : listing(dir);
  // Files are shown by the proposal's own display path: a folder opened by descriptor (a GBK
  // folder name, discover.ts) has an `abs` no person should see.
  const shown = (abs: string) => shownFile(proposal, dir, abs, cwd);

  // Two charter files in a folder: which one is the alliance's? Only a person can say.
  const charters = CHARTER_NAMES.filter((n) => entries.has(n));
  if (!proposal.explicit && charters.length > 1) {
    const files = charters.map((n) => shown(join(dir, n)));
    return {
      ok: false,
      name: null,
      findings: [{ ruleId: "file/ambiguous", messageId: "charters", data: { files: files.join(", ") }, file: files[0], ...at1 }],
      files: charters.map((n) => join(dir, n)),
    };
  }

  const charterResult = await readDocument(proposal.charter.abs, "charter");
  if (!charterResult.ok) {
    // One finding per file: the roster is still looked at by its default names (the charter,
    // which could name another, is unreadable), so both problems are fixed in one round.
    const { message, position } = charterResult.error;
    const findings: FindingInput[] = [{ ruleId: "file/unreadable", messageId: "detail", data: { detail: message }, file: proposal.charter.display, ...position, pointer: "" }];
    const roster = proposal.members ? { abs: proposal.members.abs } : defaultRoster(proposal, dir, entries, cwd);
    const files = [proposal.charter.abs];
    if ("finding" in roster) findings.push(roster.finding);
    else {
      files.push(roster.abs);
      const members = await readDocument(roster.abs, "members");
      if (!members.ok) findings.push({ ruleId: "file/unreadable", messageId: "detail", data: { detail: members.error.message }, file: shown(roster.abs), ...members.error.position, pointer: "" });
    }
    return { ok: false, name: null, findings, files };
  }
  const charter: LoadedDocument = { ...charterResult.doc, file: proposal.charter.display };
  const name = allianceName(charter);

  const roster = chooseRoster(proposal, charter, dir, entries, cwd);
  // A roster the charter names but that is absent or outside is a dependency too (it may appear).
  const named = typeof charter.data.roster === "string" && charter.data.roster.trim() !== "" && !isAbsolute(charter.data.roster) ? [resolve(dir, charter.data.roster)] : [];
  if ("finding" in roster) return { ok: false, name, findings: [roster.finding], files: [proposal.charter.abs, ...named.filter((f) => inside(dir, f))] };
  const files = [proposal.charter.abs, roster.abs];
  const membersResult = await readDocument(roster.abs, "members");
  if (!membersResult.ok) {
    const { message, position } = membersResult.error;
    return { ok: false, name, findings: [{ ruleId: "file/unreadable", messageId: "detail", data: { detail: message }, file: shown(roster.abs), ...position, pointer: "" }], files };
  }
  const docs = { charter, members: { ...membersResult.doc, file: shown(roster.abs) } };
  // The signed texts the charter links (documents.md §3): read only when there are any, so a
  // proposal without documents loads nothing more.
  const linked = linkedEntries(charter.data);
  if (!linked) return { ok: true, name, docs, files };
  // Only entries inside the folder: the cache must never open a file the loader refuses to.
  for (const e of linked.slice(0, MAX_LINKED_DOCUMENTS)) {
    if (typeof e !== "string" || e.trim() === "" || isAbsolute(e.trim()) || /^[A-Za-z]:|^\\/.test(e.trim())) continue;
    const abs = resolve(dir, e.trim());
    if (inside(dir, abs)) files.push(abs);
  }
  return { ok: true, name, docs, documents: await loadLinkedDocuments(linked, dir, shown), files };
}

/**
 * The roster: `--members` wins; else the charter's `roster:` (inside the folder), which no
 * default-named roster may contradict; else the one default-named roster beside the charter.
 */
function chooseRoster(proposal: Proposal, charter: LoadedDocument, dir: string, entries: Set<string>, cwd: string): { abs: string } | { finding: FindingInput } {
  if (proposal.members) return { abs: proposal.members.abs };
  const defaults = MEMBERS_NAMES.filter((n) => entries.has(n));
  const named = charter.data.roster;
  if (typeof named === "string" && named.trim() !== "") {
    const place = { file: charter.file, ...charter.locate("/roster"), pointer: "/roster" };
    const abs = resolve(dir, named);
    if (isAbsolute(named) || !inside(dir, abs)) {
      return { finding: { ruleId: "file/missing", messageId: "rosterOutside", data: { roster: named }, ...place } };
    }
    const real = realInside(dir, abs);
    if (real === "missing") return { finding: { ruleId: "file/missing", messageId: "rosterNotFound", data: { roster: named }, ...place } };
    if (real === "outside") return { finding: { ruleId: "file/missing", messageId: "rosterOutside", data: { roster: named }, ...place } };
    const other = defaults.map((n) => join(dir, n)).find((d) => resolve(d) !== abs);
    if (other) {
      return { finding: { ruleId: "file/ambiguous", messageId: "rosterNamed", data: { roster: named, other: shownFile(proposal, dir, other, cwd) }, ...place } };
    }
    return { abs };
  }
  return defaultRoster(proposal, dir, entries, cwd);
}

/** The one default-named roster beside the charter (data-model.md), or why there is none. */
function defaultRoster(proposal: Proposal, dir: string, entries: Set<string>, cwd: string): { abs: string } | { finding: FindingInput } {
  const defaults = MEMBERS_NAMES.filter((n) => entries.has(n));
  if (defaults.length > 1) {
    const files = defaults.map((n) => shownFile(proposal, dir, join(dir, n), cwd));
    return { finding: { ruleId: "file/ambiguous", messageId: "rosters", data: { files: files.join(", ") }, file: files[0], ...at1 } };
  }
  if (defaults.length === 1) return { abs: join(dir, defaults[0]) };
  return { finding: { ruleId: "file/missing", messageId: "noRoster", data: { folder: proposal.path }, file: proposal.charter.display, ...at1 } };
}

/** A file of the proposal as the report shows it: inside the folder, by the folder's display path. */
function shownFile(proposal: Proposal, dir: string, abs: string, cwd: string): string {
  const rel = relative(dir, abs);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return displayPath(abs, cwd);
  const posix = sep === "/" ? rel : rel.split(sep).join("/");
  return proposal.path === "." ? posix : `${proposal.path}/${posix}`;
}

function inside(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) && rel.split(sep)[0] !== "..";
}

/** After resolving symbolic links, is the file still inside the folder? */
function realInside(dir: string, abs: string): "ok" | "missing" | "outside" {
  try {
    return inside(realpathSync(dir), realpathSync(abs)) ? "ok" : "outside";
  } catch {
    return "missing";
  }
}

function allianceName(doc: LoadedDocument): string | null {
  const alliance = doc.data.alliance;
  const n = alliance && typeof alliance === "object" ? (alliance as Record<string, unknown>).name : undefined;
  return typeof n === "string" && n.trim() ? n.trim() : null;
}
