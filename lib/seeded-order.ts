/**
 * A stable order chosen by a seed: the same seed always gives the same permutation, different seeds
 * spread evenly over all of them. Used to show a quiz's options in each person's own order (the
 * server and every later visit must agree without storing anything). Not for secrets.
 */

/** 32-bit FNV-1a over the text's UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small generator whose every output mixes the whole state (FNV alone leaves near seeds close). */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The indices 0…count−1 in the order the seed picks (Fisher–Yates). */
export function seededOrder(count: number, seed: string): number[] {
  const next = generator(hash(seed));
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
