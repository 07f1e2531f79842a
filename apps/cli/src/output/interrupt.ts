/**
 * Clean-up on SIGINT (Ctrl+C), SIGTERM and SIGHUP: what a run has started writing (a staging folder,
 * a temporary file, a lock) is removed synchronously, then the signal is raised again so the process
 * ends as a killed process would. SIGKILL cannot be caught: the next run cleans up instead.
 */
import { writeSync } from "node:fs";

const cleanups = new Set<() => void>();
/** What the user is told when a run that was writing is interrupted (set by the command line, in its language). */
let interruptedMessage = "";

export function setInterruptedMessage(text: string): void {
  interruptedMessage = text;
}
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let interrupted = false;

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  // Newest first: a pack folder's staging is removed before its lock is released.
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Clean-up is best effort (each step guards itself); the next run removes what is left.
    }
  }
  cleanups.clear();
  if (interruptedMessage) {
    try {
      writeSync(2, `${interruptedMessage}\n`);
    } catch {
      // stderr may be closed: the exit status still says the run was interrupted.
    }
  }
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  process.kill(process.pid, signal);
}

/** Runs `cleanup` (synchronously) if the process is interrupted before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const name of SIGNALS) process.removeListener(name, onSignal);
  };
}
