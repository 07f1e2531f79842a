import type { Command } from "../../args.js";
import { fetchCommand } from "./fetch.js";
import { importCommand } from "./import.js";
import { portalMessages } from "./messages.js";

const subcommands: Readonly<Record<string, Command>> = { import: importCommand, fetch: fetchCommand };

/** `chiso portal <import|fetch>`: the national portal's own responses (main.ts runs the sub-command). */
export const command: Command = {
  name: "portal",
  usage: `chiso portal <${Object.keys(subcommands).join("|")}> …`,
  summary: { vi: portalMessages("vi").summary, en: portalMessages("en").summary },
  options: {},
  subcommands,
  async run() {},
};
