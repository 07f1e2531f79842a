import { parsePeriod } from "@chiso/core";
import type { Command, OptionSpec } from "../../args.js";
import { requireString, requireStrings } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { compactLocalTime, localTime } from "../../output/local-time.js";
import { loadScheme, readFigures } from "../../input/read-figures.js";
import { readStore, updateStore } from "../../input/store-file.js";
import { rowsOfOtherPeriods } from "../../input/period-rows.js";
import { INPUT_OPTIONS, SCORING_OPTIONS, companionSchemesOf, readOptionsOf, requireFiguresFor } from "../shared.js";
import { badValue } from "../../option-values.js";

const STORE_OPTION: OptionSpec = { type: "string", short: "s", placeholder: "hoa-son.db", description: { vi: "tệp kho lịch sử (SQLite; tạo mới nếu chưa có)", en: "the history store file (SQLite; created if missing)" } };


const add: Command = {
  name: "store add",
  usage: "chiso store add --store <hoa-son.db> --input <figures> [--input …] [--period 2026-10] [--replace [--replace-signed-off]]",
  summary: {
    vi: "Thêm số liệu đã kiểm tra của các kỳ trong tệp vào kho (cả tệp hoặc không gì cả). Kỳ đã có cần --replace; bản cũ vẫn được giữ.",
    en: "Add the checked figures of the file's periods to the store (all or nothing). A period already stored needs --replace; the previous version is kept.",
  },
  options: {
    store: STORE_OPTION,
    input: INPUT_OPTIONS.input!,
    period: { type: "string", short: "p", placeholder: "2026-10", description: { vi: "chỉ thêm kỳ này (mặc định: mọi kỳ trong tệp)", en: "add only this period (default: every period of the file)" } },
    replace: { type: "boolean", description: { vi: "thay kỳ đã có trong kho (giữ lại bản cũ)", en: "replace a stored period (the previous version is kept)" } },
    "replace-signed-off": { type: "boolean", description: { vi: "cho phép thay cả kỳ đã chốt (cùng với --replace)", en: "allow replacing a signed-off period too (with --replace)" } },
    "max-size": INPUT_OPTIONS["max-size"]!,
    scheme: SCORING_OPTIONS.scheme!,
    "sipas-scheme": SCORING_OPTIONS["sipas-scheme"]!,
    "par-scheme": SCORING_OPTIONS["par-scheme"]!,
  },
  async run(context) {
    const { language, values } = context;
    const messages = messagesFor(language);
    const path = requireString(values, "store", language);
    const inputs = requireStrings(values, "input", language);
    const period = typeof values.period === "string" ? parsePeriod(values.period) : undefined;
    if (period === null) throw badValue("--period", values.period, "period", language);
    if (values["replace-signed-off"] === true && values.replace !== true) throw new CliError(messages.badOption("--replace-signed-off (--replace)"), EXIT.usage);
    const scheme = await loadScheme(values.scheme as string | undefined, language);
    // A month enters the store whole: rows with problems refuse the file (no --skip-invalid here).
    const { skipInvalid: _skip, ...read } = readOptionsOf(context);
    const companions = await companionSchemesOf(context);
    const { result, dataset, notes } = await readFigures(inputs, scheme, language, { ...read, ...(companions && { companions }) });
    if (period) requireFiguresFor(dataset, period, result.fileName, language);
    for (const note of notes) context.stderr(note);
    // With --period, the file's rows of other periods are not stored: said, with their places.
    if (period) for (const note of rowsOfOtherPeriods(result, period, language, { exact: true })) context.stderr(note);
    const results = await updateStore(path, language, (store) =>
      store.add(
        result.document!,
        { scheme: result.scheme.id, checksum: result.checksum, inputs: result.files, addedAt: new Date(), sources: result.sources },
        { ...(period && { periods: [period.key] }), ...(values.replace === true && { replace: true }), ...(values["replace-signed-off"] === true && { replaceSignedOff: true }) },
      ),
    );
    for (const entry of results) {
      context.stdout(
        entry.action === "added" ? messages.storeAdded(entry.period, entry.version, entry.figures) : entry.action === "replaced" ? messages.storeReplaced(entry.period, entry.version, entry.figures, entry.replacedSignedOff === true) : messages.storeUnchanged(entry.period, entry.version),
      );
    }
    // A month already stored as it is changes nothing: "written" would say otherwise.
    if (results.some((entry) => entry.action !== "unchanged")) context.stdout(messages.storeWritten(path));
  },
};

const signoff: Command = {
  name: "store signoff",
  usage: "chiso store signoff --store <hoa-son.db> --period <2026-10> [--by <name>]",
  summary: {
    vi: "Chốt một kỳ: khóa số liệu hiện hành của kỳ với mã SHA-256 của dữ liệu đầu vào (in trên các văn bản); muốn thay phải dùng --replace-signed-off.",
    en: "Sign a period off: lock its current figures to the SHA-256 of their input (printed on the documents); replacing them then needs --replace-signed-off.",
  },
  options: {
    store: STORE_OPTION,
    period: { type: "string", short: "p", placeholder: "2026-10", description: { vi: "kỳ cần chốt", en: "the period to sign off" } },
    by: { type: "string", placeholder: "text", description: { vi: "người hoặc đơn vị chốt (ghi vào kho)", en: "who signs it off (recorded in the store)" } },
  },
  async run(context) {
    const { language, values } = context;
    const path = requireString(values, "store", language);
    const period = parsePeriod(requireString(values, "period", language));
    if (!period) throw badValue("--period", values.period, "period", language);
    const signOff = await updateStore(path, language, (store) => store.signOff(period.key, { at: new Date(), ...(typeof values.by === "string" && values.by !== "" && { by: values.by }) }));
    context.stdout(messagesFor(language).signedOff(signOff.period, signOff.version, localTime(signOff.at, language), signOff.checksum));
  },
};

const list: Command = {
  name: "store list",
  usage: "chiso store list --store <hoa-son.db>",
  summary: { vi: "Liệt kê các kỳ trong kho, mọi bản, bản hiện hành và kỳ đã chốt.", en: "List the store's periods, every version, the current ones and the signed-off ones." },
  options: { store: STORE_OPTION },
  async run(context) {
    const { language, values } = context;
    const messages = messagesFor(language);
    const path = requireString(values, "store", language);
    const store = await readStore(path, language);
    try {
      const versions = store.list();
      if (versions.length === 0) {
        context.stdout(messages.storeEmpty(path));
        return;
      }
      const rows = versions.map((entry) => [
        entry.period,
        String(entry.version),
        entry.current ? messages.yes : "",
        compactLocalTime(entry.addedAt),
        String(entry.units),
        String(entry.figures),
        entry.signedOff ? `${compactLocalTime(entry.signedOff.at)}${entry.signedOff.by ? ` ${entry.signedOff.by}` : ""}` : "",
        entry.checksum.slice(0, 16),
        entry.inputs.map((input) => input.name).join(", "),
      ]);
      const widths = messages.storeHeader.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
      for (const row of [messages.storeHeader, ...rows]) context.stdout(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
    } finally {
      store.close();
    }
  },
};

/** `chiso store`: the office's history of accepted periods. */
export const command: Command = {
  name: "store",
  usage: "chiso store <add|signoff|list> --store <hoa-son.db> …",
  summary: {
    vi: "Kho lịch sử các kỳ đã chấp nhận (một tệp SQLite): thêm kỳ, thay kỳ (giữ bản cũ), chốt kỳ, liệt kê. chiso report --store lấy kỳ trước và xu hướng 12 kỳ từ kho.",
    en: "The history of accepted periods (one SQLite file): add a period, replace one (the previous version is kept), sign one off, list. chiso report --store takes the previous period and the 12-period trend from it.",
  },
  options: {},
  subcommands: { add, signoff, list },
  async run() {},
};
