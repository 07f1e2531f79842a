/** Median wall time of `repeat` runs after one warm-up, in milliseconds. */
export async function measure(run, { repeat = 5, warmup = 1 } = {}) {
  for (let index = 0; index < warmup; index += 1) await run();
  const times = [];
  let result;
  for (let index = 0; index < repeat; index += 1) {
    globalThis.gc?.();
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}
