/**
 * Append many lines to an output array. `out.push(...lines)` passes every line as an argument
 * and overflows the stack past ~100,000 of them (a 60,000-member roster gets there).
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
