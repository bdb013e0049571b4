// Bounds that keep one hostile file from stalling a batch of hundreds (README: "What
// alliance-audit promises about your files"). Each can be raised with an environment variable
// for the rare legitimate giant: ALLIANCE_AUDIT_MAX_FILE_MB, ALLIANCE_AUDIT_MAX_DEPTH,
// ALLIANCE_AUDIT_MAX_NODES.
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const LIMITS = {
  /** A charter is a few KB and a 10,000-member roster about 2 MB; 10 MiB leaves ample room. */
  maxFileBytes: Math.floor(fromEnv("ALLIANCE_AUDIT_MAX_FILE_MB", 10) * 1024 * 1024),
  /** Real proposals nest 6 levels deep. */
  maxDepth: fromEnv("ALLIANCE_AUDIT_MAX_DEPTH", 64),
  /**
   * Values in one YAML file after alias expansion, and in one JSON file (counted while parsing,
   * before a tree is built): a 10,000-member roster has about 100,000.
   */
  maxNodes: fromEnv("ALLIANCE_AUDIT_MAX_NODES", 1_000_000),
};
