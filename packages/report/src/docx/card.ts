import { AlignmentType } from "docx";
import { labelsFor } from "../labels.js";
import type { UnitScorecardView } from "../view/types.js";
import { dataTable, heading, notices, officialHeader, para, run } from "./blocks.js";
import { wordDocument } from "./blocks.js";
import { documentBytes } from "./bytes.js";

/** One unit's scorecard as an editable Word annex, from the same view model as its PDF. */
export async function renderUnitScorecardDocx(view: UnitScorecardView): Promise<Uint8Array> {
  const { context } = view;
  const labels = labelsFor(context.language);
  const title = `${labels.scorecardTitle} — ${view.unitName} — ${context.periodLabel}`;
  const centered = (text: string, style: Parameters<typeof run>[1] = {}) => para([run(text, style)], { align: AlignmentType.CENTER });
  const children = [
    officialHeader(context, {}),
    para([run(labels.scorecardTitle, { bold: true, size: 13 })], { align: AlignmentType.CENTER, before: 12 }),
    centered(labels.scorecardSubtitle, { italics: true, size: 12 }),
    centered(labels.annexOf(context.official.reportNumber.replace(/^Số: /u, "số "), context.official.date, context.official.issuerInText), { italics: true, size: 12 }),
    para([run(view.unitName, { bold: true, size: 15 })], { align: AlignmentType.CENTER, before: 6 }),
    centered(`${view.levelLabel} · ${labels.period}: ${context.periodLabel}`, { size: 12 }),
    ...(context.provisional ? [centered(labels.provisional, { bold: true, color: "B71C1C" })] : []),
    ...notices(view.notices),
    para("", { after: 4 }),
    dataTable(
      [
        { header: labels.total, width: 25, align: "center" },
        { header: labels.band, width: 25, align: "center" },
        { header: labels.rank, width: 25, align: "center" },
        { header: labels.change, width: 25, align: "center" },
      ],
      [[`${view.total} / ${view.max}`, view.band ?? "—", `${view.rank} ${view.rankDetail}`, `${view.changeNote ?? view.scoreChange}${view.rankChange === "—" ? "" : ` (${labels.colRank}: ${view.rankChange})`}`]],
      12,
    ),
    heading(labels.blocksChart, 12.5),
    dataTable(
      [
        { header: labels.colBlock, width: 65 },
        { header: `${labels.colPoints} / ${labels.colMax}`, width: 35, align: "right" },
      ],
      view.blocks.map((block) => [block.label, block.text]),
      11,
    ),
    heading(labels.itemsTable, 12.5),
    dataTable(
      [
        { header: labels.colNumber, width: 6, align: "center" },
        { header: labels.colItem, width: 36 },
        { header: labels.colNumerator, width: 9, align: "right" },
        { header: labels.colDenominator, width: 9, align: "right" },
        { header: labels.colRatio, width: 10, align: "right" },
        // Wide enough for "Ngưỡng" in bold at 10 pt on one line.
        { header: labels.colThreshold, width: 10, align: "right" },
        { header: `${labels.colPoints} / ${labels.colMax}`, width: 12, align: "right" },
        { header: labels.colLost, width: 8, align: "right" },
      ],
      view.items.map((item) => [item.id, [item.name, ...[item.note, item.badge].filter(Boolean).map((note) => `(${note})`)].join(" "), item.numerator, item.denominator, item.ratio, item.threshold, `${item.points} / ${item.max}`, item.lost]),
      10,
    ),
    heading(labels.nextSteps, 12.5),
    ...(view.actions.length === 0
      ? [para([run(labels.noNextSteps, { italics: true })])]
      : view.actions.flatMap((action, index) => [
          para([run(`${index + 1}. ${action.item}: `, { bold: true, size: 12 }), run(action.text, { size: 12 })], { align: AlignmentType.JUSTIFIED, before: 3 }),
          ...(action.details ?? []).map((line) => para([run(`– ${line}`, { size: 11 })])),
        ])),
    heading(labels.findings, 12.5),
    ...(view.findings.length === 0 ? [para([run(labels.noFindings, { italics: true, size: 12 })])] : view.findings.map((line) => para([run(`- ${line}`, { size: 12 })]))),
    heading(view.sipas ? `${labels.sipasTitle} — ${view.sipas.period}` : labels.sipasTitle, 12.5),
    para([run(view.sipas ? `${labels.colIndex}: ${view.sipas.overall} · ${labels.band}: ${view.sipas.band} · ${labels.rank}: ${view.sipas.rank} · ${labels.respondents}: ${view.sipas.respondents}` : view.rejected?.sipas ? labels.surveyRejected : labels.noSurvey, { size: 12 })]),
    heading(view.par ? `${labels.parTitle} — ${view.par.period}` : labels.parTitle, 12.5),
    para([run(view.par ? `${labels.colIndex}: ${view.par.index} · ${labels.band}: ${view.par.band} · ${labels.rank}: ${view.par.rank} · ${labels.achieved}: ${view.par.achieved}` : view.rejected?.par ? labels.parRejected : labels.noPar, { size: 12 })]),
  ];
  return documentBytes(wordDocument(context, title, children), title, context.generatedAt);
}
