import { hasFiguresFor, parsePeriod } from "@chiso/core";
import type { Command } from "../../args.js";
import { requireStrings } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { INPUT_OPTIONS, SCORING_OPTIONS, asOfOf, companionSchemesOf, readOptionsOf, requireFiguresFor, tieOf } from "../shared.js";
import { figuresFileSource, storeSource } from "./data-source.js";
import { openBrowser } from "./open-browser.js";
import { isLoopback, startServer } from "./server.js";
import { findWebRoot } from "./web-root.js";
import { badValue } from "../../option-values.js";

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** `chiso serve`: the scorecards in the browser, with a live what-if planner, on this machine only. */
export const command: Command = {
  name: "serve",
  usage: "chiso serve --input <figures.xlsx|.csv|.json> [--input …] | --store <hoa-son.db> [--period 2026-10] [--port 0] [--host 127.0.0.1] [--open]",
  summary: {
    vi: "Mở trình xem kết quả trên trình duyệt (chỉ trên máy này): tổng quan của tỉnh, xếp hạng, từng đơn vị, so sánh, chất lượng số liệu và công cụ thử tăng điểm; tải phiếu PDF và bảng tính Excel.",
    en: "Open the viewer in the browser (on this machine only): the province overview, rankings, each unit, comparisons, data quality and a what-if planner; download PDF cards and the workbook.",
  },
  options: {
    ...INPUT_OPTIONS,
    period: { ...INPUT_OPTIONS.period!, description: { vi: "kỳ mở đầu: 2026-03, 2026-Q1 hoặc 2026 (mặc định: tháng mới nhất có số liệu; đổi được trong trình xem)", en: "period to open on: 2026-03, 2026-Q1 or 2026 (default: the latest month with figures; changeable in the viewer)" } },
    store: { type: "string", short: "s", placeholder: "hoa-son.db", description: { vi: "kho lịch sử (thay cho --input): mọi kỳ đã lưu đến kỳ mở đầu", en: "history store (instead of --input): every stored period up to the one opened" } },
    port: { type: "string", placeholder: "0", description: { vi: "cổng (mặc định 0: một cổng còn trống)", en: "port (default 0: a free port)" } },
    host: { type: "string", placeholder: "127.0.0.1", description: { vi: "địa chỉ lắng nghe (mặc định 127.0.0.1, chỉ máy này)", en: "address to listen on (default 127.0.0.1, this machine only)" } },
    "allow-remote": { type: "boolean", description: { vi: "cho phép địa chỉ không phải loopback: máy khác trong mạng xem được số liệu", en: "allow a non-loopback address: other machines on the network can see the figures" } },
    open: { type: "boolean", description: { vi: "mở trình duyệt", en: "open the browser" } },
    ...SCORING_OPTIONS,
  },
  async run(context) {
    const { language, values } = context;
    const messages = messagesFor(language);
    const storePath = typeof values.store === "string" && values.store !== "" ? values.store : undefined;
    if (storePath && values.input !== undefined) throw new CliError(messages.badOption("--input + --store"), EXIT.usage);
    const inputs = storePath ? [] : requireStrings(values, "input", language);
    const input = storePath ?? inputs.join(", ");
    const periodText = typeof values.period === "string" ? values.period : undefined;
    const period = periodText === undefined ? undefined : parsePeriod(periodText);
    if (period === null) throw badValue("--period", periodText, "period", language);
    const portText = typeof values.port === "string" ? values.port : "0";
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw badValue("--port", portText, "port", language);
    const host = typeof values.host === "string" ? values.host : "127.0.0.1";
    if (!isLoopback(host) && values["allow-remote"] !== true) throw new CliError(messages.remoteRefused(host), EXIT.usage);
    const asOf = asOfOf(context);
    const tie = tieOf(context);
    const root = findWebRoot();
    if (!root) throw new CliError(messages.noViewer, EXIT.failure);

    const common = {
      language,
      ...(typeof values.scheme === "string" && { scheme: values.scheme }),
      ...(period && { period: period.key }),
      ...(asOf && { asOf }),
      ...(tie && { tie }),
      ...(values["rank-incomplete"] === true && { rankIncomplete: true }),
    };
    const companions = await companionSchemesOf(context);
    const source = storePath
      ? storeSource({ ...common, store: storePath, ...(companions && { companions }) })
      : figuresFileSource({ ...common, inputs, read: { ...readOptionsOf(context), ...(companions && { companions }) } });
    const data = await source.load();
    if (period) requireFiguresFor(data.dataset, period, input, language);
    // With --skip-invalid every row may have been rejected: then there is nothing to show.
    const opening = parsePeriod(data.meta.period);
    if (!opening || !hasFiguresFor(data.dataset, opening)) throw new CliError(messages.noRows(input), EXIT.invalidInput);
    for (const note of data.meta.notes) context.stderr(note);

    let server;
    try {
      server = await startServer({ data, root, host, port, language, onError: (error) => context.stderr(messages.serverError(error instanceof Error ? error.message : String(error))) });
    } catch (error) {
      // A port the user chose that is taken (or an address this machine does not have) is theirs to change.
      throw new CliError(messages.cannotListen(`${host}:${port}`, (error as Error).message), port !== 0 || typeof values.host === "string" ? EXIT.usage : EXIT.failure, { cause: error });
    }
    const stopped = untilStopped();
    context.stdout(messages.serving(server.url, data.meta.period));
    if (!isLoopback(host)) context.stderr(messages.remoteWarning(host));
    if (values.open === true) openBrowser(server.url);
    await stopped;
    await server.close();
    context.stdout(messages.stopped);
  },
};
