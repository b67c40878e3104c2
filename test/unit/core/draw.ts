/**
 * Numbers drawn the same on every run from a seed: `draw(n)` is in 0..n-1. Taken from the high bits of a linear
 * congruential generator (its low bits repeat in short cycles, which would draw few shapes).
 */
export function seededDraw(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
}
