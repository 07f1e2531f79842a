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

/** What a command receives: its parsed options and where to write. */
export interface CommandContext {
  readonly language: Language;
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
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
  run(context: CommandContext): Promise<void>;
  /** A command made of subcommands (`chiso store add`): `run` is not used then. */
  readonly subcommands?: Readonly<Record<string, Command>>;
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
  throw new CliError(messagesFor("vi").badLanguage(String(value)), EXIT.usage);
}

export function parseCommandArgs(command: Command, argv: readonly string[], language: Language): Record<string, string | boolean | string[] | undefined> {
  const options = { ...command.options, ...COMMON_OPTIONS };
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short && { short: spec.short }), ...(spec.multiple && { multiple: true }) }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Record<string, string | boolean | string[] | undefined>;
  } catch (error) {
    throw new CliError(messagesFor(language).badOption(error instanceof Error ? error.message : String(error)), EXIT.usage, { cause: error });
  }
}

export function commandHelp(command: Command, language: Language): string {
  const messages = messagesFor(language);
  if (command.subcommands) {
    const lines = Object.entries(command.subcommands).map(([name, sub]) => `  ${name.padEnd(10)} ${sub.summary[language]}`);
    return [`${messages.usage}: ${command.usage}`, "", command.summary[language], "", `${messages.commands}:`, ...lines, "", messages.exitCodes].join("\n");
  }
  const options = { ...command.options, ...COMMON_OPTIONS };
  const lines = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.placeholder ?? "…"}>` : ""}${spec.multiple ? " …" : ""}`;
    return `  ${flag.padEnd(34)} ${spec.description[language]}`;
  });
  return [`${messages.usage}: ${command.usage}`, "", command.summary[language], "", `${messages.options}:`, ...lines, "", messages.exitCodes].join("\n");
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
