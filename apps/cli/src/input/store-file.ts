import type { Language } from "@chiso/core";
import type { Store } from "@chiso/store";
import { CliError, EXIT } from "../cli-error.js";
import { siblingName, writeFileAtomically } from "../output/atomic.js";
import { onInterrupt } from "../output/interrupt.js";
import { acquireLock, type Lock } from "../output/lock.js";
import { describeOutputError } from "../output/output-error.js";
import { checkContent } from "./json-file.js";
import { readBytes } from "./read-bytes.js";
import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** A store file is read whole; a province's history is a few MB. */
const MAX_STORE_BYTES = 1024 * 1024 * 1024;

/** The store package is loaded only by the commands that use a store. */
async function storeModule() {
  return import("@chiso/store");
}

/** Refusals of the store (a month already there, signed off…) are the input's: exit 3, in the user's language. */
export async function storeErrors<T>(path: string, language: Language, run: () => Promise<T> | T): Promise<T> {
  const { StoreError } = await storeModule();
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.code === "not_a_store" || error.code === "newer_store" ? error.describe(language) : `${path}: ${error.describe(language)}`, EXIT.invalidInput, { cause: error });
    throw error;
  }
}

/**
 * A figures workbook or JSON given as --store is named for what it is ("… nội dung là một bảng tính Excel
 * (.xlsx); chiso cần một kho lịch sử …"), not as an unreadable database. An empty file is left to the store.
 */
function checkStoreContent(path: string, bytes: Uint8Array, language: Language): void {
  if (bytes.byteLength > 0) checkContent(path, bytes, "sqlite", "store", language);
}

/** Opens a store file to read (it must exist). */
export async function readStore(path: string, language: Language): Promise<Store> {
  const { Store } = await storeModule();
  const bytes = await readBytes(path, language, MAX_STORE_BYTES);
  checkStoreContent(path, bytes, language);
  return storeErrors(path, language, () => Store.open(bytes, path));
}

/**
 * Changes a store file: under a lock beside it (no two runs change one store at once; a lock left by a
 * killed run is detected), read (or created), changed by `change`, written back atomically (a temporary
 * file renamed over it). A failure or an interruption leaves the file as it was.
 */
export async function updateStore<T>(path: string, language: Language, change: (store: Store) => T): Promise<T> {
  const { Store } = await storeModule();
  let lock: Lock | null = null;
  // Registered first: no moment where an interruption leaves a lock behind.
  const stopCleanup = onInterrupt(() => lock?.releaseSync());
  try {
    // The folder must exist: a mistyped path must not quietly start a new store somewhere else.
    const folder = dirname(resolve(path));
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(folder), { code: "ENOTDIR" });
    lock = await acquireLock(siblingName(path, "lock"));
  } catch (error) {
    stopCleanup();
    throw new CliError(describeOutputError(path, error, language), EXIT.output, { cause: error });
  }
  try {
    // A store that does not exist yet is created by its first change.
    const exists = await stat(path).then(() => true, (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? false : true));
    const bytes = exists ? await readBytes(path, language, MAX_STORE_BYTES) : undefined;
    if (bytes) checkStoreContent(path, bytes, language);
    const store = await storeErrors(path, language, () => Store.open(bytes, path));
    try {
      const result = await storeErrors(path, language, () => change(store));
      await writeFileAtomically(path, store.export(), language);
      return result;
    } finally {
      store.close();
    }
  } finally {
    await lock.release();
    stopCleanup();
  }
}
