import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { Language } from "@chiso/core";
import { positionalsOf, type ParsedValues } from "../args.js";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/** Options that name what a command writes; every other path it is given is read. */
const OUTPUT_OPTIONS = ["out", "details"] as const;
/** Read and written in place on purpose: the history store. */
const READ_AND_WRITTEN = new Set(["store"]);

/** `path` is `target` itself, or lies inside the folder `target`. */
function isOrIsInside(path: string, target: string): boolean {
  const rel = relative(target, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The existing files among the values the command was given (options and positional words). */
function inputFiles(values: ParsedValues): string[] {
  const given = Object.entries(values).flatMap(([name, value]) => (OUTPUT_OPTIONS.includes(name as never) || READ_AND_WRITTEN.has(name) ? [] : typeof value === "string" ? [value] : Array.isArray(value) ? value : []));
  // --par-scheme xa=<file>: the file after the level.
  const paths = [...given, ...positionalsOf(values)].map((value) => value.replace(/^(so|xa)=/u, ""));
  return paths.filter((path) => path !== "" && existsSync(path) && statSync(path).isFile()).map(real);
}

/**
 * Refuses a run whose output would overwrite one of its inputs: `--out` naming an input file, or a folder that
 * holds one (a pack replaces its whole folder). Checked before anything is read, so nothing is lost.
 */
export function refuseOverwritingInputs(values: ParsedValues, language: Language): void {
  const inputs = inputFiles(values);
  for (const option of OUTPUT_OPTIONS) {
    const out = values[option];
    if (typeof out !== "string" || out === "") continue;
    const target = real(out);
    const clash = inputs.find((input) => isOrIsInside(input, target));
    if (clash) throw new CliError(messagesFor(language).overwritesInput(`--${option} ${out}`, clash), EXIT.usage);
  }
}
