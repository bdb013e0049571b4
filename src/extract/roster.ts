// The roster extract maps names to ids with: the --members file, or a default-named roster beside
// the documents. Only ids and names are read, with the same loaders and header aliases the audit
// uses (YAML/JSON/CSV through src/load, .xlsx through the document library's pickRoster), so a
// unit written as an id here is the member the audit will find under that id.
import { existsSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { pickRoster, readWorkbook, type HeaderOracle } from "../documents/index.js";
import { readDocument as readProposalFile } from "../load/read.js";
import { resolveHeaders } from "../model/aliases.js";
import { MEMBERS_NAMES } from "../discover.js";
import type { Text } from "../types.js";
import type { RosterEntry } from "./parties.js";

/** Default roster names the audit looks for, with the workbook documents.md §1 adds. */
export const ROSTER_NAMES = [...MEMBERS_NAMES, ...(MEMBERS_NAMES.includes("members.xlsx") ? [] : ["members.xlsx"])];

/** The default-named roster in a folder, if there is exactly one. */
export function rosterBeside(dir: string): string | undefined {
  const found = ROSTER_NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p) && statSync(p).isFile());
  return found.length === 1 ? found[0] : undefined;
}

const ORACLE: HeaderOracle = {
  isKnownHeader: (t) => {
    const r = resolveHeaders([t]);
    return r.kinds[0] === "field" || r.kinds[0] === "ignored";
  },
  isIdHeader: (t) => resolveHeaders([t]).fields[0] === "id" || t === "序号",
  isNameHeader: (t) => resolveHeaders([t]).fields[0] === "name",
};

export type RosterRead = { ok: true; members: RosterEntry[] } | { ok: false; reason: Text };

/** Ids and names of a roster file; a file that cannot be read says why. */
export async function readRosterNames(path: string): Promise<RosterRead> {
  if (extname(path).toLowerCase() === ".xlsx") {
    const wb = await readWorkbook(path);
    if (!wb.ok) return { ok: false, reason: wb.reason };
    const pick = pickRoster(wb.workbook, ORACLE);
    if (!pick.ok) return { ok: false, reason: pick.reason };
    const members: RosterEntry[] = [];
    for (const row of pick.rows) {
      const id = pick.idColumn ? row.cells[pick.idColumn]?.text : undefined;
      const name = pick.nameColumn ? row.cells[pick.nameColumn]?.text : undefined;
      if (id && name) members.push({ id, name });
    }
    return { ok: true, members };
  }
  const r = readProposalFile(path, "members");
  if (!r.ok) return { ok: false, reason: r.error.message };
  const list = (r.doc.data as { members?: unknown } | undefined)?.members;
  const members: RosterEntry[] = [];
  if (Array.isArray(list)) {
    for (const m of list) {
      const id = (m as Record<string, unknown>)?.id;
      const name = (m as Record<string, unknown>)?.name;
      if ((typeof id === "string" || typeof id === "number") && typeof name === "string") members.push({ id: String(id), name });
    }
  }
  return { ok: true, members };
}
