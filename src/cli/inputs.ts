// The files an audit run reads, for the check that -o (and a baseline being written) overwrites
// none of them: the --members roster, the baseline, the config in use, and every charter and
// roster of the proposals found. Linked documents will be more entries of the same list.
import { resolve } from "node:path";
import type { AuditOptions } from "../audit.js";
import { discoverAll } from "../discover.js";
import { ROLES, type InputFile } from "../fs/inputs.js";

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
  }
  return inputs;
}
