import { SUBCOMMAND, type Command } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { fetchCommand } from "./fetch.js";
import { importCommand } from "./import.js";
import { portalMessages } from "./messages.js";

const subcommands: Readonly<Record<string, Command>> = { import: importCommand, fetch: fetchCommand };

/** `chiso portal <import|fetch>`: the national portal's own responses. */
export const command: Command = {
  name: "portal",
  usage: `chiso portal <${Object.keys(subcommands).join("|")}> …`,
  summary: { vi: portalMessages("vi").summary, en: portalMessages("en").summary },
  options: {},
  subcommands,
  async run(context) {
    const chosen = context.values[SUBCOMMAND];
    if (!chosen) throw new CliError(portalMessages(context.language).missingSubcommand(Object.keys(subcommands).join("|")), EXIT.usage);
    await chosen.run(context);
  },
};
