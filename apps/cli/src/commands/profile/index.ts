import { profileTemplate } from "@chiso/report";
import type { Command } from "../../args.js";
import { messagesFor } from "../../i18n.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { FORCE_OPTION, refuseReplacing } from "../../output/replace-guard.js";

/** `chiso profile`: writes a province profile to fill in, every field explained. */
export const command: Command = {
  name: "profile",
  usage: "chiso profile [--out ho-so-tinh.json] [--province \"Tỉnh Hòa Sơn\"] [--force]",
  summary: {
    vi: "Tạo tệp hồ sơ tỉnh (JSON) để điền: cơ quan ban hành, ký hiệu văn bản, người ký, nơi nhận, lời văn đánh giá; dùng với --profile của report và demo.",
    en: "Write a province profile (JSON) to fill in: issuing body, document symbols, signer, recipients, the office's wording; used by --profile of report and demo.",
  },
  options: {
    out: { type: "string", short: "o", placeholder: "file.json", description: { vi: "tệp sẽ ghi (mặc định: ho-so-tinh.json)", en: "file to write (default: ho-so-tinh.json)" } },
    province: { type: "string", placeholder: "text", description: { vi: "tên tỉnh cho các giá trị mặc định (mặc định: Tỉnh Hòa Sơn)", en: "province name for the defaults (default: Tỉnh Hòa Sơn)" } },
    ...FORCE_OPTION,
  },
  async run(context) {
    const { language, values } = context;
    const out = typeof values.out === "string" ? values.out : "ho-so-tinh.json";
    const province = typeof values.province === "string" ? values.province : "Tỉnh Hòa Sơn";
    const text = `${JSON.stringify(profileTemplate(province, language), null, 2)}\n`;
    await refuseReplacing(out, text, values.force === true, language);
    await writeFileAtomically(out, text, language);
    context.stdout(messagesFor(language).profileWritten(out));
  },
};
