import type { Command } from "../../args.js";
import { requireString, requireStrings } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { localTime } from "../../output/local-time.js";
import { loadScheme, readFigures } from "../../input/read-figures.js";
import { generationTime, writePack } from "../../pack/write-pack.js";
import { historyPeriods, rowsOfOtherPeriods } from "../../input/period-rows.js";
import { parsePeriod } from "@chiso/core";
import { INPUT_OPTIONS, PACK_OPTIONS, SCORING_OPTIONS, companionSchemesOf, packSettings, periodOf, readOptionsOf, rejectedRowsFile, rejectedRowsOf, reportPack, requireFiguresFor } from "../shared.js";

/** `chiso report`: the full pack from an input file for a period. */
export const command: Command = {
  name: "report",
  usage: "chiso report --input <figures.xlsx|.csv|.json> [--input …] | --store <hoa-son.db> [--input …] --period <2026-03> --out <folder>",
  summary: {
    vi: "Chấm điểm một kỳ và tạo bộ báo cáo: phiếu PDF cho từng sở và xã, báo cáo tổng hợp của tỉnh (PDF và Word), công văn gửi kết quả (Word), một bảng tính Excel.",
    en: "Score a period and write the pack: a PDF scorecard per department and commune, the province summary (PDF and Word), the cover dispatch (Word), one Excel workbook.",
  },
  options: {
    ...INPUT_OPTIONS,
    store: { type: "string", short: "s", placeholder: "hoa-son.db", description: { vi: "kho lịch sử: lấy kỳ báo cáo (nếu không có --input), kỳ trước và xu hướng 12 kỳ từ kho", en: "history store: the period (unless given by --input), the previous period and the 12-period trend come from it" } },
    out: { type: "string", short: "o", placeholder: "folder", description: { vi: "thư mục ghi kết quả", en: "output folder" } },
    ...SCORING_OPTIONS,
    ...PACK_OPTIONS,
  },
  async run(context) {
    const { language, values } = context;
    const storePath = typeof values.store === "string" && values.store !== "" ? values.store : undefined;
    const inputs = storePath && values.input === undefined ? [] : requireStrings(values, "input", language);
    const period = periodOf(context).key;
    const out = requireString(values, "out", language);
    const started = performance.now();
    const settings = await packSettings(context, "report");
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    const companions = await companionSchemesOf(context);
    const read = inputs.length > 0 ? await readFigures(inputs, scheme, language, { ...readOptionsOf(context), ...(companions && { companions }) }) : null;
    // With a store, the history (and the period itself, unless the input gives it) comes from the store.
    const history = storePath ? await (await import("../../input/read-history.js")).readHistory(storePath, period, language, read, scheme, companions) : null;
    const dataset = history?.dataset ?? read!.dataset;
    const checksum = history?.checksum ?? read!.checksum;
    requireFiguresFor(dataset, parsePeriod(period)!, storePath ?? read!.result.fileName, language);
    for (const note of [...(read?.notes ?? []), ...(history?.notes ?? [])]) context.stderr(note);
    // Every input row is used or said not to be: rows of other periods are listed with their places.
    if (read) for (const note of rowsOfOtherPeriods(read.result, parsePeriod(period)!, language, { history: historyPeriods(parsePeriod(period)!) })) context.stderr(note);
    if (history?.signOff) context.stdout(messagesFor(language).periodSignedOff(period, localTime(history.signOff.at, language), history.signOff.checksum));
    else if (history?.monthSignOffs.some((month) => month.at !== null)) {
      const months = (state: "signed" | "unsigned" | "absent") =>
        history.monthSignOffs.filter((month) => (month.at !== null ? "signed" : month.absent ? "absent" : "unsigned") === state).map((month) => month.period).join(", ");
      context.stdout(messagesFor(language).periodPartlySignedOff(period, months("signed"), months("unsigned"), months("absent")));
    }
    const rejected = read ? await rejectedRowsFile(read.result, period, language, generationTime(period, values.deterministic === true)) : null;
    const pack = await writePack({
      dataset,
      period,
      out,
      language,
      checksum,
      ...settings,
      ...(history?.signOff && { signOff: history.signOff }),
      ...(history && { monthSignOffs: history.monthSignOffs }),
      ...(read && { rejectedRows: rejectedRowsOf(read.result, language) }),
      ...(values["rank-incomplete"] === true && { rankIncomplete: true }),
      ...(rejected && { extraFiles: [rejected] }),
    });
    reportPack(context, pack, out, started, "report");
    if (rejected) context.stderr(messagesFor(language).rejectedFile(`${out}/${rejected.name}`));
  },
};
