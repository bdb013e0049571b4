// An injected operation counter for tests of an algorithm's shape (issue #12 item 10): while it is
// on, every element an Array method visits (some, find, filter, map, forEach, indexOf, includes,
// reduce, …), every Map/Set lookup and every Math.min call (one per cell of an edit-distance table)
// counts one. A linear audit's count grows like its input; the quadratic paths the issue found
// (scanning every finding for every schema error, every member for every task, an edit distance
// over two 100,000-character strings) grow like its square. No clock is read.
const ARRAY_METHODS = ["some", "every", "find", "findIndex", "findLast", "findLastIndex", "filter", "map", "flatMap", "forEach", "indexOf", "lastIndexOf", "includes", "reduce", "reduceRight"] as const;

/** Runs `f` with the counter on; returns its result and the operations counted. */
export async function countOps<T>(f: () => Promise<T>): Promise<{ result: T; ops: number }> {
  let ops = 0;
  const restore: (() => void)[] = [];
  const patch = <O extends object>(proto: O, name: string, count: (self: unknown) => number) => {
    const original = (proto as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      ops += count(this);
      return original.apply(this, args);
    };
    restore.push(() => ((proto as Record<string, unknown>)[name] = original));
  };
  for (const m of ARRAY_METHODS) patch(Array.prototype, m, (self) => (self as unknown[]).length);
  for (const m of ["get", "has", "set"]) patch(Map.prototype, m, () => 1);
  for (const m of ["has", "add"]) patch(Set.prototype, m, () => 1);
  const min = Math.min;
  Math.min = (...a: number[]) => {
    ops++;
    return min(...a);
  };
  restore.push(() => (Math.min = min));
  try {
    const result = await f();
    return { result, ops };
  } finally {
    for (const r of restore.reverse()) r();
  }
}
