import { parseArgs } from "node:util";
import type { Language } from "@chiso/core";
import { CliError, EXIT } from "./cli-error.js";
import { messagesFor } from "./i18n.js";

type Bilingual = Readonly<Record<Language, string>>;

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The option may be given several times (`--input a.xlsx --input b.csv`). */
  readonly multiple?: boolean;
  readonly description: Bilingual;
  /** Shown in help, e.g. "2026-03". */
  readonly placeholder?: string;
}

/** Where the parsed values keep the words after the options (a symbol: no option can collide with it). */
export const POSITIONALS: unique symbol = Symbol("positionals");
/** The options as parsed (a `multiple` option gives a list), with the positional words if the command takes them. */
export type ParsedValues = Readonly<Record<string, string | boolean | string[] | undefined>> & {
  readonly [POSITIONALS]?: readonly string[];
};

/** What a command receives: its parsed options and where to write. */
export interface CommandContext {
  readonly language: Language;
  readonly values: ParsedValues;
  /** A line (or several) for stdout; control characters from the input are already stripped. */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Waits until what was written to stdout has been handed over (for long outputs). */
  readonly flush: () => Promise<void>;
}

export interface Command {
  readonly name: string;
  readonly summary: Bilingual;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Words after the options, e.g. input files (`<response.json>...`); without it a stray word is an error. */
  readonly positionals?: { readonly placeholder: string; readonly description: Bilingual };
  /** Sub-commands chosen by the first word (`chiso portal import …`, `chiso store add …`); each is a command of its own (main.ts dispatches). */
  readonly subcommands?: Readonly<Record<string, Command>>;
  run(context: CommandContext): Promise<void>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { type: "string", placeholder: "vi|en", description: { vi: "ngôn ngữ của thông báo và báo cáo (mặc định: vi)", en: "language of messages and reports (default: vi)" } },
  help: { type: "boolean", short: "h", description: { vi: "hướng dẫn của lệnh", en: "this help" } },
};

/** Reads `--lang` before anything else, so even option errors are reported in the right language. */
export function languageOf(argv: readonly string[]): Language {
  const index = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (index < 0) return "vi";
  const value = argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
  if (value === "vi" || value === "en") return value;
  // The language asked for is unknown: said in both.
  throw new CliError(`${messagesFor("vi").badLanguage(String(value))}\n${messagesFor("en").badLanguage(String(value))}`, EXIT.usage);
}

export function parseCommandArgs(command: Command, argv: readonly string[], language: Language): ParsedValues {
  const options = { ...command.options, ...COMMON_OPTIONS };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short && { short: spec.short }), ...(spec.multiple && { multiple: true }) }])),
      strict: true,
      allowPositionals: command.positionals !== undefined,
    });
    return { ...(values as Record<string, string | boolean | string[] | undefined>), ...(command.positionals && { [POSITIONALS]: positionals }) };
  } catch (error) {
    throw new CliError(messagesFor(language).badOption(dashValue(error, argv, options, language) ?? describeParseError(error, language)), EXIT.usage, { cause: error });
  }
}

/**
 * A value that starts with a dash (`--evidence-limit -1`, `-o -x.json`) is taken by parseArgs for an option, and
 * it calls the option's argument "ambiguous": the user did give a value, so the message names it and the form
 * that passes it (`--evidence-limit=-1`), rather than "needs a value". A following word that is an option of
 * the command (`--out --period`) is a missing value, answered as before (`undefined` here).
 */
function dashValue(error: unknown, argv: readonly string[], options: Readonly<Record<string, OptionSpec>>, language: Language): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  if (code !== "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || !/argument is ambiguous/.test(message ?? "")) return undefined;
  const given = /'([^']*)'/.exec(message ?? "")?.[1] ?? "";
  const index = argv.indexOf(given);
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (value === undefined) return undefined;
  const isOption = (word: string) => (word.startsWith("--") ? Object.hasOwn(options, word.slice(2).split("=")[0]!) : Object.values(options).some((spec) => spec.short !== undefined && word.slice(1, 2) === spec.short));
  if (isOption(value)) return undefined;
  const long = given.startsWith("--") ? given : `--${Object.entries(options).find(([, spec]) => spec.short === given.slice(1))?.[0] ?? given.slice(1)}`;
  return messagesFor(language).dashValue(given, value, `${long}=${value}`);
}

/** Node's parseArgs errors, in the user's language (its own messages are English only). */
function describeParseError(error: unknown, language: Language): string {
  const messages = messagesFor(language);
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message ?? "")?.[1]?.replace(/ <value>$/, "") ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return messages.unknownOption(quoted);
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return messages.unexpectedWord(quoted);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return /does not take an argument/.test(message ?? "") ? messages.noValueTaken(quoted) : messages.missingValue(quoted);
  return message ?? String(error);
}

export function commandHelp(command: Command, language: Language): string {
  const messages = messagesFor(language);
  if (command.subcommands) {
    // A group's help is the help of each of its sub-commands, one after the other.
    const parts = Object.values(command.subcommands).map((subcommand) => commandHelp(subcommand, language).split("\n").slice(0, -2).join("\n"));
    return [command.summary[language], "", ...parts.flatMap((part) => [part, ""]), messages.exitCodes].join("\n");
  }
  const options = { ...command.options, ...COMMON_OPTIONS };
  const lines = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.placeholder ?? "…"}>` : ""}${spec.multiple ? " …" : ""}`;
    return `  ${flag.padEnd(34)} ${spec.description[language]}`;
  });
  const positional = command.positionals ? [`  ${command.positionals.placeholder.padEnd(34)} ${command.positionals.description[language]}`] : [];
  return [`${messages.usage}: ${command.usage}`, "", command.summary[language], "", `${messages.options}:`, ...positional, ...lines, "", messages.exitCodes].join("\n");
}

/** The words after the options (for a command that declares `positionals`). */
export function positionalsOf(values: ParsedValues): readonly string[] {
  return values[POSITIONALS] ?? [];
}

export function requireString(values: CommandContext["values"], name: string, language: Language): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new CliError(messagesFor(language).missingOption(name), EXIT.usage);
  return value;
}

/** An option that may be given several times, at least once. */
export function requireStrings(values: CommandContext["values"], name: string, language: Language): string[] {
  const value = values[name];
  const list = (Array.isArray(value) ? value : typeof value === "string" ? [value] : []).filter((entry) => entry !== "");
  if (list.length === 0) throw new CliError(messagesFor(language).missingOption(name), EXIT.usage);
  return list;
}
