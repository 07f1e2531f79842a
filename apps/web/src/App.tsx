import type { Language } from "@chiso/core";
import { useEffect, useMemo } from "preact/hooks";
import { useMessages, ViewerContext, type ViewerState } from "./context.js";
import { messagesFor } from "./i18n.js";
import { createModel } from "./model/model.js";
import type { ServedPayload } from "./model/payload.js";
import { periodLabel } from "./model/views.js";
import { href, useRoute, type Route } from "./route.js";
import { ComparePage } from "./views/Compare.js";
import { Overview } from "./views/Overview.js";
import { QualityPage } from "./views/Quality.js";
import { RankingPage } from "./views/Ranking.js";
import { UnitPage } from "./views/Unit.js";

function Page({ route }: { route: Route }) {
  const messages = useMessages();
  const [view, ...rest] = route.path;
  switch (view ?? "overview") {
    case "overview":
      return <Overview />;
    case "ranking":
      return <RankingPage level={rest[0] === "commune" ? "commune" : "department"} />;
    case "unit":
      return <UnitPage unitId={rest[0] ?? ""} />;
    case "compare":
      return <ComparePage ids={(route.query.get("units") ?? "").split(",").filter(Boolean)} />;
    case "quality":
      return <QualityPage />;
    default:
      return <p role="alert">{messages.notFound}</p>;
  }
}

export function App({ payload }: { payload: ServedPayload }) {
  const model = useMemo(() => {
    const created = createModel(payload);
    performance.mark("chiso:model");
    return created;
  }, [payload]);
  const route = useRoute();
  const language: Language = (route.query.get("lang") ?? payload.language) === "en" ? "en" : "vi";
  const allPeriods = [...model.periods.month, ...model.periods.quarter, ...model.periods.year];
  const asked = route.query.get("period");
  const period = asked && allPeriods.includes(asked) ? asked : payload.meta.period;
  const messages = messagesFor(language);
  const state: ViewerState = useMemo(
    () => ({ model, language, period, link: (path, extra = {}) => href(path, { period, lang: language === payload.language ? undefined : language, ...extra }) }),
    [model, language, period, payload.language],
  );
  const { link } = state;
  const [view = "overview"] = route.path;

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `chiso — ${messages.appTitle}`;
  }, [language, messages]);

  const switchTo = (changes: Record<string, string | undefined>) => {
    const query = Object.fromEntries(route.query.entries());
    location.hash = href(route.path.length ? route.path : ["overview"], { ...query, period, lang: language, ...changes });
  };

  const nav: [string, string[]][] = [
    [messages.nav.overview, ["overview"]],
    [messages.nav.ranking, ["ranking", "department"]],
    [messages.nav.compare, ["compare"]],
    [messages.nav.quality, ["quality"]],
  ];
  const checksum = payload.meta.checksum.slice(0, 16);
  return (
    <ViewerContext.Provider value={state}>
      <a class="skip" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById("main")?.focus(); }}>{messages.skipToContent}</a>
      <header class="top">
        <div class="brand">
          <strong>{model.dataset.units.find((unit) => unit.level === "province")?.name ?? "chiso"}</strong>
          <span>{messages.appTitle}</span>
        </div>
        <nav aria-label="chiso">
          {nav.map(([label, path]) => (
            <a href={link(path)} aria-current={view === path[0] ? "page" : undefined}>{label}</a>
          ))}
        </nav>
        <div class="controls">
          <label>
            <span>{messages.period}</span>
            <select id="period" value={period} onChange={(event) => switchTo({ period: (event.target as HTMLSelectElement).value })}>
              {(["month", "quarter", "year"] as const).map((kind) => (
                <optgroup label={messages.periodKinds[kind]}>
                  {model.periods[kind].map((key) => <option value={key}>{periodLabel(key, language)}</option>)}
                </optgroup>
              ))}
            </select>
          </label>
          <button type="button" id="language" lang={language === "vi" ? "en" : "vi"} onClick={() => switchTo({ lang: language === "vi" ? "en" : "vi" })}>
            {messages.switchLanguage}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="bottom">
        <span>{messages.footer(payload.meta.source, checksum, `${model.scheme.id} ${model.scheme.version}`)}</span>
        <span>{messages.localOnly}</span>
      </footer>
    </ViewerContext.Provider>
  );
}
