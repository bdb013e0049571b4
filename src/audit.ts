// The programmatic API: `import { audit } from "alliance-audit"`. The CLI is a thin layer over it,
// so `audit()` returns exactly the report object that `--format json` prints.
import { discoverAll, releaseFolders } from "./discover.js";
import { availableParallelism } from "node:os";
import type { Settings } from "./engine/settings.js";
import { auditAll } from "./engine/pool.js";
import { skippedReports } from "./engine/skipped.js";
import { UsageError } from "./errors.js";
import { langFromEnv, normaliseLang } from "./i18n.js";
import { parseDate, today } from "./model/dates.js";
import { buildReport } from "./report.js";
import { getRule, type SeverityOverrides } from "./rules/index.js";
import { resolveProfile } from "./profile/resolve.js";
import type { ProfileLayer } from "./profile/types.js";
import { FAIL_ON, LANGS, SEVERITIES, type FailOn, type Lang, type Report } from "./types.js";

export interface AuditOptions {
  /** Proposal folders, charter files, batch folders or globs. Default: the current folder. */
  paths?: string[];
  /** Folder that paths are relative to and that the report's paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /**
   * A built-in profile (national, heilongjiang) or a profile file (profiles.md), a path relative to
   * `cwd` unless absolute. Default: national (or the config's `extends`, through applyConfig).
   */
  profile?: string;
  /** The config file's profile part (its name, sources and own rules), applied on top of `profile`. */
  configLayer?: ProfileLayer;
  /** The date that date rules compare with, YYYY-MM-DD. Default: today, local time. */
  asOf?: string;
  lang?: Lang;
  failOn?: FailOn;
  /** The roster for a single charter file. */
  members?: string;
  /** Report errors only. */
  quiet?: boolean;
  /** Per-rule severity overrides (`off` turns a rule off). */
  rules?: SeverityOverrides;
  /** Globs of paths not to audit. */
  ignore?: string[];
  /** Worker threads for batches (default: the number of CPUs; small batches stay in-process). */
  jobs?: number;
  /** Audit only the index-th (1-based) of `count` deterministic slices of the proposals. */
  shard?: Shard;
  /** The config file these options came from, as the report names it (relative to cwd), or null. */
  configFile?: string | null;
  /**
   * Remember each proposal's findings and audit again only proposals whose files or settings
   * changed (ESLint's --cache). Off by default.
   */
  cache?: boolean;
  /** The cache file, or a folder for it (default: the user's cache folder, src/cache/location.ts). */
  cacheLocation?: string;
  /** Called as proposals finish (for a progress indicator). */
  onProgress?: (done: number, total: number) => void;
}

export interface Shard {
  index: number;
  count: number;
}

/** "2/3" → { index: 2, count: 3 } (1-based), or a UsageError. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError({ zh: `--shard 应为 i/n（1 ≤ i ≤ n），实际是“${text}”`, en: `--shard must be i/n with 1 <= i <= n, got "${text}"` });
  }
  return { index, count };
}

/**
 * The shard's proposals: every count-th proposal in path order, starting at index-1. Each
 * proposal is in exactly one shard, and the slices stay balanced however large a batch is.
 */
export function shardOf<T>(sorted: T[], shard: Shard | undefined): T[] {
  return shard ? sorted.filter((_, k) => k % shard.count === shard.index - 1) : sorted;
}

/** Validated settings, or a UsageError naming what is wrong. */
export function resolveSettings(o: AuditOptions): Settings {
  const cwd = o.cwd ?? process.cwd();
  // The API takes a language as people write it too (zh-CN, zh_CN, cn), like --lang.
  const lang = (typeof o.lang === "string" ? (normaliseLang(o.lang) ?? o.lang) : undefined) ?? langFromEnv();
  if (!LANGS.includes(lang)) throw new UsageError({ zh: `未知的语言 ${String(lang)}（可选 zh、en）`, en: `unknown language "${String(lang)}" (choose zh or en)` });
  const failOn = o.failOn ?? "error";
  if (!FAIL_ON.includes(failOn)) throw new UsageError({ zh: `--fail-on 的值 ${String(failOn)} 无效（可选 ${FAIL_ON.join("、")}）`, en: `invalid --fail-on "${String(failOn)}" (choose ${FAIL_ON.join(", ")})` });
  const asOf = o.asOf ?? today();
  if (!parseDate(asOf) || asOf.trim() !== asOf) throw new UsageError({ zh: `--as-of 应为有效日期 YYYY-MM-DD，实际是“${asOf}”`, en: `--as-of must be a real date written YYYY-MM-DD, got "${asOf}"` });
  const overrides = o.rules ?? {};
  for (const [id, sev] of Object.entries(overrides)) {
    if (!getRule(id)) throw new UsageError({ zh: `未知的规则 ${id}`, en: `unknown rule "${id}"` });
    if (sev === "off" && id.startsWith("file/")) {
      throw new UsageError({
        zh: `规则 ${id} 不能关闭：文件缺失或无法读取时，该申报材料的条件根本没有审核；可以降为 warning 或 info（报告中仍显示为“未审核”）`,
        en: `${id} cannot be turned off: when a file is missing or unreadable the proposal's conditions were not checked at all; lower it to warning or info instead (the report still shows the proposal as unaudited)`,
      });
    }
    if (sev !== "off" && !SEVERITIES.includes(sev)) throw new UsageError({ zh: `规则 ${id} 的级别 ${String(sev)} 无效（可选 off、info、warning、error）`, en: `invalid severity "${String(sev)}" for ${id} (choose off, info, warning or error)` });
  }
  const profile = resolveProfile({ profile: o.profile, from: cwd, cwd, config: o.configLayer, rules: overrides });
  return { profile, asOf, lang, failOn, quiet: o.quiet ?? false, cwd };
}

async function openCache(options: AuditOptions, settings: Settings) {
  const [{ ProposalCache }, { cacheFile }, { VERSION }] = await Promise.all([import("./cache/store.js"), import("./cache/location.js"), import("./version.js")]);
  return ProposalCache.open(cacheFile(options.cacheLocation, settings.cwd), settings, { version: VERSION });
}

export async function audit(options: AuditOptions = {}): Promise<Report> {
  const settings = resolveSettings(options);
  const cwd = settings.cwd;
  const paths = options.paths?.length ? options.paths : ["."];
  const { proposals, skipped } = discoverAll(paths, { cwd, members: options.members, ignore: options.ignore });
  if (proposals.length === 0 && skipped.length === 0) {
    throw new UsageError({
      zh: `在 ${paths.join("、")} 下没有找到申报材料（含 charter.yaml、charter.yml 或 charter.json 的文件夹）；要从示例开始，运行 alliance-audit init`,
      en: `no proposal found under ${paths.join(", ")} (a proposal is a folder holding charter.yaml, charter.yml or charter.json); to start from an example, run alliance-audit init`,
    });
  }
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError({ zh: `--jobs 应为正整数，实际是 ${String(jobs)}`, en: `--jobs must be a positive whole number, got ${String(jobs)}` });
  const mine = shardOf(proposals, options.shard);
  // The cache module is loaded only when asked for (a cold start without --cache pays nothing).
  const cache = options.cache ? await openCache(options, settings) : undefined;
  let reports;
  try {
    reports = await auditAll(mine, settings, { jobs, onProgress: options.onProgress, cache });
  } finally {
    releaseFolders(); // the descriptors of folders opened by their bytes (non-UTF-8 names): one run's only
  }
  await cache?.save();
  reports.push(...skippedReports(shardOf(skipped, options.shard), settings)); // nothing skipped silently
  return buildReport({ profile: settings.profile.id, asOf: settings.asOf, config: options.configFile ?? null }, reports);
}
