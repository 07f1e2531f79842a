import { formatNumber } from "../../kernel/format.js";
import type { Language } from "../../kernel/messages.js";
import { formatPeriod, parsePeriod } from "../../kernel/period.js";

/** Data-quality findings: reported as warnings, never silently "fixed". */
export type FindingCode =
  | "small_denominator"
  | "channels_mismatch"
  | "settlement_mismatch"
  | "stated_mismatch"
  | "parent_mismatch"
  | "volume_jump"
  | "ratio_jump"
  | "incomplete_period"
  | "partial_items"
  | "incomplete_children"
  | "missing_items"
  | "period_mismatch"
  | "source_flag"
  | "published_mismatch";

export interface Finding {
  readonly code: FindingCode;
  readonly unit: string;
  readonly period: string;
  /** The item concerned, when there is one. */
  readonly item?: string;
  /** The input row concerned: `figures[12]`. */
  readonly source?: readonly (string | number)[];
  readonly params: Readonly<Record<string, string | number>>;
}

type Describe = (p: Finding["params"]) => string;
const s = (value: unknown): string => String(value);
/** A text as a sentence: ends with one full stop (a source's message often has its own). */
const sentence = (value: unknown): string => `${String(value).trim().replace(/[.。]+$/u, "")}.`;
/** A rate with 2 decimals (rates are kept as numbers and formatted only when a finding is shown). */
const fixed2 = (value: unknown): string => (typeof value === "number" ? value.toFixed(2) : String(value));
/** A number as Vietnamese prints it: decimal comma ("84,46"). */
const vn = (value: unknown): string => String(value).replace(".", ",");
/** A count (or a median of counts) with its thousands grouped: "12.345" in Vietnamese, "12,345" in English. */
const vi = (value: unknown): string => formatNumber(String(value), "vi");
const en = (value: unknown): string => formatNumber(String(value), "en");
/** Period keys as an official writes them: "2026-12" → "Tháng 12/2026". */
const periods = (value: unknown, language: Language): string =>
  String(value)
    .split(", ")
    .map((key) => {
      const period = parsePeriod(key);
      return period ? formatPeriod(period, language) : key;
    })
    .join(", ");

const CAUSES: Readonly<Record<string, Record<Language, string>>> = {
  rounding_rule: { vi: "quy tắc làm tròn khác (tính từ tỷ lệ đã làm tròn hay tính chính xác)", en: "a different rounding rule (from a rounded percentage, or exact)" },
  empty_rule: { vi: "quy tắc cho chỉ tiêu không có số liệu (mẫu số 0) khác", en: "a different rule for an item without counts (denominator 0)" },
  not_reported: { vi: "tệp số liệu không có số liệu của chỉ tiêu", en: "the figures file does not carry the item's counts" },
  counts_or_rule: { vi: "số liệu đã thay đổi so với số liệu nguồn đã chấm, hoặc quy tắc tính đã thay đổi", en: "the counts differ from those the source scored, or its rule changed" },
};

/** Flags chiso knows, named in words: a document never prints a flag's code as its explanation. */
const SOURCE_FLAG_NAMES: Readonly<Record<string, Record<Language, string>>> = {
  RECORDS_REJECTED: { vi: "có hồ sơ bị loại khi tính số liệu", en: "records were rejected when the figures were computed" },
  TEMP_NATIONAL_REPORT_DENOMINATOR: { vi: "mẫu số tạm tính theo báo cáo quốc gia", en: "provisional denominator from the national report" },
  // Set by the history store on a quarter or year whose months name a unit differently.
  unit_changed: { vi: "đơn vị đổi tên hoặc cấp trong kỳ", en: "a unit renamed or moved within the period" },
};

/**
 * A source's flag as a sentence in `language`: its message in that language when the flag has one per
 * language, its one message as the source wrote it otherwise; a known flag named in words, an unknown one
 * by its code only when the source gave no message (the code is then all there is to say).
 */
function sourceFlag(p: Finding["params"], language: Language): string {
  const code = String(p.flag);
  const name = Object.hasOwn(SOURCE_FLAG_NAMES, code) ? SOURCE_FLAG_NAMES[code]![language] : undefined;
  const own = language === "vi" ? p.messageVi : p.messageEn;
  const message = own !== undefined && String(own).trim() !== "" ? String(own) : p.message !== undefined && String(p.message).trim() !== "" ? String(p.message) : undefined;
  const named = name ? ` (${name})` : "";
  if (language === "vi") {
    if (message) return `nguồn dữ liệu ghi chú${named}: ${sentence(message)}`;
    return name ? `nguồn dữ liệu ghi chú: ${sentence(name)}` : `nguồn dữ liệu ghi chú mã “${code}”, không kèm lời giải thích.`;
  }
  // A one-language message (the portal writes Vietnamese) is quoted as the source wrote it.
  if (message) return own !== undefined ? `the source notes${named}: ${sentence(message)}` : `the source notes${named}, in its own words: “${message.trim()}”`;
  return name ? `the source notes: ${sentence(name)}` : `the source flags the code “${code}”, without an explanation.`;
}

const catalogue: Record<FindingCode, Record<Language, Describe>> = {
  small_denominator: {
    vi: (p) => `mẫu số chỉ là ${vi(p.denominator)} (dưới ${vi(p.minimum)}): tỷ lệ dễ biến động, cần thận trọng khi so sánh.`,
    en: (p) => `the denominator is only ${en(p.denominator)} (below ${en(p.minimum)}): the ratio is volatile; compare with care.`,
  },
  channels_mismatch: {
    vi: (p) => `trực tuyến (${vi(p.online)}) + trực tiếp (${vi(p.direct)}) + bưu chính (${vi(p.post)}) = ${vi(p.sum)}, khác tổng số hồ sơ tiếp nhận (${vi(p.received)}).`,
    en: (p) => `online (${en(p.online)}) + in person (${en(p.direct)}) + post (${en(p.post)}) = ${en(p.sum)}, not the dossiers received (${en(p.received)}).`,
  },
  settlement_mismatch: {
    vi: (p) => `trước hạn (${vi(p.early)}) + đúng hạn (${vi(p.onTime)}) + quá hạn (${vi(p.overdue)}) = ${vi(p.sum)}, khác tổng số hồ sơ đã giải quyết (${vi(p.settled)}).`,
    en: (p) => `early (${en(p.early)}) + on time (${en(p.onTime)}) + overdue (${en(p.overdue)}) = ${en(p.sum)}, not the dossiers settled (${en(p.settled)}).`,
  },
  stated_mismatch: {
    vi: (p) => `tỷ lệ ghi trong báo cáo là ${vn(p.stated)}% nhưng tính từ số liệu (${vi(p.numerator)}/${vi(p.denominator)}) là ${vn(p.computed)}%.`,
    en: (p) => `the stated rate is ${s(p.stated)}% but the counts (${en(p.numerator)}/${en(p.denominator)}) give ${s(p.computed)}%.`,
  },
  parent_mismatch: {
    vi: (p) => `số liệu tự báo cáo (${vi(p.ownNumerator)}/${vi(p.ownDenominator)}) khác tổng của các đơn vị trực thuộc (${vi(p.childNumerator)}/${vi(p.childDenominator)}); chiso dùng ${p.used === "own" ? "số liệu tự báo cáo" : "tổng của các đơn vị trực thuộc"}.`,
    en: (p) => `the unit's own figures (${en(p.ownNumerator)}/${en(p.ownDenominator)}) differ from its children's sum (${en(p.childNumerator)}/${en(p.childDenominator)}); chiso uses ${p.used === "own" ? "the unit's own figures" : "the children's sum"}.`,
  },
  volume_jump: {
    vi: (p) => `số hồ sơ (${vi(p.current)}) chênh lệch lớn so với trung vị ${vi(p.months)} tháng trước (${vi(p.median)}); hãy kiểm tra lại số liệu.`,
    en: (p) => `the dossier count (${en(p.current)}) is far from the median of the previous ${en(p.months)} months (${en(p.median)}); check the figures.`,
  },
  ratio_jump: {
    vi: (p) => `tỷ lệ ${vn(fixed2(p.current))}% chênh ${vn(fixed2(p.change))} điểm phần trăm so với trung vị ${vi(p.months)} tháng trước (${vn(fixed2(p.median))}%); hãy kiểm tra lại số liệu.`,
    en: (p) => `the rate of ${fixed2(p.current)}% is ${fixed2(p.change)} percentage points from the median of the previous ${en(p.months)} months (${fixed2(p.median)}%); check the figures.`,
  },
  missing_items: {
    vi: (p) =>
      p.inMonths === undefined
        ? `chưa báo cáo ${vi(p.count)} chỉ tiêu (${s(p.items)}): tổng điểm chỉ tính trên các chỉ tiêu có số liệu nên đơn vị không được xếp loại, xếp hạng; hãy bổ sung số liệu.`
        : `số liệu của cả kỳ không có ${vi(p.count)} chỉ tiêu (${s(p.items)}); các tháng trong kỳ có số liệu của ${p.inMonthsCount === p.count ? "các chỉ tiêu này" : `${vi(p.inMonthsCount)} chỉ tiêu (${s(p.inMonths)})`} nhưng kỳ được chấm theo số liệu của cả kỳ, không lấy số liệu các tháng: tổng điểm chỉ tính trên các chỉ tiêu có trong số liệu của cả kỳ nên đơn vị không được xếp loại, xếp hạng; hãy bổ sung các chỉ tiêu này vào số liệu của cả kỳ.`,
    en: (p) =>
      p.inMonths === undefined
        ? `${en(p.count)} ${p.count === 1 ? "item" : "items"} not reported (${s(p.items)}): the total covers only the items with figures, so the unit is not banded or ranked; add the missing figures.`
        : `the period's own figures lack ${en(p.count)} ${p.count === 1 ? "item" : "items"} (${s(p.items)}); the months of the period have figures for ${p.inMonthsCount === p.count ? (p.count === 1 ? "it" : "them") : `${en(p.inMonthsCount)} of them (${s(p.inMonths)})`}, but the period is scored from its own figures, not from the months: the total covers only the items in the period's own figures, so the unit is not banded or ranked; add these items to the period's own figures.`,
  },
  period_mismatch: {
    vi: (p) => `số liệu của cả kỳ (${vi(p.ownNumerator)}/${vi(p.ownDenominator)}) khác tổng ${vi(p.months)} tháng trong kỳ (${vi(p.monthNumerator)}/${vi(p.monthDenominator)}); chiso dùng số liệu của cả kỳ.`,
    en: (p) => `the period's own figures (${en(p.ownNumerator)}/${en(p.ownDenominator)}) differ from the sum of its ${en(p.months)} ${p.months === 1 ? "month" : "months"} (${en(p.monthNumerator)}/${en(p.monthDenominator)}); chiso uses the period's own figures.`,
  },
  source_flag: {
    vi: (p) => sourceFlag(p, "vi"),
    en: (p) => sourceFlag(p, "en"),
  },
  published_mismatch: {
    vi: (p) => `điểm chiso tính (${vn(p.computed)}) khác điểm đã công bố (${vn(p.published)})${p.level === "item" ? "" : ` ở ${p.level === "total" ? "tổng điểm" : `khối ${s(p.section)}`}`}; nguyên nhân có thể: ${CAUSES[String(p.cause)]?.vi ?? s(p.cause)}.`,
    en: (p) => `chiso's score (${s(p.computed)}) differs from the published one (${s(p.published)})${p.level === "item" ? "" : ` for ${p.level === "total" ? "the total" : `block ${s(p.section)}`}`}; likely cause: ${CAUSES[String(p.cause)]?.en ?? s(p.cause)}.`,
  },
  incomplete_period: {
    vi: (p) => `thiếu số liệu ${periods(p.months, "vi")}; kết quả kỳ chỉ tính trên các tháng có số liệu, nên chưa đầy đủ. Hãy bổ sung số liệu các tháng còn thiếu.`,
    en: (p) => `no figures for ${periods(p.months, "en")}; the period is computed from the months that have figures, so it is incomplete. Add the missing months' figures.`,
  },
  incomplete_children: {
    vi: (p) => `tổng của các đơn vị trực thuộc chưa đầy đủ: ${[p.missing && `chưa có số liệu trong kỳ: ${s(p.missing)}`, p.incomplete && `số liệu chưa đầy đủ: ${s(p.incomplete)}`].filter(Boolean).join("; ")}; kết quả của đơn vị chưa đầy đủ, không xếp loại và không so sánh với kỳ trước. Hãy bổ sung số liệu của các đơn vị này.`,
    en: (p) => `its children's sum is incomplete: ${[p.missing && `no figures for the period: ${s(p.missing)}`, p.incomplete && `incomplete figures: ${s(p.incomplete)}`].filter(Boolean).join("; ")}; the unit's result is incomplete, not graded and not compared with the previous period. Add these units' figures.`,
  },
  partial_items: {
    vi: (p) => `chỉ tiêu ${s(p.items)} chỉ có số liệu ở một số tháng của kỳ; kết quả kỳ của các chỉ tiêu này chưa đầy đủ. Hãy bổ sung số liệu các tháng còn thiếu.`,
    en: (p) => `${Number(p.count) === 1 ? "item" : "items"} ${s(p.items)} ${Number(p.count) === 1 ? "has" : "have"} figures for only some months of the period, so the period's result for ${Number(p.count) === 1 ? "it" : "them"} is incomplete. Add the missing months' figures.`,
  },
};

/** A finding as a sentence in the requested language. */
export function describeFinding(finding: Finding, language: Language = "vi"): string {
  return catalogue[finding.code][language](finding.params);
}
