import { companionsToJson, parsePeriod, scoreCompanions, scoreDataset, scorecardToJson } from "@chiso/core";
import type { Command } from "../../args.js";
import { requireString } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { readFigures, schemeForInput } from "../../input/read-figures.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { CliError, EXIT } from "../../cli-error.js";
import { INPUT_OPTIONS, SCORING_OPTIONS, asOfOf, periodOf, readOptionsOf, requireFiguresFor, tieOf } from "../shared.js";

/** `chiso score`: scores to JSON, on stdout or into a file. */
export const command: Command = {
  name: "score",
  usage: "chiso score --input <figures.xlsx|.csv|.json> --period <2026-03> [--out scores.json]",
  summary: {
    vi: "Chấm điểm một kỳ và xuất kết quả JSON (điểm từng chỉ tiêu, nhóm, khối, tổng, xếp hạng, xếp loại, giải thích, cảnh báo).",
    en: "Score a period and print JSON (item, group, block and total scores, ranks, bands, explanations, findings).",
  },
  options: {
    ...INPUT_OPTIONS,
    out: { type: "string", short: "o", placeholder: "file", description: { vi: "ghi vào tệp thay vì màn hình", en: "write to a file instead of stdout" } },
    ...SCORING_OPTIONS,
  },
  async run(context) {
    const { language, values } = context;
    const input = requireString(values, "input", language);
    const period = periodOf(context).key;
    const scheme = await schemeForInput(values.scheme as string | undefined, input, language);
    const { dataset, notes } = await readFigures(input, scheme, language, readOptionsOf(context));
    requireFiguresFor(dataset, parsePeriod(period)!, input, language);
    for (const note of notes) context.stderr(note);
    const asOf = asOfOf(context);
    const tie = tieOf(context);
    let card;
    try {
      card = scoreDataset(dataset, { period, ...(asOf && { asOf }), ...(tie && { tie }) });
    } catch (error) {
      throw new CliError(messagesFor(language).badOption(`--period ${period}`), EXIT.usage, { cause: error });
    }
    const json = `${JSON.stringify({ ...scorecardToJson(card, language), ...companionsToJson(scoreCompanions(dataset, card.period.key, tie)) }, null, 2)}\n`;
    if (typeof values.out !== "string") {
      context.stdout(json.trimEnd());
      return;
    }
    await writeFileAtomically(values.out, json, language);
    context.stderr(messagesFor(language).scoredTo(values.out));
  },
};
