import type { Command } from "../../args.js";
import { requireString } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { readFigures, schemeForInput } from "../../input/read-figures.js";
import { writePack } from "../../pack/write-pack.js";
import { parsePeriod } from "@chiso/core";
import { INPUT_OPTIONS, PACK_OPTIONS, SCORING_OPTIONS, packSettings, periodOf, readOptionsOf, rejectedRowsFile, reportPack, requireFiguresFor } from "../shared.js";

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
    const settings = await packSettings(context);
    const scheme = await schemeForInput(values.scheme as string | undefined, input, language);
    const { dataset, checksum, result, notes } = await readFigures(input, scheme, language, readOptionsOf(context));
    requireFiguresFor(dataset, parsePeriod(period)!, input, language);
    for (const note of notes) context.stderr(note);
    const rejected = await rejectedRowsFile(result, period, language);
    const pack = await writePack({ dataset, period, out, language, checksum, ...settings, ...(rejected && { extraFiles: [rejected] }) });
    reportPack(context, pack, out, started);
    if (rejected) context.stderr(messagesFor(language).rejectedFile(`${out}/${rejected.name}`));
  },
};
