// "Did you mean …?" for ids typed by people: member ids in a charter, rule ids on the command line.

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
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toUpperCase(), c.toUpperCase());
    if (d < bestD) [bestD, best] = [d, c];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}
