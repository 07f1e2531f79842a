import { dayNumberOfIso, type WorkingCalendar } from "../calendar/working-days.js";

/** A column of a table the engine creates from JavaScript data (mapped to each engine's type names). */
export interface SetupColumn {
  readonly name: string;
  readonly type: "BIGINT" | "VARCHAR";
}

export interface SetupTable {
  readonly name: string;
  readonly columns: readonly SetupColumn[];
  readonly rows: readonly (readonly (number | string | null)[])[];
}

const big = (name: string): SetupColumn => ({ name, type: "BIGINT" });

/** One month to compute: its days and the moments that close it (see `INPUT_TABLES.periods`). */
export interface PeriodRow {
  readonly monthOrdinal: number;
  readonly key: string;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly openEndMinute: number;
  readonly openEndDay: number;
  readonly asOfMinute: number;
}

/** Far enough in the future that no event is after it. */
const NO_CUTOFF = 2 ** 52;

/**
 * The months of a period (`2026-10`, `2026-Q4` or `2026`). A dossier still open is judged at the end
 * of its month's last day (23:59), or at `asOfMinute` (the data's extraction time) when that is earlier;
 * events after `asOfMinute` are ignored.
 */
export function periodRows(months: readonly string[], asOfMinute?: number): PeriodRow[] {
  return months.map((key) => {
    const [year, month] = key.split("-").map(Number) as [number, number];
    const firstDay = dayNumberOfIso(`${key}-01`);
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    const lastDay = dayNumberOfIso(next) - 1;
    const monthEnd = (lastDay + 1) * 1440 - 1;
    const openEndMinute = asOfMinute === undefined ? monthEnd : Math.min(monthEnd, asOfMinute);
    return { monthOrdinal: (year - 1970) * 12 + month - 1, key, firstDay, lastDay, openEndMinute, openEndDay: Math.floor(openEndMinute / 1440), asOfMinute: asOfMinute ?? NO_CUTOFF };
  });
}

/** The tables built from JavaScript data: calendar, months, periods and units. */
export function setupTables(calendar: WorkingCalendar, periods: readonly PeriodRow[], unitIds: readonly string[], parentIds: Iterable<string> = []): SetupTable[] {
  // Each day's next working day (the day itself when working; the day itself past the calendar's last working day).
  const nextWorkingDays: number[] = new Array(calendar.days.length);
  for (let index = calendar.days.length - 1, next: number | null = null; index >= 0; index -= 1) {
    const day = calendar.days[index]!;
    if (day.working) next = day.day;
    nextWorkingDays[index] = next ?? day.day;
  }
  const parents = new Set(parentIds);
  const months = new Map<number, { first: number; length: number }>();
  for (const day of calendar.days) {
    const month = months.get(day.monthOrdinal);
    if (month) month.length += 1;
    else months.set(day.monthOrdinal, { first: day.day, length: 1 });
  }
  return [
    {
      name: "chiso_calendar",
      columns: ["cal_day", "working", "work_ord", "pos", "month_ord", "dom", "next_work_day"].map(big),
      rows: calendar.days.map((day, index) => [day.day, day.working ? 1 : 0, day.workOrdinal, day.position, day.monthOrdinal, day.dayOfMonth, nextWorkingDays[index]!]),
    },
    { name: "chiso_months", columns: ["month_ord", "first_day", "days_in_month"].map(big), rows: [...months].map(([ordinal, month]) => [ordinal, month.first, month.length]) },
    {
      name: "chiso_periods",
      columns: ["month_ord", "first_day", "last_day", "open_end_min", "open_end_day", "as_of_min"].map(big),
      rows: periods.map((period) => [period.monthOrdinal, period.firstDay, period.lastDay, period.openEndMinute, period.openEndDay, period.asOfMinute]),
    },
    {
      name: "chiso_units",
      columns: [{ name: "unit_id", type: "VARCHAR" }, big("unit_no"), big("has_children")],
      rows: unitOrder(unitIds).map((id, index) => [id, index, parents.has(id) ? 1 : 0]),
    },
  ];
}

/**
 * The units in the order of their numbers in the rules (`unit_no`): ids sorted by their UTF-8 bytes, as
 * the engines sort text, so ordering by the number is ordering by the id. Duplicates are dropped.
 */
export function unitOrder(unitIds: readonly string[]): string[] {
  const encoder = new TextEncoder();
  return [...new Set(unitIds)].map((id) => ({ id, bytes: encoder.encode(id) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map((unit) => unit.id);
}

const literal = (value: number | string | null) => (value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`);

/** Portable INSERT statements for a setup table, in batches. */
export function insertStatements(table: SetupTable, batch = 2000): string[] {
  const statements: string[] = [];
  for (let start = 0; start < table.rows.length; start += batch) {
    const values = table.rows.slice(start, start + batch).map((row) => `(${row.map(literal).join(", ")})`);
    statements.push(`INSERT INTO ${table.name} (${table.columns.map((column) => column.name).join(", ")}) VALUES ${values.join(", ")}`);
  }
  return statements;
}

/** Day number of a local `YYYY-MM-DD` (re-exported for loaders). */
export { dayNumberOfIso };
