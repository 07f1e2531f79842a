// Cross-check: the same portable SQL of @chiso/dossiers on ClickHouse (embedded, chdb) and on DuckDB
// must give identical figures, evidence, problems and accounting for a generated province month.
// Only the loading of the input tables is ClickHouse-specific (below); the rules are imported as is.
// Run by the README's test command (`pnpm test`) after the build.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { Session } from "chdb";
import { assembleFigures, computeDossierFigures, generateRecords, typicalProvince } from "@chiso/dossiers";
import { buildWorkingCalendar } from "@chiso/dossiers/calendar";
import { ACCOUNTING_SQL, FEEDBACK_COUNTS_SQL, EVIDENCE_ORDER, MATERIALIZED, REJECTED_UNITS_SQL, UNIT_COUNTS_SQL, evidenceSql, insertStatements, periodRows, setupTables } from "@chiso/dossiers/sql";

const PERIOD = "2026-10";
const EVIDENCE_LIMIT = 5;
const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), "chiso-crosscheck-"));
const session = new Session(join(dir, "chdb"));

try {
  // A province month (~40,000 dossiers), plus records that exercise every kind of problem.
  const { units, generated } = typicalProvince({ communes: 40, departments: 8, dossiersPerMonth: 40_000, seed: 2026 });
  const files = await generateRecords({ units: generated, months: ["2026-09", PERIOD], out: dir, seed: 12 });
  await injectProblems(files);

  const duck = await computeDossierFigures(files, { period: PERIOD, units, evidenceLimit: EVIDENCE_LIMIT, problemLimit: 100_000 });

  const run = (sql) => session.query(sql, "JSONEachRow");
  const rows = (sql) =>
    run(sql)
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line));
  run("SET join_use_nulls = 1");
  // CAST(x AS INTEGER) of a NULL stays NULL, as in standard SQL.
  run("SET cast_keep_nullable = 1");
  run("SET session_timezone = 'UTC'");
  run("SET max_threads = 2");

  // ClickHouse-specific loading: the Parquet files as written (timestamps as Vietnam's wall clock).
  const minutes = (column) => `toInt64(intDiv(toUnixTimestamp64Milli(toDateTime64(${column}, 3, 'UTC')), 60000))`;
  const days = (column) => `toInt64(intDiv(toUnixTimestamp64Milli(toDateTime64(${column}, 3, 'UTC')), 86400000))`;
  const flag = (column) => `toInt64(coalesce(${column}, false))`;
  const text = (column) => `nullIf(trim(toString(${column})), '')`;
  // An id's key (see INPUT_TABLES): ClickHouse's own 64-bit hash of the id's text, NULL for no id.
  const key = (column) => `sipHash64(${text(column)})`;
  const noError = "CAST(NULL AS Nullable(String)) AS parse_error, CAST(NULL AS Nullable(String)) AS parse_value";
  const table = (name, select) => run(`CREATE TABLE ${name} ENGINE = Memory AS ${select}`);
  // One thread while loading keeps rowNumberInAllBlocks() in file order (the rows' numbers in messages).
  table(
    "chiso_dossiers_in",
    `SELECT toInt64(rowNumberInAllBlocks() + 1) AS row_no, ${text("dossier_id")} AS dossier_id, ${key("dossier_id")} AS dossier_key, ${text("unit_id")} AS unit_id, ${text("procedure_id")} AS procedure_id,
       toInt64OrNull(toString(channel)) AS channel, ${minutes("received_at")} AS received_min, ${days("received_at")} AS received_day,
       ${minutes("due_at")} AS due_min, ${days("due_at")} AS due_day,
       ${["fee_due", "paid_online", "digitized_at_intake", "result_electronic", "reused_data", "population_data", "data_store_synced", "complained"].map((column) => `${flag(column)} AS ${column}`).join(", ")},
       ${noError}
     FROM file('${files.dossiers}', Parquet) SETTINGS max_threads = 1`,
  );
  table(
    "chiso_events_in",
    `SELECT toInt64(rowNumberInAllBlocks() + 1) AS row_no, ${text("dossier_id")} AS dossier_id, ${key("dossier_id")} AS dossier_key, toInt64(state) AS state,
       ${minutes("changed_at")} AS changed_min, ${days("changed_at")} AS changed_day, ${noError}
     FROM file('${files.events}', Parquet) SETTINGS max_threads = 1`,
  );
  table(
    "chiso_procedures_in",
    `SELECT toInt64(rowNumberInAllBlocks() + 2) AS row_no, ${text("procedure_id")} AS procedure_id, ${text("procedure_name")} AS procedure_name,
       toInt64OrNull(toString(legal_duration)) AS legal_duration, lower(${text("duration_unit")}) AS duration_unit,
       toInt64(paper_result) AS paper_result, toInt64(fee_bearing) AS fee_bearing, ${noError}
     FROM file('${files.procedures}', CSVWithNames) SETTINGS max_threads = 1`,
  );
  table(
    "chiso_feedback_in",
    `SELECT toInt64(rowNumberInAllBlocks() + 1) AS row_no, ${text("feedback_id")} AS feedback_id, ${text("unit_id")} AS unit_id,
       ${minutes("received_at")} AS received_min, ${days("received_at")} AS received_day, ${minutes("due_at")} AS due_min, ${days("due_at")} AS due_day,
       ${minutes("handled_at")} AS handled_min, ${days("handled_at")} AS handled_day,
       toInt64OrNull(toString(likes)) AS likes, toInt64OrNull(toString(dislikes)) AS dislikes, ${flag("repeated")} AS repeated, ${noError}
     FROM file('${files.feedback}', Parquet) SETTINGS max_threads = 1`,
  );
  // The same calendar and period tables as DuckDB's (same range: the data's years).
  const [span] = rows("SELECT min(d) AS lo, max(d) AS hi FROM (SELECT received_day AS d FROM chiso_dossiers_in UNION ALL SELECT changed_day FROM chiso_events_in UNION ALL SELECT due_day FROM chiso_dossiers_in UNION ALL SELECT received_day FROM chiso_feedback_in)");
  const yearOf = (day) => new Date(Number(day) * 86_400_000).getUTCFullYear();
  const calendar = buildWorkingCalendar(Math.min(yearOf(span.lo), 2026) - 1, Math.max(yearOf(span.hi), 2026) + 2);
  const periods = periodRows([PERIOD]);
  for (const setup of setupTables(calendar, periods, units.map((unit) => unit.id), units.flatMap((unit) => (unit.parent ? [unit.parent] : [])))) {
    run(`CREATE TABLE ${setup.name} (${setup.columns.map((column) => `${column.name} ${column.type === "BIGINT" ? "Int64" : "String"}`).join(", ")}) ENGINE = Memory`);
    for (const statement of insertStatements(setup)) run(statement);
  }

  // The rules, unchanged.
  for (const { name, sql, check } of MATERIALIZED) {
    table(name, sql);
    // A step's check (two ids sharing a key would be joined as one): DuckDB's engine then changes its key function.
    if (check && rows(check).some((row) => Number(row.n) > 0)) throw new Error(`ClickHouse: the check after ${name} failed (two different dossier ids share a key)`);
  }
  const numbers = (row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "string" && /^-?\d+$/.test(value) && key !== "unit_id" && key !== "record_id" && key !== "procedure_id" && key !== "procedure_name" ? Number(value) : value]));
  const counts = rows(UNIT_COUNTS_SQL).map(numbers);
  const feedbackCounts = rows(FEEDBACK_COUNTS_SQL).map(numbers);
  const evidenceRows = rows(`${evidenceSql(EVIDENCE_LIMIT)} ${EVIDENCE_ORDER}`).map(numbers);
  const procedures = rows("SELECT row_no, procedure_id, procedure_name FROM chiso_procedures_in").map(numbers);
  const rejected = rows(REJECTED_UNITS_SQL).map(numbers);
  const assembled = assembleFigures({ units, periods, counts, feedbackCounts, evidenceRows, procedures, rejected, presentColumns: new Set(["result_electronic", "fee_due", "paid_online", "digitized_at_intake", "reused_data", "data_store_synced", "population_data", "complained"]) });
  const accountingRows = rows(ACCOUNTING_SQL).map(numbers);
  const problems = rows("SELECT code, count() AS n FROM chiso_problems GROUP BY code").map(numbers);

  const failures = [];
  const compare = (label, a, b) => {
    if (!isDeepStrictEqual(a, b)) failures.push(label);
  };
  compare("figures", assembled.figures, duck.figures);
  compare("evidence", assembled.evidence, duck.evidence);
  compare("problems", Object.fromEntries(problems.map((row) => [row.code, row.n])), duck.problemCounts);
  const counted = accountingRows.find((row) => row.source === "dossiers" && row.status_name === "counted")?.n ?? 0;
  compare("counted dossiers", counted, duck.accounting.dossiers.counted);

  const received = duck.figures.reduce((sum, figure) => sum + (figure.channels?.received ?? 0), 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    writeFileSync(join(tmpdir(), "chiso-crosscheck-failure.json"), JSON.stringify({ clickhouse: assembled, duckdb: { figures: duck.figures, evidence: duck.evidence } }, null, 1));
    console.error(`DuckDB and ClickHouse (chdb) differ on: ${failures.join(", ")} (details in ${join(tmpdir(), "chiso-crosscheck-failure.json")})`);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  } else {
    console.log(
      `DuckDB and ClickHouse (chdb ${session.query("SELECT version()", "TSV").trim()}) agree: ${duck.figures.length} unit rows, ${received} dossiers counted of ${files.counts.dossiers} generated over 2 months, ${duck.evidence.length} evidence lists, ${Object.values(duck.problemCounts).reduce((a, b) => a + b, 0)} problems (${seconds} s).`,
    );
    console.log("1 passed, 0 failed");
  }
} finally {
  session.cleanup?.();
  rmSync(dir, { recursive: true, force: true });
}

/** Adds records with problems of every kind the rules detect (duplicates, unknown unit, procedure and state, orphans, events before reception, dossiers without events). */
async function injectProblems(files) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const rewrite = async (path, select) => {
    await connection.run(`COPY (${select}) TO '${path}.new' (FORMAT parquet)`);
    renameSync(`${path}.new`, path);
  };
  await rewrite(
    files.dossiers,
    `SELECT * FROM read_parquet('${files.dossiers}')
     UNION ALL (SELECT * FROM read_parquet('${files.dossiers}') WHERE received_at >= TIMESTAMP '2026-10-01' ORDER BY dossier_id LIMIT 3)
     UNION ALL (SELECT 'X-UNIT' AS dossier_id, 'NO-SUCH-UNIT', procedure_id, channel, received_at, due_at, fee_due, paid_online, digitized_at_intake, result_electronic, reused_data, population_data, data_store_synced, complained FROM read_parquet('${files.dossiers}') WHERE received_at >= TIMESTAMP '2026-10-01' LIMIT 1)
     UNION ALL (SELECT 'X-PROC', unit_id, 'NO-SUCH-PROCEDURE', 4, received_at, NULL, fee_due, paid_online, digitized_at_intake, result_electronic, reused_data, population_data, data_store_synced, complained FROM read_parquet('${files.dossiers}') WHERE received_at >= TIMESTAMP '2026-10-01' LIMIT 1)
     UNION ALL (SELECT 'X-NOEVENTS', unit_id, procedure_id, channel, received_at, due_at, fee_due, paid_online, digitized_at_intake, result_electronic, reused_data, population_data, data_store_synced, complained FROM read_parquet('${files.dossiers}') WHERE received_at >= TIMESTAMP '2026-10-01' LIMIT 1)`,
  );
  await rewrite(
    files.events,
    `SELECT * FROM read_parquet('${files.events}')
     UNION ALL SELECT 'X-UNIT', 2, TIMESTAMP '2026-10-20 09:00:00'
     UNION ALL SELECT 'X-PROC', 2, TIMESTAMP '2026-10-20 09:00:00'
     UNION ALL SELECT 'X-ORPHAN', 2, TIMESTAMP '2026-10-20 09:00:00'
     UNION ALL (SELECT dossier_id, 11, changed_at FROM read_parquet('${files.events}') WHERE changed_at >= TIMESTAMP '2026-10-05' ORDER BY dossier_id LIMIT 2)
     UNION ALL (SELECT dossier_id, 9, TIMESTAMP '2020-01-01 00:00:00' FROM read_parquet('${files.events}') WHERE changed_at >= TIMESTAMP '2026-10-10' ORDER BY dossier_id DESC LIMIT 2)`,
  );
  connection.closeSync();
  instance.closeSync();
}
