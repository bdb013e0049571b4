// What a cached proposal depends on: the files its audit read or looked for (charter, the roster
// the engine chose, linked documents — load-proposal.ts lists them), each by content hash
// (sha256), and which default charter/roster names its folder holds (a second roster beside the
// first makes it ambiguous). Size is only a pre-check: equal sizes are always confirmed by hash.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { CHARTER_NAMES, MEMBERS_NAMES, type Proposal } from "../discover.js";

/** A file larger than this is not remembered (hashing it costs as much as reading it anyway). */
const MAX_HASHED_BYTES = 256 * 1024 * 1024;

export interface FileDep {
  path: string;
  /** Absent now: the proposal's outcome said so (a named roster that does not exist). */
  absent?: true;
  /** After symbolic links: a link moved out of the folder changes the outcome. */
  real?: string;
  size?: number;
  sha256?: string;
}

export interface Deps {
  names: string[];
  files: FileDep[];
}

const DEFAULT_NAMES = new Set([...CHARTER_NAMES, ...MEMBERS_NAMES]);

function folderNames(proposal: Proposal): string[] {
  try {
    return readdirSync(resolve(proposal.charter.abs, "..")).filter((n) => DEFAULT_NAMES.has(n)).sort();
  } catch {
    return [];
  }
}

/** One file's state, or undefined when it cannot be remembered (a device, a pipe, too large). */
function fileState(path: string): FileDep | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { path, absent: true };
  }
  try {
    const st = statSync(real);
    if (st.isDirectory()) return { path, real };
    if (!st.isFile() || st.size > MAX_HASHED_BYTES) return undefined;
    const bytes = readFileSync(real);
    if (bytes.length !== st.size) return undefined; // changing while we read
    return { path, real, size: st.size, sha256: createHash("sha256").update(bytes).digest("hex") };
  } catch {
    return undefined;
  }
}

/** The proposal's dependencies now, or undefined when one cannot be remembered. */
export function depsOf(proposal: Proposal, files: readonly string[]): Deps | undefined {
  const out: FileDep[] = [];
  for (const f of [...new Set(files)]) {
    const s = fileState(f);
    if (!s) return undefined;
    out.push(s);
  }
  return { names: folderNames(proposal), files: out };
}

/** True when every dependency is as remembered (same names, same links, same bytes). */
export function depsUnchanged(proposal: Proposal, deps: Deps): boolean {
  if (!Array.isArray(deps?.names) || !Array.isArray(deps.files)) return false;
  const names = folderNames(proposal);
  if (names.length !== deps.names.length || names.some((n, i) => n !== deps.names[i])) return false;
  for (const d of deps.files) {
    if (typeof d?.path !== "string") return false;
    if (d.absent) {
      try {
        realpathSync(d.path);
        return false; // it appeared
      } catch {
        continue;
      }
    }
    let real: string;
    try {
      real = realpathSync(d.path);
    } catch {
      return false;
    }
    if (real !== d.real) return false;
    if (d.sha256 === undefined) {
      // A folder where a file was named.
      if (!isDirectory(real)) return false;
      continue;
    }
    try {
      if (statSync(real).size !== d.size) return false; // the cheap pre-check
    } catch {
      return false;
    }
    const now = fileState(d.path);
    if (!now || now.sha256 !== d.sha256) return false;
  }
  return true;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
