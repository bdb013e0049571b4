// --watch: audit again on every save of the audited files, until Ctrl-C (exit code 0).
//
// The proposal folders are watched (not the files: editors save by writing a temporary file and
// renaming it over the original, which a watch on the old file would miss), with fs.watch. Events
// for other names in those folders (swap files, backups) are ignored; bursts are debounced
// (200 ms) and a save during a run queues one more run. Each run discovers the proposals again,
// so the folders watched follow proposals that appear or disappear in a batch (at the next save),
// and reads the config file again (its folder is watched too).
//
// Rendering never flickers: the whole frame is built first and written with one write. On a
// terminal the frame starts by clearing the screen (ANSI); elsewhere (a pipe, a file, CI) nothing
// is cleared and each report simply follows the previous one, with a status line on stderr.
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import { resolveSettings, type AuditOptions } from "../audit.js";
import { auditWithBaseline } from "../baseline.js";
import { CONFIG_NAMES, configPath } from "../config.js";
import { CHARTER_NAMES, MEMBERS_NAMES, discover } from "../discover.js";
import type { Settings } from "../engine/audit-proposal.js";
import { UsageError } from "../errors.js";
import { langFromEnv } from "../i18n.js";
import type { Lang, Report } from "../types.js";
import { writeOutput } from "./output.js";

export interface WatchSetup {
  /** The audit options for a run, the config file read again (may throw a UsageError). */
  options(): AuditOptions;
  /** --config FILE, or false for --no-config: the config file in use is watched too. */
  config?: string | false;
  /** --baseline FILE */
  baseline?: string;
  /** --update-baseline cannot be combined with --watch. */
  updateBaseline?: boolean;
  /** The report in the chosen format. */
  render(report: Report, settings: Settings): string;
  /** -o FILE: written whole at every run; the terminal shows a status line instead. */
  output?: string;
  /** Debounce in milliseconds (default 200). */
  debounceMs?: number;
  /** Resolves to stop watching (default: SIGINT or SIGTERM). For tests and the API. */
  until?: Promise<void>;
}

type IO = { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

const CLEAR = "\x1b[2J\x1b[3J\x1b[H"; // clear the screen and the scrollback, cursor home

/** Runs until Ctrl-C; returns the exit code (0). The first run's usage errors are thrown (exit 2). */
export async function watchAudit(setup: WatchSetup, io: IO): Promise<number> {
  if (setup.updateBaseline) {
    throw new UsageError({ zh: "--update-baseline 不能与 --watch 同时使用", en: "--update-baseline cannot be combined with --watch" });
  }
  const tty = !!io.stdout.isTTY;
  const debounceMs = setup.debounceMs ?? 200;
  const watchers = new Map<string, FSWatcher>();
  let relevant = new Map<string, Set<string>>(); // folder → file names whose changes matter
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  let stopped = false;
  let lang: Lang = langFromEnv();

  const status = (text: { zh: string; en: string }) => {
    const time = new Date().toTimeString().slice(0, 8);
    return lang === "zh" ? `[${time}] ${text.zh}` : `[${time}] ${text.en}`;
  };

  /** One audit → one frame; also updates the folders (and names in them) to watch. */
  const runOnce = async (first: boolean): Promise<void> => {
    let frame: string;
    let toStderr = "";
    // The config in use is watched even when it is the problem: fixing it audits again.
    let config: string | undefined;
    try {
      config = configPath(setup.config, process.cwd());
    } catch {
      config = undefined;
    }
    const watchConfig = (map: Map<string, Set<string>>) => {
      if (!config) return;
      const d = dirname(config);
      if (!map.has(d)) map.set(d, new Set());
      for (const n of CONFIG_NAMES) map.get(d)!.add(n);
    };
    try {
      const options = setup.options();
      const settings = resolveSettings(options);
      lang = settings.lang;
      const cwd = options.cwd ?? process.cwd();
      const proposals = discover(options.paths?.length ? options.paths : ["."], { cwd, members: options.members, ignore: options.ignore });
      const next = new Map<string, Set<string>>();
      const want = (file: string, names?: string[]) => {
        const d = dirname(file);
        if (!next.has(d)) next.set(d, new Set());
        for (const n of names ?? [basename(file)]) next.get(d)!.add(n);
      };
      for (const p of proposals) {
        want(p.charter.abs, [...CHARTER_NAMES, ...MEMBERS_NAMES]);
        if (p.members) want(p.members.abs);
      }
      watchConfig(next);
      relevant = next;
      syncWatchers();

      const { report, notice } = await auditWithBaseline(options, { baseline: setup.baseline });
      const text = setup.render(report, settings);
      const n = report.proposals.length;
      const line = status({
        zh: `监视 ${n} 份申报材料；保存文件后重新审核，Ctrl-C 退出`,
        en: `watching ${n} proposal${n === 1 ? "" : "s"}; saving a file audits again, Ctrl-C quits`,
      });
      if (setup.output) {
        writeOutput(setup.output, text);
        const wrote = lang === "zh" ? `报告已写入 ${setup.output}` : `report written to ${setup.output}`;
        frame = `${wrote}\n${line}\n`;
      } else if (tty) {
        frame = `${text}${text.endsWith("\n") ? "" : "\n"}\n${line}\n`;
      } else {
        frame = text;
        toStderr = `${line}\n`;
      }
      if (notice) toStderr += `alliance-audit: ${notice[lang]}\n`;
    } catch (e) {
      if (first || !(e instanceof UsageError)) throw e;
      watchConfig(relevant);
      syncWatchers();
      // A half-saved file is a finding, not an error; this is e.g. a config with a typo, or the
      // proposal folder removed: say so and keep watching.
      frame = `alliance-audit: ${e.text[lang]}\n${status({ zh: "修正后保存即可重新审核，Ctrl-C 退出", en: "fix it and save to audit again, Ctrl-C quits" })}\n`;
      if (!tty) {
        toStderr = frame;
        frame = "";
      }
    }
    if (stopped) return;
    if (frame) io.stdout.write(tty ? CLEAR + frame : frame); // one write per frame: no flicker
    if (toStderr) io.stderr.write(toStderr);
  };

  const syncWatchers = () => {
    for (const [dir, w] of watchers) {
      if (!relevant.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of relevant.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, filename) => onEvent(dir, filename ? String(filename) : null));
        w.on("error", () => {
          // The folder went away: forget it; the next run rediscovers what is left.
          w.close();
          watchers.delete(dir);
          schedule();
        });
        watchers.set(dir, w);
      } catch {
        /* a folder that vanished between discovery and now: the next run sees it gone */
      }
    }
  };

  const onEvent = (dir: string, filename: string | null) => {
    const names = relevant.get(dir);
    if (filename !== null && names && !names.has(basename(filename))) return;
    schedule();
  };

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        pending = true; // a save during a run: one more run when it ends
        return;
      }
      const loop = async () => {
        do {
          pending = false;
          await runOnce(false).catch((e) => {
            io.stderr.write(`alliance-audit: ${(e as Error)?.message ?? String(e)}\n`);
          });
        } while (pending && !stopped);
        running = undefined;
      };
      running = loop();
    }, debounceMs);
  };

  await runOnce(true);

  let release!: () => void;
  const stop = new Promise<void>((r) => (release = r));
  const onSignal = () => release();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  setup.until?.then(() => release());
  await stop;
  stopped = true;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  if (timer) clearTimeout(timer);
  for (const w of watchers.values()) w.close();
  watchers.clear();
  await running;
  if (tty) io.stdout.write("\n");
  return 0;
}

