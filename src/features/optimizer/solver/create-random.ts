/**
 * A small seeded random number generator (mulberry32), so that a run with the same seed and the
 * same iteration budget makes the same choices.
 *
 * @example
 * const rnd = createRandom({ seed: 42 });
 * rnd.next();   // 0 ≤ x < 1, the same sequence for seed 42
 * rnd.int(10);  // 0..9
 */
export type Random = { next: () => number; int: (n: number) => number };

export function createRandom(o: { seed: number }): Random {
  let a = o.seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}
