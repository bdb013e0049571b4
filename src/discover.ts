// paths → proposals. A path is a proposal folder, a charter file, any folder (every folder below
// it holding a charter is a proposal: batch mode) or a quoted glob (data-model.md, "A proposal").
import { closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readlinkSync, statSync, type Dirent } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "./errors.js";
import { registry } from "./registry/index.js";
import { compileGlob, matchGlob, type Glob } from "./fs/glob.js";

type FastGlob = typeof import("fast-glob");
let fastGlob: FastGlob | undefined;
/** fast-glob for quoted globs on the command line; loaded only then: it costs ~50 ms of start-up. */
function fg(): FastGlob {
  fastGlob ??= createRequire(import.meta.url)("fast-glob") as FastGlob;
  return fastGlob;
}

/** Folder levels searched below a path given (the same with and without ignore globs). */
export const MAX_WALK_DEPTH = 64;

/** Why something that may be a proposal was not audited (each becomes a `file/skipped` entry). */
export type SkipReason = "unlistable" | "symlink" | "too-deep" | "near-miss";

export interface Skipped {
  /** The folder as the report shows it. */
  path: string;
  reason: SkipReason;
  /** The error code (unlistable), the link's target (symlink), the near-miss file name, the depth limit. */
  detail: string;
}

export interface Discovery {
  proposals: Proposal[];
  skipped: Skipped[];
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
const GB18030 = new TextDecoder("gb18030");

/**
 * A name as the report shows it. Linux folder names are bytes: one copied from a Chinese Windows
 * machine is GBK, which is not UTF-8 and would show (and be opened) as U+FFFD. It is decoded as
 * GB18030 for display, and opened by its bytes.
 */
function nameOf(raw: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: STRICT_UTF8.decode(raw), utf8: true };
  } catch {
    return { name: GB18030.decode(raw), utf8: false };
  }
}

/** A folder during the walk: the path the file system knows it by, and the path the report shows. */
interface Folder {
  fs: string | Buffer;
  shown: string;
}

const childOf = (parent: Folder, raw: Buffer, name: string, utf8: boolean): Folder => ({
  fs: utf8 && typeof parent.fs === "string" ? join(parent.fs, name) : Buffer.concat([Buffer.from(parent.fs), Buffer.from(sep), raw]),
  shown: join(parent.shown, name),
});

/** Folders opened by their bytes (non-UTF-8 names), by path: one descriptor each for the run. */
const openedFolders = new Map<string, number>();

/**
 * A string path for a file in `folder`. Readers take strings, and a non-UTF-8 folder name has no
 * string that the file system would map back to its bytes; on Linux the folder is opened once and
 * its files are reached through /proc/self/fd/N, which is plain ASCII. Elsewhere (where names
 * are always Unicode) this does not arise.
 */
function fileIn(folder: Folder, name: string): string {
  if (typeof folder.fs === "string") return join(folder.fs, name);
  const key = folder.fs.toString("hex");
  let fd = openedFolders.get(key);
  if (fd === undefined) {
    try {
      fd = openSync(folder.fs, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
      openedFolders.set(key, fd);
    } catch {
      return join(folder.shown, name); // unreachable: reported as unreadable, with its name
    }
  }
  return existsSync(`/proc/self/fd/${fd}`) ? `/proc/self/fd/${fd}/${name}` : join(folder.shown, name);
}

/** Closes the folders opened by their bytes (the API's callers may audit many times). */
export function releaseFolders(): void {
  for (const fd of openedFolders.values()) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
  }
  openedFolders.clear();
}

/** `Charter.yaml`, `charter.YAML`, `charter .yaml`, `章程.yaml`: meant as a charter, not named as one. */
export function isNearMissCharter(name: string): boolean {
  if (CHARTER_NAMES.includes(name)) return false;
  const squeezed = name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return CHARTER_NAMES.includes(squeezed) || /^章程\.(ya?ml|json)$/.test(squeezed);
}

/** The charter's and the roster's default file names: document roles of the registry. */
export const CHARTER_NAMES: readonly string[] = registry.names("charter");
export const MEMBERS_NAMES: readonly string[] = registry.names("members");

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
  /** The folder's file names as discovery listed them (the load stage then need not list it again). */
  siblings?: string[];
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

/** The proposals found (what audit() audits); see discoverAll for what was skipped too. */
export function discover(paths: string[], options: DiscoverOptions): Proposal[] {
  return discoverAll(paths, options).proposals;
}

/**
 * Every proposal below the paths, and every folder that may hold one but is not audited (it
 * cannot be listed, it is a linked proposal folder, it is too deep, its charter is misnamed):
 * nothing is skipped silently in a batch.
 */
export function discoverAll(paths: string[], options: DiscoverOptions): Discovery {
  const { cwd } = options;
  const file = (abs: string, shown = abs): ProposalFile => ({ abs, display: displayPath(shown, cwd) });
  const byCharter = new Map<string, Proposal>();
  const skipped = new Map<string, Skipped>();
  const skip = (folder: string, reason: SkipReason, detail: string) => {
    const path = displayPath(folder, cwd);
    const key = `${path}\0${reason}\0${detail}`;
    if (!skipped.has(key)) skipped.set(key, { path, reason, detail });
  };
  // The roster is chosen by the engine after reading the charter (its `roster:` may name it).
  const add = (charterAbs: string, explicit = false, shownDir?: string, siblings?: string[]) => {
    if (byCharter.has(charterAbs)) return;
    const dir = dirname(charterAbs);
    const shown = shownDir ?? dir;
    byCharter.set(charterAbs, {
      path: displayPath(shown, cwd),
      charter: file(charterAbs, join(shown, basename(charterAbs))),
      ...(explicit ? { explicit } : {}),
      ...(siblings ? { siblings } : {}),
    });
  };
  // Config globs are matched by our own linear-time matcher (src/fs/glob.ts), never a RegExp.
  const ignore: Glob[] = (options.ignore ?? []).map((g) => compileGlob(g));
  const ignored = (abs: string) => ignore.length > 0 && ignore.some((g) => matchGlob(g, displayPath(abs, cwd)));

  /** Walks a folder: no hidden folders or node_modules, links never followed (a loop cannot hang it). */
  const walk = (folder: Folder, depth: number, top: boolean): void => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(folder.fs, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "?";
      if (top) throw pathError(displayPath(folder.shown, cwd), e); // named directly: say why, not "no proposal"
      if (code !== "ENOENT") skip(folder.shown, "unlistable", code); // ENOENT: gone meanwhile
      return;
    }
    const names = new Map<string, { e: Dirent<Buffer>; utf8: boolean }>();
    for (const e of entries) {
      const { name, utf8 } = nameOf(e.name);
      if (name.startsWith(".") || name === "node_modules") continue;
      names.set(name, { e, utf8 });
    }
    const charter = CHARTER_NAMES.find((n) => names.has(n));
    // A folder given on the command line is audited even if an ignore glob matches it.
    const named = depth === 0;
    if (charter && (named || !ignored(join(folder.shown, charter)))) {
      // One proposal per folder; a second charter file there is the engine's file/ambiguous.
      add(fileIn(folder, charter), false, folder.shown, [...names.keys()]);
    } else if (!charter) {
      const near = [...names.keys()].filter((n) => !names.get(n)!.e.isDirectory() && isNearMissCharter(n)).sort();
      if (near.length > 0 && (named || !ignored(folder.shown))) skip(folder.shown, "near-miss", near.join(", "));
    }
    for (const [name, { e, utf8 }] of [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (CHARTER_NAMES.includes(name)) continue;
      const child = childOf(folder, e.name, name, utf8);
      if (e.isSymbolicLink()) {
        // Not followed; but a link to a proposal folder is named, since its proposal is not audited.
        if (!ignored(child.shown) && linksToProposal(child.fs)) skip(child.shown, "symlink", linkTarget(child.fs));
        continue;
      }
      if (!e.isDirectory() || ignored(child.shown)) continue;
      if (depth >= MAX_WALK_DEPTH) {
        skip(child.shown, "too-deep", String(MAX_WALK_DEPTH)); // the first folder not searched
        continue;
      }
      walk(child, depth + 1, false);
    }
  };
  const addFolder = (dirAbs: string, top: boolean) => walk({ fs: dirAbs, shown: dirAbs }, 0, top);

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
        // A glob typed on the command line (trusted like the command itself) is expanded by
        // fast-glob; the config's ignore globs are applied by our matcher, not passed to it.
        const hits = fg().sync(p.split(sep).join("/"), { cwd, onlyFiles: false, followSymbolicLinks: false, dot: false, suppressErrors: true });
        const kept = hits.filter((h) => !ignored(resolve(cwd, h)));
        if (kept.length === 0) throw new UsageError({ zh: `没有与 ${p} 匹配的路径`, en: `no path matches ${p}` });
        for (const h of kept.sort()) {
          const habs = resolve(cwd, h);
          if (CHARTER_NAMES.includes(basename(habs))) add(habs);
          else if (safeIsDir(habs)) addFolder(habs, false);
        }
        continue;
      }
      throw pathError(p, statError);
    }
    if (st.isDirectory()) {
      addFolder(abs, true);
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
  // A folder audited as a proposal is not also listed as skipped (a link named on the command line).
  const audited = new Set(proposals.map((p) => p.path));
  const skippedList = [...skipped.values()].filter((s) => !audited.has(s.path));
  skippedList.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.reason < b.reason ? -1 : 1));
  return { proposals, skipped: skippedList };
}

/** Whether a symbolic link leads to a folder holding a charter file (one stat per name, no walk). */
function linksToProposal(link: string | Buffer): boolean {
  try {
    if (!statSync(link).isDirectory()) return false;
    return CHARTER_NAMES.some((n) => existsSync(typeof link === "string" ? join(link, n) : Buffer.concat([link, Buffer.from(sep + n)])));
  } catch {
    return false; // dangling, a loop, or unreadable: not a proposal folder we could name
  }
}

function linkTarget(link: string | Buffer): string {
  try {
    return readlinkSync(link, "utf8");
  } catch {
    return "?";
  }
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
