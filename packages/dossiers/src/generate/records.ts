import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlString } from "../engine/duckdb-load.js";

/** One unit of a generated province and the shape of its month. Rates are 0–1. */
export interface GeneratedUnit {
  readonly id: string;
  /** Dossiers received in each generated month. */
  readonly dossiers: number;
  /** Share of dossiers finished (or still open) on time. */
  readonly onTime: number;
  /** Share submitted online (channel 2). */
  readonly online: number;
  /** Share of fee-bearing dossiers paid online, and of dossiers with each digitization flag. */
  readonly paidOnline: number;
  readonly digitized: number;
  readonly reused: number;
  readonly synced: number;
  readonly population: number;
  /** Share of dossiers with a complaint or dislike. */
  readonly complained: number;
  /** Feedback (PAKN) received per month, and the share handled on time. */
  readonly feedback: number;
  readonly feedbackOnTime: number;
}

export interface GenerateOptions {
  readonly units: readonly GeneratedUnit[];
  /** Months to generate, `YYYY-MM`. */
  readonly months: readonly string[];
  /** Folder for dossiers.parquet, events.parquet, procedures.csv and feedback.parquet. */
  readonly out: string;
  readonly seed?: number;
  readonly procedures?: number;
  /** File format of dossiers and events (default parquet). */
  readonly format?: "parquet" | "csv";
}

export interface GeneratedFiles {
  readonly dossiers: string;
  readonly events: string;
  readonly procedures: string;
  readonly feedback: string;
  readonly counts: { readonly dossiers: number; readonly events: number; readonly feedback: number };
}

/**
 * Writes deterministic, realistic dossier records for a province (same seed, same files): a procedure
 * catalogue (working days mostly, some hours, calendar days and months; a third with paper results,
 * a third fee-bearing), dossiers received over each month with due dates on four in five, and their
 * state changes — reception, processing, supplement requests (about 8%, 1% twice), results
 * (finished, result returned), a few withdrawn, refused or still open — about 3.7 events a dossier.
 * Generated in DuckDB SQL, so ten million dossiers take seconds.
 */
export async function generateRecords(options: GenerateOptions): Promise<GeneratedFiles> {
  mkdirSync(options.out, { recursive: true });
  const seed = options.seed ?? 766;
  const procedures = options.procedures ?? 400;
  const format = options.format ?? "parquet";
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const files = {
    dossiers: join(options.out, `dossiers.${format}`),
    events: join(options.out, `events.${format}`),
    procedures: join(options.out, "procedures.csv"),
    feedback: join(options.out, `feedback.${format}`),
  };
  const copyOptions = format === "parquet" ? "(FORMAT parquet, COMPRESSION zstd)" : "(FORMAT csv, HEADER true)";
  try {
    // r(k): a deterministic uniform number in [0, 1) for record i and purpose k.
    const r = (key: string, k: number) => `((hash(${key}, ${seed}, ${k}) % 1000003) / 1000003.0)`;
    const unitRows = options.units
      .map((unit) => `(${sqlString(unit.id)}, ${unit.dossiers}, ${unit.onTime}, ${unit.online}, ${unit.paidOnline}, ${unit.digitized}, ${unit.reused}, ${unit.synced}, ${unit.population}, ${unit.complained}, ${unit.feedback}, ${unit.feedbackOnTime})`)
      .join(", ");
    await connection.run(
      `CREATE TABLE gen_units AS SELECT *, SUM(n) OVER (ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n AS start_no,
         SUM(nf) OVER (ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - nf AS fstart_no
       FROM (SELECT ROW_NUMBER() OVER () AS ord, * FROM (VALUES ${unitRows}) v(unit_id, n, on_time, online, paid, digitized, reused, synced, population, complained, nf, f_on_time))`,
    );
    const monthRows = options.months.map((month, index) => `(${index}, DATE '${month}-01')`).join(", ");
    await connection.run(`CREATE TABLE gen_months AS SELECT m, first_day, CAST(last_day(first_day) - first_day + 1 AS INTEGER) AS days FROM (VALUES ${monthRows}) v(m, first_day)`);
    await connection.run(
      `CREATE TABLE gen_procedures AS SELECT i AS procedure_no, 'TT-' || lpad(CAST(i AS VARCHAR), 5, '0') AS procedure_id,
         'Thủ tục hành chính số ' || CAST(i AS VARCHAR) AS procedure_name,
         CASE WHEN ${r("i", 1)} < 0.06 THEN 4 + CAST(${r("i", 2)} * 20 AS INTEGER) WHEN ${r("i", 1)} < 0.12 THEN 5 + CAST(${r("i", 2)} * 25 AS INTEGER) WHEN ${r("i", 1)} < 0.14 THEN 1 ELSE 1 + CAST(${r("i", 2)} * 15 AS INTEGER) END AS legal_duration,
         CASE WHEN ${r("i", 1)} < 0.06 THEN 'hours' WHEN ${r("i", 1)} < 0.12 THEN 'days' WHEN ${r("i", 1)} < 0.14 THEN 'months' ELSE 'working_days' END AS duration_unit,
         CASE WHEN ${r("i", 3)} < 0.42 THEN 'full' ELSE 'partial' END AS online_level,
         CASE WHEN ${r("i", 4)} < 0.33 THEN 1 ELSE 0 END AS paper_result,
         CASE WHEN ${r("i", 5)} < 0.35 THEN 1 ELSE 0 END AS fee_bearing
       FROM range(${procedures}) t(i)`,
    );
    await connection.run(`COPY (SELECT * EXCLUDE (procedure_no) FROM gen_procedures) TO ${sqlString(files.procedures)} (FORMAT csv, HEADER true)`);
    const total = options.units.reduce((sum, unit) => sum + unit.dossiers, 0);
    // The dossier's plan: unit, month, procedure, reception, a due span (minutes; approximate working time:
    // 1.4 calendar days per working day), whether late, supplements, outcome. Each unit's dossiers are
    // expanded from its count (no range join), the procedure picked by its number; only the columns the
    // records need are kept, so ten million dossiers stay in memory.
    await connection.run(
      `CREATE TABLE gen_dossiers AS
       SELECT i, m, unit_id, online, paid, digitized, reused, synced, population, complained,
         procedure_id, duration_unit, fee_bearing, first_day, received, r_due, r_time,
         CAST(CASE duration_unit WHEN 'hours' THEN legal_duration * 60 WHEN 'days' THEN legal_duration * 1440 WHEN 'months' THEN legal_duration * 43200 ELSE legal_duration * 2016 END AS BIGINT) AS span,
         r_late >= on_time AS late,
         CASE WHEN r_supp < 0.01 THEN 2 WHEN r_supp < 0.08 THEN 1 ELSE 0 END AS supplements,
         CASE WHEN r_out < 0.005 THEN 7 WHEN r_out < 0.01 THEN 3 WHEN r_out < 0.015 THEN 8 WHEN r_out < 0.05 THEN 0 ELSE 9 END AS outcome
       FROM (
         SELECT d.i, d.m, u.unit_id, u.on_time, u.online, u.paid, u.digitized, u.reused, u.synced, u.population, u.complained,
           p.procedure_id, p.legal_duration, p.duration_unit, p.fee_bearing, mo.first_day,
           -- received within the month, office hours on weekdays mostly (online dossiers any time)
           CAST(mo.first_day AS TIMESTAMP) + to_days(CAST(FLOOR(${r("d.i", 11)} * mo.days) AS INTEGER)) + to_minutes(CAST(450 + FLOOR(${r("d.i", 12)} * 560) AS BIGINT)) AS received,
           ${r("d.i", 13)} AS r_late, ${r("d.i", 14)} AS r_supp, ${r("d.i", 15)} AS r_out, ${r("d.i", 16)} AS r_due, ${r("d.i", 17)} AS r_time
         FROM (SELECT e.ord, ms.m, ms.m * ${total} + e.start_no + e.k AS i
               FROM (SELECT ord, start_no, unnest(range(n)) AS k FROM gen_units) e CROSS JOIN gen_months ms) d
         JOIN gen_units u ON u.ord = d.ord
         JOIN gen_months mo ON mo.m = d.m
         JOIN gen_procedures p ON p.procedure_no = CAST(${r("d.i", 10)} * ${procedures} AS INTEGER)
       )`,
    );
    await connection.run(
      `COPY (SELECT 'HS-' || strftime(first_day, '%Y%m') || '-' || lpad(CAST(i AS VARCHAR), 8, '0') AS dossier_id, unit_id, procedure_id,
         CASE WHEN ${r("i", 20)} < online THEN 2 WHEN ${r("i", 20)} > 0.985 THEN 3 ELSE 1 END AS channel,
         received AS received_at,
         CASE WHEN r_due < 0.8 AND duration_unit <> 'hours' THEN date_trunc('day', received + to_minutes(span)) + INTERVAL 17 HOUR END AS due_at,
         fee_bearing = 1 AS fee_due,
         fee_bearing = 1 AND ${r("i", 21)} < paid AS paid_online,
         ${r("i", 22)} < digitized AS digitized_at_intake,
         outcome IN (9, 10) AND ${r("i", 23)} < (digitized + 0.03) AS result_electronic,
         ${r("i", 24)} < reused AS reused_data,
         ${r("i", 25)} < population AS population_data,
         ${r("i", 26)} < synced AS data_store_synced,
         ${r("i", 27)} < complained AS complained
       FROM gen_dossiers ORDER BY i) TO ${sqlString(files.dossiers)} ${copyOptions}`,
    );
    // Events: received (2), in progress (4), supplement requests (5 then 4 on the citizen's return),
    // then the outcome; a late dossier ends 1–6 days after its span, an on-time one within it.
    const id = `'HS-' || strftime(first_day, '%Y%m') || '-' || lpad(CAST(i AS VARCHAR), 8, '0')`;
    const wait = `CAST(1440 + ${r("i", 31)} * 4320 AS BIGINT)`;
    const end = `received + to_minutes(CAST(CASE WHEN late THEN span + 1440 + r_time * 7200 ELSE 60 + r_time * GREATEST(span - 120, 0) * 0.9 END AS BIGINT) + supplements * ${wait})`;
    // One list of (state, time) per dossier, unnested in order: no sort of the events themselves.
    const change = (state: string, at: string, when = "TRUE") => `CASE WHEN ${when} THEN {'state': ${state}, 'at': ${at}} END`;
    const changes = [
      change("2", "received"),
      change("4", "received + INTERVAL 30 MINUTE"),
      change("5", "received + INTERVAL 40 MINUTE", "supplements >= 1"),
      change("4", `received + INTERVAL 40 MINUTE + to_minutes(${wait})`, "supplements >= 1"),
      change("5", `received + INTERVAL 50 MINUTE + to_minutes(${wait})`, "supplements >= 2"),
      change("4", `received + INTERVAL 50 MINUTE + to_minutes(2 * ${wait})`, "supplements >= 2"),
      change("outcome", end, "outcome > 0"),
      change("10", `${end} + INTERVAL 1 DAY`, "outcome = 9 AND r_due < 0.6"),
    ];
    await connection.run(
      `COPY (
         SELECT dossier_id, change.state AS state, change.at AS changed_at FROM (
           SELECT dossier_id, unnest(list_filter([${changes.join(", ")}], c -> c IS NOT NULL)) AS change
           FROM (SELECT ${id} AS dossier_id, * FROM gen_dossiers ORDER BY i)
         )
       ) TO ${sqlString(files.events)} ${copyOptions}`,
    );
    await connection.run(
      `COPY (SELECT 'PAKN-' || strftime(mo.first_day, '%Y%m') || '-' || lpad(CAST(f.i AS VARCHAR), 7, '0') AS feedback_id, u.unit_id,
         CAST(mo.first_day AS TIMESTAMP) + to_days(CAST(FLOOR(${r("f.i", 40)} * mo.days) AS INTEGER)) + INTERVAL 9 HOUR AS received_at,
         CAST(NULL AS TIMESTAMP) AS due_at,
         CASE WHEN ${r("f.i", 41)} < 0.9 THEN CAST(mo.first_day AS TIMESTAMP) + to_days(CAST(FLOOR(${r("f.i", 40)} * mo.days) AS INTEGER)) + to_days(CASE WHEN ${r("f.i", 42)} < u.f_on_time THEN 3 + CAST(${r("f.i", 43)} * 15 AS INTEGER) ELSE 25 + CAST(${r("f.i", 43)} * 10 AS INTEGER) END) + INTERVAL 15 HOUR END AS handled_at,
         CAST(FLOOR(${r("f.i", 44)} * 4) AS INTEGER) AS likes,
         CASE WHEN ${r("f.i", 45)} < 0.1 THEN 5 ELSE 0 END AS dislikes,
         ${r("f.i", 46)} < 0.03 AS repeated
       FROM (SELECT i % GREATEST(${options.units.reduce((sum, unit) => sum + unit.feedback, 0)}, 1) AS j, i // GREATEST(${options.units.reduce((sum, unit) => sum + unit.feedback, 0)}, 1) AS m, i FROM range(${options.units.reduce((sum, unit) => sum + unit.feedback, 0) * options.months.length}) t(i)) f
       JOIN gen_units u ON f.j >= u.fstart_no AND f.j < u.fstart_no + u.nf
       JOIN gen_months mo ON mo.m = f.m
       ORDER BY f.i) TO ${sqlString(files.feedback)} ${copyOptions}`,
    );
    const count = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRows()[0]![0]);
    const counts = {
      dossiers: await count("SELECT COUNT(*) FROM gen_dossiers"),
      events: await count(`SELECT COUNT(*) FROM ${format === "parquet" ? `read_parquet(${sqlString(files.events)})` : `read_csv(${sqlString(files.events)})`}`),
      feedback: options.units.reduce((sum, unit) => sum + unit.feedback, 0) * options.months.length,
    };
    return { ...files, counts };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A province of `communes` communes and `departments` departments with the domain's typical rates and volumes. */
export function typicalProvince(options: { readonly prefix?: string; readonly departments?: number; readonly communes?: number; readonly dossiersPerMonth?: number; readonly seed?: number } = {}): { units: { id: string; name: string; level: "province" | "department" | "commune"; parent?: string }[]; generated: GeneratedUnit[] } {
  const prefix = options.prefix ?? "HS";
  const departments = options.departments ?? 15;
  const communes = options.communes ?? 100;
  const total = options.dossiersPerMonth ?? 130_000;
  let state = (options.seed ?? 766) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const units: { id: string; name: string; level: "province" | "department" | "commune"; parent?: string }[] = [{ id: prefix, name: `Tỉnh ${prefix}`, level: "province" }];
  const weights: number[] = [];
  for (let index = 1; index <= departments; index += 1) {
    units.push({ id: `${prefix}-S${String(index).padStart(2, "0")}`, name: `Sở ${index}`, level: "department", parent: prefix });
    weights.push(0.5 + next() * 3);
  }
  for (let index = 1; index <= communes; index += 1) {
    units.push({ id: `${prefix}-X${String(index).padStart(4, "0")}`, name: `Xã ${index}`, level: "commune", parent: prefix });
    weights.push(0.2 + next() * 1.6);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const generated = units.slice(1).map((unit, index): GeneratedUnit => {
    const quality = 0.9 + next() * 0.09;
    return {
      id: unit.id,
      dossiers: Math.max(1, Math.round((weights[index]! / sum) * total)),
      onTime: quality + 0.009,
      online: 0.6 + next() * 0.35,
      paidOnline: 0.7 + next() * 0.28,
      digitized: 0.9 + next() * 0.09,
      reused: 0.5 + next() * 0.4,
      synced: 0.6 + next() * 0.35,
      population: 0.7 + next() * 0.28,
      complained: next() * 0.01,
      feedback: Math.floor(next() * 12),
      feedbackOnTime: 0.8 + next() * 0.2,
    };
  });
  return { units, generated };
}
