import { createHash } from "node:crypto";
import { getScheme, parseDataset } from "@chiso/core";
import type { Command } from "../../args.js";
import { generateDemoData, DEMO_PERIOD } from "../../demo/generate.js";
import { messagesFor } from "../../i18n.js";
import { startRenderPool } from "../../pack/render-pool.js";
import { generationTime, writePack } from "../../pack/write-pack.js";
import { DOSSIER_DEMO_FOLDER } from "../../demo/folder.js";
import { PACK_OPTIONS, packSettings, reportPack } from "../shared.js";

/** The demo's input is written beside the pack, as JSON and as a filled template, so a new user sees the formats. */
export const DEMO_INPUT_FILE = "du-lieu-mau-hoa-son.json";
export const DEMO_TEMPLATE_FILE = "du-lieu-mau-hoa-son.xlsx";
/** With --from-dossiers: the figures computed from the demo's dossier records, with the dossiers behind lost points. */
export const DOSSIER_DEMO_INPUT_FILE = "du-lieu-tu-ho-so-hoa-son.json";
export const dossierDetailsFile = (period: string) => `ho-so-mat-diem-${period}.xlsx`;

/** `chiso demo`: the main job on built-in data. */
export const command: Command = {
  name: "demo",
  usage: "chiso demo [--out chiso-demo] [--period 2026-10] [--profile ho-so-tinh.json] [--from-dossiers]",
  summary: {
    vi: "Tạo bộ báo cáo mẫu cho tỉnh giả định Hòa Sơn (15 sở, 100 xã, 14 tháng số liệu): phiếu PDF, báo cáo tổng hợp (PDF, Word), công văn (Word), bảng tính; ghi kèm tệp số liệu đầu vào.",
    en: "Write the sample pack for the fictional province of Hòa Sơn (15 departments, 100 communes, 14 months): PDF scorecards, the summary (PDF, Word), the dispatch (Word), the workbook; with its input file.",
  },
  options: {
    out: { type: "string", short: "o", placeholder: "folder", description: { vi: "thư mục ghi kết quả (mặc định: chiso-demo)", en: "output folder (default: chiso-demo)" } },
    period: { type: "string", short: "p", placeholder: "2026-10", description: { vi: `kỳ báo cáo (mặc định: ${DEMO_PERIOD}); dữ liệu mẫu có từ 2025-10 đến 2026-11`, en: `period (default: ${DEMO_PERIOD}); the demo data covers 2025-10 to 2026-11` } },
    "as-of": { type: "string", placeholder: "YYYY-MM-DD", description: { vi: "ngày chấm điểm (mặc định: hôm nay)", en: "scoring date (default: today)" } },
    deterministic: PACK_OPTIONS.deterministic!,
    profile: PACK_OPTIONS.profile!,
    "word-cards": PACK_OPTIONS["word-cards"]!,
    "issuer-parent": PACK_OPTIONS["issuer-parent"]!,
    "issuer-name": PACK_OPTIONS["issuer-name"]!,
    "from-dossiers": {
      type: "boolean",
      description: {
        vi: "tính số liệu của kỳ từ hồ sơ mẫu (138.818 hồ sơ, tạo sẵn, cố định) bằng DuckDB; ghi kèm hồ sơ mẫu và bảng tính hồ sơ làm mất điểm",
        en: "compute the period's figures from generated dossier records (138,818, deterministic) with DuckDB; add the records and the workbook of dossiers behind lost points",
      },
    },
  },
  async run(context) {
    const { language, values } = context;
    const out = typeof values.out === "string" ? values.out : "chiso-demo";
    const period = typeof values.period === "string" ? values.period : DEMO_PERIOD;
    const started = performance.now();
    const settings = await packSettings(context, "demo");
    // The workers start before any serial work, and the filled template — the demo's longest document —
    // is rendered on one of them while this thread scores and builds the views.
    const pool = startRenderPool();
    try {
      const generated = generateDemoData();
      // DuckDB loads only for --from-dossiers: the month's figures and evidence then come from the records.
      const fromDossiers = values["from-dossiers"] === true ? await (await import("../../demo/dossiers.js")).dossierDemo(generated, period, language, context.stderr) : null;
      // With --from-dossiers the figures carry their evidence (the dossiers behind lost points) to the pack.
      const data = fromDossiers?.file ?? generated;
      const scheme = getScheme();
      const text = `${JSON.stringify(data, null, 1)}\n`;
      // The demo's own data needs no file import (the JSON beside the pack goes through it in the
      // tests): the core validates it directly, and the checksum is that of the JSON written.
      const dataset = parseDataset(data, scheme);
      const checksum = createHash("sha256").update(text).digest("hex");
      let extraFiles: { name: string; data: string | Uint8Array | Promise<Uint8Array> }[];
      if (fromDossiers) {
        extraFiles = [
          { name: DOSSIER_DEMO_INPUT_FILE, data: text },
          { name: dossierDetailsFile(period), data: fromDossiers.details },
          ...fromDossiers.records,
        ];
      } else {
        // Every file of the pack carries the pack's generation time: fixed with --deterministic.
        const generatedAt = generationTime(period, settings.deterministic);
        const template = pool.run({ kind: "template", schemeId: scheme.id, period, language, data, generatedAt: generatedAt.toISOString() });
        template.catch(() => undefined); // awaited by writePack; a failure is reported there
        extraFiles = [
          { name: DEMO_INPUT_FILE, data: text },
          { name: DEMO_TEMPLATE_FILE, data: template },
        ];
      }
      const result = await writePack({ dataset, period, out, language, checksum, ...settings, pool, extraFiles });
      reportPack(context, result, out, started, "demo");
      const inputs = fromDossiers ? `${out}/${DOSSIER_DEMO_FOLDER}/, ${out}/${DOSSIER_DEMO_INPUT_FILE}, ${out}/${dossierDetailsFile(period)}` : `${out}/${DEMO_TEMPLATE_FILE}, ${out}/${DEMO_INPUT_FILE}`;
      context.stdout(messagesFor(language).demoInput(inputs));
    } finally {
      await pool.close();
    }
  },
};
