import { constants } from "node:fs";
import { access, mkdir, stat, statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** Why an output place cannot be used; each becomes a message for the user (exit 4). */
export class PlaceError extends Error {
  constructor(
    readonly reason: "pseudo_file_system" | "not_a_folder" | "not_writable" | "not_a_file" | "not_a_pack",
    readonly path: string,
  ) {
    super(`${reason}: ${path}`);
  }
}

// File systems that hold no files: the kernel's views of processes, devices and settings. Creating a
// folder under /proc makes Node's recursive mkdir spin forever instead of failing.
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x73636673, // securityfs
  0x6165676c, // pstore
  0xcafe4a11, // bpf
  0x1cd1, // devpts
  0x42494e4d, // binfmt_misc
  0xde5e81e4, // efivarfs
]);

/** The path itself if it exists, else its nearest existing ancestor. */
async function nearestExisting(path: string): Promise<string> {
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      await stat(current);
      return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || dirname(current) === current) throw error;
    }
  }
}

/** Refuses a place on a pseudo file system (statfs is not available everywhere: then nothing is refused). */
async function checkFileSystem(path: string): Promise<void> {
  try {
    if (PSEUDO_FILE_SYSTEMS.has(Number((await statfs(path)).type))) throw new PlaceError("pseudo_file_system", path);
  } catch (error) {
    if (error instanceof PlaceError) throw error;
  }
}

/**
 * Makes sure `folder` exists as a writable folder on a real file system, creating the missing levels
 * one by one (never Node's recursive mkdir, which spins under /proc).
 */
export async function ensureFolder(folder: string): Promise<void> {
  const target = resolve(folder);
  const existing = await nearestExisting(target);
  await checkFileSystem(existing);
  if (!(await stat(existing)).isDirectory()) throw new PlaceError("not_a_folder", existing);
  try {
    await access(existing, constants.W_OK);
  } catch {
    throw new PlaceError("not_writable", existing);
  }
  const missing: string[] = [];
  for (let current = target; current !== existing; current = dirname(current)) missing.unshift(current);
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** The folder a file will be written in must be usable, and the file, if it exists, must be a file. */
export async function checkFileTarget(path: string): Promise<void> {
  await ensureFolder(dirname(resolve(path)));
  try {
    if (!(await stat(path)).isFile()) throw new PlaceError("not_a_file", path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
