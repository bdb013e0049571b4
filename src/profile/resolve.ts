// A profile in force, flattened: the built-in at the root of the `extends` chain, then each file
// of the chain (base first), then the config file's own rules, then the API's — later settings win
// (profiles.md "Profiles, config and the command line"). A cycle in `extends` is an exit-2 error
// naming the files.
import { existsSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { displayPath } from "../discover.js";
import { UsageError } from "../errors.js";
import { registry } from "../registry/index.js";
import type { ProfileFileRef, Text } from "../types.js";
import { locator, profilePart } from "./file.js";
import { parseSettingFile } from "./parse.js";
import type { BaseProfile, EffectiveProfile, Level, ProfileLayer } from "./types.js";

const PROFILE_KEYS = ["extends", "name", "sources", "rules", "$schema"];
const KIND: Text = { zh: "规则集文件", en: "profile" };
/** The longest `extends` chain of files followed. */
export const MAX_CHAIN = 32;

export const isBuiltinProfile = (spec: string): boolean => registry.profiles.has(spec);

/** A profile file's layers, base first (the built-in at the root included), following `extends`. */
export function profileChain(spec: string, from: string, cwd: string, seen: string[] = []): { base: BaseProfile; layers: ProfileLayer[] } {
  const builtin = registry.profiles.get(spec);
  if (builtin) {
    const base: BaseProfile = spec === "heilongjiang" ? "heilongjiang" : "national";
    return { base, layers: [builtin.layer] };
  }
  const abs = resolve(from, spec);
  const shown = displayPath(abs, cwd);
  if (seen.includes(abs)) {
    const cycle = [...seen.slice(seen.indexOf(abs)), abs].map((f) => displayPath(f, cwd));
    throw new UsageError({ zh: `规则集的 extends 形成循环：${cycle.join(" → ")}`, en: `the profiles' extends chain is a cycle: ${cycle.join(" -> ")}` });
  }
  // Attacker-written chains are bounded like every other input: no real profile is 32 files deep.
  if (seen.length >= MAX_CHAIN) {
    throw new UsageError({
      zh: `规则集的 extends 链超过 ${MAX_CHAIN} 个文件（到 ${shown} 为止）；请缩短它`,
      en: `the profiles' extends chain is longer than ${MAX_CHAIN} files (up to ${shown}); shorten it`,
    });
  }
  if (!existsSync(abs)) {
    const names = registry.profileNames();
    throw new UsageError({
      zh: `找不到规则集 ${spec}：既不是内置规则集（${names.join("、")}），也不是存在的文件`,
      en: `profile ${spec} not found: it is neither a built-in profile (${names.join(", ")}) nor an existing file`,
    });
  }
  if (![".yaml", ".yml", ".json"].includes(extname(abs).toLowerCase())) {
    throw new UsageError({ zh: `规则集文件 ${shown} 应为 .yaml、.yml 或 .json 文件`, en: `the profile ${shown} must be a .yaml, .yml or .json file` });
  }
  const doc = parseSettingFile(abs, shown, KIND);
  const at = locator(doc, shown);
  // `profile:` is the config file's older spelling of `extends:`; a profile file has only the new one.
  if (doc.data.profile !== undefined) {
    throw new UsageError({
      zh: `规则集文件 ${at("/profile", "key")}：请用 extends（profile: 是配置文件中 extends 的旧写法）`,
      en: `profile ${at("/profile", "key")}: use extends (profile: is the config file's older spelling of it)`,
    });
  }
  for (const key of Object.keys(doc.data)) {
    if (!PROFILE_KEYS.includes(key)) {
      throw new UsageError({
        zh: `规则集文件 ${at(`/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, "key")}：规则集文件不能有键“${key}”（可用的键：extends、name、sources、rules；lang、failOn、ignore 只能写在配置文件中）`,
        en: `profile ${at(`/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, "key")}: a profile cannot hold the key "${key}" (the keys are extends, name, sources, rules; lang, failOn and ignore belong in the config file)`,
      });
    }
  }
  const part = profilePart(doc.data, at, KIND);
  const layer: ProfileLayer = { ...part, file: abs, display: shown, name: part.name ?? { zh: basename(abs), en: basename(abs) } };
  const parent = profileChain(layer.extends ?? "national", dirname(abs), cwd, [...seen, abs]);
  return { base: parent.base, layers: [...parent.layers, layer] };
}

export interface ResolveInput {
  /** A built-in name or a profile file (relative to `from`). Default national. */
  profile?: string;
  /** The folder a relative profile path is resolved from (the cwd, or the config file's folder). */
  from: string;
  cwd: string;
  /** The config file's profile part (its own rules on top of the chain). */
  config?: ProfileLayer;
  /** Per-rule levels from the API, last. */
  rules?: Record<string, Level>;
}

export function resolveProfile(input: ResolveInput): EffectiveProfile {
  const { base, layers } = profileChain(input.profile ?? "national", input.from, input.cwd);
  const all = input.config ? [...layers, input.config] : layers;
  const eff: EffectiveProfile = { id: input.profile && isBuiltinProfile(input.profile) ? input.profile : (input.profile ?? "national"), base, rules: {} };
  const setAt: Record<string, string | undefined> = {};
  all.forEach((layer, i) => {
    for (const [id, entry] of Object.entries(layer.rules)) {
      const prev = eff.rules[id];
      // A later `cite` replaces the primary citation, which moves to the front of alsoCites.
      const replaced = entry.cite && prev?.cite ? [prev.cite, ...(prev.replacedCites ?? [])] : prev?.replacedCites;
      eff.rules[id] = {
        level: entry.level,
        ...(entry.options ? { options: entry.options } : prev?.options ? { options: prev.options } : {}),
        ...(entry.cite ? { cite: entry.cite } : prev?.cite ? { cite: prev.cite } : {}),
        ...(replaced?.length ? { replacedCites: replaced } : {}),
        ...(i > 0 || layer.file ? { explicit: true } : {}),
      };
      setAt[id] = entry.at ?? layer.display;
    }
  });
  requireOptions(eff, setAt);
  for (const [id, level] of Object.entries(input.rules ?? {})) {
    eff.rules[id] = { ...(eff.rules[id] ?? {}), level, explicit: true };
  }
  eff.id = reportName(layers, input.config);
  return eff;
}

/**
 * A rule turned on without the options it needs (`members/min-members: error` with no `min`
 * anywhere in the chain) would check nothing and look like it passed: an exit-2 error naming
 * where it was turned on and what it takes.
 */
function requireOptions(eff: EffectiveProfile, setAt: Record<string, string | undefined>): void {
  for (const [id, setting] of Object.entries(eff.rules)) {
    if (setting.level === "off") continue;
    const rule = registry.getRule(id);
    const required = (rule?.options?.schema as { required?: string[] } | undefined)?.required ?? [];
    const have = { ...(rule?.options?.defaults ?? {}), ...(setting.options ?? {}) };
    const missing = required.filter((k) => have[k] === undefined);
    if (!rule || missing.length === 0 || !setAt[id]) continue;
    throw new UsageError({
      zh: `${setAt[id]}：规则 ${id} 已启用但缺少选项 ${missing.join("、")}，它因此什么也不会检查；请写成 [${setting.level}, ${rule.options!.accepts.zh}]`,
      en: `${setAt[id]}: ${id} is turned on without its option${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, so it would check nothing; write [${setting.level}, ${rule.options!.accepts.en}]`,
    });
  }
}

/**
 * How a report names the profile in force (profiles.md): the built-in's name, or the file and its
 * name — the config file itself when it holds rules beyond its built-in.
 */
function reportName(layers: ProfileLayer[], config: ProfileLayer | undefined): string | ProfileFileRef {
  if (config && config.file && Object.keys(config.rules).length > 0) {
    return { file: config.display ?? basename(config.file), name: config.name ?? { zh: basename(config.file), en: basename(config.file) } };
  }
  const top = layers[layers.length - 1];
  if (top.file) return { file: top.display ?? basename(top.file), name: top.name ?? { zh: basename(top.file), en: basename(top.file) } };
  const name = [...registry.profiles.entries()].find(([, d]) => d.layer === top)?.[0];
  return name ?? "national";
}

/** A level of a rule in a profile, undefined when off or not listed. */
export function levelOf(eff: EffectiveProfile, ruleId: string): Exclude<Level, "off"> | undefined {
  const l = eff.rules[ruleId]?.level;
  return l && l !== "off" ? l : undefined;
}
