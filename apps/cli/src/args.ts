import { parseArgs } from "node:util";
import type { Language } from "@chiso/core";
import { CliError, EXIT } from "./cli-error.js";
import { messagesFor } from "./i18n.js";

type Bilingual = Readonly<Record<Language, string>>;

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly description: Bilingual;
  /** Shown in help, e.g. "2026-03". */
  readonly placeholder?: string;
}

/** What a command receives: its parsed options and where to write. */
export interface CommandContext {
  readonly language: Language;
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: Bilingual;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Accepts words before or after the options (e.g. `chiso calendar propose`); they arrive joined in `values._`. */
  readonly positionals?: boolean;
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
  throw new CliError(messagesFor("vi").badLanguage(String(value)), EXIT.usage);
}

export function parseCommandArgs(command: Command, argv: readonly string[], language: Language): Record<string, string | boolean | undefined> {
  const options = { ...command.options, ...COMMON_OPTIONS };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }])),
      strict: true,
      allowPositionals: command.positionals === true,
    });
    return { ...(values as Record<string, string | boolean | undefined>), ...(positionals.length > 0 && { _: positionals.join(" ") }) };
  } catch (error) {
    throw new CliError(messagesFor(language).badOption(error instanceof Error ? error.message : String(error)), EXIT.usage, { cause: error });
  }
}

export function commandHelp(command: Command, language: Language): string {
  const messages = messagesFor(language);
  const options = { ...command.options, ...COMMON_OPTIONS };
  const lines = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.placeholder ?? "…"}>` : ""}`;
    return `  ${flag.padEnd(34)} ${spec.description[language]}`;
  });
  return [`${messages.usage}: ${command.usage}`, "", command.summary[language], "", `${messages.options}:`, ...lines, "", messages.exitCodes].join("\n");
}

export function requireString(values: CommandContext["values"], name: string, language: Language): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new CliError(messagesFor(language).missingOption(name), EXIT.usage);
  return value;
}
