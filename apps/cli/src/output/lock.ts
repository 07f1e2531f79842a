import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";

/** Who holds a lock: written into the lock file when it is taken. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly token: string;
}

/** The place is locked by another run that is (as far as can be told) still alive. */
export class LockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: LockHolder | null,
  ) {
    super(`locked: ${path}`);
  }
}

export interface Lock {
  readonly path: string;
  release(): Promise<void>;
  /** For signal handlers. */
  releaseSync(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string" ? (value as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * A lock left by a run that can no longer hold it: its process is gone (same machine), or the file
 * was never completely written (a crash between creating and writing it) and is not new.
 */
async function isStale(path: string, holder: LockHolder | null): Promise<boolean> {
  if (holder) return holder.host === hostname() && !isAlive(holder.pid);
  try {
    return Date.now() - (await stat(path)).mtimeMs > 5_000;
  } catch {
    return true;
  }
}

/**
 * Takes the lock file at `path` (created exclusively), or throws {@link LockedError} naming the run
 * that holds it. A stale lock — from a process that died, even by SIGKILL — is detected and replaced.
 */
export async function acquireLock(path: string): Promise<Lock> {
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const file = await open(path, "wx");
      try {
        await file.writeFile(text);
      } finally {
        await file.close();
      }
      const mine = () => parseHolder(readFileSync(path, "utf8"))?.token === holder.token;
      return {
        path,
        async release() {
          if (parseHolder(await readFile(path, "utf8").catch(() => ""))?.token === holder.token) await unlink(path).catch(() => {});
        },
        releaseSync() {
          try {
            if (mine()) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const content = await readFile(path, "utf8").catch(() => null);
    if (content === null) continue; // released meanwhile
    const current = parseHolder(content);
    if (!(await isStale(path, current))) throw new LockedError(path, current);
    // Move the stale lock aside atomically; if what was moved is not what was judged stale, put it back.
    const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await rename(path, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, "utf8").catch(() => "");
    if (moved !== content) await rename(aside, path).catch(() => {});
    else await unlink(aside).catch(() => {});
  }
  throw new LockedError(path, parseHolder((await readFile(path, "utf8").catch(() => "")) ?? ""));
}
