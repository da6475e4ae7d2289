// Keeps only the newest answer of an async call: while typing, an older, slower
// search must never overwrite the results of what was typed last.

export type Latest<A extends unknown[], R> = (...args: A) => Promise<{ current: boolean; value: R }>;

export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Latest<A, R> {
  let seq = 0;
  return async (...args: A) => {
    const mine = ++seq;
    const value = await fn(...args);
    return { current: mine === seq, value };
  };
}
