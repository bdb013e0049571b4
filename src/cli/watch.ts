// --watch: audit again on every save of the audited files, until Ctrl-C (exit code 0).
//
// The proposal folders are watched (not the files: editors save by writing a temporary file and
// renaming it over the original, which a watch on the old file would miss), with fs.watch. Events
// for other names in those folders (swap files, backups) are ignored; bursts are debounced
// (200 ms) and a save during a run queues one more run. Each run discovers the proposals again,
// and reads the config file again (its folder is watched too). The folders between each path
// given and its proposals are watched as well (any change there), and the folder holding each
// path given: so a proposal that is renamed, removed or put back is followed at once. A folder
// removed and created again is a new folder to the OS: its watcher is replaced.
//
// No watcher outlives the command: they are closed when it stops, when their folder goes away,
// and when the first run fails (exit 2: a watch that never ran has nothing to watch).
//
// Rendering never flickers: the whole frame is built first and written with one write. On a
// terminal the frame starts by clearing the screen (ANSI); elsewhere (a pipe, a file, CI) nothing
// is cleared and each report simply follows the previous one, with a status line on stderr.
import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { resolveSettings, type AuditOptions } from "../audit.js";
import { auditWithBaseline } from "../baseline.js";
import { CONFIG_NAMES, configPath } from "../config.js";
import { CHARTER_NAMES, MEMBERS_NAMES, discover } from "../discover.js";
import type { Settings } from "../engine/audit-proposal.js";
import { UsageError } from "../errors.js";
import { langFromEnv } from "../i18n.js";
import type { Lang, Report } from "../types.js";
import { writeOutput } from "./output.js";
import { visible } from "../format/visible.js";

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

/** In a folder's set of names: every change in that folder matters. */
const ANY = "\0any";

/**
 * The folders that proposals can appear in, vanish from or be renamed in: the folder holding
 * each path given (it may be removed and put back), the path itself, and every folder between
 * it and a proposal found below it.
 */
function watchRoots(map: Map<string, Set<string>>, paths: string[], cwd: string, proposalDirs: string[]): void {
  const any = (d: string) => {
    if (!map.has(d)) map.set(d, new Set());
    map.get(d)!.add(ANY);
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const parent = dirname(abs);
    if (!map.has(parent)) map.set(parent, new Set());
    map.get(parent)!.add(basename(abs));
    // A batch folder: any change may be a proposal coming or going. A proposal folder or a
    // charter file given directly: only its files matter (its notes.txt does not).
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* gone: its parent is watched */
    }
    if (isDir && !proposalDirs.includes(abs)) any(abs);
    for (const d of proposalDirs) {
      const rel = relative(abs, d);
      if (rel === "" || rel.startsWith("..")) continue;
      let cur = abs;
      for (const part of rel.split(sep).slice(0, -1)) any((cur = resolve(cur, part)));
    }
  }
}

/** Runs until Ctrl-C; returns the exit code (0). The first run's usage errors are thrown (exit 2). */
export async function watchAudit(setup: WatchSetup, io: IO): Promise<number> {
  if (setup.updateBaseline) {
    throw new UsageError({ zh: "--update-baseline 不能与 --watch 同时使用", en: "--update-baseline cannot be combined with --watch" });
  }
  const tty = !!io.stdout.isTTY;
  const debounceMs = setup.debounceMs ?? 200;
  const watchers = new Map<string, { w: FSWatcher; ino: number }>();
  // folder → file names whose changes matter; ANY: every change in it (folders on the way to proposals)
  let relevant = new Map<string, Set<string>>();
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
      watchRoots(next, options.paths?.length ? options.paths : ["."], cwd, proposals.map((p) => dirname(p.charter.abs)));
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
        await writeOutput(setup.output, text);
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
      if (first || !(e instanceof UsageError)) {
        closeAll(); // exit 2 on the first run: nothing may keep the process alive
        throw e;
      }
      watchConfig(relevant);
      syncWatchers();
      // A half-saved file is a finding, not an error; this is e.g. a config with a typo, or the
      // proposal folder removed: say so and keep watching.
      frame = `alliance-audit: ${visible(e.text[lang])}\n${status({ zh: "修正后保存即可重新审核，Ctrl-C 退出", en: "fix it and save to audit again, Ctrl-C quits" })}\n`;
      if (!tty) {
        toStderr = frame;
        frame = "";
      }
    }
    if (stopped) return;
    if (frame) io.stdout.write(tty ? CLEAR + frame : frame); // one write per frame: no flicker
    if (toStderr) io.stderr.write(toStderr);
  };

  const inode = (dir: string): number | undefined => {
    try {
      return statSync(dir).ino;
    } catch {
      return undefined;
    }
  };

  const closeAll = () => {
    for (const { w } of watchers.values()) w.close();
    watchers.clear();
  };

  const syncWatchers = () => {
    for (const [dir, { w, ino }] of watchers) {
      // Not wanted any more, or the folder is gone or was replaced (removed and created again).
      if (!relevant.has(dir) || inode(dir) !== ino) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of relevant.keys()) {
      if (watchers.has(dir) || stopped) continue;
      const ino = inode(dir);
      if (ino === undefined) continue; // not there (yet): its parent is watched
      try {
        const w = watch(dir, { persistent: true }, (_event, filename) => onEvent(dir, filename ? String(filename) : null));
        w.on("error", () => {
          // The folder went away: forget it; the next run rediscovers what is left.
          w.close();
          if (watchers.get(dir)?.w === w) watchers.delete(dir);
          schedule();
        });
        watchers.set(dir, { w, ino });
      } catch {
        /* a folder that vanished between discovery and now: the next run sees it gone */
      }
    }
  };

  const onEvent = (dir: string, filename: string | null) => {
    const names = relevant.get(dir);
    if (filename !== null && names && !names.has(ANY) && !names.has(basename(filename))) return;
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
            io.stderr.write(`alliance-audit: ${visible((e as Error)?.message ?? String(e))}\n`);
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
  closeAll();
  await running;
  closeAll(); // a run that ended after the stop may have opened some
  if (tty) io.stdout.write("\n");
  return 0;
}

