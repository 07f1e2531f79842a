import { explainItem } from "../analysis/explain.js";
import { describeFinding } from "../analysis/findings.js";
import { formatPath } from "../../kernel/errors.js";
import type { Language } from "../../kernel/messages.js";
import type { Scorecard } from "./scorecard.js";

/**
 * A scorecard as plain JSON (the output of `chiso score`): exact points as decimal strings, `null` for
 * no data, ranks, bands, per-item explanations and findings with their messages.
 */
export function scorecardToJson(card: Scorecard, language: Language = "vi") {
  const { scheme } = card;
  return {
    format: "chiso.scores/1",
    scheme: { id: scheme.id, version: scheme.version },
    period: card.period.key,
    provisional: card.provisional,
    asOf: card.asOf,
    units: card.units.map((unit) => ({
      id: unit.unit.id,
      name: unit.unit.name,
      level: unit.unit.level,
      parent: unit.unit.parent ?? null,
      total: unit.total?.toString() ?? null,
      max: unit.max.toString(),
      band: unit.band ? { code: unit.band.code, label: unit.band.label[language] } : null,
      standing: unit.standing,
      completeness: { status: unit.completeness.status, missingItems: unit.completeness.missingItems, partialItems: unit.completeness.partialItems, missingChildren: unit.completeness.missingChildren, incompleteChildren: unit.completeness.incompleteChildren, reportedMax: unit.completeness.reportedMax.toString() },
      missingMonths: unit.missingMonths,
      groups: unit.groups.map((group) => ({ code: group.code, points: group.points?.toString() ?? null, max: group.max.toString(), origin: group.origin })),
      blocks: unit.blocks.map((block) => ({ code: block.code, points: block.points?.toString() ?? null, max: block.max.toString(), origin: block.origin })),
      items: unit.items.map((item) => {
        const explanation = explainItem(scheme, item);
        return {
          code: item.code,
          id: explanation.item.id,
          status: item.status,
          origin: item.origin,
          numerator: item.counts?.numerator ?? null,
          denominator: item.counts?.denominator ?? null,
          ratioPercent: explanation.ratioPercent,
          thresholdPercent: explanation.thresholdPercent,
          points: item.points?.toString() ?? null,
          max: item.max.toString(),
          pointsLost: explanation.pointsLost?.toString() ?? null,
          toFullMarks: explanation.toFullMarks && { increase: explanation.toFullMarks.increase, points: explanation.toFullMarks.points.toString() },
          toNextPoint: explanation.toNextPoint && { increase: explanation.toNextPoint.increase, points: explanation.toNextPoint.points.toString() },
        };
      }),
    })),
    reconciliation: card.reconciliation.map((entry) => ({
      unit: entry.unit,
      level: entry.level,
      code: entry.code,
      computed: entry.computed?.toString() ?? null,
      published: entry.publishedText,
      status: entry.status,
      cause: entry.cause ?? null,
    })),
    findings: card.findings.map((finding) => ({
      code: finding.code,
      unit: finding.unit,
      period: finding.period,
      item: finding.item ?? null,
      source: finding.source ? formatPath(finding.source) : null,
      message: describeFinding(finding, language),
    })),
  };
}
