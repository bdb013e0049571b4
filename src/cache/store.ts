// The cache file: one per working folder, holding, for each proposal audited under the same
// settings, what its report entry is made of (language-neutral, src/cache/neutral.ts) and what it
// depends on (src/cache/deps.ts). The file is authenticated as a whole with an HMAC (key.ts) and
// written atomically; a file that is corrupt, forged, foreign, of another format or made under
// other settings is ignored (and replaced at the end of the run) — never a crash, never a wrong
// report. Several runs (shards) writing the same file merge their entries.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, realpathSync, constants } from "node:fs";
import { dirname } from "node:path";
import type { Proposal } from "../discover.js";
import type { ProposalParts } from "../engine/audit-proposal.js";
import type { Settings } from "../engine/settings.js";
import { writeAtomic } from "../fs/write-atomic.js";
import { depsUnchanged, type Deps, type FileDep } from "./deps.js";
import { cacheKey } from "./key.js";
import { neutral, rendered, type NeutralFinding } from "./neutral.js";

/** Bumped when what an entry holds changes: older files are then stale. */
const FORMAT = 1;
const MAGIC = `alliance-audit-cache ${FORMAT} `;
/** A larger file is not read (a planted one could exhaust memory). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** Past this many entries a run keeps only its own (proposals deleted long ago go). */
const MAX_ENTRIES = 200_000;

export interface Entry {
  deps: Deps;
  name: string | null;
  suppressed: number;
  findings: NeutralFinding[];
}

interface Body {
  settings: string;
  entries: Record<string, Entry>;
}

/** JSON with object keys sorted: the same settings always hash the same. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/**
 * Everything besides the files that a proposal's findings depend on: the tool's version, the
 * effective profile (levels, options, citations, its extends chain flattened), the as-of date and
 * the folder report paths are relative to. Not the language, --fail-on or --quiet: those are
 * applied when the entry is read.
 */
export function settingsHash(settings: Settings, version: string): string {
  return createHash("sha256").update(stable({ format: FORMAT, version, profile: settings.profile, asOf: settings.asOf, cwd: settings.cwd })).digest("hex");
}

function proposalKey(p: Proposal): string {
  return createHash("sha256")
    .update(JSON.stringify([p.path, p.charter.abs, p.charter.display, p.members?.abs ?? null, p.members?.display ?? null, !!p.explicit]))
    .digest("base64url");
}

export interface CacheOptions {
  /** The tool's version (a new version audits everything again). */
  version: string;
  /** Where the HMAC key is kept: the user's cache folder (tests give their own). */
  keyDir?: string;
}

export class ProposalCache {
  private entries: Record<string, Entry> = {};
  private readonly written = new Map<string, Entry>();
  /** Every file this run's proposals depend on: the cache is never written over one of them. */
  private readonly inputs = new Set<string>();
  hits = 0;

  private constructor(
    readonly file: string,
    private readonly key: Buffer | undefined,
    private readonly settings: string,
  ) {}

  /** Opens the cache file for these settings; never throws (an unusable cache is an empty one). */
  static open(file: string, settings: Settings, o: CacheOptions): ProposalCache {
    const key = cacheKey(o.keyDir);
    const cache = new ProposalCache(file, key, settingsHash(settings, o.version));
    cache.entries = cache.readEntries() ?? {};
    return cache;
  }

  /** The remembered parts of an unchanged proposal, with texts in the settings' language. */
  lookup(p: Proposal, settings: Settings): ProposalParts | undefined {
    const id = proposalKey(p);
    const e = Object.hasOwn(this.entries, id) ? this.entries[id] : undefined;
    if (!e) return undefined;
    try {
      this.inputs.add(p.charter.abs);
      if (!depsUnchanged(p, e.deps)) return undefined;
      for (const d of e.deps.files) this.noteInput(d);
      const parts = { name: e.name, suppressed: e.suppressed, findings: e.findings.map((f) => rendered(f, settings.lang)) };
      this.hits++;
      return parts;
    } catch {
      return undefined; // an entry this version cannot render: audit again
    }
  }

  remember(p: Proposal, parts: ProposalParts, deps: Deps): void {
    this.inputs.add(p.charter.abs);
    for (const d of deps.files) this.noteInput(d);
    this.written.set(proposalKey(p), { deps, name: parts.name, suppressed: parts.suppressed, findings: parts.findings.map(neutral) });
  }

  private noteInput(d: FileDep): void {
    this.inputs.add(d.path);
    if (d.real) this.inputs.add(d.real);
  }

  /** Writes the entries of this run, merged with those another run wrote meanwhile. Never throws. */
  async save(): Promise<void> {
    if (!this.key || this.written.size === 0) return;
    // `--cache-location charter.yaml` must not destroy an audited file.
    if (this.inputs.has(this.file) || this.inputs.has(realOrSelf(this.file))) return;
    const current = this.readEntries() ?? this.entries;
    let entries: Record<string, Entry> = { ...current };
    for (const [k, e] of this.written) entries[k] = e;
    if (Object.keys(entries).length > MAX_ENTRIES) entries = Object.fromEntries(this.written);
    const body = Buffer.from(JSON.stringify({ settings: this.settings, entries } satisfies Body));
    const mac = createHmac("sha256", this.key).update(body).digest("hex");
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeAtomic(this.file, Buffer.concat([Buffer.from(`${MAGIC}${mac}\n`), body]));
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }

  /** The file's entries when it is ours, intact and made under these settings; else undefined. */
  private readEntries(): Record<string, Entry> | undefined {
    if (!this.key) return undefined;
    const bytes = readBounded(this.file);
    if (!bytes) return undefined;
    const nl = bytes.indexOf(10);
    if (nl < 0) return undefined;
    const header = bytes.subarray(0, nl).toString("latin1");
    if (!header.startsWith(MAGIC)) return undefined;
    const mac = Buffer.from(header.slice(MAGIC.length), "hex");
    const body = bytes.subarray(nl + 1);
    const expected = createHmac("sha256", this.key).update(body).digest();
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    try {
      const parsed = JSON.parse(body.toString("utf8")) as Body;
      if (parsed?.settings !== this.settings || !parsed.entries || typeof parsed.entries !== "object") return undefined;
      return parsed.entries;
    } catch {
      return undefined;
    }
  }
}

/** The file's bytes, or undefined when it is absent, not a regular file, or too large. */
function readBounded(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
