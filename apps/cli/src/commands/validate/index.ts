import { requireXlsxOut } from "../../output/xlsx-out.js";
import { buildFindingsWorkbook, describeImportIssue, importFiles } from "@chiso/io";
import type { Command } from "../../args.js";
import { requireStrings } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { loadScheme, readBytes } from "../../input/read-figures.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { periodsOfFile } from "../../input/period-rows.js";
import { FORCE_OPTION, refuseReplacing } from "../../output/replace-guard.js";
import { INPUT_OPTIONS, SCORING_OPTIONS, companionSchemesOf, readOptionsOf } from "../shared.js";

/** `chiso validate`: every problem of a figures file, printed and written as a workbook. */
export const command: Command = {
  name: "validate",
  usage: "chiso validate --input <figures.xlsx|.csv|.json> [--input …] [--out loi.xlsx] [--force]",
  summary: {
    vi: "Kiểm tra tệp số liệu: in mọi lỗi (tệp, trang, dòng, cột, đơn vị, cách sửa) và ghi thành bảng tính nếu có --out. Mã thoát 3 khi có lỗi.",
    en: "Check a figures file: print every problem (file, sheet, row, column, unit, how to fix) and write them as a workbook with --out. Exit code 3 when there are errors.",
  },
  options: {
    input: INPUT_OPTIONS.input!,
    period: { ...INPUT_OPTIONS.period!, description: { vi: "kỳ cho tệp không có cột Kỳ", en: "period for a file without a period column" } },
    "max-size": INPUT_OPTIONS["max-size"]!,
    out: { type: "string", short: "o", placeholder: "file.xlsx", description: { vi: "ghi danh sách lỗi và các dòng bị từ chối vào bảng tính", en: "write the problems and rejected rows to a workbook" } },
    scheme: SCORING_OPTIONS.scheme!,
    "sipas-scheme": SCORING_OPTIONS["sipas-scheme"]!,
    "par-scheme": SCORING_OPTIONS["par-scheme"]!,
    ...FORCE_OPTION,
  },
  async run(context) {
    const { language, values } = context;
    const inputs = requireStrings(values, "input", language);
    if (typeof values.out === "string") requireXlsxOut(values.out, language);
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    const { skipInvalid: _skip, ...read } = readOptionsOf(context);
    const files = [];
    for (const input of inputs) files.push({ data: await readBytes(input, language, read.maxBytes), fileName: input });
    const companions = await companionSchemesOf(context);
    const result = await importFiles(files, { ...(scheme && { scheme }), language, ...read, ...(companions && { companions }) });
    const input = result.fileName;
    const errors = result.issues.filter((issue) => issue.severity === "error");
    for (const issue of [...errors, ...result.issues.filter((issue) => issue.severity === "warning")]) context.stdout(describeImportIssue(issue, language));
    if (typeof values.out === "string") {
      const bytes = buildFindingsWorkbook(result, language).toBytes({ date: new Date(0) });
      await refuseReplacing(values.out, bytes, values.force === true, language);
      await writeFileAtomically(values.out, bytes, language);
      context.stderr(messagesFor(language).validFindings(values.out));
    }
    if (errors.length > 0) throw new CliError(messagesFor(language).invalidInput(input, errors.length, false).replace(/:$/, "."), EXIT.invalidInput);
    context.stdout(messagesFor(language).validOk(input, result.rows.length));
    // A month's workbook holding another period's row: the periods are said, with the places of the few.
    const periods = periodsOfFile(result, language);
    if (periods) context.stderr(periods);
  },
};
