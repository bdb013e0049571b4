// The command line: a thin layer over audit() and the formatters (../shared/spec/cli.md).
// Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 the command could not run.
import { Command, CommanderError, Option } from "commander";
import { parseShard, resolveSettings, type AuditOptions } from "../audit.js";
import { mergeReports } from "../merge.js";
import { progressReporter } from "./progress.js";
import { UsageError } from "../errors.js";
import { loadFormatter, formatNames } from "../format/index.js";
import { langFromEnv } from "../i18n.js";
import { FAIL_ON, LANGS, PROFILES, type FailOn, type Lang, type Profile, type Report } from "../types.js";
import { failsRun } from "../engine/status.js";
import { rulesMeta } from "../rules/meta.js";
import { VERSION } from "../version.js";
import { checkOutput, writeOutput } from "./output.js";
import { runInputs } from "./inputs.js";
import { assertNotAnInput, assertNotEmpty } from "../fs/inputs.js";
import { capJobs } from "../engine/pool.js";
import { atOrAbove } from "../engine/audit-proposal.js";
import { explainCommand, rulesCommand, schemaCommand } from "./commands.js";
import { applyConfig, configLang, configPath, resolveConfig } from "../config.js";
import { auditWithBaseline, updateBaselineFromReport } from "../baseline.js";
import { initProposal } from "../init.js";
import { watchAudit } from "./watch.js";
import { localizeCommanderError } from "./commander-i18n.js";

interface AuditFlags {
  profile?: Profile;
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
}

/** Runs the CLI and returns the exit code (the bin sets process.exitCode, so output is flushed). */
export async function main(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process): Promise<number> {
  const langGuess = guessLang(argv);
  const program = new Command("alliance-audit")
    .description("Audit industrial technology innovation strategic alliance proposals (产业技术创新战略联盟) against 国科发政〔2008〕770号 and provincial rules.")
    .version(VERSION, "-v, --version")
    .argument("[paths...]", "proposal folders, charter files, batch folders or quoted globs (default: .)")
    .addOption(new Option("--profile <profile>", "rule set").choices(PROFILES as string[]))
    .addOption(new Option("--format <format>", `report format: ${formatNames().join(", ")}`).default("stylish"))
    .option("-o, --output <file>", "write the report to FILE (whole or not at all) instead of stdout")
    .addOption(new Option("--fail-on <level>", "lowest severity that makes the exit code 1").choices(FAIL_ON as string[]))
    .option("--as-of <date>", "the date that date rules compare with (YYYY-MM-DD; default today)")
    .option("--members <file>", "the roster, when a single charter file is given")
    .addOption(new Option("--lang <lang>", "language of messages (default from LANG/LC_ALL)").choices(LANGS as string[]))
    .option("--jobs <n>", "parallel workers for batch audits (default: number of CPUs)")
    .option("--shard <i/n>", "audit only the i-th of n deterministic slices of the proposals (CI matrices)")
    .option("--quiet", "report errors only")
    .option("--no-color", "no ANSI colours (also NO_COLOR)")
    .option("--no-fix-hints", "stylish and html: no fix hint under each rule's first finding")
    .option("--config <file>", "config file (default: .alliance-audit.yaml/.yml/.json found upward from the current folder)")
    .option("--no-config", "ignore config files")
    .option("--baseline <file>", "report only findings not recorded in this baseline file (the others count as suppressed)")
    .option("--update-baseline", "write the current findings to the --baseline file and exit 0")
    .option("--watch", "audit again whenever an audited file is saved (Ctrl-C quits)")
    // Subcommands (rules, merge) have their own --profile/--format/--lang: without this the
    // program's options of the same name swallow them (`rules --profile heilongjiang` listed national).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(oneLineError(localizeCommanderError(s, langGuess), langGuess)) })
    .action(async (paths: string[], flags: AuditFlags) => {
      exitCode = await runAudit(paths, flags, io);
    });

  program
    .command("init")
    .description("write a complete, compliant starter proposal (charter.yaml + members.yaml) with explaining comments")
    .argument("[dir]", "the folder to write to (created when missing)", ".")
    .addOption(new Option("--profile <profile>", "rule set the template is written for (default: the config file's, else national)").choices(PROFILES as string[]))
    .addOption(new Option("--lang <lang>", "language of the comments and examples (default from LANG/LC_ALL)").choices(LANGS as string[]))
    .option("--force", "overwrite existing files")
    .action((dir: string, flags: { profile?: Profile; lang?: Lang; force?: boolean }) => {
      const o = applyConfig({ profile: flags.profile, lang: flags.lang }, resolveConfig(undefined, process.cwd()));
      const lang = o.lang ?? langFromEnv();
      io.stdout.write(initProposal({ dir, profile: o.profile, lang, force: flags.force }).message[lang]);
    });
  // extract (documents.md §5): a draft charter.yaml from the agreement documents. Wiring only;
  // the command lives in src/extract/command.ts.
  program
    .command("extract")
    .description("draft charter.yaml (and members.yaml) from the signed agreement documents (.docx/.pdf/.md/.txt), each value with its source")
    .argument("<documents...>", "the agreement documents; the first one's folder is the default output folder")
    .option("--members <file>", "the roster (e.g. 成员名单.xlsx), inside the output folder; the charter names it in roster:")
    .option("-o, --output <dir>", "the folder to write charter.yaml to (default: the first document's folder)")
    .option("--force", "overwrite existing files")
    .addOption(new Option("--lang <lang>", "language of the comments and summary (default from LANG/LC_ALL)").choices(LANGS as string[]))
    .action(async (documents: string[], flags: { members?: string; output?: string; force?: boolean; lang?: Lang }) => {
      // Loaded on use: an audit's cold start does not evaluate the extractor.
      const { extractCommand } = await import("../extract/command.js");
      await extractCommand(documents, flags, io);
    });
  program
    .command("explain")
    .description("the rule's citation, explanation (zh and en) and fix hint")
    .argument("<rule-id>", "a rule id, such as agreement/unsigned")
    .addOption(new Option("--lang <lang>", "print this language only (default: both)").choices(LANGS as string[]))
    .action((id: string, flags: { lang?: Lang }) => {
      io.stdout.write(explainCommand(id, flags.lang));
    });
  program
    .command("rules")
    .description("table of the rules active in a profile, with severities")
    .addOption(new Option("--profile <profile>", "rule set (default: the config file's, else national)").choices(PROFILES as string[]))
    .addOption(new Option("--lang <lang>", "language").choices(LANGS as string[]))
    .option("--config <file>", "config file whose severities to show (default: found upward from the current folder)")
    .option("--no-config", "ignore config files")
    .action((flags: { profile?: Profile; lang?: Lang; config?: string | false }) => {
      // The effective severities: the config's profile and rule overrides, the command line's profile.
      const config = resolveConfig(flags.config, process.cwd());
      const o = applyConfig({ profile: flags.profile, lang: flags.lang }, config);
      io.stdout.write(rulesCommand(o.profile ?? "national", o.lang ?? langFromEnv(), o.rules ?? {}, config?.display));
    });
  program
    .command("merge")
    .description("merge the JSON reports of shards into one report (any --format)")
    .argument("<reports...>", "JSON reports written with --format json")
    .addOption(new Option("--format <format>", `report format: ${formatNames().join(", ")}`).default("json"))
    .option("-o, --output <file>", "write the report to FILE instead of stdout")
    .addOption(new Option("--fail-on <level>", "lowest severity that makes the exit code 1").choices(FAIL_ON as string[]).default("error"))
    .addOption(new Option("--lang <lang>", "language of the format's texts").choices(LANGS as string[]))
    .option("--no-color", "no ANSI colours")
    .option("--update-baseline <file>", "write the merged findings to this baseline file instead of reporting (exit 0)")
    .action(async (files: string[], flags: { format: string; output?: string; failOn: FailOn; lang?: Lang; color: boolean; updateBaseline?: string }) => {
      const formatter = await loadFormatter(flags.format);
      if (!formatter) throw new UsageError({ zh: `未知的报告格式“${flags.format}”；可选：${formatNames().join("、")}`, en: `unknown format "${flags.format}"; choose one of ${formatNames().join(", ")}` });
      // The reports merged are inputs too: neither -o nor the baseline may overwrite one.
      const inputs = files.map((f) => ({ path: f, role: { zh: "要合并的报告", en: "a report being merged" } }));
      if (flags.output !== undefined) checkOutput(flags.output, inputs);
      const lang = flags.lang ?? langFromEnv();
      // Status and counts are computed again under merge's own --fail-on (one place: engine/status.ts).
      const report = mergeReports(files, { failOn: flags.failOn, lang: flags.lang });
      if (flags.updateBaseline !== undefined) {
        const notice = await updateBaselineFromReport(report, flags.updateBaseline, flags.lang);
        io.stderr.write(`alliance-audit: ${notice[lang]}\n`);
        return;
      }
      const color = flags.format === "stylish" && !flags.output && useColor(flags.color, io.stdout);
      const profile = typeof report.profile === "string" && (PROFILES as readonly string[]).includes(report.profile) ? (report.profile as Profile) : "national";
      const text = formatter(report, { lang, color, failOn: flags.failOn, rules: rulesMeta(profile) });
      if (flags.output) await writeOutput(flags.output, text, inputs);
      else io.stdout.write(text);
      exitCode = report.proposals.some((p) => failsRun(p, flags.failOn)) ? 1 : 0;
    });
  program
    .command("schema")
    .description("print the JSON Schema of a file (for editors: yaml-language-server)")
    .argument("<which>", "charter or members")
    .action((which: string) => {
      io.stdout.write(schemaCommand(which));
    });

  let exitCode = 0;
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other parse error is a bad command line: 2.
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`alliance-audit: ${e.text[langGuess]}\n`);
      return 2;
    }
    if (process.env.DEBUG?.includes("alliance-audit")) io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    const msg = (e as Error)?.message ?? String(e);
    io.stderr.write(
      langGuess === "zh"
        ? `alliance-audit：内部错误：${msg}（设置 DEBUG=alliance-audit 查看详情，并请报告此问题）\n`
        : `alliance-audit: internal error: ${msg} (set DEBUG=alliance-audit for details, and please report it)\n`,
    );
    return 2;
  }
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
    return watchAudit({ ...flags, options: withConfig, render: (r, s) => formatter(r, { lang: s.lang, color, failOn: s.failOn, rules: rulesMeta(s.profile, s.overrides), fixHints: flags.fixHints }) }, io);
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
  const text = formatter(report, { lang: settings.lang, color, failOn: settings.failOn, rules: rulesMeta(settings.profile, settings.overrides), fixHints: flags.fixHints });
  if (flags.output) await writeOutput(flags.output, text);
  else io.stdout.write(text);
  // Exit 1 when any finding is at or above --fail-on: a failing proposal, or an unaudited one
  // whose file/* finding is (a lowered file/* rule may let an unaudited proposal through).
  return report.proposals.some((p) => failsRun(p, settings.failOn)) ? 1 : 0;
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
  return v === "zh" || v === "en" ? v : (configLang(argv, process.cwd()) ?? langFromEnv());
}
