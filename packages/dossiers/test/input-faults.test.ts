import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { computeDossierFigures, describeProblem, UnreadableFileError, type DossierFiles, type DossierProblem } from "../src/index.js";
import { UNITS, computeRecords, dossier, events, writeRecords } from "./fixture.js";

/** The records every case below starts from: three good dossiers of U1 with their events. */
const GOOD = {
  dossiers: ["A", "B", "C"].map((id) => dossier(id, "2026-10-05T08:00:00")),
  events: ["A", "B", "C"].flatMap((id) => events(id, [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"])),
};

const EVENT_LINES = GOOD.events.map((event) => JSON.stringify(event));

describe("an input file that cannot be read: located, bilingual, no engine text", () => {
  const written = writeRecords(GOOD);
  const dir = written.dir;
  let eventsParquet: string;
  beforeAll(async () => {
    eventsParquet = join(dir, "events.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT dossier_id, CAST(state AS INTEGER) AS state, changed_at FROM read_csv('${written.files.events}', all_varchar = true)) TO '${eventsParquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
  });
  afterAll(() => written.dispose());

  /** The problem computing with `events` replaced by a file holding `content`. */
  async function refusal(name: string, content: string | Uint8Array, file: keyof DossierFiles = "events"): Promise<DossierProblem> {
    const path = join(dir, name);
    writeFileSync(path, content);
    const error = await computeDossierFigures({ ...written.files, [file]: path }, { period: "2026-10", units: UNITS }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    const { problem } = error as UnreadableFileError;
    for (const language of ["vi", "en"] as const) {
      const line = describeProblem(problem, language);
      expect(line.startsWith(path)).toBe(true);
      // No engine text, no SQL.
      expect(line).not.toMatch(/DuckDB|Error|SELECT|read_json|read_parquet|LINE \d/);
    }
    return problem;
  }

  it("names the line of a JSON line cut short (not the next one) and quotes it", async () => {
    const problem = await refusal("cut.jsonl", `${EVENT_LINES[0]}\n{"dossier_id":"A",\n${EVENT_LINES.slice(2).join("\n")}\n`);
    expect(problem).toMatchObject({ code: "bad_json_line", file: "events", row: 2, value: '{"dossier_id":"A",' });
    expect(describeProblem(problem, "vi")).toMatch(/› dòng 2: dòng “\{"dossier_id":"A",” không phải JSON hợp lệ/);
    expect(describeProblem(problem, "en")).toMatch(/› row 2: the line “\{"dossier_id":"A",” is not valid JSON/);
  });

  it("says a JSON line that is an array (or a bare value) is not an object, rather than that columns are missing", async () => {
    expect(await refusal("array.jsonl", `${EVENT_LINES.slice(0, 3).join("\n")}\n["A", 9, "2026-10-06T08:00:00"]\n${EVENT_LINES.slice(3).join("\n")}\n`)).toMatchObject({ code: "json_not_object", row: 4 });
    expect(await refusal("number.jsonl", `${EVENT_LINES[0]}\n\n42\n`)).toMatchObject({ code: "json_not_object", row: 3, value: "42" });
  });

  it("says a file is empty, whatever its format", async () => {
    for (const name of ["empty.csv", "empty.jsonl", "empty.parquet"]) expect(await refusal(name, "")).toMatchObject({ code: "empty_file", fileName: join(dir, name) });
    expect(await refusal("bom-only.csv", "\uFEFF\n  \n")).toMatchObject({ code: "empty_file" });
    expect(await refusal("procedures-empty.csv", "", "procedures")).toMatchObject({ code: "empty_file", file: "procedures" });
  });

  it("says a Parquet file is not Parquet, or is cut short", async () => {
    const whole = readFileSync(eventsParquet);
    expect(await refusal("text.parquet", readFileSync(written.files.events))).toMatchObject({ code: "not_parquet" });
    expect(await refusal("cut.parquet", whole.subarray(0, Math.floor(whole.length / 2)))).toMatchObject({ code: "not_parquet" });
    expect(await refusal("tiny.parquet", "PAR1")).toMatchObject({ code: "not_parquet" });
  });

  it("reads JSON lines that start with a byte order mark, as the same lines without it", async () => {
    const plain = join(dir, "plain.jsonl");
    const bom = join(dir, "bom.jsonl");
    writeFileSync(plain, `${EVENT_LINES.join("\n")}\n`);
    writeFileSync(bom, `\uFEFF${EVENT_LINES.join("\n")}\n`);
    const [a, b] = await Promise.all([plain, bom].map((path) => computeDossierFigures({ ...written.files, events: path }, { period: "2026-10", units: UNITS })));
    expect(b!.figures).toEqual(a!.figures);
    expect(b!.accounting.dossiers).toEqual({ read: 3, counted: 3, rejected: 0, outsidePeriod: 0, notReceived: 0 });
    // The BOM'd file is not changed (it was read from a copy).
    expect(readFileSync(bom).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("reads a Parquet file that is whole", async () => {
    const copy = join(dir, "events-copy.parquet");
    copyFileSync(eventsParquet, copy);
    const result = await computeDossierFigures({ ...written.files, events: copy }, { period: "2026-10", units: UNITS });
    expect(result.accounting.dossiers.counted).toBe(3);
  });
});

describe("a problem is at the line a person opens", () => {
  it("counts blank lines and line breaks inside quoted CSV cells, which DuckDB's record numbers skip", async () => {
    const written = writeRecords(GOOD);
    try {
      const csv = join(written.dir, "events-lines.csv");
      // Line 1 header; 2–3 A; 4 blank; 5–6 B; 7 blank; 8–9 one record whose id holds a line break; 10 C's bad state.
      writeFileSync(
        csv,
        ["dossier_id,state,changed_at", "A,2,2026-10-05T08:00:00", "A,9,2026-10-06T08:00:00", "", "B,2,2026-10-05T08:00:00", "B,9,2026-10-06T08:00:00", "", '"X', 'Y",2,2026-10-05T08:00:00', "C,12,2026-10-05T08:00:00", "C,9,2026-10-06T08:00:00", ""].join("\n"),
      );
      const fromCsv = await computeDossierFigures({ ...written.files, events: csv }, { period: "2026-10", units: UNITS });
      expect(fromCsv.problems.filter((problem) => problem.file === "events").map((problem) => [problem.code, problem.row, problem.record])).toEqual([
        ["orphan_event", 8, "X\nY"],
        ["unknown_state", 10, "C"],
      ]);
      const jsonl = join(written.dir, "events-lines.jsonl");
      writeFileSync(jsonl, [EVENT_LINES[0], "", "   ", ...EVENT_LINES.slice(1, 4), JSON.stringify({ dossier_id: "C", state: 12, changed_at: "2026-10-05T08:00:00" }), ...EVENT_LINES.slice(4), ""].join("\n"));
      const fromJson = await computeDossierFigures({ ...written.files, events: jsonl }, { period: "2026-10", units: UNITS });
      expect(fromJson.problems.find((problem) => problem.code === "unknown_state")).toMatchObject({ row: 7, record: "C" });
    } finally {
      written.dispose();
    }
  });
});

describe("feedback (PAKN) rows are checked as dossier rows are", () => {
  const feedback = (id: string, extra: Record<string, string | number> = {}) => ({ feedback_id: id, unit_id: "U1", received_at: "2026-10-05T08:00:00", due_at: "", handled_at: "2026-10-07T08:00:00", likes: 1, dislikes: 0, repeated: 0, ...extra });

  it("rejects a repeated id, a negative count, a handling before reception and a time outside the calendar, each located and never counted", async () => {
    const result = await computeRecords(
      {
        ...GOOD,
        feedback: [
          feedback("OK"), // line 2
          feedback("TWICE"), // line 3
          feedback("TWICE"), // line 4
          feedback("NEG", { likes: -4 }), // line 5
          feedback("NEGD", { dislikes: -1 }), // line 6
          feedback("BACK", { handled_at: "2026-10-01T08:00:00" }), // line 7
          feedback("FAR", { due_at: "2999-01-01" }), // line 8
          feedback("LATER", { handled_at: "3001-01-01T08:00:00" }), // line 9
        ],
      },
      { period: "2026-10" },
    );
    const byRecord = (id: string) => result.problems.filter((problem) => problem.file === "feedback" && problem.record === id);
    expect(byRecord("TWICE").map((problem) => [problem.code, problem.row])).toEqual([
      ["duplicate_id", 3],
      ["duplicate_id", 4],
    ]);
    expect(byRecord("NEG")).toEqual([expect.objectContaining({ code: "negative_value", column: "likes", value: "-4", row: 5 })]);
    expect(byRecord("NEGD")).toEqual([expect.objectContaining({ code: "negative_value", column: "dislikes", value: "-1" })]);
    expect(byRecord("BACK")).toEqual([expect.objectContaining({ code: "handled_before_received", column: "handled_at" })]);
    expect(byRecord("FAR")).toEqual([expect.objectContaining({ code: "timestamp_out_of_range", column: "due_at" })]);
    expect(byRecord("LATER")).toEqual([expect.objectContaining({ code: "timestamp_out_of_range", column: "handled_at" })]);
    expect(result.accounting.feedback).toEqual({ read: 8, counted: 1, rejected: 7, outsidePeriod: 0 });
    const u1 = result.figures.find((figure) => figure.unit === "U1")!;
    expect(u1.items.PETITION_PROCESSING_ON_TIME).toEqual({ numerator: 1, denominator: 1 });
    expect(u1.items.PETITION_HANDLING_SATISFACTION).toEqual({ numerator: 1, denominator: 1 });
    // Each message names a feedback item, not a dossier or an event.
    const back = describeProblem(byRecord("BACK")[0]!, "vi");
    expect(back).toMatch(/› PAKN BACK: PAKN có thời điểm xử lý xong \(handled_at\) trước thời điểm tiếp nhận/);
    expect(back).not.toMatch(/sự kiện|hồ sơ/);
    expect(describeProblem(byRecord("BACK")[0]!, "en")).toMatch(/› feedback BACK: the feedback item was handled \(handled_at\) before it was received/);
    expect(describeProblem(byRecord("TWICE")[0]!, "en")).toMatch(/each feedback item must have one row/);
    // The rejected items are carried per unit and month.
    expect(result.rejections).toEqual([{ unit: "U1", period: "2026-10", dossiers: { rejected: 0, counted: 3, undated: 0 }, feedback: { rejected: 7, counted: 1, undated: 0 } }]);
  });

  it("rejects a procedure with a negative legal duration, and its dossiers with it", async () => {
    const result = await computeRecords(
      { ...GOOD, procedures: [{ procedure_id: "P-WD3", procedure_name: "B", legal_duration: -3, duration_unit: "working_days", paper_result: 0, fee_bearing: 0 }] },
      { period: "2026-10" },
    );
    expect(result.problems.find((problem) => problem.file === "procedures")).toMatchObject({ code: "negative_value", column: "legal_duration", value: "-3", record: "P-WD3", row: 2 });
    expect(result.accounting.dossiers).toMatchObject({ counted: 0, rejected: 3 });
  });
});

describe("each message says what record it is about", () => {
  it("an empty procedure id is a required cell left empty, not an unknown procedure", async () => {
    const result = await computeRecords({ ...GOOD, dossiers: [...GOOD.dossiers, dossier("NOPROC", "2026-10-05T08:00:00", { procedure_id: "" })], events: [...GOOD.events, ...events("NOPROC", [2, "2026-10-05T08:00:00"])] }, { period: "2026-10" });
    const problems = result.problems.filter((problem) => problem.record === "NOPROC");
    expect(problems.map((problem) => [problem.code, problem.column])).toEqual([["missing_value", "procedure_id"]]);
    expect(describeProblem(problems[0]!, "vi")).toMatch(/cột procedure_id › hồ sơ NOPROC: ô bắt buộc ở cột procedure_id để trống; hãy điền giá trị/);
    expect(describeProblem(problems[0]!, "en")).toMatch(/the required cell in column procedure_id is empty; fill it in \(the dossier is rejected until then\)/);
    expect(result.accounting.dossiers).toMatchObject({ counted: 3, rejected: 1 });
  });
});

describe("rejected dossiers are carried per unit and month", () => {
  it("counts the rejected beside the counted for the unit, and the ones whose month is unknown", async () => {
    const result = await computeRecords(
      {
        dossiers: [
          dossier("OK", "2026-10-05T08:00:00"),
          ...["R1", "R2", "R3"].map((id) => dossier(id, "2026-10-05T08:00:00", { channel: 9 })),
          dossier("UNDATED", "hôm qua"),
          dossier("SEPT", "2026-09-05T08:00:00", { channel: 9 }),
          dossier("U2OK", "2026-10-05T08:00:00", { unit_id: "U2" }),
        ],
        events: ["OK", "R1", "R2", "R3", "UNDATED", "SEPT", "U2OK"].flatMap((id) => events(id, [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"])),
      },
      { period: "2026-10" },
    );
    // September's rejected dossier is not October's; U2 had none rejected.
    expect(result.rejections).toEqual([{ unit: "U1", period: "2026-10", dossiers: { rejected: 3, counted: 1, undated: 1 }, feedback: null }]);
  });
});

describe("a provisional or missing calendar year is noted only when it decides a counted result", () => {
  it("says nothing of next year for a month whose dossiers are due within it, and counts the ones due next year", async () => {
    const quiet = await computeRecords(GOOD, { period: "2026-10" });
    expect(quiet.notes.filter((note) => note.code.startsWith("calendar_"))).toEqual([]);
    const late = await computeRecords(
      {
        dossiers: [...GOOD.dossiers, dossier("LONG", "2026-12-28T08:00:00", { procedure_id: "P-WD5" })],
        events: [...GOOD.events, ...events("LONG", [2, "2026-12-28T08:00:00"])],
      },
      { period: "2026-Q4" },
    );
    expect(late.notes.filter((note) => note.code.startsWith("calendar_"))).toEqual([{ code: "calendar_year_provisional", year: 2027, dossiers: 1, feedback: 0 }]);
  });
});
