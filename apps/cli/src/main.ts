import { createRequire } from "node:module";
import { ChisoError, type Language } from "@chiso/core";
import { commandHelp, languageOf, parseCommandArgs, type Command } from "./args.js";
import { refuseOverwritingInputs } from "./output/own-inputs.js";
import { setInterruptedMessage } from "./output/interrupt.js";
import { CliError, EXIT, type ExitCode } from "./cli-error.js";
import { messagesFor } from "./i18n.js";
import { printable } from "./output/terminal.js";

/** Commands load lazily: `chiso score` never loads pdfkit, docx or the xlsx writer. */
const COMMANDS: Readonly<Record<string, { summary: Readonly<Record<Language, string>>; load: () => Promise<{ command: Command }> }>> = {
  demo: { summary: { vi: "tạo bộ báo cáo mẫu từ dữ liệu có sẵn", en: "write the sample pack from built-in data" }, load: () => import("./commands/demo/index.js") },
  report: { summary: { vi: "tạo bộ báo cáo (PDF, Excel) từ tệp số liệu", en: "write the pack (PDF, Excel) from a figures file" }, load: () => import("./commands/report/index.js") },
  serve: { summary: { vi: "mở trình xem kết quả và công cụ thử tăng điểm trên trình duyệt", en: "open the viewer and what-if planner in the browser" }, load: () => import("./commands/serve/index.js") },
  score: { summary: { vi: "chấm điểm và xuất JSON", en: "score and print JSON" }, load: () => import("./commands/score/index.js") },
  template: { summary: { vi: "tạo tệp Excel mẫu để nhập số liệu", en: "write the Excel input template" }, load: () => import("./commands/template/index.js") },
  profile: { summary: { vi: "tạo tệp hồ sơ tỉnh (người ký, nơi nhận, ký hiệu) để điền", en: "write a province profile (signer, recipients, symbols) to fill in" }, load: () => import("./commands/profile/index.js") },
  dossiers: { summary: { vi: "tính số liệu từ hồ sơ một cửa và liệt kê hồ sơ làm mất điểm", en: "compute the figures from dossier records and list the dossiers behind lost points" }, load: () => import("./commands/dossiers/index.js") },
  calendar: { summary: { vi: "xem hoặc đề xuất lịch làm việc một năm", en: "show or propose a year's working-day calendar" }, load: () => import("./commands/calendar/index.js") },
  validate: { summary: { vi: "kiểm tra tệp số liệu và liệt kê mọi lỗi", en: "check a figures file and list every problem" }, load: () => import("./commands/validate/index.js") },
  portal: { summary: { vi: "nhập (hoặc tải) phản hồi của Cổng DVCQG thành tệp số liệu", en: "import (or fetch) the national portal's responses as a figures file" }, load: () => import("./commands/portal/index.js") },
  store: { summary: { vi: "kho lịch sử các kỳ: thêm, chốt, liệt kê", en: "the history store: add, sign off, list" }, load: () => import("./commands/store/index.js") },
};

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Resolves when stdout can take more (a pipe to a slow reader). */
  readonly flush?: () => Promise<void>;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  flush: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once("drain", () => resolve())) : Promise.resolve()),
};

function generalHelp(language: Language): string {
  const messages = messagesFor(language);
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(10)} ${entry.summary[language]}`);
  return [`${messages.usage}: chiso <${Object.keys(COMMANDS).join("|")}> [--lang vi|en] [--help]`, "", `${messages.commands}:`, ...lines, "", messages.exitCodes].join("\n");
}

/**
 * Runs the CLI and returns its exit code. The one place that maps errors to exit codes; the bin shim
 * is the one place that exits.
 */
/** The package's version, read from its manifest beside the build (or the source) at run time. */
const CHISO_VERSION: string = (() => {
  try {
    return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
})();

export async function main(argv: readonly string[], given: Io = processIo): Promise<ExitCode> {
  // Nothing read from an input file can drive the terminal: escape sequences and controls are dropped.
  const io: Io = { stdout: (text) => given.stdout(printable(text)), stderr: (text) => given.stderr(printable(text)) };
  let language: Language = "vi";
  try {
    language = languageOf(argv);
    setInterruptedMessage(messagesFor(language).interrupted);
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name.startsWith("--lang")) {
      io.stdout(generalHelp(language));
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "--version" || name === "-v") {
      io.stdout(`chiso ${CHISO_VERSION}`);
      return EXIT.ok;
    }
    const entry = COMMANDS[name];
    if (!entry) throw new CliError(messagesFor(language).unknownCommand(name), EXIT.usage);
    let { command } = await entry.load();
    let args = rest;
    if (command.subcommands) {
      // `chiso store add …`: the first word names the subcommand.
      const [word, ...more] = rest;
      const sub = word !== undefined && Object.hasOwn(command.subcommands, word) ? command.subcommands[word] : undefined;
      if (!sub) {
        const names = Object.keys(command.subcommands).join("|");
        if (word === undefined || word.startsWith("--lang")) throw new CliError(messagesFor(language).missingSubcommand(name, names), EXIT.usage);
        if (word === "--help" || word === "-h") {
          io.stdout(commandHelp(command, language));
          return EXIT.ok;
        }
        throw new CliError(messagesFor(language).unknownCommand(`${name} ${word}`), EXIT.usage);
      }
      command = sub;
      args = more;
    }
    const values = parseCommandArgs(command, args, language);
    if (values.help) {
      io.stdout(commandHelp(command, language));
      return EXIT.ok;
    }
    refuseOverwritingInputs(values, language);
    await command.run({ language, values, stdout: io.stdout, stderr: io.stderr, flush: given.flush ?? (() => Promise.resolve()) });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.message);
      return error.exitCode;
    }
    if (error instanceof ChisoError) {
      io.stderr(error.describe(language).join("\n"));
      return EXIT.invalidInput;
    }
    io.stderr(`${language === "vi" ? "Lỗi không lường trước" : "Unexpected error"}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
