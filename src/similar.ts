// "Did you mean …?" for names typed by people: rule ids on the command line and in configs, keys
// and headers in a charter or roster. Bounded: an attacker-written 1 MB key gets no suggestion.

const MAX = 64;

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The candidate closest to `word` (case-insensitive), if within half its length (at least 2 edits). */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toUpperCase(), c.toUpperCase());
    if (d < bestD) [bestD, best] = [d, c];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}

/** A known word within edit distance 2 (and closer than the word's own length): keys and headers. */
export function nearest(word: string, known: Iterable<string>): string | undefined {
  if (word === "" || word.length > MAX) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    if (Math.abs(k.length - word.length) > 2) continue;
    const d = levenshtein(word, k);
    if (d < bestD && d < Math.max(k.length, word.length)) [best, bestD] = [k, d];
  }
  return best;
}
