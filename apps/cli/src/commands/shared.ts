import { hasFiguresFor, parsePeriod, type CompanionOptions, type Dataset, type Language, type Period, type TieRule } from "@chiso/core";
import { DEFAULTED_FIELDS, demoProfile, describeProfileIssues, safeParseProfile, type ProvinceProfile } from "@chiso/report";
import { requireString } from "../args.js";
import { buildFindingsWorkbook, importIssueMessage, type ImportResult } from "@chiso/io";
import type { CommandContext, OptionSpec } from "../args.js";
import { loadCompanionSchemes, type ReadOptions } from "../input/read-figures.js";
import { jsonLocation, readJsonFile } from "../input/json-file.js";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";
import { createProgress } from "../progress.js";
import { problemList } from "../output/problem-list.js";
import type { PackRequest, PackResult } from "../pack/write-pack.js";
import { comparePeriods } from "@chiso/store/periods";
import { badValue } from "../option-values.js";

/** The figures file and the period: what every scoring command reads. */
export const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  input: { type: "string", short: "i", multiple: true, placeholder: "file", description: { vi: "tệp số liệu: .xlsx (theo mẫu chiso template), .csv hoặc .json; nhiều tệp thì ghép lại (số liệu trùng mà khác nhau bị từ chối)", en: "figures file: .xlsx (see chiso template), .csv or .json; several are merged (clashing figures are refused)" } },
  period: { type: "string", short: "p", placeholder: "2026-03", description: { vi: "kỳ: 2026-03, 2026-Q1 hoặc 2026", en: "period: 2026-03, 2026-Q1 or 2026" } },
  "skip-invalid": { type: "boolean", description: { vi: "chấm các dòng hợp lệ; các dòng lỗi bị từ chối kèm lý do (mặc định: tệp có lỗi thì không chấm)", en: "score the valid rows and reject the others with reasons (default: a file with errors is not scored)" } },
  "max-size": { type: "string", placeholder: "MB", description: { vi: "kích thước tệp tối đa, MB (mặc định 25)", en: "largest input file, MB (default 25)" } },
};

/** The read options from the command line (the SIPAS and PAR schemes come from {@link companionSchemesOf}). */
export function readOptionsOf(context: CommandContext): ReadOptions {
  const size = context.values["max-size"];
  const megabytes = typeof size === "string" ? Number(size) : undefined;
  if (megabytes !== undefined && !(megabytes > 0 && Number.isFinite(megabytes))) throw badValue("--max-size", size, "megabytes", context.language);
  const period = context.values.period;
  return {
    ...(context.values["skip-invalid"] === true && { skipInvalid: true }),
    ...(megabytes !== undefined && { maxBytes: Math.round(megabytes * 2 ** 20) }),
    ...(typeof period === "string" && { period }),
  };
}

/** Options shared by the commands that score. */
export const SCORING_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  scheme: { type: "string", placeholder: "id|file.json", description: { vi: "phương án chấm điểm: mã có sẵn (mặc định 766-portal) hoặc tệp JSON", en: "scoring scheme: a built-in id (default 766-portal) or a JSON file" } },
  "as-of": { type: "string", placeholder: "YYYY-MM-DD", description: { vi: "ngày chấm điểm; kỳ chưa kết thúc được đánh dấu tạm tính (mặc định: hôm nay)", en: "scoring date; an unfinished period is provisional (default: today)" } },
  tie: { type: "string", placeholder: "competition|dense", description: { vi: "cách xếp hạng đồng điểm: 1,2,2,4 (mặc định) hoặc 1,2,2,3", en: "tie rule: 1,2,2,4 (default) or 1,2,2,3" } },
  "rank-incomplete": { type: "boolean", description: { vi: "xếp hạng cả đơn vị chưa báo cáo đủ các chỉ tiêu (mặc định: không xếp hạng, ghi rõ chỉ tiêu thiếu)", en: "rank units that did not report every item too (default: they are not ranked; their missing items are named)" } },
  "sipas-scheme": { type: "string", placeholder: "id|file.json", description: { vi: "bộ câu hỏi SIPAS của tỉnh: mã có sẵn (sipas-2022, sipas-2017) hoặc tệp JSON", en: "the province's SIPAS questionnaire: a built-in id (sipas-2022, sipas-2017) or a JSON file" } },
  "par-scheme": { type: "string", multiple: true, placeholder: "so|xa=file.json", description: { vi: "bộ tiêu chí Chỉ số CCHC của tỉnh cho sở (so=…) hoặc xã (xa=…), thay cho bộ mẫu", en: "the province's PAR Index tree for departments (so=…) or communes (xa=…), instead of the examples" } },
};

/** The province's SIPAS and PAR schemes given on the command line, if any. */
export async function companionSchemesOf(context: CommandContext): Promise<CompanionOptions | undefined> {
  const sipas = context.values["sipas-scheme"];
  const par = context.values["par-scheme"];
  return loadCompanionSchemes(typeof sipas === "string" ? sipas : undefined, Array.isArray(par) ? par : typeof par === "string" ? [par] : [], context.language);
}

/** Options of the commands that write a pack. */
export const PACK_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  deterministic: { type: "boolean", description: { vi: "thời điểm tạo cố định: cùng dữ liệu cho ra tệp giống hệt từng byte", en: "fixed generation time: the same input gives byte-identical files" } },
  profile: { type: "string", placeholder: "ho-so-tinh.json", description: { vi: "hồ sơ tỉnh: cơ quan ban hành, ký hiệu, người ký, nơi nhận, lời văn (tạo mẫu: chiso profile)", en: "province profile: issuer, symbols, signer, recipients, wording (template: chiso profile)" } },
  "word-cards": { type: "boolean", description: { vi: "ghi thêm phiếu đánh giá từng đơn vị dạng Word", en: "also write each unit's scorecard as a Word file" } },
  "issuer-parent": { type: "string", placeholder: "text", description: { vi: "cơ quan chủ quản in ở đầu văn bản (mặc định: UBND <tỉnh>)", en: "parent body printed in the header (default: the province's people's committee)" } },
  "issuer-name": { type: "string", placeholder: "text", description: { vi: "cơ quan ban hành (mặc định: SỞ NỘI VỤ)", en: "issuing body (default: department of home affairs)" } },
};

export function tieOf(context: CommandContext): TieRule | undefined {
  const tie = context.values.tie;
  if (tie === undefined) return undefined;
  if (tie === "competition" || tie === "dense") return tie;
  throw badValue("--tie", tie, "tie", context.language);
}

/** `YYYY-MM-DD` naming a day that exists (not 2026-02-30). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function asOfOf(context: CommandContext): string | undefined {
  const asOf = context.values["as-of"];
  if (asOf === undefined) return undefined;
  if (typeof asOf === "string" && isCalendarDate(asOf)) return asOf;
  throw badValue("--as-of", asOf, "day", context.language);
}

/** `--issuer-parent/--issuer-name`: they override the profile's issuer, each on its own. */
export function issuerOf(context: CommandContext): { parent?: string; name?: string } | undefined {
  const parent = context.values["issuer-parent"];
  const name = context.values["issuer-name"];
  if (typeof parent !== "string" && typeof name !== "string") return undefined;
  return { ...(typeof parent === "string" && { parent }), ...(typeof name === "string" && { name }) };
}

/** Reads and validates `--profile`; every problem is reported with its field (exit 3). */
export async function profileOf(context: CommandContext): Promise<ProvinceProfile | undefined> {
  const file = context.values.profile;
  if (typeof file !== "string") return undefined;
  const messages = messagesFor(context.language);
  const json = await readJsonFile(file, "profile", context.language);
  const result = safeParseProfile(json.value);
  if (result.success) return result.profile;
  // Each problem at its line: "ho-so-tinh.json › dòng 4 › issuer.name: …".
  const described = describeProfileIssues(result.issues, context.language);
  const lines = result.issues.map((issue, index) => `${jsonLocation(file, json, issue.path, context.language)} › ${described[index]!}`);
  throw new CliError(problemList(messages.invalidProfile(file, result.issues.length), lines, context.language), EXIT.invalidInput);
}

/** Whose pack it is: the demo's fictional province signs with fictional names; a real report gets no invented name. */
export type PackOwner = "report" | "demo";

export const terminalProgress = (label: string) => (total: number) => createProgress(label, total);

/**
 * The pack options every pack-writing command reads: generation time, scoring date, tie rule, issuer,
 * profile, Word cards, and the terminal's progress bar. Checked before any figures are read.
 */
export async function packSettings(context: CommandContext, owner: PackOwner): Promise<Pick<PackRequest, "deterministic" | "asOf" | "tie" | "issuer" | "profile" | "wordCards" | "progress">> {
  // Without --profile: the demo's names for the demo, the defaults (no name) for a real report.
  const profile = (await profileOf(context)) ?? (owner === "demo" ? demoProfile(context.language) : undefined);
  const asOf = asOfOf(context);
  const tie = tieOf(context);
  const issuer = issuerOf(context);
  return {
    deterministic: context.values.deterministic === true,
    ...(asOf && { asOf }),
    ...(tie && { tie }),
    ...(issuer && { issuer }),
    ...(profile && { profile }),
    wordCards: context.values["word-cards"] === true,
    progress: terminalProgress(messagesFor(context.language).rendering),
  };
}

export function reportPack(context: CommandContext, result: PackResult, out: string, started: number, owner: PackOwner): void {
  const messages = messagesFor(context.language);
  const seconds = (performance.now() - started) / 1000;
  context.stdout(messages.packWritten(result.files.length, out, seconds));
  context.stdout(messages.packDetail(result.scorecards, result.summaries, result.wordFiles, result.wordCards));
  // What a report without a profile left blank (the signer's name) or assumed, and how to fill it in.
  if (context.values.profile === undefined && owner === "report") context.stderr(messages.profileDefaults(DEFAULTED_FIELDS.blank, DEFAULTED_FIELDS.assumed));
}

/** A place as the documents print it: "so-lieu.xlsx › Khảo sát SIPAS › dòng 66". */
export function whereOf(at: { file: string; sheet?: string; row?: number; line?: number; path?: string }, language: Language): string {
  const row = language === "vi" ? "dòng" : at.row !== undefined ? "row" : "line";
  // A JSON row keeps its path after its line: a file written on one line has every row on line 1.
  return [at.file, at.sheet && at.sheet !== at.file ? at.sheet : undefined, at.row !== undefined ? `${row} ${at.row}` : at.line !== undefined ? `${row} ${at.line}` : undefined, at.row === undefined ? at.path : undefined].filter(Boolean).join(" › ");
}

/**
 * The rejected rows (with --skip-invalid) as the documents may print them: unit, period, where and why —
 * figures rows, and the SIPAS surveys and PAR assessments (or rows of them) left out, so that a card says
 * its survey was rejected rather than absent.
 */
export function rejectedRowsOf(result: ImportResult, language: Language) {
  const figures = result.rows
    .filter((row) => row.status === "rejected" && row.reasons.some((reason) => reason.severity === "error"))
    .map((row) => ({ kind: "figures" as const, unit: row.unit, period: row.period, where: whereOf(row, language), reasons: row.reasons.map((reason) => importIssueMessage(reason, language)) }));
  const companions = result.companionRows.map((outcome) => ({
    kind: outcome.kind,
    unit: outcome.unit,
    period: outcome.period,
    where: whereOf(outcome, language),
    reasons: outcome.reasons.map((reason) => `${reason.row !== undefined && reason.row !== outcome.row ? `${language === "vi" ? "dòng" : "row"} ${reason.row}: ` : ""}${importIssueMessage(reason, language)}`),
  }));
  return [...figures, ...companions];
}

/** With --skip-invalid, the rejected rows and their reasons as a workbook for the pack; `null` when none. */
export async function rejectedRowsFile(result: ImportResult, period: string, language: Language, generatedAt: Date): Promise<{ name: string; data: Uint8Array } | null> {
  if (!result.rows.some((row) => row.status === "rejected") && result.companionRows.length === 0) return null;
  return { name: `bi-tu-choi-${period}.xlsx`, data: buildFindingsWorkbook(result, language).toBytes({ date: generatedAt }) };
}

/** The period option, checked before any file is read (exit 2 when it is not a period). */
export function periodOf(context: CommandContext): Period {
  const text = requireString(context.values, "period", context.language);
  const period = parsePeriod(text);
  if (!period) throw badValue("--period", text, "period", context.language);
  return period;
}

/** Refuses to score a period the file has no figures for (a mistyped year would give a pack of empty cards). */
export function requireFiguresFor(dataset: Dataset, period: Period, file: string, language: Language): void {
  if (hasFiguresFor(dataset, period)) return;
  const periods = [...dataset.figuresByPeriod.keys()].sort(comparePeriods);
  const shown = periods.length > 6 ? `${periods.slice(0, 3).join(", ")} … ${periods.slice(-2).join(", ")}` : periods.join(", ");
  throw new CliError(messagesFor(language).noFiguresForPeriod(file, period.key, shown || "—"), EXIT.invalidInput);
}
