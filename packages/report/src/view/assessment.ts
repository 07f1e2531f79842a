import { countOf } from "../english-count.js";
import type { Language, Points, Scheme, Scorecard, UnitScore } from "@chiso/core";
import { explainUnit, formatNumber } from "@chiso/core";
import { labelsFor } from "../labels.js";
import { comparableChanges, compareWithPrevious, type RefusedFigures } from "./comparison.js";
import { formatChange, formatPoints } from "./format.js";
import { itemName } from "./item-name.js";
import { isPartialBlock, unrankedReason } from "./unit-view.js";

/** What the written texts are made from: the period's and the previous period's scores. */
export interface AssessmentInput {
  readonly language: Language;
  readonly scheme: Scheme;
  readonly province: UnitScore;
  readonly previousProvince: UnitScore | undefined;
  /** The province's departments and communes, ranked or not. */
  readonly children: readonly UnitScore[];
  readonly previous: Scorecard | null;
  /** Units whose figures lost rejected input rows: not compared (see `compareWithPrevious`). */
  readonly refused?: RefusedFigures;
  /** "tháng 10/2026" as used inside a sentence. */
  readonly period: string;
  readonly previousPeriod: string;
  readonly provisional: boolean;
  /** The issuing body as named in running text ("Sở Nội vụ"). */
  readonly issuer: string;
  readonly reportNumber: string;
  readonly findingsCount: number;
}

/** A block or item moves when its points change by at least this much (0.10 points). */
const MOVE_HUNDREDTHS = 10;
/** Unranked units named in the assessment: a reason's group in full up to this many, else the first few and a count. */
const UNRANKED_NAMED = 8;
const UNRANKED_SHOWN = 5;

const phrases = {
  vi: {
    overall: (period: string, province: string, total: string, band: string | null, provisional: boolean) =>
      `${capitalize(period)}, Chỉ số phục vụ người dân, doanh nghiệp của ${province} đạt ${total}/100 điểm${band ? `, xếp loại ${band}` : ""}${provisional ? " (số liệu tạm tính, kỳ chưa kết thúc)" : ""}`,
    change: (change: string, before: string) =>
      change.startsWith("+") ? `tăng ${change.slice(1)} điểm so với ${before}` : change.startsWith("−") ? `giảm ${change.slice(1)} điểm so với ${before}` : `không thay đổi so với ${before}`,
    noPrevious: "chưa có số liệu kỳ trước để so sánh",
    currentIncomplete: "số liệu kỳ này chưa đầy đủ nên không so sánh với kỳ trước",
    currentRefused: "kỳ này có dòng số liệu bị từ chối nên không so sánh với kỳ trước",
    previousIncomplete: "số liệu kỳ trước chưa đầy đủ nên không so sánh",
    previousRefused: "kỳ trước có dòng số liệu bị từ chối nên không so sánh",
    blocksUp: (list: string) => `Tăng điểm ở ${list}`,
    blocksDown: (list: string) => `giảm điểm ở ${list}`,
    blocksDownFirst: (list: string) => `Giảm điểm ở ${list}`,
    blocksRest: "các khối còn lại thay đổi dưới 0,10 điểm",
    blocksStill: "Điểm của các khối chỉ số thay đổi dưới 0,10 điểm so với kỳ trước",
    incomplete: (count: number) => ` — chưa đủ số liệu${count > 0 ? ` (thiếu ${formatNumber(count, "vi")} chỉ tiêu)` : ""}`,
    weakestBlock: (name: string, text: string) => `Khối đạt tỷ lệ thấp nhất là ${name} (${text} điểm)`,
    block: (name: string) => `khối ${name}`,
    distribution: (ranked: number, high: number, middle: number, low: number) =>
      `Trong ${formatNumber(ranked, "vi")} đơn vị được xếp hạng, ${formatNumber(high, "vi")} đơn vị đạt từ 90 điểm trở lên, ${formatNumber(middle, "vi")} đơn vị đạt từ 80 đến dưới 90 điểm và ${formatNumber(low, "vi")} đơn vị đạt dưới 80 điểm`,
    lowSplit: (departments: number, communes: number) => ` (${[departments > 0 && `${formatNumber(departments, "vi")} sở, ban, ngành`, communes > 0 && `${formatNumber(communes, "vi")} đơn vị cấp xã`].filter(Boolean).join(" và ")})`,
    lowest: (name: string, total: string) => `Đơn vị có điểm thấp nhất là ${name} (${total} điểm)`,
    gains: (list: string) => `Các đơn vị tăng điểm nhiều nhất so với kỳ trước: ${list}`,
    losses: (list: string) => `giảm nhiều nhất: ${list}`,
    unranked: (count: number, list: string) => `${formatNumber(count, "vi")} đơn vị chưa được xếp hạng: ${list}`,
    unrankedGroup: (reason: string, count: number, names: string) => `${reason} (${formatNumber(count, "vi")} đơn vị: ${names})`,
    more: (count: number) => `và ${formatNumber(count, "vi")} đơn vị khác, xem danh sách đơn vị chưa xếp hạng`,
    tasksBelow80:
      "Thủ trưởng các đơn vị đạt dưới 80 điểm rà soát các chỉ tiêu bị mất điểm trong phiếu đánh giá của đơn vị, làm rõ nguyên nhân và có giải pháp khắc phục ngay trong kỳ tới.",
    tasksItems: (list: string) => `Các đơn vị tập trung cải thiện các chỉ tiêu mất nhiều điểm nhất của toàn tỉnh: ${list}.`,
    tasksNoFigures:
      "Các đơn vị chưa có số liệu trong kỳ cập nhật đầy đủ, kịp thời hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính để được đánh giá, xếp hạng.",
    tasksFindings: "Các đơn vị kiểm tra, đối chiếu các số liệu có ghi chú chất lượng trong phiếu đánh giá, phối hợp điều chỉnh kịp thời (nếu có sai sót).",
    tasksFollow: (issuer: string) => `${issuer} tiếp tục theo dõi, tổng hợp kết quả Chỉ số hằng tháng, báo cáo Ủy ban nhân dân tỉnh theo quy định.`,
    dispatchOpening: (issuer: string, period: string, report: string) =>
      `Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử, ${issuer} gửi kết quả Chỉ số ${period} của các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu (chi tiết tại Báo cáo ${report} và phiếu đánh giá của từng đơn vị gửi kèm).`,
    dispatchResult: (overall: string, low: number) => `${overall}; ${formatNumber(low, "vi")} đơn vị đạt dưới 80 điểm.`,
    dispatchAsk: "Đề nghị Thủ trưởng các cơ quan, đơn vị:",
    dispatchSteps: [
      "Nghiên cứu phiếu đánh giá của đơn vị, nhất là mục “Việc cần làm để tăng điểm”, chỉ đạo khắc phục các chỉ tiêu bị mất điểm;",
      "Rà soát các ghi chú chất lượng số liệu, phối hợp điều chỉnh số liệu (nếu có) trên Hệ thống thông tin giải quyết thủ tục hành chính;",
      "Đơn vị đạt dưới 80 điểm báo cáo nguyên nhân và giải pháp khắc phục trong kỳ báo cáo tiếp theo.",
    ],
    dispatchClosing: (issuer: string) => `Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ ${issuer} để được hướng dẫn./.`,
  },
  en: {
    overall: (period: string, province: string, total: string, band: string | null, provisional: boolean) =>
      `In ${period}, ${province} scored ${total} out of 100 on the public-service index${band ? ` (grade: ${band})` : ""}${provisional ? " (provisional figures: the period has not ended)" : ""}`,
    change: (change: string, before: string) =>
      change.startsWith("+") ? `up ${change.slice(1)} points from ${before}` : change.startsWith("−") ? `down ${change.slice(1)} points from ${before}` : `unchanged from ${before}`,
    noPrevious: "there are no figures for the previous period to compare with",
    currentIncomplete: "this period's figures are incomplete, so it is not compared with the previous period",
    currentRefused: "a row of this period's figures was rejected, so it is not compared with the previous period",
    previousIncomplete: "the previous period's figures are incomplete, so it is not compared",
    previousRefused: "a row of the previous period's figures was rejected, so it is not compared",
    blocksUp: (list: string) => `Points rose in ${list}`,
    blocksDown: (list: string) => `fell in ${list}`,
    blocksDownFirst: (list: string) => `Points fell in ${list}`,
    blocksRest: "the other blocks changed by less than 0.10 points",
    blocksStill: "No block changed by 0.10 points or more since the previous period",
    incomplete: (count: number) => ` — on incomplete figures${count > 0 ? ` (${countOf(count, "item")} missing)` : ""}`,
    weakestBlock: (name: string, text: string) => `The block furthest from its maximum is ${name} (${text} points)`,
    block: (name: string) => name,
    distribution: (ranked: number, high: number, middle: number, low: number) =>
      `Of the ${formatNumber(ranked, "en")} ranked units, ${formatNumber(high, "en")} scored 90 or more, ${formatNumber(middle, "en")} from 80 to below 90 and ${formatNumber(low, "en")} below 80`,
    lowSplit: (departments: number, communes: number) => ` (${[departments > 0 && countOf(departments, "department"), communes > 0 && countOf(communes, "commune-level unit")].filter(Boolean).join(" and ")})`,
    lowest: (name: string, total: string) => `The lowest score is ${name}'s (${total})`,
    gains: (list: string) => `The largest gains since the previous period: ${list}`,
    losses: (list: string) => `the largest falls: ${list}`,
    unranked: (count: number, list: string) => `${count === 1 ? "1 unit is" : `${formatNumber(count, "en")} units are`} not ranked: ${list}`,
    unrankedGroup: (reason: string, count: number, names: string) => `${reason} (${count === 1 ? "1 unit" : `${formatNumber(count, "en")} units`}: ${names})`,
    more: (count: number) => `and ${formatNumber(count, "en")} more, see the list of unranked units`,
    tasksBelow80: "Heads of the units below 80 review the items their scorecard shows as losing points, establish why, and correct them in the coming period.",
    tasksItems: (list: string) => `All units concentrate on the items that lose the province most points: ${list}.`,
    tasksNoFigures: "Units without figures for the period bring their dossiers up to date in the province's administrative-procedure system, so that they can be assessed and ranked.",
    tasksFindings: "Units check the figures their scorecard flags in its data-quality notes, and have any error corrected promptly.",
    tasksFollow: (issuer: string) => `The ${issuer} continues to follow and compile the index every month and reports to the Provincial People's Committee.`,
    dispatchOpening: (issuer: string, period: string, report: string) =>
      `Under Decision 766/QĐ-TTg of 23 June 2022 of the Prime Minister on the index for directing, managing and assessing the quality of service to citizens and businesses in administrative procedures and public services, the ${issuer} sends the index results for ${period} of the provincial departments and of the People's Committees of communes, wards and special zones (details in Report ${report} and each unit's scorecard, attached).`,
    dispatchResult: (overall: string, low: number) => `${overall}; ${countOf(low, "unit")} scored below 80.`,
    dispatchAsk: "The heads of the agencies and units are requested to:",
    dispatchSteps: [
      "study their unit's scorecard, especially “What to do next”, and direct the correction of the items losing points;",
      "review the data-quality notes and have any figure corrected in the administrative-procedure system;",
      "for units below 80: report the causes and the remedies in the next reporting period.",
    ],
    dispatchClosing: (issuer: string) => `Any questions may be addressed to the ${issuer}.`,
  },
} as const;

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** "A, B và C" / "A, B and C". */
function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${language === "vi" ? "và" : "and"} ${items.at(-1)}`;
}

/** Replaces {period} and {province} in the office's own wording. */
export function fillWording(paragraphs: readonly string[], values: { period: string; province: string }): string[] {
  return paragraphs.map((text) => text.replaceAll("{period}", values.period).replaceAll("{province}", values.province));
}

function overallSentence(input: AssessmentInput): string {
  const p = phrases[input.language];
  const { province } = input;
  const incomplete = province.completeness.status === "incomplete";
  const head = p.overall(input.period, province.unit.name, formatPoints(province.total, input.language), province.band?.label[input.language] ?? null, input.provisional) + (incomplete ? p.incomplete(province.completeness.missingItems.length) : "");
  const comparison = compareWithPrevious(province, input.previousProvince, input.refused);
  if (!comparison.comparable) {
    const why = { previous_incomplete: p.previousIncomplete, previous_refused: p.previousRefused, current_incomplete: p.currentIncomplete, current_refused: p.currentRefused, current_missing: p.noPrevious, previous_missing: p.noPrevious }[comparison.reason];
    return `${head}; ${why}.`;
  }
  return `${head}, ${p.change(formatChange(comparison.change, input.language), input.previousPeriod)}.`;
}

function blocksSentence(input: AssessmentInput): string {
  const p = phrases[input.language];
  const { scheme, province, language } = input;
  // Blocks move only between two complete periods: a drop that only reflects missing rows is not a move.
  const comparison = compareWithPrevious(province, input.previousProvince, input.refused);
  const previousProvince = comparison.comparable ? comparison.previous : undefined;
  const moves = province.blocks.flatMap((block, index) => {
    const before = previousProvince?.blocks[index]?.points;
    if (!block.points || !before) return [];
    const delta = block.points.minus(before);
    return Math.abs(delta.units) >= MOVE_HUNDREDTHS ? [{ name: scheme.blocks[index]!.name[language], delta }] : [];
  });
  const named = (entries: typeof moves) => list(entries.sort((a, b) => Math.abs(b.delta.units) - Math.abs(a.delta.units)).map((entry) => `${p.block(entry.name)} (${formatChange(entry.delta, language)})`), language);
  const up = moves.filter((entry) => entry.delta.units > 0);
  const down = moves.filter((entry) => entry.delta.units < 0);
  const parts: string[] = [];
  if (previousProvince && moves.length === 0) parts.push(p.blocksStill);
  else if (previousProvince) {
    const clauses = [...(up.length > 0 ? [p.blocksUp(named(up))] : []), ...(down.length > 0 ? [up.length > 0 ? p.blocksDown(named(down)) : p.blocksDownFirst(named(down))] : [])];
    if (moves.length < province.blocks.length) clauses.push(p.blocksRest);
    parts.push(clauses.join("; "));
  }
  const weakest = province.blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block, index }) => block.points !== null && block.max.units > 0 && !isPartialBlock(scheme, province, index))
    .sort((a, b) => a.block.points!.units / a.block.max.units - b.block.points!.units / b.block.max.units)[0];
  if (weakest) parts.push(p.weakestBlock(scheme.blocks[weakest.index]!.name[language], `${formatPoints(weakest.block.points, language)}/${formatPoints(weakest.block.max, language)}`));
  return parts.map((part) => `${part}.`).join(" ");
}

function unitsSentences(input: AssessmentInput): string[] {
  const p = phrases[input.language];
  const { language, children, previous } = input;
  const labels = labelsFor(language);
  const hundredths = 10 ** input.scheme.decimals;
  const ranked = children.filter((score) => score.standing.ranked && score.total !== null);
  const below = (value: number) => (score: UnitScore) => score.total!.units < value * hundredths;
  const low = ranked.filter(below(80));
  const middle = ranked.filter((score) => !below(80)(score) && below(90)(score));
  const sentences: string[] = [];
  if (ranked.length > 0) {
    const departments = low.filter((score) => score.unit.level === "department").length;
    let text = p.distribution(ranked.length, ranked.length - low.length - middle.length, middle.length, low.length);
    if (low.length > 0) text += p.lowSplit(departments, low.length - departments);
    const lowest = [...ranked].sort((a, b) => a.total!.units - b.total!.units)[0]!;
    sentences.push(`${text}. ${p.lowest(lowest.unit.name, formatPoints(lowest.total, language))}.`);
  }
  const deltas = comparableChanges(ranked, previous, input.refused)
    .sort((a, b) => b.delta.units - a.delta.units || a.score.unit.name.localeCompare(b.score.unit.name, "vi"));
  const entry = ({ score, delta }: { score: UnitScore; delta: Points }) => `${score.unit.name} (${formatChange(delta, language)})`;
  const gains = deltas.filter(({ delta }) => delta.units > 0).slice(0, 3);
  const losses = deltas.filter(({ delta }) => delta.units < 0).reverse().slice(0, 3);
  if (gains.length > 0 || losses.length > 0) {
    const clauses = [...(gains.length > 0 ? [p.gains(gains.map(entry).join(", "))] : []), ...(losses.length > 0 ? [p.losses(losses.map(entry).join(", "))] : [])];
    sentences.push(`${capitalize(clauses.join("; "))}.`);
  }
  const unranked = children.filter((score) => !score.standing.ranked);
  if (unranked.length > 0) {
    // Grouped by reason, each group named in full only when short: the summary lists every unranked unit.
    const groups = new Map<string, string[]>();
    for (const score of unranked) {
      const reason = unrankedReason(score, labels, input.refused);
      groups.set(reason, [...(groups.get(reason) ?? []), score.unit.name]);
    }
    const list = [...groups].map(([reason, names]) => {
      const named = names.length <= UNRANKED_NAMED ? names.join(", ") : `${names.slice(0, UNRANKED_SHOWN).join(", ")} ${p.more(names.length - UNRANKED_SHOWN)}`;
      return p.unrankedGroup(reason, names.length, named);
    });
    sentences.push(`${p.unranked(unranked.length, list.join("; "))}.`);
  }
  return sentences;
}

/** The assessment paragraphs: the province's score and change, the blocks that moved, units below 80, the largest gains. */
export function assessmentParagraphs(input: AssessmentInput): string[] {
  return [overallSentence(input), blocksSentence(input), ...unitsSentences(input)].filter((text) => text !== "");
}

/** The items that lose the province most points, as "2.1 Name (−2,05)". */
function weakestItems(input: AssessmentInput, count: number): string[] {
  return explainUnit(input.scheme, input.province)
    .filter((explanation) => explanation.pointsLost !== null && explanation.pointsLost.units > 0)
    .sort((a, b) => b.pointsLost!.units - a.pointsLost!.units)
    .slice(0, count)
    .map((explanation) => {
      return `${itemName(explanation.item, input.language)} (−${formatPoints(explanation.pointsLost, input.language)})`;
    });
}

/** The next steps the office asks of the units, from what the figures show. */
export function taskParagraphs(input: AssessmentInput): string[] {
  const p = phrases[input.language];
  const hundredths = 10 ** input.scheme.decimals;
  const tasks: string[] = [];
  if (input.children.some((score) => score.standing.ranked && score.total !== null && score.total.units < 80 * hundredths)) tasks.push(p.tasksBelow80);
  const items = weakestItems(input, 3);
  if (items.length > 0) tasks.push(p.tasksItems(items.join("; ")));
  if (input.children.some((score) => !score.standing.ranked && score.standing.reason === "no_figures")) tasks.push(p.tasksNoFigures);
  if (input.findingsCount > 0) tasks.push(p.tasksFindings);
  tasks.push(p.tasksFollow(input.issuer));
  return tasks.map((task, index) => `${index + 1}. ${task}`);
}

/** The cover dispatch's body: why it is sent, the headline figures, what the units are asked to do. */
export function dispatchParagraphs(input: AssessmentInput): string[] {
  const p = phrases[input.language];
  const hundredths = 10 ** input.scheme.decimals;
  const low = input.children.filter((score) => score.standing.ranked && score.total !== null && score.total.units < 80 * hundredths).length;
  const overall = overallSentence(input).replace(/\.$/, "");
  return [
    p.dispatchOpening(input.issuer, input.period, input.reportNumber),
    p.dispatchResult(overall, low),
    p.dispatchAsk,
    ...p.dispatchSteps.map((step) => `- ${step}`),
    p.dispatchClosing(input.issuer),
  ];
}
