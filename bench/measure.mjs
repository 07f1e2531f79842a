/**
 * Median wall time of `repeat` runs after `warmup` runs, in milliseconds, with the median CPU time of the
 * process over the same runs (user + system, all threads): on a shared machine the CPU time moves less than
 * the wall time, so both are reported. The last run's result is returned for checking.
 */
export async function measure(run, { repeat = 5, warmup = 1 } = {}) {
  for (let index = 0; index < warmup; index += 1) await run();
  const times = [];
  const cpu = [];
  let result;
  for (let index = 0; index < repeat; index += 1) {
    globalThis.gc?.();
    const startCpu = process.cpuUsage();
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(times), cpuMs: median(cpu), result };
}

/**
 * Measures several runs side by side: each round runs every one of them once, in turn, so a machine that
 * gets busier or quieter affects all alike. Returns each one's median wall and CPU time and its last result.
 */
export async function measureTogether(runs, { repeat = 7, warmup = 1 } = {}) {
  const names = Object.keys(runs);
  const samples = Object.fromEntries(names.map((name) => [name, { times: [], cpu: [], result: undefined }]));
  for (let round = 0; round < warmup + repeat; round += 1) {
    for (const name of names) {
      globalThis.gc?.();
      const startCpu = process.cpuUsage();
      const start = performance.now();
      const result = await runs[name]();
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(startCpu);
      if (round < warmup) continue;
      samples[name].times.push(elapsed);
      samples[name].cpu.push((used.user + used.system) / 1000);
      samples[name].result = result;
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(names.map((name) => [name, { ms: median(samples[name].times), cpuMs: median(samples[name].cpu), result: samples[name].result }]));
}
