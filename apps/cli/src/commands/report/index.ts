import type { Command } from "../../args.js";
import { requireString } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { loadScheme, readFigures } from "../../input/read-figures.js";
import { writePack } from "../../pack/write-pack.js";
import { parsePeriod } from "@chiso/core";
import { INPUT_OPTIONS, PACK_OPTIONS, SCORING_OPTIONS, asOfOf, issuerOf, periodOf, profileOf, readOptionsOf, rejectedRowsFile, reportPack, requireFiguresFor, terminalProgress, tieOf } from "../shared.js";

/** `chiso report`: the full pack from an input file for a period. */
export const command: Command = {
  name: "report",
  usage: "chiso report --input <figures.xlsx|.csv|.json> --period <2026-03> --out <folder>",
  summary: {
    vi: "Chấm điểm một kỳ và tạo bộ báo cáo: phiếu PDF cho từng sở và xã, báo cáo tổng hợp của tỉnh (PDF và Word), công văn gửi kết quả (Word), một bảng tính Excel.",
    en: "Score a period and write the pack: a PDF scorecard per department and commune, the province summary (PDF and Word), the cover dispatch (Word), one Excel workbook.",
  },
  options: {
    ...INPUT_OPTIONS,
    out: { type: "string", short: "o", placeholder: "folder", description: { vi: "thư mục ghi kết quả", en: "output folder" } },
    ...SCORING_OPTIONS,
    ...PACK_OPTIONS,
  },
  async run(context) {
    const { language, values } = context;
    const input = requireString(values, "input", language);
    const period = periodOf(context).key;
    const out = requireString(values, "out", language);
    const started = performance.now();
    const profile = await profileOf(context);
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    const { dataset, checksum, result, notes } = await readFigures(input, scheme, language, readOptionsOf(context));
    requireFiguresFor(dataset, parsePeriod(period)!, input, language);
    for (const note of notes) context.stderr(note);
    const rejected = await rejectedRowsFile(result, period, language);
    const asOf = asOfOf(context);
    const tie = tieOf(context);
    const issuer = issuerOf(context);
    const pack = await writePack({
      dataset,
      period,
      out,
      language,
      checksum,
      deterministic: values.deterministic === true,
      ...(asOf && { asOf }),
      ...(tie && { tie }),
      ...(issuer && { issuer }),
      ...(profile && { profile }),
      wordCards: values["word-cards"] === true,
      ...(rejected && { extraFiles: [rejected] }),
      progress: terminalProgress(messagesFor(language).rendering),
    });
    reportPack(context, pack, out, started);
    if (rejected) context.stderr(messagesFor(language).rejectedFile(`${out}/${rejected.name}`));
  },
};
