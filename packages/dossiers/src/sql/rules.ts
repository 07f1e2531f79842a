import { evidenceReasons, type EvidenceReason } from "../evidence/reason-codes.js";
import { FEEDBACK_HANDLING_WORKING_DAYS } from "./tables.js";

/** A reason as the integer the rules carry (its place in `evidenceReasons`). */
const reasonCode = (reason: EvidenceReason): string => String(evidenceReasons.indexOf(reason));

/**
 * The rules of methodology §1.5 as portable SQL: CTEs, CASE, plain aggregates, ROW_NUMBER/COUNT
 * windows, equi-joins and integer arithmetic only. Dates are integers (see `tables.ts`), and every
 * working-day question is a join on `chiso_calendar`. DuckDB and ClickHouse run these statements
 * unchanged; each engine only loads the input tables and materialises the named results
 * (`MATERIALIZED`) as its own temporary tables.
 *
 * Portability notes (checked on both engines): no boolean columns (0/1 integers), no FILTER clause,
 * no LEAD/LAG (ClickHouse returns defaults instead of NULL past the frame; ROW_NUMBER + self-join
 * instead), no correlated subqueries, join keys that reference one side each, and every aggregate
 * cast to BIGINT (ClickHouse sums to unsigned integers, which would wrap on subtraction).
 */

/**
 * The end of processing is the first event of the first class present — finished (9), result returned
 * (10), stopped or refused (8, 3), withdrawn (7) — so the event summary keeps it as one number,
 * class × 2^40 + minute, whose minimum is that event (minutes since 1970 stay far below 2^40; the sum
 * stays below 2^53, exact in the double of the decoding's division).
 */
const SETTLED_CLASS = 2 ** 40;

/**
 * The event summary's sum of events (low 32 bits) and of events past "newly registered" (above): exact while one
 * dossier has fewer than two million (2^21) events, which keeps the sum below 2^53 for the division's double.
 */
const EVENT_COUNT_FIELD = 2 ** 32;

/**
 * Above every minute (see SETTLED_CLASS): the event summary's last event other than a supplement request is this
 * when the dossier has a bad event, and `FOREIGN_EVENT` when an event's id is not its dossier's. A dossier with
 * either is not judged, so its last event is not needed.
 */
const BAD_EVENT = 2 ** 40;
const FOREIGN_EVENT = 2 ** 41;

/**
 * A value narrowed for a large intermediate table. Minutes since 1970 fit 32 bits until the year 6053.
 * (ClickHouse keeps NULLs through these casts with its `cast_keep_nullable` setting, set by its loader.)
 */
const int32 = (expression: string) => `CAST(${expression} AS INTEGER)`;
const int16 = (expression: string) => `CAST(${expression} AS SMALLINT)`;

/**
 * The ids the dossiers file repeats (rare): for each key shared by more than one record, the number of its
 * first record (`dossier_no`), how many records carry it, the earliest reception, and the least and greatest
 * id text among them (`id_lo` < `id_hi` only if two different ids share a key: see `KEY_COLLISIONS_SQL`).
 * Ids are joined through their 64-bit key (`dossier_key`, see `tables.ts`): a hash table of ten million
 * integers, not of ten million texts.
 */
export const DUPLICATE_IDS_SQL = `
WITH repeated AS (
  SELECT dossier_key, MIN(row_no) AS dossier_no, CAST(COUNT(*) AS BIGINT) AS n_rows, MIN(received_min) AS received_min
  FROM chiso_dossiers_in WHERE dossier_key IS NOT NULL GROUP BY dossier_key HAVING COUNT(*) > 1
)
SELECT r.dossier_key AS dossier_key, r.dossier_no AS dossier_no, r.n_rows AS n_rows, r.received_min AS received_min,
  MIN(d.dossier_id) AS id_lo, MAX(d.dossier_id) AS id_hi
FROM chiso_dossiers_in d
JOIN repeated r ON r.dossier_key = d.dossier_key
GROUP BY r.dossier_key, r.dossier_no, r.n_rows, r.received_min
`;

/**
 * An event read for the rules: its state (one outside 1–10 kept as 0), its minute (only within the calendar),
 * and whether it makes its dossier unusable (`bad`: it cannot be read, its state is unknown, its time is outside
 * the calendar, or it is before the dossier's reception, `received`). Reads `e` (an event), `b` (the calendar's
 * bounds `lo`, `hi`).
 */
const eventState = int16("CASE WHEN e.state >= 1 AND e.state <= 10 THEN e.state WHEN e.state IS NOT NULL THEN 0 END");
const eventMinute = int32("CASE WHEN e.changed_day >= b.lo AND e.changed_day <= b.hi THEN e.changed_min END");
const eventBad = (received: string) => `CASE WHEN e.parse_error IS NOT NULL OR e.state IS NULL OR e.changed_min IS NULL OR e.state < 1 OR e.state > 10
      OR e.changed_day < b.lo OR e.changed_day > b.hi OR (e.state <> 1 AND e.changed_min < ${received}) THEN 1 ELSE 0 END`;
const CALENDAR_BOUNDS = "(SELECT MIN(cal_day) AS lo, MAX(cal_day) AS hi FROM chiso_calendar)";

/**
 * One row per key (see `tables.ts`): per dossier, what the rules need from its history — events after the as-of
 * time ignored — and the count of bad events; per id of events that no dossier record has (orphans, `dossier_no`
 * NULL), its events' count. One pass over the events, linked to their dossier through the key: the dossiers'
 * first records (one per key) are the join's build side, every event probes it once, and the link and the
 * grouping are one statement (no table of 37 million numbered events). A FULL join keeps the dossiers without
 * events (`n_events` 0). `has_foreign_event` counts events whose id text differs from their dossier's although the keys
 * agree: it must be 0 (see `KEY_COLLISIONS_SQL`).
 */
export const EVENT_SUMMARY_SQL = `
WITH first_records AS (
  SELECT d.dossier_key AS dossier_key, d.dossier_id AS dossier_id, d.row_no AS dossier_no,
    CASE WHEN r.dossier_key IS NULL THEN d.received_min ELSE r.received_min END AS received_min
  FROM chiso_dossiers_in d
  LEFT JOIN chiso_duplicate_ids r ON r.dossier_key = d.dossier_key
  WHERE d.dossier_key IS NOT NULL AND (r.dossier_key IS NULL OR r.dossier_no = d.row_no)
),
ev AS (
  SELECT CASE WHEN e.row_no IS NULL THEN f.dossier_key ELSE e.dossier_key END AS dossier_key, f.dossier_no AS dossier_no, f.received_min AS received_min,
    e.row_no AS event_row, ${eventState} AS state, ${eventMinute} AS changed_min,
    CASE WHEN e.row_no IS NULL THEN 0 ELSE ${eventBad("f.received_min")} END AS bad,
    CASE WHEN e.row_no IS NOT NULL AND f.dossier_no IS NOT NULL AND e.dossier_id <> f.dossier_id THEN 1 ELSE 0 END AS foreign_id
  FROM chiso_events_in e
  CROSS JOIN ${CALENDAR_BOUNDS} b
  FULL OUTER JOIN first_records f ON f.dossier_key = e.dossier_key
),
seen AS (
  SELECT ev.dossier_key AS dossier_key, ev.dossier_no AS dossier_no, ev.received_min AS received_min, ev.event_row AS event_row,
    ev.state AS state, ev.changed_min AS changed_min, ev.bad AS bad, ev.foreign_id AS foreign_id,
    CASE WHEN ev.changed_min <= p.as_of THEN 1 ELSE 0 END AS seen
  FROM ev CROSS JOIN (SELECT MIN(as_of_min) AS as_of FROM chiso_periods) p
)
SELECT g.dossier_key AS dossier_key, ${int32("g.dossier_no")} AS dossier_no, g.received_min AS received_min,
  ${int32(`g.counts - ${EVENT_COUNT_FIELD} * CAST(FLOOR(g.counts / ${EVENT_COUNT_FIELD}.0) AS BIGINT)`)} AS n_events,
  ${int32(`CAST(FLOOR(g.counts / ${EVENT_COUNT_FIELD}.0) AS BIGINT)`)} AS n_received,
  ${int16(`CASE WHEN g.last_key >= ${BAD_EVENT} THEN 1 ELSE 0 END`)} AS has_bad_event,
  ${int16(`CASE WHEN g.last_key >= ${FOREIGN_EVENT} THEN 1 ELSE 0 END`)} AS has_foreign_event,
  ${int32(`CASE WHEN g.last_key < ${BAD_EVENT} THEN g.last_key END`)} AS last_other,
  ${int32(`g.settled_key - ${SETTLED_CLASS} * CAST(FLOOR(g.settled_key / ${SETTLED_CLASS}.0) AS BIGINT)`)} AS settled_min,
  ${int32("CASE WHEN g.last_supp IS NULL THEN 0 WHEN g.first_supp = g.last_supp THEN 1 ELSE 2 END")} AS n_supp, ${int32("g.last_supp")} AS last_supp
FROM (
-- Five aggregates over every event (each costs DuckDB 40-60 ns an event), the dossier's number and reception
-- grouped with its key (they depend on it), not aggregated.
SELECT dossier_key, dossier_no, received_min,
  -- Events, and events past "newly registered", as one sum (see EVENT_COUNT_FIELD).
  SUM(CASE WHEN event_row IS NULL THEN 0 WHEN state = 1 THEN 1 ELSE ${EVENT_COUNT_FIELD + 1} END) AS counts,
  -- The last event other than a supplement request, or a mark of a foreign or bad event (see BAD_EVENT).
  MAX(CASE WHEN foreign_id = 1 THEN ${FOREIGN_EVENT} WHEN bad = 1 THEN ${BAD_EVENT} WHEN seen = 1 AND state NOT IN (1, 5) THEN changed_min END) AS last_key,
  -- The end of processing (see SETTLED_CLASS) in one aggregate rather than one per class.
  MIN(CASE WHEN seen = 1 THEN CASE WHEN state = 9 THEN 0 WHEN state = 10 THEN 1 WHEN state IN (3, 8) THEN 2 WHEN state = 7 THEN 3 END * ${SETTLED_CLASS} + changed_min END) AS settled_key,
  -- Supplement requests counted by their time: an event repeated row for row (same id, state, time) is one request.
  MIN(CASE WHEN seen = 1 AND state = 5 THEN changed_min END) AS first_supp,
  MAX(CASE WHEN seen = 1 AND state = 5 THEN changed_min END) AS last_supp
FROM seen
GROUP BY dossier_key, dossier_no, received_min
) g
`;

/**
 * Two different ids sharing a key (the 64-bit hash of each; about one chance in 370,000 for ten million ids, n²/2^65): among
 * the dossiers' records, or an event's id and its dossier's. Each would join what is not the same dossier, so the
 * engine computes again with another key function (`keyOf`'s salt) whenever this finds one: the counts are
 * exact, never merely probably right.
 */
export const KEY_COLLISIONS_SQL = `
SELECT CAST(COUNT(*) AS BIGINT) AS n FROM chiso_duplicate_ids WHERE id_lo <> id_hi
UNION ALL
SELECT CAST(COUNT(*) AS BIGINT) FROM chiso_event_summary WHERE has_foreign_event > 0
`;

/**
 * The citizen's waiting time of each dossier with a supplement request (from each request to the next
 * event, in minutes and in working days). Only these dossiers need their events in order; their events are
 * found by key (the dossiers with a request are the join's small build side). Small: one row per such dossier.
 */
export const WAITING_SQL = `
WITH supp_ids AS (
  SELECT sm.dossier_key AS dossier_key, sm.dossier_no AS dossier_no, b.as_of AS as_of_min
  FROM chiso_event_summary sm CROSS JOIN (SELECT MIN(as_of_min) AS as_of FROM chiso_periods) b
  WHERE sm.n_supp > 0 AND sm.dossier_no IS NOT NULL
),
ev AS (
  SELECT si.dossier_no AS dossier_no, e.dossier_id AS dossier_id, ${eventState} AS state, ${eventMinute} AS changed_min, e.row_no AS row_no, si.as_of_min AS as_of_min
  FROM chiso_events_in e
  CROSS JOIN ${CALENDAR_BOUNDS} b
  JOIN supp_ids si ON si.dossier_key = e.dossier_key
),
supp_events AS (
  SELECT ev.dossier_no AS dossier_no, ev.dossier_id AS dossier_id, ev.state AS state, ev.changed_min AS changed_min, ev.row_no AS row_no,
    CAST(FLOOR(ev.changed_min / 1440.0) AS BIGINT) AS changed_day,
    ROW_NUMBER() OVER (PARTITION BY ev.dossier_no ORDER BY ev.changed_min, ev.row_no) AS rn
  FROM ev
  WHERE ev.changed_min <= ev.as_of_min
)
SELECT a.dossier_no AS dossier_no, MIN(a.dossier_id) AS dossier_id,
  CAST(SUM(b.changed_min - a.changed_min) AS BIGINT) AS wait_min,
  CAST(SUM(cb.work_ord - ca.work_ord) AS BIGINT) AS wait_wd,
  -- A request repeated row for row (waits nothing): its later row, for a warning.
  MAX(CASE WHEN b.state = 5 AND b.changed_min = a.changed_min THEN b.row_no END) AS dup_row
FROM supp_events a
JOIN supp_events b ON b.dossier_no = a.dossier_no AND b.rn = a.rn + 1
JOIN chiso_calendar ca ON ca.cal_day = a.changed_day
JOIN chiso_calendar cb ON cb.cal_day = b.changed_day
WHERE a.state = 5
GROUP BY a.dossier_no
`;

/**
 * The dossier ids that need a closer look: duplicated ids, ids without events, with a bad event, or
 * with no event past "newly registered". Small (only the exceptions), so later steps join it cheaply.
 * (Events whose id is in no dossier record are the event summary's rows without a dossier number.)
 */
export const DOSSIER_LINKS_SQL = `
SELECT s.dossier_key AS dossier_key, s.dossier_no AS dossier_no,
  CASE WHEN s.n_events = 0 THEN 0 ELSE 1 END AS in_events,
  s.received_min AS received_min, COALESCE(r.n_rows, 1) AS n_rows,
  s.has_bad_event AS has_bad_event, s.n_received AS n_received
FROM chiso_event_summary s
LEFT JOIN chiso_duplicate_ids r ON r.dossier_key = s.dossier_key
WHERE s.dossier_no IS NOT NULL AND (s.n_events = 0 OR r.dossier_key IS NOT NULL OR s.has_bad_event > 0 OR s.n_received = 0)
`;

/** Every problem in the input, one row each: where it is and what it is. */
export const PROBLEMS_SQL = `
WITH dup_procedures AS (
  SELECT procedure_id FROM chiso_procedures_in WHERE procedure_id IS NOT NULL GROUP BY procedure_id HAVING COUNT(*) > 1
),
good_procedures AS (
  SELECT pr.procedure_id AS procedure_id, pr.legal_duration AS legal_duration
  FROM chiso_procedures_in pr
  LEFT JOIN dup_procedures dp ON dp.procedure_id = pr.procedure_id
  WHERE pr.parse_error IS NULL AND pr.procedure_id IS NOT NULL AND dp.procedure_id IS NULL
    AND (pr.legal_duration IS NULL OR (pr.legal_duration >= 0 AND pr.duration_unit IN ('hours', 'days', 'working_days', 'months')))
),
dup_feedback AS (
  SELECT feedback_id FROM chiso_feedback_in WHERE feedback_id IS NOT NULL GROUP BY feedback_id HAVING COUNT(*) > 1
),
-- One pass over the dossiers, joined only to small tables: each check as a flag, the rows with any flag kept.
dchk AS (
  SELECT x.row_no AS row_no, x.dossier_id AS dossier_id, x.unit_id AS unit_id, x.procedure_id AS procedure_id, x.channel AS channel,
    x.parse_error AS parse_error, x.parse_value AS parse_value, x.due_day AS due_day,
    CASE WHEN x.parse_error IS NULL AND (x.dossier_id IS NULL OR x.unit_id IS NULL OR x.procedure_id IS NULL OR x.received_min IS NULL) THEN 1 ELSE 0 END AS f_missing,
    CASE WHEN x.parse_error IS NULL AND x.channel IS NOT NULL AND x.channel NOT IN (1, 2, 3) THEN 1 ELSE 0 END AS f_channel,
    CASE WHEN l.n_rows > 1 THEN 1 ELSE 0 END AS f_dup,
    CASE WHEN x.unit_id IS NOT NULL AND u.unit_id IS NULL THEN 1 ELSE 0 END AS f_unit,
    CASE WHEN x.dossier_id IS NOT NULL AND x.procedure_id IS NOT NULL AND gp.procedure_id IS NULL THEN 1 ELSE 0 END AS f_procedure,
    CASE WHEN x.parse_error IS NULL AND gp.procedure_id IS NOT NULL AND x.due_day IS NULL AND gp.legal_duration IS NULL THEN 1 ELSE 0 END AS f_no_due,
    CASE WHEN l.in_events = 0 THEN 1 ELSE 0 END AS f_no_events,
    CASE WHEN x.due_day IS NOT NULL AND c.cal_day IS NULL THEN 1 ELSE 0 END AS f_due_range,
    CASE WHEN x.due_day < x.received_day THEN 1 ELSE 0 END AS f_due_early,
    CASE WHEN u.has_children = 1 THEN 1 ELSE 0 END AS f_parent,
    x.received_day AS received_day
  FROM chiso_dossiers_in x
  LEFT JOIN chiso_units u ON u.unit_id = x.unit_id
  LEFT JOIN good_procedures gp ON gp.procedure_id = x.procedure_id
  LEFT JOIN chiso_dossier_links l ON l.dossier_key = x.dossier_key
  LEFT JOIN chiso_calendar c ON c.cal_day = x.due_day
  WHERE x.parse_error IS NOT NULL OR x.dossier_id IS NULL OR x.unit_id IS NULL OR x.received_min IS NULL
    OR (x.channel IS NOT NULL AND x.channel NOT IN (1, 2, 3)) OR l.dossier_key IS NOT NULL OR u.unit_id IS NULL OR gp.procedure_id IS NULL
    OR (x.due_day IS NULL AND gp.legal_duration IS NULL) OR (x.due_day IS NOT NULL AND c.cal_day IS NULL)
    OR x.due_day < x.received_day OR u.has_children = 1
),
-- Events that need looking at row by row: those of a dossier with a bad event (one unreadable, or before
-- reception), and those whose id is in no dossier record (or empty), found by key in one pass over the events.
looked_at AS (
  SELECT dossier_key, 1 AS in_dossiers, received_min FROM chiso_dossier_links WHERE in_events = 1 AND has_bad_event > 0
  UNION ALL
  SELECT dossier_key, 0, NULL FROM chiso_event_summary WHERE dossier_no IS NULL AND dossier_key IS NOT NULL
),
ev AS (
  SELECT e.row_no AS row_no, e.dossier_id AS dossier_id, e.state AS state, e.changed_min AS changed_min, e.changed_day AS changed_day,
    e.parse_error AS parse_error, e.parse_value AS parse_value, COALESCE(r.in_dossiers, 0) AS in_dossiers, r.received_min AS received_min
  FROM chiso_events_in e
  LEFT JOIN looked_at r ON r.dossier_key = e.dossier_key
  WHERE r.dossier_key IS NOT NULL OR e.dossier_key IS NULL
)
SELECT 'dossiers' AS source, d.row_no AS row_no, d.dossier_id AS record_id, d.parse_error AS column_name,
  CASE WHEN d.parse_error IN ('received_at', 'due_at') THEN 'bad_timestamp' ELSE 'bad_value' END AS code, 'error' AS severity, d.parse_value AS value
FROM dchk d WHERE d.parse_error IS NOT NULL
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id,
  CASE WHEN d.dossier_id IS NULL THEN 'dossier_id' WHEN d.unit_id IS NULL THEN 'unit_id' WHEN d.procedure_id IS NULL THEN 'procedure_id' ELSE 'received_at' END,
  'missing_value', 'error', NULL
FROM dchk d WHERE d.f_missing = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'channel', 'unknown_channel', 'error', CAST(d.channel AS VARCHAR)
FROM dchk d WHERE d.f_channel = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'dossier_id', 'duplicate_id', 'error', d.dossier_id
FROM dchk d WHERE d.f_dup = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'unit_id', 'unknown_unit', 'error', d.unit_id
FROM dchk d WHERE d.f_unit = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'procedure_id', 'unknown_procedure', 'error', d.procedure_id
FROM dchk d WHERE d.f_procedure = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'due_at', 'no_due_date', 'error', d.procedure_id
FROM dchk d WHERE d.f_no_due = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'dossier_id', 'no_events', 'error', d.dossier_id
FROM dchk d WHERE d.f_no_events = 1
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, e.parse_error,
  CASE WHEN e.parse_error = 'changed_at' THEN 'bad_timestamp' ELSE 'bad_value' END, 'error', e.parse_value
FROM ev e WHERE e.parse_error IS NOT NULL
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, CASE WHEN e.dossier_id IS NULL THEN 'dossier_id' WHEN e.state IS NULL THEN 'state' ELSE 'changed_at' END,
  'missing_value', 'error', NULL
FROM ev e
WHERE e.parse_error IS NULL AND (e.dossier_id IS NULL OR e.state IS NULL OR e.changed_min IS NULL)
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, 'state', 'unknown_state', 'error', CAST(e.state AS VARCHAR)
FROM ev e WHERE e.parse_error IS NULL AND (e.state < 1 OR e.state > 10)
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, 'dossier_id', 'orphan_event', 'warning', e.dossier_id
FROM ev e WHERE e.in_dossiers = 0 AND e.dossier_id IS NOT NULL
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, 'changed_at', 'event_before_reception', 'error', CAST(e.state AS VARCHAR)
FROM ev e WHERE e.in_dossiers = 1 AND e.parse_error IS NULL AND e.state <> 1 AND e.changed_min < e.received_min
UNION ALL
SELECT 'events', e.row_no, e.dossier_id, 'changed_at', 'timestamp_out_of_range', 'error', CAST(e.changed_day AS VARCHAR)
FROM ev e LEFT JOIN chiso_calendar c ON c.cal_day = e.changed_day
WHERE e.changed_day IS NOT NULL AND c.cal_day IS NULL
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'due_at', 'timestamp_out_of_range', 'error', CAST(d.due_day AS VARCHAR)
FROM dchk d WHERE d.f_due_range = 1
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'due_at', 'due_before_reception', 'error', NULL
FROM dchk d WHERE d.f_due_early = 1 AND d.f_due_range = 0
UNION ALL
SELECT 'dossiers', d.row_no, d.dossier_id, 'unit_id', 'unit_has_children', 'error', d.unit_id
FROM dchk d WHERE d.f_parent = 1
UNION ALL
SELECT 'events', w.dup_row, w.dossier_id, 'state', 'duplicate_event', 'warning', w.dossier_id
FROM chiso_waiting w WHERE w.dup_row IS NOT NULL
UNION ALL
SELECT 'procedures', pr.row_no, pr.procedure_id, pr.parse_error, 'bad_value', 'error', pr.parse_value
FROM chiso_procedures_in pr WHERE pr.parse_error IS NOT NULL
UNION ALL
SELECT 'procedures', pr.row_no, pr.procedure_id, 'procedure_id', CASE WHEN pr.procedure_id IS NULL THEN 'missing_value' ELSE 'duplicate_id' END, 'error', pr.procedure_id
FROM chiso_procedures_in pr LEFT JOIN dup_procedures dp ON dp.procedure_id = pr.procedure_id
WHERE pr.procedure_id IS NULL OR dp.procedure_id IS NOT NULL
UNION ALL
SELECT 'procedures', pr.row_no, pr.procedure_id, 'duration_unit', 'unknown_duration_unit', 'error', pr.duration_unit
FROM chiso_procedures_in pr
WHERE pr.parse_error IS NULL AND pr.legal_duration IS NOT NULL AND (pr.duration_unit IS NULL OR pr.duration_unit NOT IN ('hours', 'days', 'working_days', 'months'))
UNION ALL
SELECT 'procedures', pr.row_no, pr.procedure_id, 'legal_duration', 'negative_value', 'error', CAST(pr.legal_duration AS VARCHAR)
FROM chiso_procedures_in pr WHERE pr.parse_error IS NULL AND pr.legal_duration < 0
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, f.parse_error, CASE WHEN f.parse_error IN ('received_at', 'due_at', 'handled_at') THEN 'bad_timestamp' ELSE 'bad_value' END, 'error', f.parse_value
FROM chiso_feedback_in f WHERE f.parse_error IS NOT NULL
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, CASE WHEN f.feedback_id IS NULL THEN 'feedback_id' WHEN f.unit_id IS NULL THEN 'unit_id' ELSE 'received_at' END, 'missing_value', 'error', NULL
FROM chiso_feedback_in f WHERE f.parse_error IS NULL AND (f.feedback_id IS NULL OR f.unit_id IS NULL OR f.received_min IS NULL)
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'unit_id', 'unknown_unit', 'error', f.unit_id
FROM chiso_feedback_in f LEFT JOIN chiso_units u ON u.unit_id = f.unit_id
WHERE f.unit_id IS NOT NULL AND u.unit_id IS NULL
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'unit_id', 'unit_has_children', 'error', f.unit_id
FROM chiso_feedback_in f JOIN chiso_units u ON u.unit_id = f.unit_id
WHERE u.has_children = 1
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'handled_at', 'handled_before_received', 'error', NULL
FROM chiso_feedback_in f WHERE f.parse_error IS NULL AND f.handled_min < f.received_min
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'feedback_id', 'duplicate_id', 'error', f.feedback_id
FROM chiso_feedback_in f JOIN dup_feedback df ON df.feedback_id = f.feedback_id
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, CASE WHEN f.likes < 0 THEN 'likes' ELSE 'dislikes' END, 'negative_value', 'error',
  CAST(CASE WHEN f.likes < 0 THEN f.likes ELSE f.dislikes END AS VARCHAR)
FROM chiso_feedback_in f WHERE f.parse_error IS NULL AND (f.likes < 0 OR f.dislikes < 0)
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'due_at', 'timestamp_out_of_range', 'error', CAST(f.due_day AS VARCHAR)
FROM chiso_feedback_in f LEFT JOIN chiso_calendar c ON c.cal_day = f.due_day
WHERE f.due_day IS NOT NULL AND c.cal_day IS NULL
UNION ALL
SELECT 'feedback', f.row_no, f.feedback_id, 'handled_at', 'timestamp_out_of_range', 'error', CAST(f.handled_day AS VARCHAR)
FROM chiso_feedback_in f LEFT JOIN chiso_calendar c ON c.cal_day = f.handled_day
WHERE f.handled_day IS NOT NULL AND c.cal_day IS NULL
`;

/**
 * What became of each dossier record: `rejected` (it has an error, listed in the problems, or an event
 * that does), `outside_period` (received in another month), `not_received` (only "newly registered",
 * state 1) or `counted`. The dossiers' ids are not read: a record with a duplicated id is rejected by its
 * row, and any other record's links (if it has any) are those of its own row number.
 */
const placedDossiers = (columns: string) => `
bad_rows AS (
  SELECT row_no FROM chiso_problems WHERE source = 'dossiers' AND severity = 'error' GROUP BY row_no
),
placed AS (
  SELECT ${columns}, c.month_ord AS month_ord,
    CASE
      WHEN br.row_no IS NOT NULL OR (l.in_events = 1 AND l.has_bad_event > 0) THEN 'rejected'
      WHEN p.month_ord IS NULL THEN 'outside_period'
      WHEN l.in_events = 1 AND l.n_received = 0 THEN 'not_received'
      ELSE 'counted'
    END AS status
  FROM chiso_dossiers_in d
  LEFT JOIN bad_rows br ON br.row_no = d.row_no
  LEFT JOIN chiso_calendar c ON c.cal_day = d.received_day
  LEFT JOIN chiso_periods p ON p.month_ord = c.month_ord
  LEFT JOIN chiso_dossier_links l ON l.dossier_no = d.row_no
)`;

/**
 * How many dossier records ended in each status (see `placedDossiers`); the rejected ones also by unit
 * (its number, NULL when the unit is unknown) and month (NULL when the reception cannot be placed),
 * so that a unit whose every dossier was rejected reads as "no data", never as a quiet 0/0.
 */
export const DOSSIER_STATUS_SQL = `
WITH ${placedDossiers("d.row_no AS row_no, d.unit_id AS unit_id")}
SELECT x.status AS status, un.unit_no AS unit_no, x.month_ord AS month_ord, CAST(COUNT(*) AS BIGINT) AS n
FROM (
  SELECT status, CASE WHEN status = 'rejected' THEN unit_id END AS unit_id, CASE WHEN status = 'rejected' THEN month_ord END AS month_ord FROM placed
) x
LEFT JOIN chiso_units un ON un.unit_id = x.unit_id
GROUP BY x.status, un.unit_no, x.month_ord
`;

/** The units and months with rejected dossiers (see `DOSSIER_STATUS_SQL`; `month_ord` NULL: a month not known). */
export const REJECTED_UNITS_SQL = `
SELECT unit_no, month_ord, CAST(SUM(n) AS BIGINT) AS n FROM chiso_dossier_status
WHERE status = 'rejected' AND unit_no IS NOT NULL GROUP BY unit_no, month_ord
`;

/** The units and months of rejected feedback (PAKN) items whose unit is known (`month_ord` NULL: a month not known). */
export const REJECTED_FEEDBACK_UNITS_SQL = `
SELECT un.unit_no AS unit_no, c.month_ord AS month_ord, CAST(COUNT(*) AS BIGINT) AS n
FROM chiso_feedback_in f
JOIN (SELECT row_no FROM chiso_problems WHERE source = 'feedback' AND severity = 'error' GROUP BY row_no) b ON b.row_no = f.row_no
JOIN chiso_units un ON un.unit_id = f.unit_id
LEFT JOIN chiso_calendar c ON c.cal_day = f.received_day
GROUP BY un.unit_no, c.month_ord
`;

/**
 * One row per counted dossier: when its processing ended, its due day, whether it was on time, and
 * each item's test. The choices where §1.5 is silent are documented in docs/dossier-format.md.
 */
/** The columns of the \`ended\` step, listed (ClickHouse renames \`x.*\` columns that clash in a join). */
const ENDED_COLUMNS = ["row_no", "dossier_id", "unit_no", "procedure_id", "month_ord", "channel", "received_min", "received_day", "due_min", "due_day", "fee_due", "paid_online", "digitized_at_intake", "result_electronic", "reused_data", "population_data", "data_store_synced", "complained", "n_supp", "settled_min", "supp_pending", "end_min", "end_day", "wait_min", "wait_wd", "legal_duration", "duration_unit", "paper_result", "procedure_row", "target_work_ord", "target_month_ord", "received_dom", "start_day"];
const columnsOf = (alias: string, columns: readonly string[]) => columns.map((column) => `${alias}.${column} AS ${column}`).join(", ");

/**
 * The 0/1 tests of each counted dossier, stored as the bits of one integer (`flags`, bit i = the i-th test):
 * writing a column costs DuckDB about 30 ns a value, so sixteen flag columns were a third of the per-dossier
 * step. Each test reads the `judged` step (`j`).
 */
const RESULT_FLAGS: readonly (readonly [name: string, test: string])[] = [
  ["settled", "CASE WHEN j.settled_min IS NOT NULL THEN 1 ELSE 0 END"],
  ["on_time", "CASE WHEN j.late_by_time = 1 OR j.n_supp >= 2 THEN 0 ELSE 1 END"],
  ["early", "CASE WHEN j.late_by_time = 0 AND j.n_supp < 2 AND j.settled_min IS NOT NULL AND j.end_pos < j.due_pos THEN 1 ELSE 0 END"],
  ["channel_online", "CASE WHEN j.channel = 2 THEN 1 ELSE 0 END"],
  ["channel_post", "CASE WHEN j.channel = 3 THEN 1 ELSE 0 END"],
  ["channel_direct", "CASE WHEN j.channel = 2 OR j.channel = 3 THEN 0 ELSE 1 END"],
  ["online", "CASE WHEN j.channel = 2 AND (j.paper_result = 0 OR j.result_electronic = 1) THEN 1 ELSE 0 END"],
  ["fee_due", "COALESCE(j.fee_due, 0)"],
  ["paid", "CASE WHEN j.fee_due = 1 AND j.paid_online = 1 THEN 1 ELSE 0 END"],
  ["result_electronic", "COALESCE(j.result_electronic, 0)"],
  ["digitized_at_intake", "COALESCE(j.digitized_at_intake, 0)"],
  ["digitized_ok", "CASE WHEN j.digitized_at_intake = 1 AND (j.paper_result = 0 OR j.result_electronic = 1) THEN 1 ELSE 0 END"],
  ["reused_data", "COALESCE(j.reused_data, 0)"],
  ["data_store_synced", "COALESCE(j.data_store_synced, 0)"],
  ["population_data", "COALESCE(j.population_data, 0)"],
  ["complained", "COALESCE(j.complained, 0)"],
];

export const DOSSIER_RESULT_SQL = `
WITH ${placedDossiers(["row_no", "dossier_id", "unit_id", "procedure_id", "channel", "received_min", "received_day", "due_min", "due_day", "fee_due", "paid_online", "digitized_at_intake", "result_electronic", "reused_data", "population_data", "data_store_synced", "complained"].map((column) => `d.${column} AS ${column}`).join(", "))},
counted AS (
  SELECT d.row_no AS row_no, d.dossier_id AS dossier_id, un.unit_no AS unit_no, d.procedure_id AS procedure_id, d.month_ord AS month_ord,
    d.channel AS channel, d.received_min AS received_min, d.received_day AS received_day, d.due_min AS due_min, d.due_day AS due_day,
    d.fee_due AS fee_due, d.paid_online AS paid_online, d.digitized_at_intake AS digitized_at_intake,
    d.result_electronic AS result_electronic, d.reused_data AS reused_data, d.population_data AS population_data,
    d.data_store_synced AS data_store_synced, d.complained AS complained
  FROM placed d
  JOIN chiso_units un ON un.unit_id = d.unit_id
  WHERE d.status = 'counted'
),
summary AS (
  SELECT s.dossier_no AS dossier_no, s.n_supp AS n_supp, s.last_supp AS last_supp, s.last_other AS last_other, s.settled_min AS settled_min
  FROM chiso_event_summary s
),
ended AS (
  SELECT c.row_no AS row_no, c.dossier_id AS dossier_id, c.unit_no AS unit_no, c.procedure_id AS procedure_id, c.month_ord AS month_ord, c.channel AS channel,
    c.received_min AS received_min, c.received_day AS received_day, c.due_min AS due_min, c.due_day AS due_day,
    c.fee_due AS fee_due, c.paid_online AS paid_online, c.digitized_at_intake AS digitized_at_intake, c.result_electronic AS result_electronic,
    c.reused_data AS reused_data, c.population_data AS population_data, c.data_store_synced AS data_store_synced, c.complained AS complained,
    COALESCE(a.n_supp, 0) AS n_supp,
    a.settled_min AS settled_min,
    CASE WHEN a.settled_min IS NULL AND a.n_supp > 0 AND a.last_supp >= COALESCE(a.last_other, a.last_supp) THEN 1 ELSE 0 END AS supp_pending,
    CASE
      WHEN a.settled_min IS NOT NULL THEN a.settled_min
      WHEN a.n_supp > 0 AND a.last_supp >= COALESCE(a.last_other, a.last_supp) THEN a.last_supp
      ELSE p.open_end_min
    END AS end_min,
    CASE
      WHEN a.settled_min IS NOT NULL THEN CAST(FLOOR(a.settled_min / 1440.0) AS BIGINT)
      WHEN a.n_supp > 0 AND a.last_supp >= COALESCE(a.last_other, a.last_supp) THEN CAST(FLOOR(a.last_supp / 1440.0) AS BIGINT)
      ELSE p.open_end_day
    END AS end_day,
    COALESCE(w.wait_min, 0) AS wait_min,
    COALESCE(w.wait_wd, 0) AS wait_wd,
    pr.legal_duration AS legal_duration, pr.duration_unit AS duration_unit, COALESCE(pr.paper_result, 0) AS paper_result,
    pr.row_no AS procedure_row,
    -- A dossier received on a day off is received on the next working day (\`start\`): its legal duration runs
    -- from there (\`next_work_day\` is the day itself on a working day).
    st.work_ord + COALESCE(pr.legal_duration, 0) AS target_work_ord,
    st.month_ord + COALESCE(pr.legal_duration, 0) AS target_month_ord,
    st.dom AS received_dom,
    st.cal_day AS start_day
  FROM counted c
  JOIN chiso_periods p ON p.month_ord = c.month_ord
  LEFT JOIN summary a ON a.dossier_no = c.row_no
  LEFT JOIN chiso_waiting w ON w.dossier_no = c.row_no
  LEFT JOIN chiso_procedures_in pr ON pr.procedure_id = c.procedure_id
  LEFT JOIN chiso_calendar rc ON rc.cal_day = c.received_day
  LEFT JOIN chiso_calendar st ON st.cal_day = rc.next_work_day
),
due AS (
  SELECT ${columnsOf("x", ENDED_COLUMNS)},
    CASE WHEN x.due_day IS NULL AND x.duration_unit = 'hours' THEN x.received_min + x.legal_duration * 60 + x.wait_min END AS due_hours_min,
    CASE
      WHEN x.due_day IS NOT NULL THEN x.due_day
      WHEN x.duration_unit = 'working_days' THEN wd.cal_day
      WHEN x.duration_unit = 'hours' THEN CAST(FLOOR((x.received_min + x.legal_duration * 60 + x.wait_min) / 1440.0) AS BIGINT)
    END AS due_day_set,
    -- A term in calendar days or months that ends on a day off ends on the next working day (Civil Code 2015, art. 148).
    CASE
      WHEN x.due_day IS NOT NULL THEN NULL
      WHEN x.duration_unit = 'days' THEN x.start_day + x.legal_duration
      WHEN x.duration_unit = 'months' THEN mo.first_day + LEAST(x.received_dom, mo.days_in_month) - 1
    END AS term_end_day
  FROM ended x
  LEFT JOIN chiso_calendar wd ON wd.work_ord = x.target_work_ord AND wd.working = 1
  LEFT JOIN chiso_months mo ON mo.month_ord = x.target_month_ord
),
due_moved AS (
  SELECT ${columnsOf("y", [...ENDED_COLUMNS, "due_hours_min"])},
    CASE WHEN y.term_end_day IS NULL THEN y.due_day_set ELSE COALESCE(te.next_work_day, y.term_end_day) END AS due_day_final
  FROM due y
  LEFT JOIN chiso_calendar te ON te.cal_day = y.term_end_day
),
judged AS (
  SELECT ${columnsOf("u", [...ENDED_COLUMNS, "due_hours_min", "due_day_final"])},
    ce.pos - 2 * u.wait_wd AS end_pos,
    dc.pos AS due_pos,
    CASE
      WHEN u.due_hours_min IS NOT NULL THEN CASE WHEN u.end_min > u.due_hours_min THEN 1 ELSE 0 END
      WHEN ce.pos - 2 * u.wait_wd > dc.pos THEN 1
      ELSE 0
    END AS late_by_time
  FROM due_moved u
  LEFT JOIN chiso_calendar ce ON ce.cal_day = u.end_day
  LEFT JOIN chiso_calendar dc ON dc.cal_day = u.due_day_final
)
-- Ids stay out of this (large) table: the evidence fetches them by row number for the few dossiers it lists.
-- Narrow types (32-bit numbers and minutes, one integer of 0/1 tests: see RESULT_FLAGS) keep ten million rows small.
SELECT ${int32("j.row_no")} AS row_no, ${int32("j.unit_no")} AS unit_no, ${int32("j.month_ord")} AS month_ord,
  ${int32("j.received_min")} AS received_min,
  ${int32("CASE WHEN j.due_min IS NOT NULL THEN j.due_min WHEN j.due_hours_min IS NOT NULL THEN j.due_hours_min ELSE j.due_day_final * 1440 + 1439 END")} AS due_out_min,
  ${int32("j.settled_min")} AS settled_min,
  ${int16(`CASE
    WHEN j.n_supp >= 2 THEN ${reasonCode("supplement_requested_twice")}
    WHEN j.late_by_time = 0 THEN NULL
    WHEN j.settled_min IS NOT NULL THEN ${reasonCode("late")}
    WHEN j.supp_pending = 1 THEN ${reasonCode("supplement_request_late")}
    ELSE ${reasonCode("overdue_in_progress")}
  END`)} AS late_reason,
  ${int32("CASE WHEN j.late_by_time = 1 THEN GREATEST(1, CAST(FLOOR((j.end_pos - j.due_pos + 1) / 2.0) AS BIGINT)) END")} AS days_late,
  ${int32("j.wait_min")} AS wait_min,
  -- The procedure's row in the procedures file, for the evidence (which then reads no procedure id).
  ${int32("j.procedure_row")} AS procedure_row,
  ${int32(RESULT_FLAGS.map(([, test], bit) => `(${test}) * ${2 ** bit}`).join("\n    + "))} AS flags
FROM judged j
`;

/**
 * `chiso_dossier_result` with its tests unpacked into 0/1 columns named as in `RESULT_FLAGS` (integer
 * arithmetic: portable, and cheap next to storing sixteen columns).
 */
const RESULTS = `(SELECT row_no, unit_no, month_ord, received_min, due_out_min, settled_min, late_reason, days_late, wait_min, procedure_row,
  ${RESULT_FLAGS.map(([name], bit) => `CASE WHEN flags % ${2 ** (bit + 1)} >= ${2 ** bit} THEN 1 ELSE 0 END AS ${name}`).join(", ")}
  FROM chiso_dossier_result)`;

const UNIT_COUNT_COLUMNS = ["n_received", "n_on_time", "n_settled", "n_early", "n_settled_on_time", "n_settled_overdue", "n_channel_online", "n_channel_direct", "n_channel_post", "n_online", "n_fee_due", "n_paid", "n_result_electronic", "n_digitized_ok", "n_reused_data", "n_data_store_synced", "n_population_data", "n_complained", "n_settled_minutes"];

/** The counts per unit and month (the numerators and denominators of the figures), grouped by the unit's number. */
export const UNIT_COUNTS_SQL = `
SELECT u.unit_id AS unit_id, c.month_ord AS month_ord, ${UNIT_COUNT_COLUMNS.map((column) => `c.${column} AS ${column}`).join(", ")}
FROM (
SELECT unit_no, month_ord,
  CAST(COUNT(*) AS BIGINT) AS n_received,
  CAST(SUM(on_time) AS BIGINT) AS n_on_time,
  CAST(SUM(settled) AS BIGINT) AS n_settled,
  CAST(SUM(early) AS BIGINT) AS n_early,
  CAST(SUM(CASE WHEN settled = 1 AND on_time = 1 AND early = 0 THEN 1 ELSE 0 END) AS BIGINT) AS n_settled_on_time,
  CAST(SUM(CASE WHEN settled = 1 AND on_time = 0 THEN 1 ELSE 0 END) AS BIGINT) AS n_settled_overdue,
  CAST(SUM(channel_online) AS BIGINT) AS n_channel_online,
  CAST(SUM(channel_direct) AS BIGINT) AS n_channel_direct,
  CAST(SUM(channel_post) AS BIGINT) AS n_channel_post,
  CAST(SUM(online) AS BIGINT) AS n_online,
  CAST(SUM(fee_due) AS BIGINT) AS n_fee_due,
  CAST(SUM(paid) AS BIGINT) AS n_paid,
  CAST(SUM(result_electronic) AS BIGINT) AS n_result_electronic,
  CAST(SUM(digitized_ok) AS BIGINT) AS n_digitized_ok,
  CAST(SUM(reused_data) AS BIGINT) AS n_reused_data,
  CAST(SUM(data_store_synced) AS BIGINT) AS n_data_store_synced,
  CAST(SUM(population_data) AS BIGINT) AS n_population_data,
  CAST(SUM(complained) AS BIGINT) AS n_complained,
  CAST(SUM(CASE WHEN settled = 1 THEN settled_min - received_min - wait_min ELSE 0 END) AS BIGINT) AS n_settled_minutes
FROM ${RESULTS} r
GROUP BY unit_no, month_ord
) c
JOIN chiso_units u ON u.unit_no = c.unit_no
`;

/**
 * Feedback (PAKN) received in the period, judged: handled (or still open at the period's end) by its
 * due day — given, or 15 working days after reception — and satisfactory (not more dislikes than
 * likes, not late, not repeated about the result).
 */
export const FEEDBACK_RESULT_SQL = `
WITH bad AS (
  SELECT row_no FROM chiso_problems WHERE source = 'feedback' AND severity = 'error' GROUP BY row_no
),
placed AS (
  SELECT f.row_no AS row_no, f.feedback_id AS feedback_id, f.unit_id AS unit_id, un.unit_no AS unit_no, c.month_ord AS month_ord,
    f.received_min AS received_min, f.due_day AS due_day, f.handled_min AS handled_min, f.handled_day AS handled_day,
    COALESCE(f.likes, 0) AS likes, COALESCE(f.dislikes, 0) AS dislikes, COALESCE(f.repeated, 0) AS repeated,
    -- Received on a day off: received on the next working day (as for dossiers).
    c.work_ord + 1 - c.working + ${FEEDBACK_HANDLING_WORKING_DAYS} AS target_work_ord,
    CASE WHEN b.row_no IS NOT NULL THEN 'rejected' WHEN p.month_ord IS NULL THEN 'outside_period' ELSE 'counted' END AS status,
    p.open_end_day AS open_end_day, p.as_of_min AS as_of_min
  FROM chiso_feedback_in f
  LEFT JOIN bad b ON b.row_no = f.row_no
  LEFT JOIN chiso_calendar c ON c.cal_day = f.received_day
  LEFT JOIN chiso_periods p ON p.month_ord = c.month_ord
  LEFT JOIN chiso_units un ON un.unit_id = f.unit_id
),
judged AS (
  SELECT ${columnsOf("x", ["feedback_id", "unit_id", "unit_no", "month_ord", "received_min", "handled_min", "likes", "dislikes", "repeated"])},
    COALESCE(x.due_day, wd.cal_day) AS due_day_final,
    CASE WHEN x.handled_min IS NOT NULL AND x.handled_min <= x.as_of_min THEN x.handled_day ELSE x.open_end_day END AS end_day,
    CASE WHEN x.handled_min IS NOT NULL AND x.handled_min <= x.as_of_min THEN 1 ELSE 0 END AS handled
  FROM placed x
  LEFT JOIN chiso_calendar wd ON wd.work_ord = x.target_work_ord AND wd.working = 1
  WHERE x.status = 'counted'
)
SELECT j.feedback_id AS feedback_id, j.unit_id AS unit_id, j.unit_no AS unit_no, j.month_ord AS month_ord, j.received_min AS received_min,
  j.due_day_final * 1440 + 1439 AS due_out_min,
  CASE WHEN j.handled = 1 THEN j.handled_min END AS handled_min,
  CASE WHEN ce.pos > dc.pos THEN 0 ELSE 1 END AS on_time,
  CASE WHEN ce.pos > dc.pos THEN GREATEST(1, CAST(FLOOR((ce.pos - dc.pos + 1) / 2.0) AS BIGINT)) END AS days_late,
  j.handled AS handled,
  CASE WHEN j.dislikes > j.likes THEN 1 ELSE 0 END AS unsatisfied,
  j.repeated AS repeated,
  CASE WHEN ce.pos > dc.pos OR j.dislikes > j.likes OR j.repeated = 1 THEN 0 ELSE 1 END AS satisfactory
FROM judged j
LEFT JOIN chiso_calendar ce ON ce.cal_day = j.end_day
LEFT JOIN chiso_calendar dc ON dc.cal_day = j.due_day_final
`;

export const FEEDBACK_COUNTS_SQL = `
SELECT unit_id, month_ord,
  CAST(COUNT(*) AS BIGINT) AS n_received,
  CAST(SUM(on_time) AS BIGINT) AS n_on_time,
  CAST(SUM(satisfactory) AS BIGINT) AS n_satisfactory
FROM chiso_feedback_result
GROUP BY unit_id, month_ord
`;

/** What became of the records: one row per file and status, for the "read, counted, rejected" report. */
export const ACCOUNTING_SQL = `
SELECT 'dossiers' AS source, status AS status_name, CAST(SUM(n) AS BIGINT) AS n FROM chiso_dossier_status GROUP BY status
UNION ALL
SELECT 'feedback_counted', 'counted', CAST(COUNT(*) AS BIGINT) FROM chiso_feedback_result
UNION ALL
SELECT 'feedback', 'read', CAST(COUNT(*) AS BIGINT) FROM chiso_feedback_in
UNION ALL
SELECT 'feedback_rejected', 'rejected', CAST(COUNT(*) AS BIGINT) FROM (
  SELECT row_no FROM chiso_problems WHERE source = 'feedback' AND severity = 'error' GROUP BY row_no
) r
`;

/**
 * Item code, test, reason: what a dossier failed for each dossier item of the figures. `where` reads the
 * result table's columns; `reason` (a reason's code, see `reasonCode`) reads them through the alias `r`.
 */
const DOSSIER_EVIDENCE_PARTS: readonly { item: string; where: string; reason: string; timely?: true }[] = [
  { item: "ON_TIME", where: "on_time = 0", reason: "r.late_reason", timely: true },
  { item: "ONLINE_DOSSIER_SHARE", where: "online = 0", reason: `CASE WHEN r.channel_online = 1 THEN ${reasonCode("no_electronic_result")} ELSE ${reasonCode("not_online")} END` },
  { item: "ONLINE_PAYMENT_DOSSIER", where: "fee_due = 1 AND paid = 0", reason: reasonCode("not_paid_online") },
  { item: "ORIGINAL_RESULT_AVAILABLE", where: "result_electronic = 0", reason: reasonCode("no_electronic_result") },
  { item: "SO_HOA_GIAY_TO_GIAI_QUYET", where: "digitized_ok = 0", reason: `CASE WHEN r.digitized_at_intake = 0 THEN ${reasonCode("not_digitized")} ELSE ${reasonCode("no_electronic_result")} END` },
  { item: "REUSED_DIGITIZED_DATA", where: "reused_data = 0", reason: reasonCode("not_reused") },
  { item: "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", where: "data_store_synced = 0", reason: reasonCode("not_synced_to_data_store") },
  { item: "CITIZEN_DATA_CONNECTED_DOSSIER", where: "population_data = 0", reason: reasonCode("no_population_data") },
  { item: "DOSSIER_RECEIVING_SATISFACTION", where: "on_time = 0 OR complained = 1", reason: `CASE WHEN r.on_time = 0 THEN r.late_reason ELSE ${reasonCode("complaint")} END`, timely: true },
];

const FEEDBACK_EVIDENCE_PARTS: readonly { item: string; where: string; reason: string; timely?: true }[] = [
  { item: "PETITION_PROCESSING_ON_TIME", where: "on_time = 0", reason: `CASE WHEN handled = 1 THEN ${reasonCode("feedback_late")} ELSE ${reasonCode("feedback_overdue_in_progress")} END`, timely: true },
  {
    item: "PETITION_HANDLING_SATISFACTION",
    where: "satisfactory = 0",
    // Late is said as 5.2 says it: handled late, or still open past its due day.
    reason: `CASE WHEN on_time = 0 AND handled = 1 THEN ${reasonCode("feedback_late")} WHEN on_time = 0 THEN ${reasonCode("feedback_overdue_in_progress")} WHEN unsatisfied = 1 THEN ${reasonCode("feedback_unsatisfied")} ELSE ${reasonCode("feedback_repeated")} END`,
    timely: true,
  },
];

/**
 * The items of the evidence as the rules number them (`item_no`): their codes in byte order, so ordering
 * by the number is ordering by the code.
 */
export const EVIDENCE_ITEMS: readonly string[] = [...DOSSIER_EVIDENCE_PARTS, ...FEEDBACK_EVIDENCE_PARTS].map((part) => part.item).sort();
const itemCode = (item: string): number => EVIDENCE_ITEMS.indexOf(item);

/**
 * Failing records ranked within their unit, month and item — most days late, then the oldest, then `key`
 * (a dossier's row number, a feedback's id) — with how many failed.
 */
const ranked = (failing: string, key: "row_no" | "record_id", extra = "") => `SELECT f.unit_no AS unit_no, f.month_ord AS month_ord, f.item_no AS item_no, f.${key} AS ${key},${extra} f.received_min AS received_min,
    f.due_out_min AS due_out_min, f.finished_min AS finished_min, f.days_late AS days_late, f.reason_no AS reason_no,
    ROW_NUMBER() OVER (PARTITION BY f.unit_no, f.month_ord, f.item_no ORDER BY COALESCE(f.days_late, 0) DESC, f.received_min, f.${key}) AS rn,
    COUNT(*) OVER (PARTITION BY f.unit_no, f.month_ord, f.item_no) AS failed
  FROM ${failing} f`;

/** A unit, month and item as one integer (months since 1970 stay below 4096 until 2311; items below 16). */
const evidenceGroup = (alias: string) => `((CAST(${alias}.unit_no AS BIGINT) * 4096 + ${alias}.month_ord) * 16 + ${alias}.item_no)`;
/** The evidence's order as one integer, ascending: most days late first, then the oldest (minutes since 1970 < 2^32). */
const evidenceKey = (alias: string) => `(CAST(${alias}.received_min AS BIGINT) - CAST(COALESCE(${alias}.days_late, 0) AS BIGINT) * 4294967296)`;

/**
 * The failing dossiers ranked within their unit, month and item, as `ranked` does, but only those that can be
 * among the `limit` first: a window over every failing dossier (12.8 million in a national year) cost DuckDB
 * five times a sort of them. Each group's dossiers are split into `limit` subsets by row number; the greatest of
 * the subsets' least keys, `t`, has at least `limit` dossiers at or before it (one from each subset), so no
 * dossier after it is among the first `limit`, and only those at or before it are ranked (a group with an empty
 * subset is ranked whole: its `t` is the greatest key there is). With N listed, about N·(1 + 1/2 + … + 1/N)
 * dossiers a group reach the window (five or six for 3, about 70 for 20). The thresholds read a narrow copy of
 * the failing dossiers (`failing_keys`: group, row, key). (The test is a WHERE, not part of the join's ON:
 * ClickHouse before 24.x refuses an ON condition that compares both sides other than by equality.)
 */
function rankedDossiers(limit: number): string {
  const subsets = Math.max(limit, 1);
  return `thresholds AS (
  SELECT s.g AS g, CASE WHEN COUNT(*) < ${subsets} THEN ${LARGEST_KEY} ELSE MAX(s.least_key) END AS t, SUM(s.n) AS failed
  FROM (
    SELECT f.g AS g, f.row_no % ${subsets} AS subset, MIN(f.k) AS least_key, CAST(COUNT(*) AS BIGINT) AS n
    FROM failing_keys f GROUP BY f.g, f.row_no % ${subsets}
  ) s
  GROUP BY s.g
),
candidates AS (
  SELECT f.unit_no AS unit_no, f.month_ord AS month_ord, f.item_no AS item_no, f.row_no AS row_no, f.procedure_row AS procedure_row,
    f.received_min AS received_min, f.due_out_min AS due_out_min, f.finished_min AS finished_min, f.days_late AS days_late, f.reason_no AS reason_no,
    th.g AS g, ${evidenceKey("f")} AS k, th.failed AS failed
  FROM failing_dossiers f
  JOIN thresholds th ON th.g = ${evidenceGroup("f")}
  WHERE ${evidenceKey("f")} <= th.t
),
ranked_dossiers AS (
  SELECT c.unit_no AS unit_no, c.month_ord AS month_ord, c.item_no AS item_no, c.row_no AS row_no, c.procedure_row AS procedure_row,
    c.received_min AS received_min, c.due_out_min AS due_out_min, c.finished_min AS finished_min, c.days_late AS days_late, c.reason_no AS reason_no,
    ROW_NUMBER() OVER (PARTITION BY c.g ORDER BY c.k, c.row_no) AS rn, c.failed AS failed
  FROM candidates c
)`;
}

/** Greater than every evidence key (see `evidenceKey`). */
const LARGEST_KEY = "9223372036854775807";

/**
 * The dossiers (and feedback) behind the points lost: for each unit, month and item, the `limit` worst
 * (most days late first, then the oldest, then file order), with the total that failed the item.
 * Units, items and reasons are numbers (`unit_no`, `item_no`, `reason_no`: see `chiso_units`,
 * `EVIDENCE_ITEMS`, `evidenceReasons`) and procedures their row in the procedures file
 * (`procedure_row`), so the rows carry one text (the record's id) into the caller.
 *
 * The failing dossiers are ranked on a narrow row of integers (unit, month, item, row number, procedure
 * row, times, days late, reason); only the `limit` listed per unit, month and item fetch their ids, and
 * nothing else is read from the dossiers file (the procedure's row comes with the per-dossier result).
 */
export function evidenceSql(limit: number): string {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`evidence limit must be a whole number ≥ 0, not ${limit}`);
  const failingDossiers = DOSSIER_EVIDENCE_PARTS.map(
    (part) => `SELECT r.unit_no AS unit_no, r.month_ord AS month_ord, ${itemCode(part.item)} AS item_no, r.row_no AS row_no, r.procedure_row AS procedure_row, r.received_min AS received_min,
    r.due_out_min AS due_out_min, r.settled_min AS finished_min, ${part.timely ? "r.days_late" : "NULL"} AS days_late, ${part.reason} AS reason_no
  FROM ${RESULTS} r WHERE ${part.where}`,
  );
  const failingFeedback = FEEDBACK_EVIDENCE_PARTS.map(
    (part) => `SELECT unit_no, month_ord, ${itemCode(part.item)} AS item_no, feedback_id AS record_id, received_min, due_out_min, handled_min AS finished_min, ${part.timely ? "days_late" : "NULL"} AS days_late, ${part.reason} AS reason_no
  FROM chiso_feedback_result WHERE ${part.where}`,
  );
  // The failing dossiers' group, row and key only, for the thresholds: a second query rather than a second
  // reading of `failing_dossiers`, which DuckDB would then write out in full (4 s in a national year).
  const failingKeys = DOSSIER_EVIDENCE_PARTS.map(
    (part) => `SELECT ${evidenceGroup("x")} AS g, x.row_no AS row_no, ${evidenceKey("x")} AS k
  FROM (SELECT r.unit_no AS unit_no, r.month_ord AS month_ord, ${itemCode(part.item)} AS item_no, r.row_no AS row_no, r.received_min AS received_min, ${part.timely ? "r.days_late" : "NULL"} AS days_late
    FROM ${RESULTS} r WHERE ${part.where}) x`,
  );
  return `
WITH failing_dossiers AS (
  ${failingDossiers.join("\n  UNION ALL\n  ")}
),
failing_keys AS (
  ${failingKeys.join("\n  UNION ALL\n  ")}
),
${rankedDossiers(limit)},
listed_dossiers AS (
  SELECT l.unit_no AS unit_no, l.month_ord AS month_ord, l.item_no AS item_no, l.failed AS failed, l.rn AS rn,
    d.dossier_id AS record_id, l.procedure_row AS procedure_row, l.received_min AS received_min, l.due_out_min AS due_out_min, l.finished_min AS finished_min,
    l.days_late AS days_late, l.reason_no AS reason_no
  -- Every listed row is a dossier record's; the listed rows (few) are the join's build side, the records its
  -- probe, of which only the id is read (the procedure came with the result).
  FROM chiso_dossiers_in d
  JOIN ranked_dossiers l ON l.row_no = d.row_no
  WHERE l.rn <= ${limit}
),
failing_feedback AS (
  ${failingFeedback.join("\n  UNION ALL\n  ")}
),
ranked_feedback AS (
  ${ranked("failing_feedback", "record_id")}
),
listed AS (
  SELECT unit_no, month_ord, item_no, failed, rn, record_id, procedure_row, received_min, due_out_min, finished_min, days_late, reason_no FROM listed_dossiers
  UNION ALL
  SELECT unit_no, month_ord, item_no, failed, rn, record_id, NULL, received_min, due_out_min, finished_min, days_late, reason_no FROM ranked_feedback WHERE rn <= ${limit}
)
SELECT unit_no, month_ord, item_no, CAST(failed AS BIGINT) AS failed, CAST(rn AS BIGINT) AS rn, record_id, procedure_row,
  received_min, due_out_min, finished_min, days_late, reason_no
FROM listed
`;
}

/** The order the caller reads the evidence in: by unit id, month, item code, rank. */
export const EVIDENCE_ORDER = "ORDER BY unit_no, month_ord, item_no, rn";

/** The columns of `evidenceSql()`, in order. */
export const EVIDENCE_COLUMNS = ["unit_no", "month_ord", "item_no", "failed", "rn", "record_id", "procedure_row", "received_min", "due_out_min", "finished_min", "days_late", "reason_no"] as const;

/**
 * The results each engine materialises, in order, as its own (temporary) tables. A step with a `check` is followed
 * by that query, whose every row must be `n` = 0: otherwise the engine must load the inputs again with another key
 * function and start over (see `KEY_COLLISIONS_SQL` and `INPUT_TABLES`).
 */
export const MATERIALIZED: readonly { readonly name: string; readonly sql: string; readonly check?: string }[] = [
  { name: "chiso_duplicate_ids", sql: DUPLICATE_IDS_SQL },
  { name: "chiso_event_summary", sql: EVENT_SUMMARY_SQL, check: KEY_COLLISIONS_SQL },
  { name: "chiso_waiting", sql: WAITING_SQL },
  { name: "chiso_dossier_links", sql: DOSSIER_LINKS_SQL },
  { name: "chiso_problems", sql: PROBLEMS_SQL },
  { name: "chiso_dossier_status", sql: DOSSIER_STATUS_SQL },
  { name: "chiso_dossier_result", sql: DOSSIER_RESULT_SQL },
  { name: "chiso_feedback_result", sql: FEEDBACK_RESULT_SQL },
];
