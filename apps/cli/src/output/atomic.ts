import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import type { Language } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/**
 * Writes a set of files so that a failed run leaves none of them behind: everything is written into a
 * hidden staging folder inside the output folder (same file system), and only when every file is
 * complete are they renamed into place — each rename is atomic. On failure the staging folder is removed.
 */
export class AtomicOutput {
  private readonly staging: string;
  private readonly files: string[] = [];

  private constructor(readonly directory: string) {
    this.staging = join(directory, `.chiso-staging-${process.pid}-${randomBytes(4).toString("hex")}`);
  }

  static async open(directory: string): Promise<AtomicOutput> {
    const output = new AtomicOutput(directory);
    await mkdir(output.staging, { recursive: true });
    return output;
  }

  /** Stages one file; `name` is relative to the output folder and may contain sub-folders. */
  async write(name: string, data: Uint8Array | string): Promise<void> {
    const target = join(this.staging, name);
    if (relative(this.staging, target).startsWith("..")) throw new Error(`unsafe file name: ${name}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    this.files.push(name);
  }

  /** Moves every staged file into place and removes the staging folder. Returns the final paths. */
  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const name of this.files) {
      const target = join(this.directory, name);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(this.staging, name), target);
      written.push(target);
    }
    await rm(this.staging, { recursive: true, force: true });
    return written;
  }

  /** Drops everything staged. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** Writes one file atomically; a failure leaves nothing behind and is reported as a CliError (exit 4). */
export async function writeFileAtomically(path: string, data: Uint8Array | string, language: Language): Promise<void> {
  const output = await AtomicOutput.open(dirname(path)).catch((error: Error) => {
    throw new CliError(messagesFor(language).cannotWrite(path, error.message), EXIT.output, { cause: error });
  });
  try {
    await output.write(basename(path), data);
    await output.commit();
  } catch (error) {
    await output.abort();
    throw new CliError(messagesFor(language).cannotWrite(path, (error as Error).message), EXIT.output, { cause: error });
  }
}
