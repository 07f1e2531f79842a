import { readFile } from "node:fs/promises";
import { getScheme, parseDataset, scoreDataset, type Language } from "@chiso/core";
import { describePortalIssue, importPortalResponses, type PortalImportResult, type ResponseFile } from "@chiso/io/portal";
import { positionalsOf, requireString, type Command } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { FORCE_OPTION, refuseReplacing } from "../../output/replace-guard.js";
import { problemList } from "../../output/problem-list.js";
import { periodOf } from "../shared.js";
import { portalMessages } from "./messages.js";
import { badValue, isRealDateTime } from "../../option-values.js";

/** Options both sub-commands share: what was (or is to be) requested from the portal. */
export const REQUEST_OPTIONS = {
  period: { type: "string", short: "p", placeholder: "2026-08", description: { vi: "kỳ đã yêu cầu: 2026-08 (tháng), 2026-Q3 (quý) hoặc 2026 (năm)", en: "the period requested: 2026-08 (month), 2026-Q3 (quarter) or 2026 (year)" } },
  procedure: { type: "string", placeholder: "formalityId", description: { vi: "mã một thủ tục hành chính (formalityId) khi số liệu chỉ tính cho thủ tục đó", en: "one administrative procedure (formalityId) when the figures cover it only" } },
} as const satisfies Command["options"];

async function readResponseFile(path: string, language: Language): Promise<ResponseFile> {
  try {
    return { name: path, bytes: await readFile(path) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : (error as Error).message;
    throw new CliError(messagesFor(language).cannotRead(path, reason), EXIT.invalidInput, { cause: error });
  }
}

/** Every line of a refused import: the errors first, then the warnings (at most 200 shown). */
function refusal(result: PortalImportResult, language: Language): string {
  const errors = result.issues.filter((issue) => issue.severity === "error");
  const ordered = [...errors, ...result.issues.filter((issue) => issue.severity === "warning")].map((issue) => `  - ${describePortalIssue(issue, language)}`);
  const shown = ordered.slice(0, 200);
  if (ordered.length > shown.length) shown.push(`  … (+${ordered.length - shown.length})`);
  return [portalMessages(language).rejected(errors.length), ...shown].join("\n");
}

/** `chiso portal import`: the portal's saved responses → a chiso.figures/1 file, reconciled on the way. */
export const importCommand: Command = {
  name: "portal import",
  usage: "chiso portal import --period <2026-08|2026-Q3|2026> [--procedure <id>] --out <figures.json> [--force] <response.json>...",
  summary: {
    vi: "Nhập các phản hồi đã lưu của sáu API đánh giá của Cổng DVCQG (bất kỳ tập con nào, nhận ra theo nội dung) thành tệp số liệu chiso, giữ điểm Cổng đã công bố để đối chiếu.",
    en: "Import saved responses of the portal's six evaluation endpoints (any subset, recognised from their content) into a chiso figures file, keeping the portal's published scores for reconciliation.",
  },
  options: {
    ...REQUEST_OPTIONS,
    out: { type: "string", short: "o", placeholder: "figures.json", description: { vi: "tệp số liệu sẽ ghi (chiso.figures/1)", en: "figures file to write (chiso.figures/1)" } },
    "retrieved-at": { type: "string", placeholder: "YYYY-MM-DD", description: { vi: "ngày tải phản hồi, ghi vào nguồn số liệu", en: "when the responses were retrieved, kept in the provenance" } },
    ...FORCE_OPTION,
  },
  positionals: { placeholder: "<response.json>...", description: { vi: "các tệp phản hồi đã lưu", en: "the saved response files" } },
  async run(context) {
    const { language, values } = context;
    const messages = portalMessages(language);
    const period = periodOf(context);
    const out = requireString(values, "out", language);
    const paths = positionalsOf(values);
    if (paths.length === 0) throw new CliError(messages.noFiles, EXIT.usage);
    const retrievedAt = values["retrieved-at"];
    if (retrievedAt !== undefined && (typeof retrievedAt !== "string" || !isRealDateTime(retrievedAt, { utc: true }))) {
      throw badValue("--retrieved-at", retrievedAt, "dayOrTime", language);
    }
    const procedure = typeof values.procedure === "string" && values.procedure !== "" ? values.procedure : undefined;
    const files = await Promise.all(paths.map((path) => readResponseFile(path, language)));
    const result = importPortalResponses(files, { period: period.key, language, ...(procedure && { procedure }), ...(typeof retrievedAt === "string" && { retrievedAt }) });
    if (!result.document) throw new CliError(refusal(result, language), EXIT.invalidInput);
    for (const issue of result.issues) context.stderr(describePortalIssue(issue, language));
    const text = `${JSON.stringify(result.document, null, 2)}\n`;
    await refuseReplacing(out, text, values.force === true, language);
    await writeFileAtomically(out, text, language);
    context.stdout(messages.imported(result.document.units.length, result.responses.length, out));
    reportReconciliation(result, period.key, context);
    context.stdout(messages.next(out, period.key));
  },
};

/** Scores what was imported and says how it compares with the portal's own scores; every difference is listed. */
function reportReconciliation(result: PortalImportResult, period: string, context: Parameters<Command["run"]>[0]): void {
  const { language } = context;
  const messages = portalMessages(language);
  const card = scoreDataset(parseDataset(result.document, getScheme(result.scheme)), { period, findings: false });
  const count = (status: string) => card.reconciliation.filter((entry) => entry.status === status).length;
  context.stdout(messages.reconciled(count("match"), count("empty"), count("published"), count("differs")));
  for (const entry of card.reconciliation.filter((candidate) => candidate.status === "differs")) {
    const unit = card.unit(entry.unit)?.unit.name ?? entry.unit;
    context.stderr(messages.differs(unit, entry.code, entry.computed?.toString() ?? "—", entry.publishedText ?? "—", messages.causes[entry.cause ?? "counts_or_rule"] ?? ""));
  }
}
