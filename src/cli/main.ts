// The command line: a thin layer over audit() and the formatters (../shared/spec/cli.md).
// Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 the command could not run.
import { Command, CommanderError, Option } from "commander";
import { parseShard, resolveSettings, type AuditOptions } from "../audit.js";
import { progressReporter } from "./progress.js";
import { UsageError } from "../errors.js";
import { loadFormatter, formatNames } from "../format/index.js";
import { langFromEnv, normaliseLang } from "../i18n.js";
import { FAIL_ON, PROFILES, type FailOn, type Lang, type Profile, type Report } from "../types.js";
import { resolveProfile } from "../profile/resolve.js";
import type { EffectiveProfile, ProfileLayer } from "../profile/types.js";
import { failsRun } from "../engine/status.js";
import { profileName, rulesMeta } from "../registry/meta.js";
import { VERSION } from "../version.js";
import { checkOutput, writeOutput } from "./output.js";
import { runInputs } from "./inputs.js";
import { assertNotAnInput, assertNotEmpty } from "../fs/inputs.js";
import { capJobs } from "../engine/pool.js";
import { atOrAbove } from "../engine/audit-proposal.js";
import { applyConfig, configLang, configPath, resolveConfig } from "../config.js";
import { auditWithBaseline } from "../baseline.js";
import { localizeCommanderError } from "./commander-i18n.js";
import { HELP_TEXT, helpConfiguration, langOption, loadHelpWidth, localiseHelp } from "./help.js";
import { formatted } from "../format/too-large.js";
import { visible } from "../format/visible.js";

interface AuditFlags {
  profile?: string;
  format: string;
  output?: string;
  failOn?: FailOn;
  asOf?: string;
  members?: string;
  lang?: Lang;
  quiet?: boolean;
  color: boolean;
  jobs?: string;
  shard?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  baseline?: string;
  updateBaseline?: boolean;
  watch?: boolean;
  /** false for --no-fix-hints. */
  fixHints: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

/** Runs the CLI and returns the exit code (the bin sets process.exitCode, so output is flushed). */
export async function main(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process): Promise<number> {
  const langGuess = guessLang(argv);
  // Help aligns columns by display width: its measure is loaded only when help is shown (cold start).
  if (argv.slice(2).some((a) => a === "--help" || a === "-h" || a === "help")) await loadHelpWidth();
  const H = (k: keyof typeof HELP_TEXT) => HELP_TEXT[k][langGuess].replace("{formats}", formatNames().join(", "));
  const langOpt = (desc: string) => new Option("--lang <lang>", desc).argParser(langOption(langGuess));
  const program = new Command("alliance-audit")
    // Help in the user's language (set before the subcommands, which inherit it).
    .configureHelp(helpConfiguration(langGuess))
    .description(H("program"))
    .version(VERSION, "-v, --version", H("version"))
    .argument("[paths...]", H("paths"))
    .option("--profile <name|file>", H("profile"))
    .addOption(new Option("--format <format>", H("format")).default("stylish"))
    .option("-o, --output <file>", H("output"))
    .addOption(new Option("--fail-on <level>", H("failOn")).choices(FAIL_ON as string[]))
    .option("--as-of <date>", H("asOf"))
    .option("--members <file>", H("members"))
    .addOption(langOpt(H("lang")))
    .option("--jobs <n>", H("jobs"))
    .option("--shard <i/n>", H("shard"))
    .option("--quiet", H("quiet"))
    .option("--no-color", H("noColor"))
    .option("--no-fix-hints", H("noFixHints"))
    .option("--config <file>", H("config"))
    .option("--no-config", H("noConfig"))
    .option("--baseline <file>", H("baseline"))
    .option("--update-baseline", H("updateBaseline"))
    .option("--watch", H("watch"))
    .option("--cache", H("cache"))
    .option("--cache-location <path>", H("cacheLocation"))
    .helpCommand("help [command]", H("helpCommand"))
    // Subcommands (rules, merge) have their own --profile/--format/--lang: without this the
    // program's options of the same name swallow them (`rules --profile heilongjiang` listed national).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(oneLineError(localizeCommanderError(s, langGuess), langGuess)) })
    .action(async (paths: string[], flags: AuditFlags) => {
      exitCode = await runAudit(paths, flags, io);
    });
  localiseHelp(program, "alliance-audit", langGuess);

  const init = program
    .command("init")
    .description(H("init"))
    .argument("[dir]", H("initDir"), ".")
    .addOption(new Option("--profile <profile>", H("initProfile")).choices(PROFILES as string[]))
    .addOption(langOpt(H("initLang")))
    .option("--force", H("force"))
    .action(async (dir: string, flags: { profile?: Profile; lang?: Lang; force?: boolean }) => {
      const { initProposal } = await import("../init.js");
      const o = applyConfig({ profile: flags.profile, lang: flags.lang }, resolveConfig(undefined, process.cwd()));
      const lang = o.lang ?? langFromEnv();
      // The template is written for a built-in profile: a profile file's is the one at its root.
      const profile: Profile | undefined = o.profile === undefined ? undefined : (PROFILES as readonly string[]).includes(o.profile) ? (o.profile as Profile) : resolveSettings(o).profile.base;
      // --profile on the command line is remembered in a config file beside the proposal.
      io.stdout.write(initProposal({ dir, profile, lang, force: flags.force, writeConfig: flags.profile !== undefined, configLang: flags.lang }).message[lang]);
    });
  localiseHelp(init, "init", langGuess);
  // extract (documents.md §5): a draft charter.yaml from the agreement documents. Wiring only;
  // the command lives in src/extract/command.ts, loaded on use.
  const extract = program
    .command("extract")
    .description(H("extract"))
    .argument("<documents...>", H("extractDocuments"))
    .option("--members <file>", H("extractMembers"))
    .option("-o, --output <dir>", H("extractOutput"))
    .option("--force", H("force"))
    .addOption(langOpt(H("extractLang")))
    .action(async (documents: string[], flags: { members?: string; output?: string; force?: boolean; lang?: Lang }) => {
      const { extractCommand } = await import("../extract/command.js");
      await extractCommand(documents, flags, io);
    });
  localiseHelp(extract, "extract", langGuess);
  const explain = program
    .command("explain")
    .description(H("explain"))
    .argument("<rule-id>", H("ruleId"))
    .addOption(langOpt(H("explainLang")))
    .option("--profile <name|file>", H("explainProfile"))
    .option("--config <file>", H("config"))
    .option("--no-config", H("noConfig"))
    .action(async (id: string, flags: { lang?: Lang; profile?: string; config?: string | false }) => {
      const { explainCommand } = await import("./commands.js");
      // Without --profile: the rule as the catalogue defines it, in every built-in profile.
      const profile = flags.profile ? resolveSettings(applyConfig({ profile: flags.profile }, resolveConfig(flags.config, process.cwd()))).profile : undefined;
      io.stdout.write(explainCommand(id, flags.lang, profile));
    });
  localiseHelp(explain, "explain", langGuess);
  const rules = program
    .command("rules")
    .description(H("rules"))
    .option("--profile <name|file>", H("profile"))
    .addOption(langOpt(H("lang")))
    .option("--config <file>", H("rulesConfig"))
    .option("--no-config", H("noConfig"))
    .action(async (flags: { profile?: string; lang?: Lang; config?: string | false }) => {
      const { rulesCommand } = await import("./commands.js");
      // The profile in force: the command line's profile (or the config's extends), the config's rules on top.
      const config = resolveConfig(flags.config, process.cwd());
      const o = applyConfig({ profile: flags.profile, lang: flags.lang }, config);
      io.stdout.write(rulesCommand(resolveSettings(o).profile, o.lang ?? langFromEnv(), config?.display));
    });
  localiseHelp(rules, "rules", langGuess);
  const merge = program
    .command("merge")
    .description(H("merge"))
    .argument("<reports...>", H("reports"))
    .addOption(new Option("--format <format>", H("format")).default("json"))
    .option("-o, --output <file>", H("output"))
    .addOption(new Option("--fail-on <level>", H("failOn")).choices(FAIL_ON as string[]))
    .addOption(langOpt(H("lang")))
    .option("--no-color", H("noColor"))
    .option("--no-fix-hints", H("noFixHints"))
    .option("--config <file>", H("config"))
    .option("--no-config", H("noConfig"))
    .option("--update-baseline <file>", H("mergeUpdateBaseline"))
    .action(async (files: string[], flags: MergeFlags) => {
      exitCode = await runMerge(files, flags, io);
    });
  localiseHelp(merge, "merge", langGuess);
  const schema = program
    .command("schema")
    .description(H("schema"))
    .argument("<which>", H("which"))
    .action(async (which: string) => {
      const { schemaCommand } = await import("./commands.js");
      io.stdout.write(schemaCommand(which));
    });
  localiseHelp(schema, "schema", langGuess);

  let exitCode = 0;
  try {
    await program.parseAsync(helpArgv(argv, program));
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other parse error is a bad command line: 2.
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof UsageError) {
      // Messages quote configs, baselines and reports written by others: controls shown visibly,
      // so a quoted key cannot retitle the terminal or start a forged `::error` line in CI logs.
      io.stderr.write(`alliance-audit: ${visible(e.text[langGuess])}\n`);
      return 2;
    }
    if (process.env.DEBUG?.includes("alliance-audit")) io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    const msg = visible((e as Error)?.message ?? String(e));
    io.stderr.write(
      langGuess === "zh"
        ? `alliance-audit：内部错误：${msg}（设置 DEBUG=alliance-audit 查看详情，并请报告此问题）\n`
        : `alliance-audit: internal error: ${msg} (set DEBUG=alliance-audit for details, and please report it)\n`,
    );
    return 2;
  }
}

interface MergeFlags {
  format: string;
  output?: string;
  failOn?: FailOn;
  lang?: Lang;
  color: boolean;
  fixHints: boolean;
  config?: string | false;
  updateBaseline?: string;
}

/**
 * `merge`: the shards' reports as one, rendered like an audit's. The config file (found upward,
 * or --config) fills what the command line leaves unset, as for an audit: `lang` (the messages are
 * made again in it), `failOn` (status and exit code), `rules` (severities and the rules shown).
 */
async function runMerge(files: string[], flags: MergeFlags, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const formatter = await loadFormatter(flags.format);
  if (!formatter) throw new UsageError({ zh: `未知的报告格式“${flags.format}”；可选：${formatNames().join("、")}`, en: `unknown format "${flags.format}"; choose one of ${formatNames().join(", ")}` });
  const config = resolveConfig(flags.config, process.cwd());
  const chosenLang = flags.lang ?? config?.lang;
  const failOn: FailOn = flags.failOn ?? config?.failOn ?? "error";
  // The reports merged are inputs too: neither -o nor the baseline may overwrite one.
  const inputs = files.map((f) => ({ path: f, role: { zh: "要合并的报告", en: "a report being merged" } }));
  if (flags.output !== undefined) checkOutput(flags.output, inputs);
  const lang = chosenLang ?? langFromEnv();
  // Status and counts are computed again under merge's own --fail-on (one place: engine/status.ts).
  const { mergeReports } = await import("../merge.js");
  const report = mergeReports(files, { failOn, lang: chosenLang });
  if (flags.updateBaseline !== undefined) {
    const { updateBaselineFromReport } = await import("../baseline.js");
    const notice = await updateBaselineFromReport(report, flags.updateBaseline, chosenLang);
    io.stderr.write(`alliance-audit: ${notice[lang]}\n`);
    return 0;
  }
  const color = flags.format === "stylish" && !flags.output && useColor(flags.color, io.stdout);
  const text = formatted(() => formatter(report, { lang, color, failOn, rules: rulesMeta(profileOfReport(report, config?.layer)), fixHints: flags.fixHints, width: terminalWidth(flags.output, io.stdout) }), flags.format);
  if (flags.output) await writeOutput(flags.output, text, inputs);
  else io.stdout.write(text);
  return report.proposals.some((p) => failsRun(p, failOn)) ? 1 : 0;
}

/** The terminal's width for wrapping stylish output: only when writing to a terminal. */
function terminalWidth(output: string | undefined, stdout: NodeJS.WriteStream): number | undefined {
  if (output || !stdout.isTTY) return undefined;
  const w = stdout.columns;
  return typeof w === "number" && w >= 40 ? w : undefined;
}

async function runAudit(paths: string[], flags: AuditFlags, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const formatter = await loadFormatter(flags.format);
  if (!formatter) {
    throw new UsageError({
      zh: `未知的报告格式“${flags.format}”；可选：${formatNames().join("、")}`,
      en: `unknown format "${flags.format}"; choose one of ${formatNames().join(", ")}`,
    });
  }
  const options: AuditOptions = {
    paths,
    profile: flags.profile,
    asOf: flags.asOf,
    lang: flags.lang,
    failOn: flags.failOn,
    members: flags.members,
    quiet: flags.quiet,
    ...(flags.cache ? { cache: true, cacheLocation: flags.cacheLocation } : {}),
  };
  if (flags.jobs !== undefined) {
    const jobs = Number(flags.jobs);
    if (!/^\d+$/.test(flags.jobs) || jobs < 1) throw new UsageError({ zh: `--jobs 应为正整数，实际是“${flags.jobs}”`, en: `--jobs must be a positive whole number, got "${flags.jobs}"` });
    // More workers than cores only adds start-up time and memory: capped, and said so.
    const capped = capJobs(jobs);
    if (capped < jobs) {
      const lang = flags.lang ?? langGuessOf();
      io.stderr.write(
        lang === "zh"
          ? `alliance-audit：--jobs ${jobs} 超过本机可用的 ${capped} 个处理器，按 ${capped} 运行\n`
          : `alliance-audit: --jobs ${jobs} is more than the ${capped} processors available; using ${capped}\n`,
      );
    }
    options.jobs = capped;
  }
  if (flags.shard !== undefined) options.shard = parseShard(flags.shard);
  assertNotEmpty("-o", flags.output);
  assertNotEmpty("--baseline", flags.baseline);
  assertNotEmpty("--members", flags.members);
  assertNotEmpty("--cache-location", flags.cacheLocation);
  // The config file fills what the command line leaves unset (read again at every --watch run).
  const cli = { ...options };
  const withConfig = () => applyConfig({ ...cli }, resolveConfig(flags.config, process.cwd()));
  Object.assign(options, withConfig());
  // -o and the baseline to be written must not be any file this run reads (exit 2 before auditing).
  const cwd = process.cwd();
  if (flags.output !== undefined || flags.updateBaseline) {
    const inputs = runInputs(options, cwd, flags.updateBaseline ? undefined : flags.baseline, configPath(flags.config, cwd));
    if (flags.output !== undefined) checkOutput(flags.output, inputs, cwd);
    if (flags.updateBaseline && flags.baseline) assertNotAnInput(flags.baseline, inputs, cwd, "--baseline");
  }
  if (flags.watch) {
    const color = flags.format === "stylish" && !flags.output && useColor(flags.color, io.stdout);
    const { watchAudit } = await import("./watch.js");
    return watchAudit({ ...flags, options: withConfig, render: (r, s) => formatter(r, { lang: s.lang, color, failOn: s.failOn, rules: rulesMeta(s.profile), profileName: profileName(s.profile), fixHints: flags.fixHints, width: terminalWidth(flags.output, io.stdout) }) }, io);
  }
  const settings = resolveSettings(options); // validate before any file is read
  const progress = progressReporter(io, !!flags.output);
  options.onProgress = progress.update;
  let report: Report;
  let notice: { zh: string; en: string } | undefined;
  try {
    ({ report, notice } = await auditWithBaseline(options, flags)); // --baseline, --update-baseline
  } finally {
    progress.done();
  }
  if (notice) io.stderr.write(`alliance-audit: ${notice[settings.lang]}\n`);
  if (flags.updateBaseline) return 0;
  const color = flags.format === "stylish" && !flags.output && useColor(flags.color, io.stdout);
  const text = formatted(() => formatter(report, { lang: settings.lang, color, failOn: settings.failOn, rules: rulesMeta(settings.profile), profileName: profileName(settings.profile), fixHints: flags.fixHints, width: terminalWidth(flags.output, io.stdout) }), flags.format);
  if (flags.output) await writeOutput(flags.output, text);
  else io.stdout.write(text);
  // Exit 1 when any finding is at or above --fail-on: a failing proposal, or an unaudited one
  // whose file/* finding is (a lowered file/* rule may let an unaudited proposal through).
  return report.proposals.some((p) => failsRun(p, settings.failOn)) ? 1 : 0;
}

/**
 * The profile a merged report was made under, for the formats' rule metadata: a built-in by name,
 * a profile file when it is still there, else national's (only SARIF's default levels depend on it).
 */
function profileOfReport(report: Report, config?: ProfileLayer): EffectiveProfile {
  const cwd = process.cwd();
  const spec = typeof report.profile === "string" ? report.profile : report.profile.file;
  try {
    return resolveProfile({ profile: spec, from: cwd, cwd, config });
  } catch {
    return resolveProfile({ from: cwd, cwd, config });
  }
}

/**
 * `help [command]` with any options (`help init --lang zh`) as `[command] --help`: commander's
 * own help command passes the options on as a command name. The language was taken from the
 * options already; an unknown command is a usage error like any other (exit 2).
 */
function helpArgv(argv: string[], program: Command): string[] {
  const [node, script, ...rest] = argv;
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--lang") i++;
    else if (!rest[i].startsWith("--lang=")) args.push(rest[i]);
  }
  if (args[0] !== "help") return argv;
  const target = args[1];
  if (target === undefined) return [node, script, "--help"];
  if (!program.commands.some((c) => c.name() === target)) {
    throw new UsageError({ zh: `没有命令“${target}”；命令有：${program.commands.map((c) => c.name()).join("、")}`, en: `no command "${target}"; the commands are ${program.commands.map((c) => c.name()).join(", ")}` });
  }
  return [node, script, target, "--help"];
}

/** Colours on a TTY unless --no-color or NO_COLOR; FORCE_COLOR forces them (cli.md). */
function useColor(flag: boolean, stdout: NodeJS.WriteStream): boolean {
  if (!flag || process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return !!stdout.isTTY;
}

/**
 * Commander's parse errors as one line, like every other exit-2 message:
 * `alliance-audit: unknown option '--x' (Did you mean --fail-on?); run alliance-audit --help for usage`.
 */
function oneLineError(message: string, lang: Lang): string {
  const text = message.replace(/^(error: |错误：)/, "").replace(/\s*\n\s*/g, " ").trim().replace(/[.。]$/, "");
  return lang === "zh" ? `alliance-audit：${text}；运行 alliance-audit --help 查看用法\n` : `alliance-audit: ${text}; run alliance-audit --help for usage\n`;
}

/** The language from the environment and the config, for notes printed before the settings exist. */
function langGuessOf(): Lang {
  return guessLang(process.argv.slice(2));
}

/** The language for errors raised before options are parsed. */
function guessLang(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return normaliseLang(v) ?? configLang(argv, process.cwd()) ?? langFromEnv();
}
