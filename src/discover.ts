// paths → proposals. A path is a proposal folder, a charter file, any folder (every folder below
// it holding a charter is a proposal: batch mode) or a quoted glob (data-model.md, "A proposal").
import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "./errors.js";

type FastGlob = typeof import("fast-glob");
let fastGlob: FastGlob | undefined;
/** fast-glob for quoted globs and ignore patterns; loaded only then: it costs ~50 ms of start-up. */
function fg(): FastGlob {
  fastGlob ??= createRequire(import.meta.url)("fast-glob") as FastGlob;
  return fastGlob;
}

const MAX_WALK_DEPTH = 64;

/**
 * Charter files (and folders named like one) below `dir`, relative to it. A plain walk is all a
 * folder needs: no hidden folders or node_modules, symbolic links listed but never followed, so
 * a link loop in a reviewer's folder cannot hang the run.
 */
function walkForCharters(dir: string, rel = "", depth = 0, out: string[] = []): string[] {
  if (depth > MAX_WALK_DEPTH) return out;
  let entries;
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true });
  } catch {
    return out; // unreadable folder: nothing to find in it
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (CHARTER_NAMES.includes(e.name)) out.push(child);
    else if (e.isDirectory()) walkForCharters(dir, child, depth + 1, out);
  }
  return out;
}

export const CHARTER_NAMES = ["charter.yaml", "charter.yml", "charter.json"];
export const MEMBERS_NAMES = ["members.yaml", "members.yml", "members.json", "members.csv"];

export interface ProposalFile {
  abs: string;
  /** As the report shows it: relative to the cwd, '/' separators. */
  display: string;
}

export interface Proposal {
  /** The proposal folder as the report shows it. */
  path: string;
  charter: ProposalFile;
  /** The roster given with --members; otherwise the engine chooses it after reading the charter (`roster:`). */
  members?: ProposalFile;
  /** The charter file was named on the command line: another charter beside it is not ambiguous. */
  explicit?: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  /** The roster for a single charter file (--members). */
  members?: string;
  /** Globs (relative to cwd) of paths not to audit (config `ignore`). */
  ignore?: string[];
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const p = rel === "" ? "." : rel;
  return sep === "/" ? p : p.split(sep).join("/");
}

const isGlob = (p: string) => /[*?[\]{}]/.test(p);

/** First existing file of `names` in `dir` (the spec's "first match wins"). */
function firstIn(dir: string, names: string[], entries?: Set<string>): string | undefined {
  for (const n of names) {
    if (entries ? entries.has(n) : existsSync(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

export function discover(paths: string[], options: DiscoverOptions): Proposal[] {
  const { cwd } = options;
  const file = (abs: string): ProposalFile => ({ abs, display: displayPath(abs, cwd) });
  const byCharter = new Map<string, Proposal>();
  const add = (charterAbs: string, explicit = false) => {
    if (byCharter.has(charterAbs)) return;
    const dir = dirname(charterAbs);
    byCharter.set(charterAbs, { path: displayPath(dir, cwd), charter: file(charterAbs), ...(explicit ? { explicit } : {}) });
  };
  const ignore = options.ignore ?? [];

  const addFolder = (dirAbs: string) => {
    // Every folder holding a charter is a proposal; `onlyFiles: false` so that a folder named
    // charter.yaml is still found (and reported as unreadable rather than silently skipped).
    // Symbolic links are not followed: a link loop in a reviewer's folder cannot hang the run.
    const ignored = ignore.map((g) => relativeGlob(g, cwd, dirAbs)).filter((g): g is string => !!g);
    const hits = ignored.length
      ? fg().sync(`**/{${CHARTER_NAMES.join(",")}}`, {
          cwd: dirAbs,
          onlyFiles: false,
          followSymbolicLinks: false,
          dot: false,
          suppressErrors: true,
          ignore: ["**/node_modules/**", ...ignored],
        })
      : walkForCharters(dirAbs);
    const dirs = new Map<string, Set<string>>();
    for (const h of hits) {
      const abs = resolve(dirAbs, h);
      const d = dirname(abs);
      if (!dirs.has(d)) dirs.set(d, new Set());
      dirs.get(d)!.add(basename(abs));
    }
    // One proposal per folder; a second charter file there is the engine's file/ambiguous.
    for (const [d, names] of dirs) add(firstIn(d, CHARTER_NAMES, names)!);
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    let statError: unknown;
    try {
      st = statSync(abs);
    } catch (e) {
      statError = e;
      try {
        lstatSync(abs); // a dangling link given by name: its charter is unreadable, say so as a finding
        if (CHARTER_NAMES.includes(basename(abs))) {
          add(abs, true);
          continue;
        }
      } catch {
        /* not there at all */
      }
      if (isGlob(p)) {
        const hits = fg().sync(p.split(sep).join("/"), { cwd, onlyFiles: false, followSymbolicLinks: false, dot: false, suppressErrors: true, ignore });
        if (hits.length === 0) throw new UsageError({ zh: `没有与 ${p} 匹配的路径`, en: `no path matches ${p}` });
        for (const h of hits.sort()) {
          const habs = resolve(cwd, h);
          if (CHARTER_NAMES.includes(basename(habs))) add(habs);
          else if (safeIsDir(habs)) addFolder(habs);
        }
        continue;
      }
      throw pathError(p, statError);
    }
    if (st.isDirectory()) {
      addFolder(abs);
    } else if (CHARTER_NAMES.includes(basename(abs))) {
      add(abs, true);
    } else {
      throw new UsageError({
        zh: `${p} 不是章程文件：请给出申报文件夹，或 ${CHARTER_NAMES.join("、")} 之一`,
        en: `${p} is not a charter file: give a proposal folder, or one of ${CHARTER_NAMES.join(", ")}`,
      });
    }
  }

  const proposals = [...byCharter.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.members) {
    if (proposals.length > 1) {
      throw new UsageError({
        zh: "--members 只能与单个章程文件一起使用",
        en: "--members applies to a single charter file, but the paths name several proposals",
      });
    }
    const membersAbs = resolve(cwd, options.members);
    if (!existsSync(membersAbs)) throw new UsageError({ zh: `--members 文件不存在：${options.members}`, en: `--members file not found: ${options.members}` });
    if (proposals[0]) proposals[0].members = file(membersAbs);
  }
  return proposals;
}

/** Why a path given on the command line cannot be used, in words that say what to do. */
function pathError(p: string, e: unknown): UsageError {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case "ELOOP":
      return new UsageError({ zh: `路径 ${p} 是循环的符号链接`, en: `${p} is a symbolic link loop` });
    case "EACCES":
    case "EPERM":
      return new UsageError({ zh: `没有权限访问路径 ${p}`, en: `permission denied: ${p}` });
    case "ENAMETOOLONG":
      return new UsageError({ zh: `路径太长，操作系统无法打开：${p}`, en: `the path is too long for the operating system: ${p}` });
    case "ENOTDIR":
      return new UsageError({ zh: `路径不存在（其中某一级不是文件夹）：${p}`, en: `path not found (a part of it is not a folder): ${p}` });
    default:
      return new UsageError({ zh: `路径不存在：${p}`, en: `path not found: ${p}` });
  }
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An ignore glob written relative to the cwd, rewritten relative to a folder being searched. */
function relativeGlob(glob: string, cwd: string, dir: string): string | undefined {
  const prefix = displayPath(dir, cwd);
  if (prefix === ".") return glob;
  if (glob.startsWith("**/")) return glob;
  if (glob.startsWith(prefix + "/")) return glob.slice(prefix.length + 1);
  return undefined;
}
