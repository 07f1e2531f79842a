import { requireXlsxOut } from "../../output/xlsx-out.js";
import { getScheme } from "@chiso/core";
import { buildTemplate } from "@chiso/io";
import type { Command } from "../../args.js";
import { requireString } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { loadScheme, readFigures } from "../../input/read-figures.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { FORCE_OPTION, refuseReplacing } from "../../output/replace-guard.js";
import { SCORING_OPTIONS, periodOf } from "../shared.js";

/** `chiso template`: the input workbook for a period and a scheme. */
export const command: Command = {
  name: "template",
  usage: "chiso template --period <2026-03> --out <mau-nhap-lieu.xlsx> [--units <figures file>] [--force]",
  summary: {
    vi: "Tạo tệp Excel mẫu để nhập số liệu một kỳ: trang hướng dẫn, trang đơn vị, trang số liệu với cột tử số và mẫu số của mọi chỉ tiêu, có kiểm tra dữ liệu.",
    en: "Write the Excel input template for a period: instructions, units, and a figures sheet with every numerator and denominator column, with data validation.",
  },
  options: {
    period: { type: "string", short: "p", placeholder: "2026-03", description: { vi: "kỳ nhập số liệu", en: "the period to fill in" } },
    out: { type: "string", short: "o", placeholder: "file.xlsx", description: { vi: "tệp mẫu sẽ ghi", en: "template file to write" } },
    units: { type: "string", placeholder: "file", description: { vi: "lấy danh sách đơn vị từ một tệp số liệu có sẵn (.xlsx, .csv, .json)", en: "list the units of an existing figures file (.xlsx, .csv, .json)" } },
    scheme: SCORING_OPTIONS.scheme!,
    ...FORCE_OPTION,
  },
  async run(context) {
    const { language, values } = context;
    // A period that is one (2026-13 is not), checked before anything is read or written.
    const period = periodOf(context).key;
    const out = requireXlsxOut(requireString(values, "out", language), language);
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    const read = typeof values.units === "string" ? await readFigures(values.units, scheme, language) : undefined;
    const units = read?.dataset.units.map((unit) => ({ ...unit }));
    const workbook = buildTemplate({ scheme: scheme ?? read?.result.scheme ?? getScheme(), period, language, ...(units && { data: { units, figures: [] } }) });
    const bytes = workbook.toBytes({ date: new Date(0) });
    await refuseReplacing(out, bytes, values.force === true, language);
    await writeFileAtomically(out, bytes, language);
    context.stdout(messagesFor(language).templateWritten(out));
  },
};
