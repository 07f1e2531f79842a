import { describe, expect, it } from "vitest";
import { PROCEDURES, computeRecords, dossier, events, onTimeEvidence, type Records } from "./fixture.js";

/** Runs one dossier through the rules and returns whether it counted toward ON_TIME and its evidence. */
async function judge(records: Records, period: string) {
  const result = await computeRecords(records, { period });
  const unit = result.figures.find((figure) => figure.unit === "U1" && figure.period === period)!;
  return { result, unit, onTime: unit.items.ON_TIME as { numerator: number; denominator: number } };
}

// Hand-computed cases, one per rule of methodology §1.5. Calendar facts used (calendar/2026.json):
// 2026-08-31 (Mon) swapped day off, 2026-09-01/02 Quốc khánh; October 2026 has no holiday.
describe("§1.5 rules, hand-computed", () => {
  it("a holiday inside the period moves a working-day due date (5 working days from Fri 28/8/2026 → Wed 9/9)", async () => {
    // Working days after Fri 28/8: 29–30 weekend, 31/8 swapped, 1–2/9 holidays → Thu 3, Fri 4, Mon 7, Tue 8, Wed 9.
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-08-28T09:00:00", { procedure_id: "P-WD5" }), dossier("B", "2026-08-28T09:00:00", { procedure_id: "P-WD5" })],
        events: [...events("A", [2, "2026-08-28T09:00:00"], [9, "2026-09-09T16:00:00"]), ...events("B", [2, "2026-08-28T09:00:00"], [9, "2026-09-10T08:00:00"])],
      },
      "2026-08",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ dueAt: "2026-09-09T23:59:00", finishedAt: "2026-09-10T08:00:00", daysLate: 1, reason: "late", procedure: "P-WD5", procedureName: "Cấp giấy phép A" });
    expect(onTimeEvidence(result, "A")).toBeUndefined();
  });

  it("a dossier received on a holiday is received on the next working day (Tue 1/9/2026 → Thu 3/9; + 2 working days → Mon 7/9)", async () => {
    // Decree 61/2018: a dossier received outside working days is received on the next working day, so A and B are
    // due on the same day as C, received on Thu 3/9 itself (not as if received on Fri 28/8, the last working day before).
    const { onTime, result } = await judge(
      {
        dossiers: [
          dossier("A", "2026-09-01T10:00:00", { procedure_id: "P-WD2" }),
          dossier("B", "2026-09-01T10:00:00", { procedure_id: "P-WD2" }),
          dossier("C", "2026-09-03T09:00:00", { procedure_id: "P-WD2" }),
        ],
        events: [
          ...events("A", [2, "2026-09-01T10:00:00"], [10, "2026-09-07T16:00:00"]),
          ...events("B", [2, "2026-09-01T10:00:00"], [10, "2026-09-08T08:00:00"]),
          ...events("C", [2, "2026-09-03T09:00:00"], [10, "2026-09-08T08:00:00"]),
        ],
      },
      "2026-09",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 3 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ dueAt: "2026-09-07T23:59:00", daysLate: 1 });
    expect(onTimeEvidence(result, "C")).toMatchObject({ dueAt: "2026-09-07T23:59:00", daysLate: 1 });
  });

  it("a term in calendar days or months that ends on a day off ends on the next working day", async () => {
    // 10 days from Thu 3/9/2026 → Sun 13/9 → Mon 14/9; 1 month from Fri 4/9 → Sun 4/10 → Mon 5/10.
    const { onTime, result } = await judge(
      {
        dossiers: [
          dossier("D1", "2026-09-03T09:00:00", { procedure_id: "P-D10" }),
          dossier("D2", "2026-09-03T09:00:00", { procedure_id: "P-D10" }),
          dossier("M1", "2026-09-04T09:00:00", { procedure_id: "P-M1" }),
          dossier("M2", "2026-09-04T09:00:00", { procedure_id: "P-M1" }),
        ],
        events: [
          ...events("D1", [2, "2026-09-03T09:00:00"], [9, "2026-09-14T16:00:00"]),
          ...events("D2", [2, "2026-09-03T09:00:00"], [9, "2026-09-15T08:00:00"]),
          ...events("M1", [2, "2026-09-04T09:00:00"], [9, "2026-10-05T16:00:00"]),
          ...events("M2", [2, "2026-09-04T09:00:00"], [9, "2026-10-06T08:00:00"]),
        ],
      },
      "2026-09",
    );
    expect(onTime).toEqual({ numerator: 2, denominator: 4 });
    expect(onTimeEvidence(result, "D2")).toMatchObject({ dueAt: "2026-09-14T23:59:00", daysLate: 1 });
    expect(onTimeEvidence(result, "M2")).toMatchObject({ dueAt: "2026-10-05T23:59:00", daysLate: 1 });
  });

  it("one pending supplement request ends processing at the request", async () => {
    const { onTime, unit, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-09T17:00:00" }), dossier("B", "2026-10-05T08:00:00", { due_at: "2026-10-09T17:00:00" })],
        events: [
          ...events("A", [2, "2026-10-05T08:00:00"], [4, "2026-10-05T09:00:00"], [5, "2026-10-08T10:00:00"]),
          // B's request comes after its due date: the request ends it, late.
          ...events("B", [2, "2026-10-05T08:00:00"], [4, "2026-10-05T09:00:00"], [5, "2026-10-12T10:00:00"]),
        ],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(unit.settlement).toEqual({ settled: 0, early: 0, onTime: 0, overdue: 0 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ reason: "supplement_request_late", finishedAt: null, daysLate: 1 });
  });

  it("two supplement requests count as overdue even when finished before the due date", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-16T17:00:00" })],
        events: events("A", [2, "2026-10-05T08:00:00"], [5, "2026-10-06T08:00:00"], [4, "2026-10-07T08:00:00"], [5, "2026-10-08T08:00:00"], [4, "2026-10-09T08:00:00"], [9, "2026-10-12T08:00:00"]),
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 0, denominator: 1 });
    expect(onTimeEvidence(result, "A")).toMatchObject({ reason: "supplement_requested_twice", daysLate: null });
  });

  it("the citizen's waiting time is removed (request Tue 6/10 → supplement Thu 8/10: 2 working days)", async () => {
    const waited = (id: string, finished: string) => events(id, [2, "2026-10-05T08:00:00"], [5, "2026-10-06T10:00:00"], [4, "2026-10-08T10:00:00"], [9, finished]);
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-09T17:00:00" }), dossier("B", "2026-10-05T08:00:00", { due_at: "2026-10-09T17:00:00" })],
        // A finishes Tue 13/10: 2 working days after its due date, exactly the 2 days waited → on time.
        // B finishes Wed 14/10: one working day more → late by 1.
        events: [...waited("A", "2026-10-13T15:00:00"), ...waited("B", "2026-10-14T15:00:00")],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ reason: "late", daysLate: 1 });
  });

  it("without a due date: the legal duration in working days (3 from Thu 8/10/2026 → Tue 13/10)", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-08T14:00:00"), dossier("B", "2026-10-08T14:00:00")],
        events: [...events("A", [2, "2026-10-08T14:00:00"], [9, "2026-10-13T17:30:00"]), ...events("B", [2, "2026-10-08T14:00:00"], [9, "2026-10-14T09:00:00"])],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ dueAt: "2026-10-13T23:59:00", daysLate: 1 });
  });

  it("without a due date: the legal duration in hours (8 hours from 09:00 → 17:00 the same day)", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T09:00:00", { procedure_id: "P-H8" }), dossier("B", "2026-10-05T09:00:00", { procedure_id: "P-H8" })],
        events: [...events("A", [2, "2026-10-05T09:00:00"], [9, "2026-10-05T17:00:00"]), ...events("B", [2, "2026-10-05T09:00:00"], [9, "2026-10-05T17:01:00"])],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(onTimeEvidence(result, "B")).toMatchObject({ dueAt: "2026-10-05T17:00:00", daysLate: 1, reason: "late" });
  });

  it("without a due date: calendar days and months", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("D", "2026-10-05T09:00:00", { procedure_id: "P-D10" }), dossier("M", "2026-10-31T09:00:00", { procedure_id: "P-M1" })],
        // 10 days from 5/10 → 15/10 (finished 16/10: late); 1 month from 31/10 → 30/11 (still open on 31/10: on time).
        events: [...events("D", [2, "2026-10-05T09:00:00"], [9, "2026-10-16T09:00:00"]), ...events("M", [2, "2026-10-31T09:00:00"], [4, "2026-10-31T10:00:00"])],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(onTimeEvidence(result, "D")).toMatchObject({ dueAt: "2026-10-15T23:59:00", daysLate: 1 });
  });

  it("a withdrawal by the citizen ends processing", async () => {
    const { onTime, unit } = await judge(
      { dossiers: [dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-07T17:00:00" })], events: events("A", [2, "2026-10-05T08:00:00"], [7, "2026-10-06T08:00:00"]) },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 1 });
    expect(unit.settlement).toEqual({ settled: 1, early: 1, onTime: 0, overdue: 0 });
  });

  it("a stopped dossier ends at the stop; finished (9) is preferred over result returned (10)", async () => {
    const { onTime, result, unit } = await judge(
      {
        dossiers: [dossier("S", "2026-10-05T08:00:00", { due_at: "2026-10-07T17:00:00" }), dossier("P", "2026-10-05T08:00:00", { due_at: "2026-10-07T17:00:00" })],
        events: [
          ...events("S", [2, "2026-10-05T08:00:00"], [8, "2026-10-07T08:00:00"]),
          // Result returned on the due day, but processing finished (9) the day after: 9 decides, late.
          ...events("P", [2, "2026-10-05T08:00:00"], [10, "2026-10-07T08:00:00"], [9, "2026-10-08T08:00:00"]),
        ],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    expect(unit.settlement).toEqual({ settled: 2, early: 0, onTime: 1, overdue: 1 });
    expect(onTimeEvidence(result, "P")).toMatchObject({ finishedAt: "2026-10-08T08:00:00", daysLate: 1 });
  });

  it("a dossier in progress is on time until its due date passes (judged at the period's end)", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-28T08:00:00", { due_at: "2026-11-04T17:00:00" }), dossier("B", "2026-10-01T08:00:00", { due_at: "2026-10-20T17:00:00" })],
        events: [...events("A", [2, "2026-10-28T08:00:00"], [4, "2026-10-28T09:00:00"]), ...events("B", [2, "2026-10-01T08:00:00"], [4, "2026-10-01T09:00:00"])],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 2 });
    // Due Tue 20/10; open at Sat 31/10: 21, 22, 23, 26, 27, 28, 29, 30 (8 working days) and the Saturday → 9.
    expect(onTimeEvidence(result, "B")).toMatchObject({ reason: "overdue_in_progress", finishedAt: null, daysLate: 9 });
  });

  it("a supplement request repeated row for row is one request, and the repeat is reported", async () => {
    const { onTime, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-16T17:00:00" })],
        events: events("A", [2, "2026-10-05T08:00:00"], [5, "2026-10-06T10:00:00"], [5, "2026-10-06T10:00:00"], [4, "2026-10-08T10:00:00"], [9, "2026-10-15T10:00:00"]),
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 1, denominator: 1 });
    expect(result.problemCounts).toEqual({ duplicate_event: 1 });
    expect(result.problems).toEqual([expect.objectContaining({ code: "duplicate_event", severity: "warning", file: "events", row: 4, record: "A" })]);
    expect(result.accounting.dossiers).toMatchObject({ counted: 1, rejected: 0 });
  });

  it("a due date before the reception, or a dossier filed under a unit that has units under it, is rejected with its reason", async () => {
    const result = await computeRecords(
      {
        dossiers: [
          dossier("A", "2026-10-05T08:00:00", { due_at: "2026-10-02T17:00:00" }),
          dossier("B", "2026-10-05T08:00:00", { unit_id: "T" }),
          dossier("C", "2026-10-05T08:00:00", { due_at: "2026-10-05T00:00:00" }),
        ],
        events: [...events("A", [2, "2026-10-05T08:00:00"]), ...events("B", [2, "2026-10-05T08:00:00"]), ...events("C", [2, "2026-10-05T08:00:00"], [9, "2026-10-05T10:00:00"])],
        feedback: [{ feedback_id: "F1", unit_id: "T", received_at: "2026-10-05T08:00:00", handled_at: "2026-10-06T08:00:00" }],
      },
      { period: "2026-10" },
    );
    // C's due date is its reception day (a date without a time): not before it.
    expect(result.problems.map((problem) => [problem.code, problem.record])).toEqual([
      ["due_before_reception", "A"],
      ["unit_has_children", "B"],
      ["unit_has_children", "F1"],
    ]);
    expect(result.accounting.dossiers).toMatchObject({ counted: 1, rejected: 2 });
    expect(result.accounting.feedback).toMatchObject({ counted: 0, rejected: 1 });
    expect(result.figures.find((figure) => figure.unit === "T")).toBeUndefined();
  });

  it("feedback received on a holiday has 15 working days from the next working day (Tue 1/9/2026 → Thu 3/9 → Thu 24/9)", async () => {
    const result = await computeRecords(
      {
        dossiers: [dossier("A", "2026-09-07T08:00:00")],
        events: events("A", [2, "2026-09-07T08:00:00"], [9, "2026-09-07T10:00:00"]),
        feedback: [
          { feedback_id: "F1", unit_id: "U1", received_at: "2026-09-01T08:00:00", handled_at: "2026-09-24T16:00:00", likes: 0, dislikes: 0 },
          { feedback_id: "F2", unit_id: "U1", received_at: "2026-09-01T08:00:00", handled_at: "2026-09-25T08:00:00", likes: 0, dislikes: 0 },
        ],
      },
      { period: "2026-09" },
    );
    const unit = result.figures.find((figure) => figure.unit === "U1")!;
    expect(unit.items.PETITION_PROCESSING_ON_TIME).toEqual({ numerator: 1, denominator: 2 });
    const late = result.evidence.find((entry) => entry.item === "PETITION_PROCESSING_ON_TIME")!.dossiers;
    expect(late).toEqual([expect.objectContaining({ id: "F2", dueAt: "2026-09-24T23:59:00", daysLate: 1, reason: "feedback_late" })]);
  });

  it("an open feedback item past its due day has the same reason in 5.2 and 5.3", async () => {
    const result = await computeRecords(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00")],
        events: events("A", [2, "2026-10-05T08:00:00"], [9, "2026-10-05T10:00:00"]),
        feedback: [{ feedback_id: "F3", unit_id: "U1", received_at: "2026-10-01T08:00:00", handled_at: "", likes: 0, dislikes: 0 }],
      },
      { period: "2026-10" },
    );
    const reasons = result.evidence.filter((entry) => entry.item.startsWith("PETITION_")).map((entry) => [entry.item, entry.dossiers.map((item) => item.reason)]);
    expect(reasons).toEqual([
      ["PETITION_HANDLING_SATISFACTION", ["feedback_overdue_in_progress"]],
      ["PETITION_PROCESSING_ON_TIME", ["feedback_overdue_in_progress"]],
    ]);
  });

  it("a legal duration that runs years past the data still has its due day (the calendar reaches it)", async () => {
    // 2,000 working days from Mon 5/10/2026, and 100 months: far past the data's years; settled the next day, early.
    const { onTime, unit, result } = await judge(
      {
        dossiers: [dossier("A", "2026-10-05T08:00:00", { procedure_id: "P-LONG", complained: 1 }), dossier("B", "2026-10-05T08:00:00", { procedure_id: "P-M100", complained: 1 })],
        events: [...events("A", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"]), ...events("B", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"])],
        procedures: [
          ...PROCEDURES,
          { procedure_id: "P-LONG", procedure_name: "Thủ tục dài", legal_duration: 2000, duration_unit: "working_days", paper_result: 0, fee_bearing: 0 },
          { procedure_id: "P-M100", procedure_name: "Thủ tục tháng", legal_duration: 100, duration_unit: "months", paper_result: 0, fee_bearing: 0 },
        ],
      },
      "2026-10",
    );
    expect(onTime).toEqual({ numerator: 2, denominator: 2 });
    expect(unit.settlement).toEqual({ settled: 2, early: 2, onTime: 0, overdue: 0 });
    const complaints = result.evidence.find((entry) => entry.item === "DOSSIER_RECEIVING_SATISFACTION")!.dossiers;
    expect(complaints.find((item) => item.id === "B")).toMatchObject({ dueAt: "2035-02-05T23:59:00", reason: "complaint" });
    expect(complaints.find((item) => item.id === "A")?.dueAt).toMatch(/^2034-/);
  });

  it("--as-of judges open dossiers at the extraction time and ignores later events", async () => {
    const records: Records = {
      dossiers: [dossier("B", "2026-10-01T08:00:00", { due_at: "2026-10-20T17:00:00" })],
      events: events("B", [2, "2026-10-01T08:00:00"], [9, "2026-10-25T09:00:00"]),
    };
    const early = await computeRecords(records, { period: "2026-10", asOf: "2026-10-15T12:00:00" });
    expect(early.figures.find((figure) => figure.unit === "U1")!.items.ON_TIME).toEqual({ numerator: 1, denominator: 1 });
    const late = await computeRecords(records, { period: "2026-10" });
    expect(late.figures.find((figure) => figure.unit === "U1")!.items.ON_TIME).toEqual({ numerator: 0, denominator: 1 });
  });
});
