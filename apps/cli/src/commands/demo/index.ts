import { getScheme } from "@chiso/core";
import { buildTemplate } from "@chiso/io";
import { writeWorkbook } from "@chiso/report/xlsx";
import type { Command } from "../../args.js";
import { generateDemoData, DEMO_PERIOD } from "../../demo/generate.js";
import { messagesFor } from "../../i18n.js";
import { figuresFrom } from "../../input/read-figures.js";
import { generationTime, writePack } from "../../pack/write-pack.js";
import { PACK_OPTIONS, asOfOf, reportPack, terminalProgress } from "../shared.js";

/** The demo's input is written beside the pack, as JSON and as a filled template, so a new user sees the formats. */
export const DEMO_INPUT_FILE = "du-lieu-mau-hoa-son.json";
export const DEMO_TEMPLATE_FILE = "du-lieu-mau-hoa-son.xlsx";

/** `chiso demo`: the main job on built-in data. */
export const command: Command = {
  name: "demo",
  usage: "chiso demo [--out chiso-demo] [--period 2026-10]",
  summary: {
    vi: "Tạo bộ báo cáo mẫu cho tỉnh giả định Hòa Sơn (15 sở, 100 xã, 14 tháng số liệu) và ghi kèm tệp số liệu đầu vào.",
    en: "Write the sample pack for the fictional province of Hòa Sơn (15 departments, 100 communes, 14 months) with its input file.",
  },
  options: {
    out: { type: "string", short: "o", placeholder: "folder", description: { vi: "thư mục ghi kết quả (mặc định: chiso-demo)", en: "output folder (default: chiso-demo)" } },
    period: { type: "string", short: "p", placeholder: "2026-10", description: { vi: `kỳ báo cáo (mặc định: ${DEMO_PERIOD}); dữ liệu mẫu có từ 2025-10 đến 2026-11`, en: `period (default: ${DEMO_PERIOD}); the demo data covers 2025-10 to 2026-11` } },
    "as-of": { type: "string", placeholder: "YYYY-MM-DD", description: { vi: "ngày chấm điểm (mặc định: hôm nay)", en: "scoring date (default: today)" } },
    deterministic: PACK_OPTIONS.deterministic!,
  },
  async run(context) {
    const { language, values } = context;
    const out = typeof values.out === "string" ? values.out : "chiso-demo";
    const period = typeof values.period === "string" ? values.period : DEMO_PERIOD;
    const started = performance.now();
    const data = generateDemoData();
    const text = `${JSON.stringify(data, null, 1)}\n`;
    const scheme = getScheme();
    const { dataset, checksum } = await figuresFrom(new TextEncoder().encode(text), DEMO_INPUT_FILE, scheme, language);
    // Every file of the pack carries the pack's generation time: fixed with --deterministic.
    const generatedAt = generationTime(period, values.deterministic === true);
    const template = await writeWorkbook(buildTemplate({ scheme, period, language, data, generatedAt }), generatedAt);
    const asOf = asOfOf(context);
    const result = await writePack({
      dataset,
      period,
      out,
      language,
      checksum,
      deterministic: values.deterministic === true,
      ...(asOf && { asOf }),
      extraFiles: [
        { name: DEMO_INPUT_FILE, data: text },
        { name: DEMO_TEMPLATE_FILE, data: template },
      ],
      progress: terminalProgress(messagesFor(language).rendering),
    });
    reportPack(context, result, out, started);
    context.stdout(messagesFor(language).demoInput(`${out}/${DEMO_TEMPLATE_FILE}, ${out}/${DEMO_INPUT_FILE}`));
  },
};
