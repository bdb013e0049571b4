// Audits many proposals on worker threads. The main thread takes chunks too, so `--jobs 2` on two
// cores is two auditors; results are put back in proposal order, so the report is byte-identical
// to `--jobs 1`. Small batches do not start workers at all (PER_WORKER below).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { FROM_SOURCES, PACKAGE_ROOT } from "../paths.js";
import type { ProposalReport } from "../types.js";
import type { Proposal } from "../discover.js";
import { depsOf, type Deps } from "../cache/deps.js";
import type { ProposalCache } from "../cache/store.js";
import { auditParts, entryOf, type ProposalParts, type Settings } from "./audit-proposal.js";

const CHUNK = 16;
/**
 * Proposals per extra worker before one is worth starting. Measured on the 2-vCPU CI class
 * (BENCHMARKS.md, "workers' crossover"): a second thread gains nothing below about a thousand
 * proposals (its start-up, the copies of settings and reports, and a second core that a shared VM
 * gives only in part). ALLIANCE_AUDIT_PER_WORKER overrides it, for that measurement and for tests.
 */
const PER_WORKER = /^[1-9]\d{0,6}$/.test(process.env.ALLIANCE_AUDIT_PER_WORKER ?? "") ? Number(process.env.ALLIANCE_AUDIT_PER_WORKER) : 1000;

export interface PoolOptions {
  jobs: number;
  onProgress?: (done: number, total: number) => void;
  /** Proposals found unchanged there are not audited again; the others are remembered in it. */
  cache?: ProposalCache;
}

/** What the cache remembers of an audited proposal (made where it was audited, worker or main). */
export interface Memo {
  parts: ProposalParts;
  deps: Deps;
}

export interface ChunkResult {
  reports: ProposalReport[];
  /** With `memo`: per proposal, what to remember, or undefined when it must not be (internal error, a device). */
  memos?: (Memo | undefined)[];
}

/** The bundled worker (fast to start), else the compiled one; from TypeScript sources (tests): none. */
const workerUrl = FROM_SOURCES ? undefined : [join(PACKAGE_ROOT, "dist", "worker.mjs"), join(PACKAGE_ROOT, "dist", "engine", "worker.js")].find((f) => existsSync(f));

/**
 * --jobs at most the processors available: more auditors than cores only add start-up time and
 * memory (a `--jobs 1000` in a CI file would start a thousand threads).
 */
export function capJobs(jobs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, cores));
}

export function workerCount(jobs: number, proposals: number): number {
  jobs = capJobs(jobs);
  if (!workerUrl || jobs <= 1) return 0;
  return Math.max(0, Math.min(jobs - 1, Math.floor(proposals / PER_WORKER)));
}

/** One chunk, one proposal at a time (in order: the report does not depend on timing). */
export async function auditChunk(proposals: Proposal[], settings: Settings, memo = false): Promise<ChunkResult> {
  const reports: ProposalReport[] = [];
  const memos: (Memo | undefined)[] = [];
  for (const p of proposals) {
    const parts = await auditParts(p, settings);
    reports.push(entryOf(p, parts, settings));
    if (memo) {
      // Hashed where the files were just read (the page cache is warm), spread over the workers.
      const deps = parts.files ? depsOf(p, parts.files) : undefined;
      memos.push(deps ? { parts, deps } : undefined);
    }
  }
  return memo ? { reports, memos } : { reports };
}

export async function auditAll(all: Proposal[], settings: Settings, options: PoolOptions): Promise<ProposalReport[]> {
  const cache = options.cache;
  const out: ProposalReport[] = new Array<ProposalReport>(all.length);
  // Unchanged proposals come from the cache; the rest (in order) are audited below.
  const todo: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const parts = cache?.lookup(all[i], settings);
    if (parts) out[i] = entryOf(all[i], parts, settings);
    else todo.push(i);
  }
  const proposals = todo.length === all.length ? all : todo.map((i) => all[i]);
  const memo = !!cache;
  const total = all.length;
  const extra = workerCount(options.jobs, proposals.length);
  const results: ChunkResult[] = [];
  const chunks: number[] = [];
  for (let i = 0; i * CHUNK < proposals.length; i++) chunks.push(i);
  let done = total - proposals.length;
  if (done > 0) options.onProgress?.(done, total);
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const slice = (c: number) => proposals.slice(c * CHUNK, (c + 1) * CHUNK);

  const workers: Promise<void>[] = [];
  for (let w = 0; w < extra; w++) {
    workers.push(
      new Promise<void>((resolveWorker) => {
        const worker = new Worker(workerUrl!, { workerData: settings });
        // Two chunks in flight: the main thread reads a worker's result only between its own
        // chunks, so with one the worker would wait idle for about a chunk's time each round.
        const inFlight = new Set<number>();
        let finished = false;
        const next = () => {
          const c = chunks.shift();
          if (c !== undefined) {
            inFlight.add(c);
            worker.postMessage({ chunk: c, proposals: slice(c), memo });
          } else if (inFlight.size === 0 && !finished) {
            finished = true;
            void worker.terminate();
            resolveWorker();
          }
        };
        worker.on("message", (msg: { chunk: number; result: ChunkResult }) => {
          inFlight.delete(msg.chunk);
          results[msg.chunk] = msg.result;
          progress(msg.result.reports.length);
          next();
        });
        // A worker that dies hands its chunks back; the main thread finishes the work.
        worker.on("error", () => {
          for (const c of inFlight) chunks.unshift(c);
          inFlight.clear();
          if (!finished) {
            finished = true;
            resolveWorker();
          }
        });
        next();
        next();
      }),
    );
  }

  // The main thread audits chunks as well, yielding between them so worker results flow in.
  while (chunks.length > 0) {
    const c = chunks.shift()!;
    results[c] = await auditChunk(slice(c), settings, memo);
    progress(results[c].reports.length);
    if (extra > 0) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(workers);
  // Chunks handed back by a failed worker after the loop ended.
  for (const c of chunks.splice(0)) results[c] = await auditChunk(slice(c), settings, memo);

  let k = 0;
  for (let c = 0; c < results.length; c++) {
    const r = results[c];
    for (let j = 0; j < r.reports.length; j++, k++) {
      const i = todo[k];
      out[i] = r.reports[j];
      const m = r.memos?.[j];
      if (m && cache) cache.remember(all[i], m.parts, m.deps);
    }
  }
  return out;
}
