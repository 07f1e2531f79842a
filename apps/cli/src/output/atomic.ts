import { randomBytes } from "node:crypto";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { finished } from "node:stream/promises";
import type { Language } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { onInterrupt } from "./interrupt.js";
import { acquireLock, type Lock } from "./lock.js";
import { describeOutputError } from "./output-error.js";
import { PlaceError, checkFileTarget, ensureFolder } from "./places.js";

/** The file that marks a folder as a pack chiso wrote (and may therefore replace). */
export const PACK_MARKER = ".chiso-pack.json";

/** Names of the hidden siblings a run of `folder` uses beside it: `.<name>.chiso-<role>…`. */
export function siblingName(folder: string, role: "lock" | "staging" | "previous"): string {
  return join(dirname(resolve(folder)), `.${basename(resolve(folder))}.chiso-${role}`);
}

/** A folder written by an earlier chiso without the marker: only a pack's own files and folders. */
const PACK_ENTRIES = /^(chiso-.+\.xlsx|(tong-hop|cong-van)-.+\.(pdf|docx)|bi-tu-choi-.+\.xlsx|du-lieu-mau-.+\.(json|xlsx)|don-vi)$/;

async function isReplaceable(folder: string): Promise<boolean> {
  const entries = await readdir(folder);
  if (entries.length === 0 || entries.includes(PACK_MARKER)) return true;
  if (!entries.every((entry) => PACK_ENTRIES.test(entry))) return false;
  return !entries.includes("don-vi") || (await readdir(join(folder, "don-vi"))).every((entry) => /\.(pdf|docx)$/.test(entry));
}

/**
 * What an interrupted run left beside `target` (the lock is held, so no live run owns it): staging
 * folders are removed; a previous pack moved aside by a run killed mid-switch is put back when the
 * target is missing (the previous pack stays intact), and removed otherwise.
 */
async function recover(target: string): Promise<void> {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.chiso-`;
  const leftovers = (await readdir(parent)).filter((entry) => entry.startsWith(prefix) && !entry.endsWith(".chiso-lock"));
  const exists = await stat(target).then(() => true, () => false);
  let restored = exists;
  for (const entry of leftovers.sort().reverse()) {
    const path = join(parent, entry);
    if (entry.startsWith(`${prefix}previous-`) && !restored) {
      await rename(path, target);
      restored = true;
    } else await rm(path, { recursive: true, force: true });
  }
}

/**
 * Writes a pack — many files in sub-folders — so that the folder switches from the previous pack to the
 * new one at once: files are staged in a hidden folder beside the target (same file system), and on
 * `commit` the previous pack is moved aside, the staged folder renamed into place, and the previous
 * pack removed. The two renames run back to back with no await between them, so a SIGINT or SIGTERM
 * handler never sees a half-switched folder; SIGKILL between them leaves the previous pack aside, put
 * back by the next run. A lock beside the folder keeps two runs from writing it at once. A folder is
 * replaced only if it is empty or a pack (never a folder of other files).
 */
export class AtomicOutput {
  private readonly names = new Map<string, string>();
  /** Sub-folders made (or being made) so far: each is made once, not tried again for every file in it. */
  private readonly folders = new Map<string, Promise<void>>();
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly staging: string,
    private readonly lock: Lock,
    /** What an interruption must undo now; replaced as the run moves on. */
    private readonly interruption: { cleanup: () => void; stop: () => void },
  ) {}

  static async open(directory: string): Promise<AtomicOutput> {
    const target = resolve(directory);
    await ensureFolder(dirname(target));
    // Registered before anything exists, so no moment is left where an interruption leaves a mess.
    let lock: Lock | null = null;
    let staging: string | null = null;
    const interruption = { cleanup: () => {}, stop: () => {} };
    interruption.cleanup = () => {
      if (staging) removeNow(staging);
      lock?.releaseSync();
    };
    interruption.stop = onInterrupt(() => interruption.cleanup());
    try {
      lock = await acquireLock(siblingName(target, "lock"));
      await recover(target);
      const existing = await stat(target).catch(() => null);
      if (existing && !existing.isDirectory()) throw new PlaceError("not_a_folder", target);
      if (existing && !(await isReplaceable(target))) throw new PlaceError("not_a_pack", target);
      // mkdir, not mkdtemp: the pack folder gets the usual permissions (mkdtemp's are owner-only).
      staging = `${siblingName(target, "staging")}-${process.pid}-${randomBytes(4).toString("hex")}`;
      await mkdir(staging);
      return new AtomicOutput(target, staging, lock, interruption);
    } catch (error) {
      if (staging) await rm(staging, { recursive: true, force: true });
      await lock?.release();
      interruption.stop();
      throw error;
    }
  }

  /** Stages one file; `name` is relative to the output folder and may contain sub-folders. */
  async write(name: string, data: Uint8Array | string): Promise<void> {
    const target = join(this.staging, name);
    if (relative(this.staging, target).startsWith("..") || name === PACK_MARKER) throw new Error(`unsafe file name: ${name}`);
    // Two files of one pack must never share a name — on Windows and macOS, not even by case.
    const key = name.normalize("NFC").toLowerCase();
    if (this.names.has(key)) throw new Error(`two files of the pack would both be named ${name}`);
    this.names.set(key, name);
    // Sub-folders level by level, never recursively: a write still in flight when an interruption removes the
    // staging folder must fail, not create the staging folder again.
    let folder = this.staging;
    for (const part of relative(this.staging, dirname(target)).split(sep).filter(Boolean)) {
      folder = join(folder, part);
      await this.makeFolder(folder);
    }
    await writeFile(target, data);
  }

  private makeFolder(folder: string): Promise<void> {
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
      this.folders.set(folder, made);
    }
    return made;
  }

  /** Switches the folder to the staged pack; returns the files' final paths. */
  async commit(): Promise<string[]> {
    await writeFile(join(this.staging, PACK_MARKER), `${JSON.stringify({ format: "chiso.pack/1", files: [...this.names.values()].sort() }, null, 1)}\n`);
    const previous = `${siblingName(this.directory, "previous")}-${process.pid}-${randomBytes(4).toString("hex")}`;
    const replacing = await stat(this.directory).then(() => true, () => false);
    // No await between the two renames: nothing can run in between but a SIGKILL.
    if (replacing) renameSync(this.directory, previous);
    try {
      renameSync(this.staging, this.directory);
    } catch (error) {
      if (replacing) renameSync(previous, this.directory);
      throw error;
    }
    this.closed = true;
    // From here an interruption only has the previous pack and the lock to remove. The clean-up stays
    // registered until the last step is done: a signal in between finds it and finishes the job.
    const lock = this.lock;
    this.interruption.cleanup = () => {
      if (replacing) removeNow(previous);
      lock.releaseSync();
    };
    if (replacing) await rm(previous, { recursive: true, force: true });
    await this.lock.release();
    this.interruption.stop();
    return [...this.names.values()].map((name) => join(this.directory, name));
  }

  /** Drops everything staged; the previous pack, if any, is untouched. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await rm(this.staging, { recursive: true, force: true, maxRetries: 3 });
    await this.lock.release();
    this.interruption.stop();
  }
}

/**
 * Removes a folder from a signal handler. It is first renamed: writes still queued on libuv's threads (dozens
 * when rendering in-process) then fail on the old path instead of adding files while it is being emptied, which
 * made the removal fail with ENOTEMPTY. A failure is left to the next run (the new name keeps the prefix it
 * cleans), never thrown at the handler.
 */
function removeNow(path: string): void {
  let target = path;
  try {
    target = `${path}-removing`;
    renameSync(path, target);
  } catch {
    target = path;
  }
  try {
    rmSync(target, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
  } catch {
    // The next run removes it.
  }
}

/** Temporary files left beside `path` by runs that are gone (a SIGKILL gives no chance to clean up). */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `.${basename(path)}.chiso-staging-`;
  for (const entry of await readdir(dirname(path))) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split("-")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (error) {
      alive = (error as NodeJS.ErrnoException).code === "EPERM";
    }
    if (!alive) await rm(join(dirname(path), entry), { force: true });
  }
}

/**
 * Writes one file atomically: into a temporary file beside it, renamed over it when complete. A failure
 * or an interruption leaves the previous file as it was and no temporary file; `data` may be produced
 * chunk by chunk (a JSON document too large to be one string).
 */
export async function writeFileAtomically(path: string, data: Uint8Array | string | AsyncIterable<string>, language: Language): Promise<void> {
  await writeFilesAtomically([{ path, data }], language);
}

/**
 * Writes several files (any folders) all or nothing: each is written to a temporary file beside it, and only
 * when all are complete are they renamed into place, back to back with no await between them. A failure or an
 * interruption before that leaves every previous file as it was and no temporary file. Unlike
 * {@link AtomicOutput}, the folders are not owned: other files in them are never touched.
 */
export async function writeFilesAtomically(files: readonly { readonly path: string; readonly data: Uint8Array | string | AsyncIterable<string> }[], language: Language): Promise<void> {
  const temporaries: string[] = [];
  const stopCleanup = onInterrupt(() => {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
  });
  let current = files[0]?.path ?? "";
  try {
    const targets: string[] = [];
    for (const { path, data } of files) {
      current = path;
      const target = resolve(path);
      await checkFileTarget(target);
      await removeStaleTemporaries(target);
      const temporary = `${siblingName(target, "staging")}-${process.pid}-${randomBytes(4).toString("hex")}`;
      temporaries.push(temporary);
      await writeData(temporary, data);
      targets.push(target);
    }
    // No await between the renames: nothing can run in between but a SIGKILL.
    targets.forEach((target, index) => renameSync(temporaries[index]!, target));
    temporaries.length = 0;
  } catch (error) {
    for (const temporary of temporaries) await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(describeOutputError(current, error, language), EXIT.output, { cause: error });
  } finally {
    stopCleanup();
  }
}

async function writeData(path: string, data: Uint8Array | string | AsyncIterable<string>): Promise<void> {
  if (typeof data === "string" || data instanceof Uint8Array) return writeFile(path, data);
  const stream = createWriteStream(path);
  try {
    for await (const chunk of data) if (!stream.write(chunk)) await new Promise<void>((done) => stream.once("drain", () => done()));
    stream.end();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
