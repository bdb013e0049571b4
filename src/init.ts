// `alliance-audit init [dir]`: a complete, compliant starter proposal (charter.yaml + members.yaml)
// with comments naming the clause each section satisfies, in the chosen language, and a first
// line that gives editors the JSON Schema (yaml-language-server).
//
// Where `$schema=` points: the schemas of the installed package. When the package sits in the
// node_modules of a project that also holds the new proposal (`npm i -D alliance-audit`), the
// path is relative to the written file, so the line works on every clone of the repository;
// otherwise (a global install, npx, a checkout) it is the absolute path of the schema file.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CHARTER_NAMES, MEMBERS_NAMES, displayPath } from "./discover.js";
import { UsageError } from "./errors.js";
import { addDays, addMonths, format, parseDate, today as todayDate, wholeMonths } from "./model/dates.js";
import { LANGS, PROFILES, type Lang, type Profile, type Text } from "./types.js";
import { CONFIG_NAMES } from "./config.js";
import { configTemplate } from "./init/config-template.js";
import { charterTemplate, membersTemplate, type TemplateVars } from "./init/templates.js";

export interface InitOptions {
  /** The folder to write to (created when missing). Default: the current folder. */
  dir?: string;
  cwd?: string;
  profile?: Profile;
  lang: Lang;
  /** Overwrite existing files. */
  force?: boolean;
  /** The date the template's agreement is signed and takes effect (default: today). */
  today?: string;
  /** The package's schemas folder (default: the installed package's `schemas/`). */
  schemasDir?: string;
  /**
   * Also write `.alliance-audit.yaml` in the folder, remembering the profile (the CLI sets it when
   * `--profile` is given): audits run there then use that profile without `--profile`.
   */
  writeConfig?: boolean;
  /** The language to remember in that config (when `--lang` was given). */
  configLang?: Lang;
}

export interface InitResult {
  files: string[];
  /** What to tell the user, in both languages. */
  message: Text;
}

/** The package's own `schemas/` folder (dist/init.js and src/init.ts both sit one level below the root). */
export function packageSchemasDir(): string {
  return fileURLToPath(new URL("../schemas/", import.meta.url));
}

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/**
 * The `$schema=` value for a file written in `targetDir`: relative when the package is installed
 * in a node_modules folder of a project holding `targetDir`, else the absolute path.
 */
export function schemaRef(schemaFile: string, targetDir: string): string {
  const parts = resolve(schemaFile).split(sep);
  const nm = parts.lastIndexOf("node_modules");
  if (nm > 0) {
    const projectRoot = parts.slice(0, nm).join(sep) || sep;
    const rel = relative(projectRoot, resolve(targetDir));
    if (rel === "" || (!rel.startsWith("..") && !/^[a-zA-Z]:/.test(rel))) return toPosix(relative(resolve(targetDir), resolve(schemaFile)));
  }
  return resolve(schemaFile);
}

/** Effective date + 3 years - 1 day, checked against the term rule (36 to 60 whole months). */
function expiryFor(effective: string): string {
  const eff = parseDate(effective)!;
  const end = addMonths(eff, 36);
  const expiry = addDays(end, -1);
  return wholeMonths(eff, addDays(expiry, 1)) >= 36 ? format(expiry) : format(end);
}

export function initProposal(o: InitOptions): InitResult {
  const cwd = o.cwd ?? process.cwd();
  const profile = o.profile ?? "national";
  if (!PROFILES.includes(profile)) throw new UsageError({ zh: `未知的规则集 ${String(profile)}（可选 ${PROFILES.join("、")}）`, en: `unknown profile "${String(profile)}" (choose ${PROFILES.join(" or ")})` });
  if (!LANGS.includes(o.lang)) throw new UsageError({ zh: `未知的语言 ${String(o.lang)}（可选 zh、en）`, en: `unknown language "${String(o.lang)}" (choose zh or en)` });
  const dirArg = o.dir ?? ".";
  const dir = resolve(cwd, dirArg);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError({ zh: `${dirArg} 已存在且不是文件夹`, en: `${dirArg} exists and is not a folder` });
  }
  // Refuse before writing anything: never half a proposal, never a charter.yaml that would
  // shadow an existing charter.json (the first file name found wins).
  if (!o.force) {
    const names = [...CHARTER_NAMES, ...MEMBERS_NAMES, ...(o.writeConfig ? CONFIG_NAMES : [])];
    const existing = names.map((n) => join(dir, n)).filter((p) => existsSync(p));
    if (existing.length > 0) {
      const names = existing.map((p) => displayPath(p, cwd)).join(", ");
      throw new UsageError({
        zh: `${names} 已存在，init 不会覆盖已有文件；确需覆盖请加 --force`,
        en: `${names} already exist${existing.length === 1 ? "s" : ""}; init does not overwrite files (use --force to overwrite)`,
      });
    }
  }
  const today = o.today ?? todayDate();
  if (!parseDate(today)) throw new UsageError({ zh: `日期无效：${today}`, en: `invalid date: ${today}` });
  const schemas = o.schemasDir ?? packageSchemasDir();
  const vars: TemplateVars = {
    charterSchema: schemaRef(join(schemas, "charter.schema.json"), dir),
    membersSchema: schemaRef(join(schemas, "members.schema.json"), dir),
    today,
    expiry: expiryFor(today),
    dir: /\s/.test(dirArg) ? `"${dirArg}"` : dirArg,
  };
  const files: [string, string][] = [
    [join(dir, "charter.yaml"), charterTemplate(o.lang, profile, vars)],
    [join(dir, "members.yaml"), membersTemplate(o.lang, profile, vars)],
  ];
  if (o.writeConfig) files.push([join(dir, ".alliance-audit.yaml"), configTemplate(o.lang, profile, o.configLang)]);
  try {
    mkdirSync(dir, { recursive: true });
    // "wx" without --force: a file that appeared since the check above is still not overwritten.
    for (const [file, text] of files) writeFileSync(file, text, { flag: o.force ? "w" : "wx" });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const where = err.path ? displayPath(err.path, cwd) : dirArg;
    if (err.code === "EEXIST") {
      throw new UsageError({ zh: `${where} 已存在，init 不会覆盖已有文件；确需覆盖请加 --force`, en: `${where} already exists; init does not overwrite files (use --force to overwrite)` });
    }
    throw new UsageError({ zh: `无法写入 ${where}（${err.code ?? err.message}）`, en: `cannot write ${where} (${err.code ?? err.message})` });
  }
  const shown = files.map(([f]) => displayPath(f, cwd));
  const runDir = vars.dir;
  const listed = { zh: shown.length > 2 ? `${shown.slice(0, -1).join("、")} 和 ${shown.at(-1)}` : shown.join(" 和 "), en: shown.length > 2 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown.join(" and ") };
  const remembered = o.writeConfig
    ? {
        zh: `${shown[2]} 记住了规则集 ${profile}：在该文件夹中运行 alliance-audit 时无需再给 --profile。\n`,
        en: `${shown[2]} remembers the profile ${profile}: alliance-audit run in that folder needs no --profile.\n`,
      }
    : { zh: "", en: "" };
  return {
    files: shown,
    message: {
      zh: `已生成 ${listed.zh}（规则集 ${profile}）。\n${remembered.zh}按本联盟的实际情况修改（包括删除标明“示例”的注释行）后检查：alliance-audit --profile ${profile} ${runDir}\n编辑器提示：文件第一行的 yaml-language-server 注释指向 JSON Schema（${vars.charterSchema}）。\n`,
      en: `Wrote ${listed.en} (profile ${profile}).\n${remembered.en}Replace the example values with your alliance's (and delete the line marking the example), then check: alliance-audit --profile ${profile} ${runDir}\nEditors: the yaml-language-server comment on the first line points at the JSON Schema (${vars.charterSchema}).\n`,
    },
  };
}

