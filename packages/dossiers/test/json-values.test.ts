import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeDossierFigures, describeHeader, describeProblem, headerReports, MissingColumnsError, UnreadableFileError, type DossierComputation, type DossierFiles } from "../src/index.js";
import { PROCEDURES, UNITS, dossier, events, writeRecords, type Records, type Row } from "./fixture.js";

/**
 * The same records as CSV text and as JSON lines whose values mix types line by line (an id as a number among
 * strings, a number as a string, a flag as true or "yes"): each value is read by its meaning, so both give the
 * same figures. Read with the types DuckDB infers, one numeric id made the whole column JSON and every id came out
 * with its quotes ("C1"), every event an orphan.
 */
const feedbackRow = (id: string | number, extra: Row = {}): Row => ({ feedback_id: id, unit_id: "U1", received_at: "2026-10-05T08:00:00", due_at: "", handled_at: "2026-10-07T08:00:00", likes: 1, dislikes: 0, repeated: 0, ...extra });

const RECORDS: Records = {
  dossiers: [dossier("A", "2026-10-05T08:00:00"), dossier("B", "2026-10-05T09:00:00", { procedure_id: "P-WD5", fee_due: 1, paid_online: 1 }), dossier("77", "2026-10-06T08:00:00", { channel: 1 }), dossier("C", "2026-10-07T08:00:00", { procedure_id: "P-H8" })],
  events: [
    ...events("A", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"]),
    ...events("B", [2, "2026-10-05T09:00:00"], [9, "2026-10-20T08:00:00"]),
    ...events("77", [2, "2026-10-06T08:00:00"], [9, "2026-10-07T08:00:00"]),
    ...events("C", [2, "2026-10-07T08:00:00"], [10, "2026-10-07T10:00:00"]),
  ],
  procedures: PROCEDURES,
  feedback: [feedbackRow("F1"), feedbackRow("2", { likes: 0, dislikes: 2 }), feedbackRow("F3", { handled_at: "2026-10-30T08:00:00" })],
};

/** A JSON line of `row` with the values of `mixed` in another type (a number as text, text as a number, true for 1). */
const line = (row: Row, mixed: Readonly<Record<string, unknown>> = {}) => JSON.stringify({ ...row, ...mixed });

/** The JSON lines: in each file, some values change type from one line to the next. */
const JSON_LINES: Record<keyof Records, string[]> = {
  dossiers: [
    line(RECORDS.dossiers[0]!, { channel: "2", digitized_at_intake: true, result_electronic: "yes" }),
    line(RECORDS.dossiers[1]!, { fee_due: "1", paid_online: true }),
    line(RECORDS.dossiers[2]!, { dossier_id: 77, channel: 1 }),
    line(RECORDS.dossiers[3]!, { complained: false, reused_data: "1" }),
  ],
  events: RECORDS.events.map((event) => (event.dossier_id === "77" ? line(event, { dossier_id: 77 }) : event.state === 9 && event.dossier_id === "A" ? line(event, { state: "9" }) : line(event))),
  procedures: PROCEDURES.map((procedure, index) => (index === 0 ? line(procedure, { legal_duration: "5", paper_result: true }) : index === 1 ? line(procedure, { fee_bearing: "0" }) : line(procedure))),
  feedback: RECORDS.feedback!.map((row, index) => (index === 1 ? line(row, { feedback_id: 2, likes: "0", dislikes: 2 }) : index === 2 ? line(row, { repeated: false }) : line(row))),
};

describe("JSON lines whose values mix types are read by their meaning, as the same CSV is", () => {
  const written = writeRecords(RECORDS);
  afterAll(() => written.dispose());
  const jsonFiles = (overrides: Partial<Record<keyof Records, string[]>> = {}): DossierFiles => {
    const files: Record<string, string> = {};
    for (const name of ["dossiers", "events", "procedures", "feedback"] as const) {
      files[name] = join(written.dir, `${name}.jsonl`);
      writeFileSync(files[name]!, `${(overrides[name] ?? JSON_LINES[name]).join("\n")}\n`);
    }
    return files as unknown as DossierFiles;
  };
  const compute = (files: DossierFiles) => computeDossierFigures(files, { period: "2026-10", units: UNITS });
  const comparable = (result: DossierComputation) => ({ figures: result.figures, evidence: result.evidence, accounting: result.accounting, problemCounts: result.problemCounts });

  it("gives the CSV's figures, evidence and accounting, with every record counted", async () => {
    const fromCsv = await compute(written.files);
    expect(fromCsv.accounting.dossiers).toMatchObject({ read: 4, counted: 4, rejected: 0 });
    expect(fromCsv.accounting.feedback).toMatchObject({ read: 3, counted: 3, rejected: 0 });
    const fromJson = await compute(jsonFiles());
    expect(fromJson.problems).toEqual([]);
    expect(comparable(fromJson)).toEqual(comparable(fromCsv));
    // Each file alone in JSON lines, the others CSV: the same again (the types mix within each file).
    for (const name of ["dossiers", "events", "procedures", "feedback"] as const) {
      expect(comparable(await compute({ ...written.files, [name]: jsonFiles()[name] }))).toEqual(comparable(fromCsv));
    }
  });

  it("reads each value as written, whatever type DuckDB would infer for the column: 77 among decimals is 77, not 77.0", async () => {
    // Whole and decimal numbers in one column are inferred DOUBLE (77 read back as "77.0"); read as JSON, 77 stays 77.
    const written77 = writeRecords({ ...RECORDS, dossiers: [...RECORDS.dossiers, dossier("1.5", "2026-10-06T09:00:00")], events: [...RECORDS.events, ...events("1.5", [2, "2026-10-06T09:00:00"], [9, "2026-10-07T09:00:00"])] });
    try {
      const numeric = RECORDS.events.filter((event) => event.dossier_id === "77").map((event) => line(event, { dossier_id: 77 }));
      const decimal = events("1.5", [2, "2026-10-06T09:00:00"], [9, "2026-10-07T09:00:00"]).map((event) => line(event, { dossier_id: 1.5 }));
      const path = join(written77.dir, "events.jsonl");
      writeFileSync(path, `${[...numeric, ...decimal].join("\n")}\n`);
      const result = await compute({ ...written77.files, events: path });
      // A, B and C have no events here: rejected for that; 77 and 1.5 found their events.
      expect(result.problems.filter((problem) => problem.code === "orphan_event")).toEqual([]);
      expect(result.accounting.dossiers).toMatchObject({ read: 5, counted: 2, rejected: 3 });
    } finally {
      written77.dispose();
    }
  });

  it("reads a text value that comes after DuckDB's sample of numbers (line 20,002 of a file of numeric ids)", async () => {
    const many = Array.from({ length: 20_001 }, (_, index) => JSON.stringify({ dossier_id: 100_000 + index, state: 2, changed_at: "2026-10-05T08:00:00" }));
    const ours = JSON_LINES.events;
    const result = await compute({ ...written.files, events: jsonFiles({ events: [...many, ...ours] }).events });
    expect(result.accounting.dossiers).toMatchObject({ read: 4, counted: 4, rejected: 0 });
    expect(result.problemCounts).toEqual({ orphan_event: 20_001 });
  }, 60_000);

  it("reads a number given as text like the CSV cell, and refuses one that is not whole, quoting it without JSON quotes", async () => {
    const events = [...JSON_LINES.events];
    events[3] = line(RECORDS.events[3]!, { state: "9.5" });
    const result = await compute(jsonFiles({ events }));
    const problem = result.problems.find((found) => found.code === "bad_value");
    expect(problem).toMatchObject({ file: "events", row: 4, column: "state", value: "9.5", record: "B" });
    expect(result.accounting.dossiers).toMatchObject({ counted: 3, rejected: 1 });
  });

  it("refuses an object or an array as a cell's value (bad_value, with its JSON), and ignores one in a column it does not read", async () => {
    const dossiers = [...JSON_LINES.dossiers];
    dossiers[0] = line(RECORDS.dossiers[0]!, { unit_id: { id: "U1" }, note: { by: "cán bộ A" } });
    dossiers[1] = line(RECORDS.dossiers[1]!, { tags: ["a", "b"] });
    const result = await compute(jsonFiles({ dossiers }));
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "bad_value", file: "dossiers", row: 1, column: "unit_id", value: '{"id":"U1"}' }));
    expect(result.accounting.dossiers).toMatchObject({ counted: 3, rejected: 1 });
    expect(describeProblem(result.problems.find((found) => found.code === "bad_value")!, "en")).toMatch(/the value “\{"id":"U1"\}” is not valid for column unit_id/);
    // Where a number or a time is expected, an array or object fails to parse, quoted as its JSON.
    const events = [...JSON_LINES.events];
    events[0] = line(RECORDS.events[0]!, { state: [2] });
    events[2] = line(RECORDS.events[2]!, { changed_at: { at: "2026-10-05" } });
    const parsed = await compute(jsonFiles({ events }));
    expect(parsed.problems).toContainEqual(expect.objectContaining({ code: "bad_value", file: "events", row: 1, column: "state", value: "[2]" }));
    expect(parsed.problems).toContainEqual(expect.objectContaining({ code: "bad_timestamp", file: "events", row: 3, column: "changed_at", value: '{"at":"2026-10-05"}' }));
  });

  it("names the line that is an array when the other lines are objects, rather than columns missing", async () => {
    const events = [JSON_LINES.events[0]!, '["A", 9, "2026-10-06T08:00:00"]', ...JSON_LINES.events.slice(2)];
    const error = await compute(jsonFiles({ events })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).problem).toMatchObject({ code: "json_not_object", file: "events", row: 2 });
    // A file of arrays only (no column at all): the same, at its first line.
    const arrays = await compute(jsonFiles({ events: ['["A", 2, "2026-10-05T08:00:00"]'] })).catch((thrown: unknown) => thrown);
    expect((arrays as UnreadableFileError).problem).toMatchObject({ code: "json_not_object", row: 1 });
  });
});

describe("a header without the expected names says what it has, what is expected, and how to rename", () => {
  it("names Vietnamese headers and near misses (case, spaces, accents), for every file lacking columns", async () => {
    const written = writeRecords(RECORDS);
    try {
      writeFileSync(written.files.dossiers, "Mã hồ sơ,Mã đơn vị,Mã thủ tục,Kênh,Ngày tiếp nhận,Ngày hẹn trả\nA,U1,P-WD3,2,2026-10-05T08:00:00,\n");
      writeFileSync(written.files.events, "Dossier ID,State,Changed-At\nA,2,2026-10-05T08:00:00\n");
      const error = await computeDossierFigures(written.files, { period: "2026-10", units: UNITS }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(MissingColumnsError);
      const reports = await headerReports((error as MissingColumnsError).problems);
      expect(reports.map((report) => report.fileName)).toEqual([written.files.dossiers, written.files.events]);
      expect(reports[0]).toMatchObject({
        missing: ["dossier_id", "unit_id", "procedure_id", "received_at"],
        found: ["Mã hồ sơ", "Mã đơn vị", "Mã thủ tục", "Kênh", "Ngày tiếp nhận", "Ngày hẹn trả"],
        vietnamese: true,
      });
      expect(reports[0]!.renames).toEqual([
        { from: "Mã hồ sơ", to: "dossier_id" },
        { from: "Mã đơn vị", to: "unit_id" },
        { from: "Mã thủ tục", to: "procedure_id" },
        { from: "Kênh", to: "channel" },
        { from: "Ngày tiếp nhận", to: "received_at" },
        { from: "Ngày hẹn trả", to: "due_at" },
      ]);
      expect(reports[1]).toMatchObject({ vietnamese: false, renames: [{ from: "Dossier ID", to: "dossier_id" }, { from: "Changed-At", to: "changed_at" }] });
      const vi = describeHeader(reports[0]!, "vi");
      expect(vi).toContain("Các cột có trong tệp: “Mã hồ sơ”, “Mã đơn vị”");
      expect(vi).toContain("Tên cột cần có (tiếng Anh, không phân biệt hoa thường): dossier_id, unit_id, procedure_id, received_at;");
      expect(vi).toContain("Dòng tiêu đề có vẻ là tiếng Việt");
      expect(vi).toContain("“Mã hồ sơ” → dossier_id");
      const en = describeHeader(reports[1]!, "en");
      expect(en).toContain("missing dossier_id, changed_at.");
      expect(en).toContain("Rename: “Dossier ID” → dossier_id, “Changed-At” → changed_at.");
      expect(en).not.toContain("Vietnamese");
    } finally {
      written.dispose();
    }
  });
});
