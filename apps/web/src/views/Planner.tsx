import { figureFor, parsePeriod, planImprovements, type Counts, type UnitScore } from "@chiso/core";
import { useMemo, useState } from "preact/hooks";
import { BandBadge } from "../components/ui.js";
import { useMessages, useViewer } from "../context.js";
import { formatCount, formatPoints } from "../format.js";
import { changesToReach, nextBand, nextRank, scenarioJson, scoreScenario, type Edits, type Reach, type Step } from "../model/planner.js";
import { rankText } from "../model/views.js";

type Draft = Readonly<Record<string, { readonly numerator: string; readonly denominator: string }>>;

/** Reads the drafted inputs: whole numbers, or a message naming the field. */
function editsOf(draft: Draft, original: readonly (Counts | null)[], codes: readonly string[]): { edits: Edits; invalid: string[] } {
  const edits = new Map<string, Counts>();
  const invalid: string[] = [];
  codes.forEach((code, index) => {
    const entry = draft[code];
    if (!entry) return;
    // Thousands may be grouped the Vietnamese way ("2.197") or with spaces.
    const read = (text: string) => {
      const digits = text.trim().replace(/(?<=\d)[.\s](?=\d{3}(\D|$))/g, "");
      return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
    };
    const numerator = read(entry.numerator);
    const denominator = read(entry.denominator);
    if (numerator === null || denominator === null) {
      invalid.push(code);
      return;
    }
    const was = original[index];
    if (!was || was.numerator !== numerator || was.denominator !== denominator) edits.set(code, { numerator, denominator });
  });
  return { edits, invalid };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Edit a unit's counts for the month and see everything recomputed by @chiso/core. */
export function Planner({ score }: { score: UnitScore }) {
  const { model, language, period } = useViewer();
  const messages = useMessages();
  const { scheme } = model;
  const [draft, setDraft] = useState<Draft>({});
  const isMonth = parsePeriod(period)?.kind === "month";
  const editable = isMonth && figureFor(model.dataset, score.unit.id, period) !== undefined && !(model.dataset.childrenOf.get(score.unit.id)?.length);
  const codes = scheme.items.map((item) => item.code);
  const original = score.items.map((item) => item.counts);
  const { edits, invalid } = editsOf(draft, original, codes);
  const editKey = JSON.stringify([...edits]);
  const result = useMemo(
    () => (editable ? scoreScenario(model.payload.document, scheme, score.unit.id, period, edits, { asOf: model.payload.meta.asOf, ...(model.payload.meta.tie && { tie: model.payload.meta.tie }) }, language) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editable, editKey, period, score.unit.id, language],
  );

  if (!editable) {
    return (
      <section class="panel planner" aria-labelledby="planner-title" id="planner">
        <h2 id="planner-title">{messages.plannerTitle}</h2>
        <p class="muted">{isMonth ? messages.plannerNoOwnFigures : messages.plannerMonthOnly}</p>
      </section>
    );
  }
  const after = result?.ok ? result.unit : null;
  const card = result?.ok ? result.card : null;
  const valueOf = (code: string, index: number, field: "numerator" | "denominator") => draft[code]?.[field] ?? (original[index] ? String(original[index]![field]) : "");
  const setField = (code: string, index: number, field: "numerator" | "denominator", value: string) =>
    setDraft((current) => ({
      ...current,
      [code]: { numerator: valueOf(code, index, "numerator"), denominator: valueOf(code, index, "denominator"), ...current[code], [field]: value },
    }));
  const apply = (step: Step) => setDraft((current) => ({ ...current, [step.item.code]: { numerator: String(step.to), denominator: String(step.denominator) } }));
  const applyAll = (steps: readonly Step[]) => setDraft((current) => ({ ...current, ...Object.fromEntries(steps.map((step) => [step.item.code, { numerator: String(step.to), denominator: String(step.denominator) }])) }));

  const band = after ? nextBand(scheme, after) : null;
  const rank = after && card ? nextRank(card, after) : null;
  const stepText = (step: Step) => messages.optionText(`${step.item.id} ${step.item.name[language]}`, formatCount(step.to - step.from, language), formatCount(step.to, language), formatCount(step.denominator, language));
  const reachView = (reach: Reach, id: string) => {
    if (reach.single.length > 0) {
      return (
        <ul class="options" id={id}>
          {reach.single.slice(0, 3).map((step) => (
            <li data-item={step.item.code} data-increase={step.to - step.from}>
              {stepText(step)} <button type="button" class="small" aria-label={messages.applyOption(step.item.id)} onClick={() => apply(step)}>{messages.apply}</button>
            </li>
          ))}
        </ul>
      );
    }
    if (reach.combined) {
      return (
        <div id={id}>
          <p class="small">{messages.combinedTitle}</p>
          <ul class="options">{reach.combined.map((step) => <li data-item={step.item.code}>{stepText(step)}</li>)}</ul>
          <button type="button" class="small" onClick={() => applyAll(reach.combined!)}>{messages.apply}</button>
        </div>
      );
    }
    return <p class="muted small" id={id}>{messages.unreachable}</p>;
  };

  return (
    <section class="panel planner" aria-labelledby="planner-title" id="planner">
      <h2 id="planner-title">{messages.plannerTitle}</h2>
      <p class="muted small">{messages.plannerIntro}</p>
      <div class="planner-grid">
        <div class="planner-inputs table-scroll">
          <table class="data" id="planner-table">
            <thead><tr><th scope="col">{messages.colItem}</th><th scope="col" class="num">{messages.colNumerator}</th><th scope="col" class="num">{messages.colDenominator}</th><th scope="col" class="num">{messages.plannerBefore}</th><th scope="col" class="num">{messages.plannerAfter}</th></tr></thead>
            <tbody>
              {scheme.items.map((item, index) => {
                if (item.maxUnits === 0) return null;
                const changed = edits.has(item.code);
                const bad = invalid.includes(item.code);
                // Counts the unit inherits from its parent are not its own to change.
                const inherited = score.items[index]!.origin === "parent";
                return (
                  <tr data-item={item.code} class={changed ? "changed" : ""}>
                    <th scope="row"><span class="item-id">{item.id}</span> {item.name[language]}</th>
                    <td class="num"><input inputMode="numeric" class={bad ? "invalid" : ""} aria-invalid={bad} disabled={inherited} title={inherited ? messages.inherited : undefined} aria-label={messages.numeratorOf(item.id)} data-field="numerator" value={valueOf(item.code, index, "numerator")} onInput={(event) => setField(item.code, index, "numerator", (event.target as HTMLInputElement).value)} /></td>
                    <td class="num"><input inputMode="numeric" class={bad ? "invalid" : ""} aria-invalid={bad} disabled={inherited} title={inherited ? messages.inherited : undefined} aria-label={messages.denominatorOf(item.id)} data-field="denominator" value={valueOf(item.code, index, "denominator")} onInput={(event) => setField(item.code, index, "denominator", (event.target as HTMLInputElement).value)} /></td>
                    <td class="num">{formatPoints(score.items[index]!.points, language)}</td>
                    <td class="num" data-col="after">{after ? formatPoints(after.items[index]!.points, language) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div class="planner-result" aria-live="polite">
          <dl class="compare-tiles" id="planner-summary">
            <div><dt>{messages.plannerBefore}</dt><dd><span class="big">{formatPoints(score.total, language)}</span> <BandBadge score={score} /> <span class="muted">{rankText(score, messages)}</span></dd></div>
            <div><dt>{messages.plannerAfter}</dt><dd>{after ? <><span class="big" data-testid="planner-total">{formatPoints(after.total, language)}</span> <BandBadge score={after} /> <span class="muted" data-testid="planner-rank">{rankText(after, messages)}</span></> : "—"}</dd></div>
          </dl>
          {result && !result.ok && (
            <div class="error" role="alert"><p>{messages.plannerInvalid}</p><ul>{result.problems.map((problem) => <li>{problem}</li>)}</ul></div>
          )}
          {invalid.length > 0 && <p class="error" role="alert">{messages.plannerInvalid} {invalid.map((code) => scheme.itemByCode.get(code)!.id).join(", ")}</p>}
          {after && (
            <>
              <h3>{messages.smallestChanges}</h3>
              <section data-testid="next-band">
                {band ? <><h4>{messages.nextBandTitle(band.label[language], formatPoints(scheme.points(band.minUnits), language))}</h4>{reachView(changesToReach(scheme, after, band.minUnits), "to-next-band")}</> : <p class="muted small">{messages.topBand}</p>}
              </section>
              <section data-testid="next-rank">
                {!after.standing.ranked ? <p class="muted small">{messages.notRankedPlan}</p> : rank ? <><h4>{messages.nextRankTitle(rank.position, formatPoints(scheme.points(rank.units), language))}</h4>{reachView(changesToReach(scheme, after, rank.units), "to-next-rank")}</> : <p class="muted small">{messages.topRank}</p>}
              </section>
              <h3>{messages.actionsTitle}</h3>
              {(() => {
                // Core's plan also lists items the unit inherits from its parent: not the unit's to raise.
                const plan = planImprovements(scheme, after).filter((entry) => entry.score.origin === "own").slice(0, 4);
                return plan.length === 0 ? <p class="muted small">{messages.noActions}</p> : (
                  <ol class="list small">{plan.map((entry) => <li>{messages.actionText(entry.item.numerator[language], formatCount(entry.toFullMarks!.increase, language), formatCount(entry.toFullMarks!.numerator, language), formatCount(entry.score.counts!.denominator, language), formatPoints(entry.toFullMarks!.points, language))}</li>)}</ol>
                );
              })()}
            </>
          )}
          <p class="muted small" data-testid="planner-changes">{edits.size === 0 ? messages.plannerNoChanges : messages.plannerChanged(edits.size)}</p>
          <p class="actions">
            <button type="button" id="planner-reset" disabled={Object.keys(draft).length === 0} onClick={() => setDraft({})}>{messages.plannerReset}</button>
            <button type="button" id="planner-export" disabled={!after || edits.size === 0} onClick={() => after && download(`kich-ban-${score.unit.id}-${period}.json`, scenarioJson({ scheme, unit: score, before: score, after, period, source: model.payload.meta.source, checksum: model.payload.meta.checksum }))}>{messages.plannerExport}</button>
          </p>
        </div>
      </div>
    </section>
  );
}
