import { createHash } from "node:crypto";
import initSqlJs, { type Database, type SqlValue } from "sql.js";
import { monthsOf, parsePeriod, type FigureInput, type FiguresFile, type UnitInput } from "@chiso/core";
import { StoreError } from "./errors.js";
import { comparePeriods } from "./periods.js";

/** The store's format; a store written by a newer chiso is refused rather than misread. */
export const STORE_FORMAT = "chiso.store/1";

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per version of a period's figures; the current version has replaced_by NULL.
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  scheme TEXT NOT NULL,
  checksum TEXT NOT NULL,
  inputs TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  -- The document's own fields besides its lists (where the figures come from, how parents are counted), as JSON.
  envelope TEXT,
  replaced_by INTEGER REFERENCES versions(id),
  signed_off_at TEXT,
  signed_off_by TEXT,
  UNIQUE (period, version)
);
CREATE TABLE units (version_id INTEGER NOT NULL REFERENCES versions(id), id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, parent TEXT, PRIMARY KEY (version_id, id));
CREATE TABLE figures (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, unit TEXT NOT NULL, period TEXT NOT NULL, source TEXT, extra TEXT, PRIMARY KEY (version_id, position));
-- NULL counts: the source gave the item without counts (its empty-denominator rule applies).
CREATE TABLE counts (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, item TEXT NOT NULL, numerator INTEGER, denominator INTEGER, PRIMARY KEY (version_id, position, item));
-- SIPAS surveys, PAR assessments and the dossiers behind lost points, as their JSON.
CREATE TABLE companions (version_id INTEGER NOT NULL REFERENCES versions(id), kind TEXT NOT NULL CHECK (kind IN ('survey', 'par', 'evidence')), position INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (version_id, kind, position));
-- For people who open the file in a SQLite tool: the current figures, one row per unit, period and item.
CREATE VIEW current_counts AS
  SELECT v.period, f.unit, c.item, c.numerator, c.denominator, v.version, v.signed_off_at
  FROM counts c JOIN figures f ON f.version_id = c.version_id AND f.position = c.position JOIN versions v ON v.id = c.version_id
  WHERE v.replaced_by IS NULL;
`;

/** What `add` records about where a month's figures came from. */
export interface AddMeta {
  /** The scheme they were validated with. */
  readonly scheme: string;
  /** SHA-256 of the input (one file's bytes, or the combination of several). */
  readonly checksum: string;
  readonly inputs: readonly { readonly name: string; readonly checksum: string }[];
  readonly addedAt: Date;
  /** Where each of `document.figures` came from ("so-lieu.xlsx › Số liệu › dòng 12"). */
  readonly sources?: readonly string[];
}

export interface AddOptions {
  /** Only these periods of the document (default: every period it has). */
  readonly periods?: readonly string[];
  /** Replace periods already stored (their previous version is kept). */
  readonly replace?: boolean;
  /** Also replace periods that were signed off. */
  readonly replaceSignedOff?: boolean;
}

export interface AddResult {
  readonly period: string;
  readonly action: "added" | "replaced" | "unchanged";
  readonly version: number;
  readonly figures: number;
  /** The version replaced was signed off (only with `replaceSignedOff`). */
  readonly replacedSignedOff?: boolean;
}

/** One version of a period, as `list` shows it. */
export interface VersionInfo {
  readonly period: string;
  readonly version: number;
  readonly current: boolean;
  readonly addedAt: string;
  readonly scheme: string;
  readonly checksum: string;
  readonly inputs: readonly { readonly name: string; readonly checksum: string }[];
  readonly units: number;
  readonly figures: number;
  readonly signedOff: { readonly at: string; readonly by?: string } | null;
}

export interface SignOff {
  readonly period: string;
  readonly version: number;
  readonly at: string;
  readonly by?: string;
  /** SHA-256 of the period's input: what the documents print. */
  readonly checksum: string;
}

export interface MonthSignOff {
  readonly period: string;
  readonly at: string | null;
  readonly by?: string;
  /** The month has no figures (neither stored nor in the input). */
  readonly absent?: true;
}

export interface HistoryOptions {
  /** The period to report: history is every stored period up to its end. */
  readonly period: string;
  /** Figures for the report (e.g. the new month) that take the place of the stored ones of their periods. */
  readonly input?: { readonly document: FiguresFile; readonly sources: readonly string[]; readonly checksum: string };
}

export interface History {
  /** Units (of the reported period) and the figures of every stored period up to it. */
  readonly document: FiguresFile;
  /** Where each figure comes from: the store's period and version, then its original file and row. */
  readonly sources: readonly string[];
  /** SHA-256 of the reported period's input (for a quarter or year, of its months' inputs). */
  readonly checksum: string;
  /** Set when the reported period is signed off (a quarter or year: when all its months are). */
  readonly signOff: SignOff | null;
  /**
   * For a quarter or year: each of its months, in order, and whether it is signed off (`at` null: not; `absent`: no
   * figures), so a partly signed-off period can say which months are. Empty for a month.
   */
  readonly monthSignOffs: readonly MonthSignOff[];
  /** Stored periods whose figures were used. */
  readonly periods: readonly string[];
  /** Stored rows left out because their unit is not among the reported period's units. */
  readonly droppedRows: number;
  /** The scheme the reported period's figures were validated with when stored (`null`: they come from the input). */
  readonly scheme: string | null;
}

type Row = Record<string, SqlValue>;

interface Naming {
  readonly period: string;
  readonly name: string;
  readonly level: UnitInput["level"];
  readonly parent: string | null;
}

const LEVEL_NAMES: Readonly<Record<UnitInput["level"], { readonly vi: string; readonly en: string }>> = {
  province: { vi: "tỉnh", en: "province" },
  department: { vi: "sở", en: "department" },
  commune: { vi: "xã", en: "commune" },
};

/**
 * A unit whose name, level or parent differs between the months of a quarter or year is still one unit (one id:
 * its months' counts are summed), reported under its naming at the period's end (decision 95) — but never
 * silently: its last row in the period carries a `unit_changed` flag naming each naming and its months, which
 * the findings, cards, summary and workbook show.
 */
function flagRenamedUnits(namings: ReadonlyMap<string, readonly Naming[]>, units: ReadonlyMap<string, UnitInput>, figures: FigureInput[], inside: ReadonlySet<string>): void {
  for (const [id, list] of namings) {
    const final = units.get(id);
    if (!final) continue;
    const key = (naming: Naming) => `${naming.name}\u0000${naming.level}\u0000${naming.parent ?? ""}`;
    if (new Set(list.map(key)).size < 2) continue;
    // Consecutive periods with the same naming form one run: "“Xã Hai” (xã): 07/2026, 08/2026".
    const runs: { naming: Naming; periods: string[] }[] = [];
    for (const naming of list) {
      const last = runs.at(-1);
      if (last && key(last.naming) === key(naming)) last.periods.push(naming.period);
      else runs.push({ naming, periods: [naming.period] });
    }
    const label = (period: string) => (/^\d{4}-\d{2}$/.test(period) ? `${period.slice(5)}/${period.slice(0, 4)}` : period);
    const describe = (language: "vi" | "en", naming: Naming) => `“${naming.name}” (${LEVEL_NAMES[naming.level][language]}${naming.parent ? `, ${language === "vi" ? "trực thuộc" : "under"} ${units.get(naming.parent)?.name ?? naming.parent}` : ""})`;
    const history = (language: "vi" | "en") => runs.map((run) => `${describe(language, run.naming)} ${language === "vi" ? "trong" : "in"} ${run.periods.map(label).join(", ")}`).join("; ");
    const now = { period: "", name: final.name, level: final.level, parent: final.parent ?? null };
    const message = {
      vi: `đơn vị ${id} đổi tên, cấp hoặc đơn vị cấp trên trong kỳ: ${history("vi")}. Số liệu các tháng được cộng lại và đơn vị được chấm, xếp hạng theo tên và cấp cuối kỳ: ${describe("vi", now)}. Nếu đây là hai đơn vị khác nhau, hãy dùng hai mã đơn vị`,
      en: `unit ${id} changed its name, level or parent within the period: ${history("en")}. Its months' counts are summed and it is scored and ranked under its naming at the period's end: ${describe("en", now)}. If these are two different units, give them two ids`,
    };
    let at = -1;
    figures.forEach((figure, index) => {
      if (figure.unit === id && inside.has(String(parsePeriod(String(figure.period))?.key))) at = index;
    });
    if (at < 0) continue;
    const row = figures[at]!;
    figures[at] = { ...row, flags: [...(row.flags ?? []), { code: "unit_changed", message }] };
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");


/** An item's counts in either written form; `null` for counts the source did not give. */
function counts(value: unknown): { numerator: number; denominator: number } | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return { numerator: Number(value[0]), denominator: Number(value[1]) };
  const pair = value as { numerator: number; denominator: number };
  return { numerator: pair.numerator, denominator: pair.denominator };
}

type Kind = "survey" | "par" | "evidence";
const LISTS = { survey: "surveys", par: "par", evidence: "evidence" } as const;

/** The document's own fields besides its lists and what the store records itself (format, scheme). */
function envelopeOf(document: FiguresFile): string | null {
  const { units: _units, figures: _figures, surveys: _surveys, par: _par, format: _format, scheme: _scheme, $schema: _schema, ...rest } = document as FiguresFile & { evidence?: unknown };
  const { evidence: _evidence, ...envelope } = rest as Record<string, unknown>;
  return Object.keys(envelope).length > 0 ? JSON.stringify(envelope) : null;
}

/** The content of a period, in one canonical form: adding the same month twice changes nothing. */
function contentHash(units: readonly UnitInput[], figures: readonly FigureInput[], companions: readonly unknown[], envelope: string | null): string {
  const sortedEntries = (value: object) => Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return sha256(
    JSON.stringify([
      [...units].map((unit) => [unit.id, unit.name, unit.level, unit.parent ?? null]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      [...figures]
        .map((figure) => [figure.unit, sortedEntries(figure.items as object).map(([code, value]) => [code, counts(value)?.numerator ?? null, counts(value)?.denominator ?? null]), extraOf(figure)])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      companions,
      envelope,
    ]),
  );
}

/** The surveys, PAR assessments and evidence of a document that belong to a period. */
function companionsOf(document: FiguresFile, period: string): { kind: Kind; document: unknown }[] {
  return (Object.keys(LISTS) as Kind[]).flatMap((kind) =>
    ((document as unknown as Record<string, unknown[] | undefined>)[LISTS[kind]] ?? [])
      .filter((item) => parsePeriod(String((item as { period?: unknown } | null)?.period ?? ""))?.key === period)
      .map((item) => ({ kind, document: item })),
  );
}

/** Everything of a figure row but its counts, as stored JSON (`null` when there is nothing). */
function extraOf(figure: FigureInput): string | null {
  const { unit: _unit, period: _period, items: _items, ...extra } = figure;
  return Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
}

let sqlite: ReturnType<typeof initSqlJs> | null = null;

/**
 * An office's history of accepted periods in one SQLite database (sql.js: WebAssembly, nothing to
 * compile; the file opens in any SQLite tool). Each period is stored in versions: replacing a month
 * keeps the previous version, a signed-off month is locked to its input's SHA-256. The store works on
 * bytes — the caller reads the file and writes it back atomically, under a lock (as `chiso store` does).
 */
export class Store {
  private constructor(
    private readonly db: Database,
    /** The file's name, at the head of every source the store gives. */
    readonly name: string,
  ) {}

  /**
   * Opens a store from its bytes, or a new empty store without them.
   * @throws {StoreError} `not_a_store` for bytes that are not a chiso store, `newer_store` for a newer format.
   */
  static async open(bytes?: Uint8Array, fileName = "store"): Promise<Store> {
    sqlite ??= initSqlJs();
    const SQL = await sqlite;
    let db: Database;
    try {
      db = bytes && bytes.length > 0 ? new SQL.Database(bytes) : new SQL.Database();
    } catch (error) {
      throw new StoreError("not_a_store", { file: fileName, reason: (error as Error).message });
    }
    const store = new Store(db, fileName);
    if (!bytes || bytes.length === 0) {
      db.exec(SCHEMA);
      db.run("INSERT INTO meta (key, value) VALUES ('format', ?)", [STORE_FORMAT]);
      return store;
    }
    let format: string | undefined;
    try {
      format = store.rows("SELECT value FROM meta WHERE key = 'format'")[0]?.value as string | undefined;
    } catch (error) {
      db.close();
      throw new StoreError("not_a_store", { file: fileName, reason: (error as Error).message });
    }
    if (format === undefined || !format.startsWith("chiso.store/")) {
      db.close();
      throw new StoreError("not_a_store", { file: fileName, reason: "no chiso.store format" });
    }
    if (format !== STORE_FORMAT) {
      db.close();
      throw new StoreError("newer_store", { file: fileName, format });
    }
    return store;
  }

  private rows(sql: string, params: SqlValue[] = []): Row[] {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      const rows: Row[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as Row);
      return rows;
    } finally {
      statement.free();
    }
  }

  private current(period: string): Row | undefined {
    return this.rows("SELECT * FROM versions WHERE period = ? AND replaced_by IS NULL", [period])[0];
  }

  /**
   * Adds a document's periods, each as a new version, all or none. A period already stored with the
   * same content is left unchanged; with different content it needs `replace` (and `replaceSignedOff`
   * when it was signed off). The document is expected to be validated already.
   */
  add(document: FiguresFile, meta: AddMeta, options: AddOptions = {}): AddResult[] {
    const wanted = options.periods?.map((period) => parsePeriod(period)?.key ?? period);
    const byPeriod = new Map<string, { figures: { figure: FigureInput; source: string | null }[]; companions: { kind: Kind; document: unknown }[] }>();
    const entry = (key: string) => {
      let found = byPeriod.get(key);
      if (!found) byPeriod.set(key, (found = { figures: [], companions: [] }));
      return found;
    };
    const keyOf = (period: unknown) => (typeof period === "string" ? (parsePeriod(period)?.key ?? null) : null);
    document.figures.forEach((figure, index) => {
      const key = keyOf(figure.period);
      if (key && (!wanted || wanted.includes(key))) entry(key).figures.push({ figure, source: meta.sources?.[index] ?? null });
    });
    for (const kind of Object.keys(LISTS) as Kind[]) {
      for (const item of (document as unknown as Record<string, unknown[] | undefined>)[LISTS[kind]] ?? []) {
        const key = keyOf((item as { period?: unknown } | null)?.period);
        if (key && (!wanted || wanted.includes(key))) entry(key).companions.push({ kind, document: item });
      }
    }
    const envelope = envelopeOf(document);
    if (byPeriod.size === 0) throw new StoreError("no_periods");
    this.refuseOtherProvince(document);

    const plans = [...byPeriod.entries()].sort(([a], [b]) => comparePeriods(a, b)).map(([period, content]) => {
      const hash = contentHash(document.units, content.figures.map((entry) => entry.figure), content.companions, envelope);
      return { period, content, hash, current: this.current(period) };
    });
    const signed = plans.filter((plan) => plan.current && plan.current.content_hash !== plan.hash && plan.current.signed_off_at !== null);
    const existing = plans.filter((plan) => plan.current && plan.current.content_hash !== plan.hash);
    if (existing.length > 0 && !options.replace) throw new StoreError("period_exists", { periods: existing.map((plan) => plan.period).join(", ") });
    if (signed.length > 0 && !options.replaceSignedOff) throw new StoreError("period_signed_off", { periods: signed.map((plan) => plan.period).join(", ") });

    const results: AddResult[] = [];
    // Prepared once, run per row: a month is a few thousand rows.
    const insertUnit = this.db.prepare("INSERT INTO units (version_id, id, name, level, parent) VALUES (?, ?, ?, ?, ?)");
    const insertFigure = this.db.prepare("INSERT INTO figures (version_id, position, unit, period, source, extra) VALUES (?, ?, ?, ?, ?, ?)");
    const insertCounts = this.db.prepare("INSERT INTO counts (version_id, position, item, numerator, denominator) VALUES (?, ?, ?, ?, ?)");
    this.db.run("BEGIN");
    try {
      for (const plan of plans) {
        if (plan.current && plan.current.content_hash === plan.hash) {
          results.push({ period: plan.period, action: "unchanged", version: Number(plan.current.version), figures: plan.content.figures.length });
          continue;
        }
        const version = plan.current ? Number(plan.current.version) + 1 : 1;
        this.db.run("INSERT INTO versions (period, version, added_at, scheme, checksum, inputs, content_hash, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
          plan.period,
          version,
          meta.addedAt.toISOString(),
          meta.scheme,
          meta.checksum,
          JSON.stringify(meta.inputs),
          plan.hash,
          envelope,
        ]);
        const id = Number(this.rows("SELECT last_insert_rowid() AS id")[0]!.id);
        if (plan.current) this.db.run("UPDATE versions SET replaced_by = ? WHERE id = ?", [id, plan.current.id as number]);
        for (const unit of document.units) insertUnit.run([id, unit.id, unit.name, unit.level, unit.parent ?? null]);
        plan.content.figures.forEach(({ figure, source }, position) => {
          insertFigure.run([id, position, figure.unit, figure.period, source, extraOf(figure)]);
          for (const [item, value] of Object.entries(figure.items as object)) {
            const pair = counts(value);
            insertCounts.run([id, position, item, pair?.numerator ?? null, pair?.denominator ?? null]);
          }
        });
        plan.content.companions.forEach((companion, position) => this.db.run("INSERT INTO companions (version_id, kind, position, document) VALUES (?, ?, ?, ?)", [id, companion.kind, position, JSON.stringify(companion.document)]));
        results.push({ period: plan.period, action: plan.current ? "replaced" : "added", version, figures: plan.content.figures.length, ...(plan.current?.signed_off_at && { replacedSignedOff: true }) });
      }
      this.db.run("COMMIT");
    } catch (error) {
      this.db.run("ROLLBACK");
      throw error;
    } finally {
      for (const statement of [insertUnit, insertFigure, insertCounts]) statement.free();
    }
    return results;
  }

  /**
   * Signs a period off: its current version is locked (replacing it needs `replaceSignedOff`) and its
   * input's SHA-256 becomes the checksum the documents print.
   */
  signOff(period: string, options: { readonly at: Date; readonly by?: string }): SignOff {
    const key = parsePeriod(period)?.key ?? period;
    const current = this.current(key);
    if (!current) {
      // A quarter or a year is signed off month by month: name its months the store has.
      const parsed = parsePeriod(period);
      const months = parsed && parsed.kind !== "month" ? monthsOf(parsed).map((month) => month.key).filter((month) => this.current(month)) : [];
      if (months.length > 0) throw new StoreError("sign_off_by_month", { period: key, months: months.join(", "), first: months[0]! });
      throw new StoreError("unknown_period", { period: key, periods: this.periodKeys().join(", ") || "—" });
    }
    if (current.signed_off_at) throw new StoreError("already_signed_off", { period: key, at: String(current.signed_off_at), by: String(current.signed_off_by ?? ""), checksum: String(current.checksum) });
    const at = options.at.toISOString();
    this.db.run("UPDATE versions SET signed_off_at = ?, signed_off_by = ? WHERE id = ?", [at, options.by ?? null, current.id as number]);
    return { period: key, version: Number(current.version), at, ...(options.by && { by: options.by }), checksum: String(current.checksum) };
  }

  /**
   * One store, one province: a file whose provinces share none with the stored ones (by id) is another
   * province's, and its months would silently replace this one's history in every report.
   */
  private refuseOtherProvince(document: FiguresFile): void {
    const given = document.units.filter((unit) => unit.level === "province");
    if (given.length === 0) return;
    const stored = this.rows("SELECT DISTINCT id, name FROM units WHERE level = 'province'");
    if (stored.length === 0 || stored.some((row) => given.some((unit) => unit.id === String(row.id)))) return;
    throw new StoreError("other_province", { stored: stored.map((row) => String(row.name)).join(", "), given: given.map((unit) => unit.name).join(", ") });
  }

  /** Every version of every period, oldest period first. */
  list(): VersionInfo[] {
    return this.rows(
      `SELECT v.*, (SELECT COUNT(*) FROM units u WHERE u.version_id = v.id) AS unit_count, (SELECT COUNT(*) FROM figures f WHERE f.version_id = v.id) AS figure_count FROM versions v`,
    )
      .map((row) => ({
        period: String(row.period),
        version: Number(row.version),
        current: row.replaced_by === null,
        addedAt: String(row.added_at),
        scheme: String(row.scheme),
        checksum: String(row.checksum),
        inputs: JSON.parse(String(row.inputs)) as VersionInfo["inputs"],
        units: Number(row.unit_count),
        figures: Number(row.figure_count),
        signedOff: row.signed_off_at ? { at: String(row.signed_off_at), ...(row.signed_off_by && { by: String(row.signed_off_by) }) } : null,
      }))
      .sort((a, b) => comparePeriods(a.period, b.period) || a.version - b.version);
  }

  private periodKeys(): string[] {
    return [...new Set(this.list().filter((entry) => entry.current).map((entry) => entry.period))];
  }

  /**
   * The figures to report a period with: its units, and the current version of every stored period up
   * to its end (so the change since the previous period and the 12-period trend come from the store).
   * `input` figures take the place of the stored ones of the same periods — unless a stored one is
   * signed off and differs, which is refused.
   */
  history(options: HistoryOptions): History {
    const target = parsePeriod(options.period);
    if (!target) throw new StoreError("unknown_period", { period: options.period, periods: this.periodKeys().join(", ") || "—" });
    const inside = new Set([target.key, ...monthsOf(target).map((month) => month.key)]);
    const lastMonth = monthsOf(target).at(-1)!.key;
    // Every period ended by the target's end, and those in progress that hold it (the year of a year's survey).
    const holdsTarget = (key: string) => {
      const period = parsePeriod(key);
      return period !== null && monthsOf(period).some((month) => month.key === lastMonth);
    };
    const versions = this.rows("SELECT * FROM versions WHERE replaced_by IS NULL").filter((row) => comparePeriods(String(row.period), target.key) <= 0 || inside.has(String(row.period)) || holdsTarget(String(row.period)));
    const inputPeriods = new Map<string, FigureInput[]>();
    for (const figure of options.input?.document.figures ?? []) {
      const key = parsePeriod(String(figure.period))?.key;
      if (key) inputPeriods.set(key, [...(inputPeriods.get(key) ?? []), figure]);
    }
    // A signed-off period cannot be silently overridden by different figures.
    for (const version of versions) {
      const figures = inputPeriods.get(String(version.period));
      if (!figures || !version.signed_off_at) continue;
      const input = options.input!.document;
      if (contentHash(input.units, figures, companionsOf(input, String(version.period)), envelopeOf(input)) !== version.content_hash) throw new StoreError("signed_off_differs", { period: String(version.period) });
    }
    const stored = versions.filter((version) => !inputPeriods.has(String(version.period)));
    const reported = stored.filter((version) => inside.has(String(version.period))).sort((a, b) => comparePeriods(String(a.period), String(b.period)));
    if (reported.length === 0 && ![...inside].some((key) => inputPeriods.has(key))) {
      throw new StoreError("unknown_period", { period: target.key, periods: this.periodKeys().join(", ") || "—" });
    }
    // The units are those of the reported period: the input's, else the stored months' (the latest naming wins).
    const units = new Map<string, UnitInput>();
    if (options.input && [...inside].some((key) => inputPeriods.has(key))) for (const unit of options.input.document.units) units.set(unit.id, unit);
    else {
      for (const version of reported) {
        for (const row of this.rows("SELECT * FROM units WHERE version_id = ? ORDER BY rowid", [version.id as number])) {
          units.set(String(row.id), { id: String(row.id), name: String(row.name), level: String(row.level) as UnitInput["level"], ...(row.parent !== null && { parent: String(row.parent) }) });
        }
      }
    }
    const figures: FigureInput[] = [];
    const sources: string[] = [];
    const lists: Record<Kind, unknown[]> = { survey: [], par: [], evidence: [] };
    let droppedRows = 0;
    for (const version of stored.sort((a, b) => comparePeriods(String(a.period), String(b.period)))) {
      const id = version.id as number;
      const itemsOf = new Map<number, Record<string, [number, number] | null>>();
      for (const row of this.rows("SELECT position, item, numerator, denominator FROM counts WHERE version_id = ?", [id])) {
        const items = itemsOf.get(Number(row.position)) ?? {};
        const value = row.numerator === null ? null : [Number(row.numerator), Number(row.denominator)];
        Object.defineProperty(items, String(row.item), { value, enumerable: true, writable: true, configurable: true });
        itemsOf.set(Number(row.position), items);
      }
      for (const row of this.rows("SELECT * FROM figures WHERE version_id = ? ORDER BY position", [id])) {
        if (!units.has(String(row.unit))) {
          droppedRows += 1;
          continue;
        }
        figures.push({ unit: String(row.unit), period: String(row.period), items: itemsOf.get(Number(row.position)) ?? {}, ...(row.extra ? (JSON.parse(String(row.extra)) as object) : {}) } as FigureInput);
        sources.push(`${this.name} › ${String(version.period)} (v${String(version.version)})${row.source ? ` › ${String(row.source)}` : ""}`);
      }
      for (const row of this.rows("SELECT kind, document FROM companions WHERE version_id = ? ORDER BY kind, position", [id])) {
        const companion = JSON.parse(String(row.document)) as { unit?: unknown };
        if (!units.has(String(companion.unit))) continue;
        lists[row.kind as Kind].push(companion);
      }
    }
    if (options.input) {
      options.input.document.figures.forEach((figure, index) => {
        if (!units.has(figure.unit)) return;
        figures.push(figure);
        sources.push(options.input!.sources[index] ?? "");
      });
      for (const kind of Object.keys(LISTS) as Kind[]) lists[kind].push(...((options.input.document as unknown as Record<string, unknown[] | undefined>)[LISTS[kind]] ?? []));
    }
    const inputForTarget = options.input && [...inside].some((key) => inputPeriods.has(key));
    if (target.kind !== "month") flagRenamedUnits(this.namingsInside(reported, inputPeriods, options.input?.document), units, figures, inside);
    const months = reported.filter((version) => version.period !== target.key || target.kind === "month");
    const checksum = inputForTarget
      ? options.input!.checksum
      : reported.length === 1
        ? String(reported[0]!.checksum)
        : sha256(reported.map((version) => `${String(version.checksum)}  ${String(version.period)}\n`).join(""));
    // Signed off: every month of the period is stored and signed off (a month without figures is not signed off).
    const allSigned = !inputForTarget && monthsOf(target).every((month) => months.some((version) => String(version.period) === month.key && version.signed_off_at));
    const latest = allSigned ? [...months].sort((a, b) => (String(a.signed_off_at) < String(b.signed_off_at) ? 1 : -1))[0]! : null;
    // Each month's own sign-off: a stored month the input repeats keeps it (an input differing from a signed-off
    // month was refused above); a month only the input gives is not signed off; a month nobody gives is absent.
    const monthSignOffs: MonthSignOff[] = target.kind === "month" ? [] : monthsOf(target).map((month) => {
      const version = versions.find((row) => String(row.period) === month.key);
      if (version) return { period: month.key, at: version.signed_off_at ? String(version.signed_off_at) : null, ...(version.signed_off_at && version.signed_off_by && { by: String(version.signed_off_by) }) };
      return { period: month.key, at: null, ...(!inputPeriods.has(month.key) && { absent: true as const }) };
    });
    return {
      // The reported period's own fields (where the figures come from, how parents are counted) travel with it.
      document: {
        ...(inputForTarget ? JSON.parse(envelopeOf(options.input!.document) ?? "{}") : reported.length > 0 && reported.at(-1)!.envelope ? JSON.parse(String(reported.at(-1)!.envelope)) : {}),
        units: [...units.values()],
        figures,
        ...(lists.survey.length > 0 && { surveys: lists.survey }),
        ...(lists.par.length > 0 && { par: lists.par }),
        ...(lists.evidence.length > 0 && { evidence: lists.evidence }),
      } as FiguresFile,
      sources,
      checksum,
      signOff: latest ? { period: target.key, version: Number(latest.version), at: String(latest.signed_off_at), ...(latest.signed_off_by && { by: String(latest.signed_off_by) }), checksum } : null,
      monthSignOffs,
      periods: stored.map((version) => String(version.period)),
      droppedRows,
      scheme: inputForTarget || reported.length === 0 ? null : String(reported.at(-1)!.scheme),
    };
  }

  /** Each unit's name, level and parent in every period of `reported` (stored) and of the input, in time order. */
  private namingsInside(reported: readonly Row[], inputPeriods: ReadonlyMap<string, unknown>, input: FiguresFile | undefined): Map<string, Naming[]> {
    const namings = new Map<string, Naming[]>();
    const add = (period: string, unit: UnitInput) => namings.set(unit.id, [...(namings.get(unit.id) ?? []), { period, name: unit.name, level: unit.level, parent: unit.parent ?? null }]);
    const periods = [...reported.map((version) => String(version.period)), ...inputPeriods.keys()].sort(comparePeriods);
    for (const period of new Set(periods)) {
      if (inputPeriods.has(period)) for (const unit of input!.units) add(period, unit);
      else {
        const version = reported.find((row) => String(row.period) === period)!;
        for (const row of this.rows("SELECT id, name, level, parent FROM units WHERE version_id = ? ORDER BY rowid", [version.id as number])) {
          add(period, { id: String(row.id), name: String(row.name), level: String(row.level) as UnitInput["level"], ...(row.parent !== null && { parent: String(row.parent) }) });
        }
      }
    }
    return namings;
  }

  /** The database file's bytes, to write back. */
  export(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    this.db.close();
  }
}
