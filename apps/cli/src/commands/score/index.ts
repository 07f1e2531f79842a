import { companionsToJson, parsePeriod, scoreCompanions, scoreDataset, scorecardToJson } from "@chiso/core";
import type { Command } from "../../args.js";
import { requireStrings } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { loadScheme, readFigures } from "../../input/read-figures.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { LazyList, jsonChunks } from "../../output/json-chunks.js";
import { CliError, EXIT } from "../../cli-error.js";
import { rowsOfOtherPeriods } from "../../input/period-rows.js";
import { INPUT_OPTIONS, SCORING_OPTIONS, asOfOf, companionSchemesOf, periodOf, readOptionsOf, requireFiguresFor, tieOf } from "../shared.js";
import { badValue } from "../../option-values.js";

/** `chiso score`: scores to JSON, on stdout or into a file. */
export const command: Command = {
  name: "score",
  usage: "chiso score --input <figures.xlsx|.csv|.json> [--input …] --period <2026-03> [--out scores.json]",
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
    const inputs = requireStrings(values, "input", language);
    const period = periodOf(context).key;
    // Every option value is checked before any file is read.
    const asOf = asOfOf(context);
    const tie = tieOf(context);
    const readOptions = readOptionsOf(context);
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    const companions = await companionSchemesOf(context);
    const { dataset, notes, result } = await readFigures(inputs, scheme, language, { ...readOptions, ...(companions && { companions }) });
    requireFiguresFor(dataset, parsePeriod(period)!, result.fileName, language);
    for (const note of notes) context.stderr(note);
    for (const note of rowsOfOtherPeriods(result, parsePeriod(period)!, language)) context.stderr(note);
    let card;
    try {
      card = scoreDataset(dataset, { period, ...(asOf && { asOf }), ...(tie && { tie }), ...(values["rank-incomplete"] === true && { rankIncomplete: true }) });
    } catch (error) {
      throw badValue("--period", period, "period", language);
    }
    // Written piece by piece, each unit's JSON built only when it is written: a national input gives more
    // JSON than one string can hold, and more objects than memory comfortably does.
    const scored = card;
    // A slice of the card: one unit, or one finding, with no list of the whole card (reconciliation) repeated.
    const part = (units: typeof card.units, findings: typeof card.findings) => scorecardToJson({ ...scored, units, findings, reconciliation: [] } as typeof scored, language);
    const chunks = jsonChunks({
      ...scorecardToJson({ ...scored, units: [], findings: [] }, language),
      units: new LazyList(card.units.length, (index) => part([scored.units[index]!], []).units[0]),
      findings: new LazyList(card.findings.length, (index) => part([], [scored.findings[index]!]).findings[0]),
      ...companionsToJson(scoreCompanions(dataset, card.period.key, tie)),
    });
    if (typeof values.out !== "string") {
      for (const chunk of chunks) {
        context.stdout(chunk);
        await context.flush();
      }
      return;
    }
    await writeFileAtomically(values.out, (async function* () {
      for (const chunk of chunks) yield `${chunk}\n`;
    })(), language);
    context.stderr(messagesFor(language).scoredTo(values.out));
  },
};
