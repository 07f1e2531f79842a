import type { Language } from "@chiso/core";
import { useEffect, useMemo, useState } from "preact/hooks";
import { LanguageContext, ViewerContext, type ViewerState } from "./context.js";
import { messagesFor } from "./i18n.js";
import { overviewData, shellData, type FirstScreen, type OverviewData } from "./model/first-screen.js";
import type { Loaded } from "./model/load.js";
import { fetchPayload } from "./model/payload.js";
import { periodLabel } from "./model/views.js";
import { href, useRoute } from "./route.js";
import { Overview } from "./views/Overview.js";

/**
 * The viewer. It draws the server's first screen (the opening period's overview) at once, then loads the
 * figures, parses and scores them with @chiso/core, and from then on draws every view from its own model.
 */
export function App({ first }: { first: FirstScreen }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    // Once the first screen is drawn: the figures and the chunk that parses and scores them, in parallel.
    const payload = fetchPayload();
    payload.catch(() => {});
    import("./model/load.js")
      .then(({ loadModel }) => loadModel(payload))
      .then(
        (result) => {
          performance.mark("chiso:model");
          document.body.dataset.model = "ready";
          setLoaded(result);
        },
        (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
      );
  }, []);
  const model = loaded?.model ?? null;
  const shell = useMemo(() => (model ? shellData(model) : first.shell), [model, first]);
  const route = useRoute();
  const language: Language = (route.query.get("lang") ?? first.language) === "en" ? "en" : "vi";
  const allPeriods = [...shell.periods.month, ...shell.periods.quarter, ...shell.periods.year];
  const asked = route.query.get("period");
  const period = asked && allPeriods.includes(asked) ? asked : first.meta.period;
  const messages = messagesFor(language);
  const link = (path: readonly string[], extra: Record<string, string | undefined> = {}) => href(path, { period, lang: language === first.language ? undefined : language, ...extra });
  const state: ViewerState | null = useMemo(() => (model ? { model, language, period, link } : null), [model, language, period]);
  const [view = "overview"] = route.path;
  const overview: OverviewData | null = useMemo(() => {
    if (view !== "overview") return null;
    if (model) return overviewData(model, period, language);
    return first.overview.period === period && first.overview.language === language ? first.overview : null;
  }, [view, model, period, language, first]);

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
  const checksum = first.meta.checksum.slice(0, 16);
  const content = failed !== null ? (
    <p role="alert">{messages.loadFailed(failed)}</p>
  ) : overview ? (
    <Overview data={overview} link={link} />
  ) : loaded && state && view !== "overview" ? (
    <ViewerContext.Provider value={state}>
      <loaded.Page route={route} />
    </ViewerContext.Provider>
  ) : (
    <p class="boot">{messages.loading}</p>
  );
  return (
    <LanguageContext.Provider value={language}>
      <a class="skip" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById("main")?.focus(); }}>{messages.skipToContent}</a>
      <header class="top">
        <div class="brand">
          <strong>{shell.province ?? "chiso"}</strong>
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
                  {shell.periods[kind].map((key) => <option value={key}>{periodLabel(key, language)}</option>)}
                </optgroup>
              ))}
            </select>
          </label>
          <button type="button" id="language" lang={language === "vi" ? "en" : "vi"} onClick={() => switchTo({ lang: language === "vi" ? "en" : "vi" })}>
            {messages.switchLanguage}
          </button>
        </div>
      </header>
      {first.meta.rejected && (
        // Rows rejected with --skip-invalid: said on every page, as the pack's summary and cards say it (decision 62).
        <p class="warning rejected-notice" role="status" id="rejected-notice">
          {messages.rejectedNotice(first.meta.rejected)} <a href={link(["rejected"])}>{messages.rejectedShow}</a> · <a href={`/api/download/rejected?lang=${language}`} download>{messages.rejectedDownload}</a>
        </p>
      )}
      {first.meta.sourceWarning && (
        <p class="warning rejected-notice" role="note" id="source-notice">
          {messages.sourceNotice(first.meta.sourceWarning.system)} {typeof first.meta.sourceWarning.text === "string" ? first.meta.sourceWarning.text : first.meta.sourceWarning.text[language]}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer class="bottom">
        <span>{messages.footer(first.meta.source, checksum, shell.scheme)}</span>
        <span>{messages.localOnly}</span>
      </footer>
    </LanguageContext.Provider>
  );
}
