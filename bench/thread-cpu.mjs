// Preloaded into a timed child (`node --import ./thread-cpu.mjs …`): at exit, prints the CPU time of each of
// the process's threads — the JavaScript thread first, then V8's background threads (garbage collection,
// optimising compiler), worker threads and libuv's pool — as one JSON line on stderr. Linux only (/proc);
// elsewhere it prints nothing.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function threadTimes() {
  const threads = [];
  for (const id of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    threads.push({ id: Number(id), ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND });
  }
  return threads.sort((a, b) => a.id - b.id);
}

process.on("exit", () => {
  try {
    const [main, ...others] = threadTimes();
    const background = others.reduce((sum, thread) => sum + thread.ms, 0);
    process.stderr.write(`\nCHISO_THREAD_CPU ${JSON.stringify({ main: main.ms, background })}\n`);
  } catch {
    // not Linux: no per-thread times
  }
});
