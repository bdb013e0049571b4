// The config file (cli.md, "Config file"): `.alliance-audit.yaml` (or `.yml`, `.json`) found
// upward from the cwd, or named with `--config FILE`. Command-line options override it.
//
//   profile: heilongjiang
//   lang: zh
//   failOn: error
//   rules:
//     members/enterprise-backbone: off        # off | info | warning | error
//   ignore: ["archive/**"]                     # globs not audited, relative to the config's folder
//
// Anything the tool does not know is an exit-2 error naming the key, the file and its line: a
// typo in a config must never be silently ignored (`failon: never` would otherwise fail CI later,
// or worse, `rules: {agreement/unsiged: off}` would look like it worked).
import { existsSync, lstatSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { AuditOptions } from "./audit.js";
import { displayPath } from "./discover.js";
import { UsageError } from "./errors.js";
import { GlobError, checkGlob, matchOneSegment } from "./fs/glob.js";
import { readSettingFile } from "./fs/read-setting-file.js";
import type { LoadedDocument } from "./load/document.js";
import { profilePart } from "./profile/file.js";
import { parseSettingFile } from "./profile/parse.js";
import { isBuiltinProfile } from "./profile/resolve.js";
import type { ProfileLayer } from "./profile/types.js";
import { normaliseLang } from "./i18n.js";
import { suggest } from "./similar.js";
import { FAIL_ON, LANGS, type FailOn, type Lang } from "./types.js";

/**
 * Looked for in this order in each folder, from the cwd up to the repository root (the first
 * folder holding `.git`), or the file system's root outside a repository.
 */
export const CONFIG_NAMES = [".alliance-audit.yaml", ".alliance-audit.yml", ".alliance-audit.json"];

/** The keys a config may have (`$schema` is accepted and ignored, for JSON editors). */
export const CONFIG_KEYS = ["extends", "profile", "name", "sources", "rules", "lang", "failOn", "ignore"] as const;

export interface Config {
  /** Absolute path of the config file. */
  file: string;
  /** The file as messages show it (relative to the cwd when below it). */
  display: string;
  /**
   * The profile it extends (`extends:`, or the older `profile:`): a built-in name, or a profile
   * file's absolute path (written relative to the config's folder).
   */
  profile?: string;
  /** The config as a profile (profiles.md): its name, sources and own rules, on top of `profile`. */
  layer?: ProfileLayer;
  lang?: Lang;
  failOn?: FailOn;
  /** Globs as written: relative to the config file's folder. */
  ignore?: string[];
}

/**
 * The nearest config file at or above `cwd`, or undefined. The first folder that has one wins.
 * The search stops at the repository root: a checkout's audit must not pick up a config left in
 * a parent folder (the runner's home, a shared workspace) that nobody reviewing the repository sees.
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (present(p)) return p;
    }
    if (existsSync(join(dir, ".git"))) return undefined; // the repository root: no further
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Something is there (a FIFO or a link too: it is then refused when read, never skipped silently). */
function present(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The config file a run uses (not read): --config FILE, none for --no-config, else the nearest. */
export function configPath(flag: string | false | undefined, cwd: string): string | undefined {
  if (flag === false) return undefined;
  return flag !== undefined ? resolve(cwd, flag) : findConfig(cwd);
}

/**
 * The config's `lang`, for messages printed before or without the parsed options (a usage
 * error): `--config FILE` / `--no-config` are read from argv. Never throws.
 */
export function configLang(argv: string[], cwd: string): Lang | undefined {
  try {
    if (argv.includes("--no-config")) return undefined;
    const i = argv.indexOf("--config");
    const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--config="))?.slice(9);
    const file = configPath(flag, cwd);
    return file && present(file) ? loadConfig(file, cwd).lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The config for a run: `--config FILE` (`flag` a string), none (`--no-config`, `flag` false),
 * else the nearest one found upward from `cwd`.
 */
export function resolveConfig(flag: string | false | undefined, cwd: string): Config | undefined {
  if (flag === false) return undefined;
  if (flag !== undefined) {
    const abs = resolve(cwd, flag);
    if (!present(abs)) {
      throw new UsageError({ zh: `找不到配置文件 ${flag}（--config）`, en: `config file not found: ${flag} (--config)` });
    }
    return loadConfig(abs, cwd);
  }
  const found = findConfig(cwd);
  return found ? loadConfig(found, cwd) : undefined;
}

/** Read and validate one config file; every problem is a UsageError naming the file, line and key. */
export function loadConfig(file: string, cwd: string = process.cwd()): Config {
  const abs = resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  return validateConfig(parseSettingFile(abs, shown, KIND), abs, shown);
}

const KIND = { zh: "配置文件", en: "config file" };

function validateConfig(doc: LoadedDocument, abs: string, shown: string): Config {
  const at = (pointer: string, how: "key" | "value" = "value") => {
    const p = doc.locate(pointer, how);
    return `${shown}:${p.line}:${p.column}`;
  };
  const config: Config = { file: abs, display: shown };
  const data = doc.data;
  for (const key of Object.keys(data)) {
    if (key === "$schema") continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const near = suggest(key, CONFIG_KEYS);
      throw new UsageError({
        zh: `配置文件 ${at(`/${esc(key)}`, "key")}：未知的键“${key}”${near ? `，是否指 ${near}？` : ""}（可用的键：${CONFIG_KEYS.join("、")}）`,
        en: `config file ${at(`/${esc(key)}`, "key")}: unknown key "${key}"${near ? `; did you mean ${near}?` : ""} (the keys are ${CONFIG_KEYS.join(", ")})`,
      });
    }
  }
  const choice = <T extends string>(key: "lang" | "failOn", allowed: readonly T[]): T | undefined => {
    const v = data[key];
    if (v === undefined) return undefined;
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    throw new UsageError({
      zh: `配置文件 ${at(`/${key}`)}：${key} 的值 ${show(v)} 无效（可选 ${allowed.join("、")}）`,
      en: `config file ${at(`/${key}`)}: invalid value ${show(v)} for ${key} (choose ${allowed.join(", ")})`,
    });
  };
  // The language as people write it (zh-CN, zh_CN, cn …), like --lang (i18n.ts normaliseLang).
  const rawLang = data.lang;
  config.lang = typeof rawLang === "string" && normaliseLang(rawLang) ? normaliseLang(rawLang) : choice("lang", LANGS);
  config.failOn = choice("failOn", FAIL_ON);

  // The profile part (extends/profile, name, sources, rules) is read as any profile file's is.
  const part = profilePart(data, (pointer, how) => at(pointer, how), KIND);
  if (part.extends !== undefined) config.profile = isBuiltinProfile(part.extends) ? part.extends : resolve(dirname(abs), part.extends);
  if (part.name || Object.keys(part.sources).length || Object.keys(part.rules).length) {
    config.layer = { ...part, file: abs, display: shown, name: part.name ?? { zh: basename(abs), en: basename(abs) } };
  }

  if (data.ignore !== undefined) {
    const list = typeof data.ignore === "string" ? [data.ignore] : data.ignore;
    if (!Array.isArray(list) || list.some((g) => typeof g !== "string" || g.trim() === "")) {
      throw new UsageError({
        zh: `配置文件 ${at("/ignore")}：ignore 应为通配符文本或其列表，例如 ["archive/**"]`,
        en: `config file ${at("/ignore")}: ignore must be a glob or a list of globs, such as ["archive/**"]`,
      });
    }
    (list as string[]).forEach((g, i) => {
      try {
        checkGlob(g.trim());
      } catch (e) {
        if (!(e instanceof GlobError)) throw e;
        const where = at(typeof data.ignore === "string" ? "/ignore" : `/ignore/${i}`);
        throw new UsageError({
          zh: `配置文件 ${where}：ignore 中的通配符 ${JSON.stringify(g)} 无效（第 ${e.index + 1} 个字符处：${e.why.zh}）`,
          en: `config file ${where}: invalid glob ${JSON.stringify(g)} under ignore (at character ${e.index + 1}: ${e.why.en})`,
        });
      }
    });
    config.ignore = (list as string[]).map((g) => g.trim());
  }
  for (const k of Object.keys(config) as (keyof Config)[]) if (config[k] === undefined) delete config[k];
  return config;
}

const esc = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));

/**
 * The audit options after the config: what the command line (or the API caller) set wins; the
 * config fills the rest. Severity overrides merge (the caller's win per rule); ignore globs are
 * rebased from the config's folder to `cwd` and added to the caller's.
 */
export function applyConfig(options: AuditOptions, config: Config | undefined, cwd: string = options.cwd ?? process.cwd()): AuditOptions {
  if (!config) return options;
  const out: AuditOptions = { ...options, configFile: config.display };
  // --profile replaces the config's extends; the config's own rules still apply on top (profiles.md).
  out.profile = options.profile ?? config.profile;
  if (config.layer) out.configLayer = config.layer;
  out.lang = options.lang ?? config.lang;
  out.failOn = options.failOn ?? config.failOn;
  if (config.ignore) {
    // As in .gitignore, a glob that names a folder ignores everything in it.
    const rebased = config.ignore.flatMap((g) => rebaseGlob(g, dirname(config.file), cwd)).flatMap((g) => (g.endsWith("/**") ? [g] : [g, `${g}/**`]));
    out.ignore = [...(options.ignore ?? []), ...rebased];
  }
  return out;
}

const posix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/**
 * A glob written relative to folder `from` (the config's), as globs relative to folder `to` (the
 * cwd, which discovery's ignore globs are relative to). The glob's leading literal folders are
 * resolved and made relative to the cwd (`../archive/**` for a sibling of the cwd); when the cwd
 * lies below where the glob's wildcards start, the cwd's own folders are matched against them
 * segment by segment (`*`, `?`, `[…]`, `{a,b}`, `**` understood) and stripped.
 */
export function rebaseGlob(glob: string, from: string, to: string): string[] {
  const parts = glob.replace(/^(\.\/)+/, "").replace(/^\/+/, "").split("/");
  let k = 0;
  while (k < parts.length && !/[*?[\]{}!]/.test(parts[k])) k++;
  const base = resolve(from, ...parts.slice(0, k));
  const rest = parts.slice(k).join("/");
  const out: string[] = [];
  const down = posix(relative(base, resolve(to)));
  if (rest && down && down !== ".." && !down.startsWith("../") && !isAbsolute(down)) {
    const stripped = stripFolders(rest, down.split("/"));
    if (stripped) out.push(stripped);
  }
  const rel = posix(relative(resolve(to), base));
  if (rel === "") out.push(rest || "**");
  else if (!isAbsolute(rel)) out.push(rest ? `${rel}/${rest}` : rel);
  return out;
}

/** The glob for what is below folder `segs` (relative to the glob's base), or undefined. */
function stripFolders(glob: string, segs: string[]): string | undefined {
  const parts = glob.split("/");
  let i = 0;
  for (const d of segs) {
    if (i >= parts.length) return undefined;
    if (parts[i] === "**") return parts.slice(i).join("/"); // ** swallows the cwd's own path
    if (!matchOneSegment(parts[i], d)) return undefined;
    i++;
  }
  return i < parts.length ? parts.slice(i).join("/") : "**"; // the glob names the cwd itself: ignore all of it
}
