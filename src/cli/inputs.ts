// The files an audit run reads, for the check that -o (and a baseline being written) overwrites
// none of them: the --members roster, the baseline, the config in use, and every charter and
// roster of the proposals found, the roster a charter names (`roster:`) and the documents it
// links (`agreement.documents`): `-o 联盟协议.docx` must not replace the signed agreement.
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { AuditOptions } from "../audit.js";
import { discoverAll } from "../discover.js";
import { ROLES, type InputFile } from "../fs/inputs.js";
import { linkedEntries } from "../load/linked.js";
import { readDocument } from "../load/read.js";

export function runInputs(options: AuditOptions, cwd: string, baseline: string | undefined, config: string | undefined): InputFile[] {
  const inputs: InputFile[] = [];
  if (options.members) inputs.push({ path: options.members, role: ROLES.members });
  if (baseline) inputs.push({ path: baseline, role: ROLES.baseline });
  if (config) inputs.push({ path: config, role: ROLES.config });
  let proposals;
  try {
    proposals = discoverAll(options.paths?.length ? options.paths : ["."], { cwd: options.cwd ?? cwd, members: options.members, ignore: options.ignore }).proposals;
  } catch {
    return inputs; // the audit itself reports what is wrong with the paths
  }
  for (const p of proposals) {
    inputs.push({ path: resolve(cwd, p.charter.abs), role: ROLES.charter });
    if (p.members) inputs.push({ path: resolve(cwd, p.members.abs), role: ROLES.roster });
    for (const f of namedByCharter(resolve(cwd, p.charter.abs))) inputs.push(f);
  }
  return inputs;
}

/**
 * The files a charter names: its `roster:` (kept even when --members wins this run: it is still
 * the proposal's roster) and its linked documents, each only inside the proposal's folder, as
 * the loader reads them. The charter
 * is parsed once more for this (only when something is to be written); one that cannot be read
 * names nothing.
 */
function namedByCharter(charterAbs: string): InputFile[] {
  const read = readDocument(charterAbs, "charter");
  if (!read.ok) return [];
  const dir = resolve(charterAbs, "..");
  const inDir = (name: unknown): string | undefined => {
    if (typeof name !== "string" || name.trim() === "" || isAbsolute(name.trim())) return undefined;
    const abs = resolve(dir, name.trim());
    const rel = relative(dir, abs);
    return rel !== "" && !isAbsolute(rel) && rel.split(sep)[0] !== ".." ? abs : undefined;
  };
  const out: InputFile[] = [];
  const roster = inDir(read.doc.data.roster);
  if (roster) out.push({ path: roster, role: ROLES.roster });
  for (const entry of linkedEntries(read.doc.data) ?? []) {
    const abs = inDir(entry);
    if (abs) out.push({ path: abs, role: ROLES.document });
  }
  return out;
}
