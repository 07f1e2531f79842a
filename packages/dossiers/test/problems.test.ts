import { describe, expect, it } from "vitest";
import { computeDossierFigures, describeProblem, MissingColumnsError } from "../src/index.js";
import { UNITS, computeRecords, dossier, events, writeRecords } from "./fixture.js";

describe("bad input: every problem located, every dossier counted or rejected", () => {
  it("finds each kind of problem, says where (file › row › column › dossier) in Vietnamese and English, and loses no dossier", async () => {
    const result = await computeRecords(
      {
        dossiers: [
          dossier("OK", "2026-10-05T08:00:00"), // line 2
          dossier("BADTIME", "hôm qua"), // line 3
          dossier("OFFSET", "2026-10-05T08:00:00", { due_at: "2026-10-09T17:00:00+00:00" }), // line 4
          dossier("DUP", "2026-10-05T08:00:00"), // line 5
          dossier("DUP", "2026-10-06T08:00:00"), // line 6
          dossier("UNIT", "2026-10-05T08:00:00", { unit_id: "U9" }), // line 7
          dossier("PROC", "2026-10-05T08:00:00", { procedure_id: "P-NONE" }), // line 8
          dossier("NOEVENTS", "2026-10-05T08:00:00"), // line 9
          dossier("STATE", "2026-10-05T08:00:00"), // line 10
          dossier("EARLY", "2026-10-05T08:00:00"), // line 11
          dossier("FLAG", "2026-10-05T08:00:00", { paid_online: "maybe" }), // line 12
          dossier("CHANNEL", "2026-10-05T08:00:00", { channel: 7 }), // line 13
          dossier("EVTIME", "2026-10-05T08:00:00"), // line 14
          dossier("OTHERMONTH", "2026-09-05T08:00:00"), // line 15
          dossier("REGISTERED", "2026-10-05T08:00:00"), // line 16
        ],
        events: [
          ...["OK", "BADTIME", "OFFSET", "DUP", "UNIT", "PROC", "FLAG", "CHANNEL", "OTHERMONTH"].flatMap((id) => events(id, [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"])),
          ...events("STATE", [2, "2026-10-05T08:00:00"], [12, "2026-10-06T08:00:00"]),
          ...events("EARLY", [2, "2026-10-05T08:00:00"], [9, "2026-10-01T08:00:00"]),
          ...events("EVTIME", [2, "2026-10-05T08:00:00"], [9, "6/10/2026"]),
          ...events("REGISTERED", [1, "2026-10-04T08:00:00"]),
          ...events("GHOST", [2, "2026-10-05T08:00:00"]),
        ],
      },
      { period: "2026-10" },
    );
    const lines = (language: "vi" | "en") => result.problems.map((problem) => describeProblem(problem, language));
    expect(lines("vi")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^.*dossiers\.csv › dòng 3 › cột received_at › hồ sơ BADTIME: thời điểm “hôm qua” không đọc được/),
        expect.stringMatching(/dossiers\.csv › dòng 4 › cột due_at › hồ sơ OFFSET: thời điểm “2026-10-09T17:00:00\+00:00” không đọc được/),
        expect.stringMatching(/dossiers\.csv › dòng 5 › cột dossier_id › hồ sơ DUP: mã “DUP” xuất hiện nhiều lần/),
        expect.stringMatching(/dossiers\.csv › dòng 6 › cột dossier_id › hồ sơ DUP/),
        expect.stringMatching(/dossiers\.csv › dòng 7 › cột unit_id › hồ sơ UNIT: đơn vị “U9” không có trong tệp đơn vị/),
        expect.stringMatching(/dossiers\.csv › dòng 8 › cột procedure_id › hồ sơ PROC: thủ tục “P-NONE” không có/),
        expect.stringMatching(/dossiers\.csv › dòng 9 › cột dossier_id › hồ sơ NOEVENTS: hồ sơ không có sự kiện/),
        expect.stringMatching(/dossiers\.csv › dòng 12 › cột paid_online › hồ sơ FLAG: giá trị “maybe” không hợp lệ/),
        expect.stringMatching(/dossiers\.csv › dòng 13 › cột channel › hồ sơ CHANNEL: kênh tiếp nhận “7” không hợp lệ/),
        expect.stringMatching(/events\.csv › dòng \d+ › cột state › hồ sơ STATE: trạng thái “12” không thuộc mã 1–10/),
        expect.stringMatching(/events\.csv › dòng \d+ › cột changed_at › hồ sơ EARLY: sự kiện \(trạng thái “9”\) có thời điểm trước thời điểm tiếp nhận hồ sơ/),
        expect.stringMatching(/events\.csv › dòng \d+ › cột changed_at › hồ sơ EVTIME: thời điểm “6\/10\/2026” không đọc được/),
        expect.stringMatching(/events\.csv › dòng \d+ › cột dossier_id › hồ sơ GHOST: \(cảnh báo\) sự kiện của hồ sơ “GHOST” không có trong tệp hồ sơ/),
      ]),
    );
    expect(lines("en")).toEqual(expect.arrayContaining([expect.stringMatching(/dossiers\.csv › row 7 › column unit_id › dossier UNIT: the unit “U9” is not in the units file/)]));
    // The STATE event is on line 21: header, 9 dossiers × 2 events, then STATE's 2nd event.
    expect(result.problems.find((problem) => problem.code === "unknown_state")).toMatchObject({ file: "events", row: 21, record: "STATE" });
    expect(result.accounting.dossiers).toEqual({ read: 15, counted: 1, rejected: 12, outsidePeriod: 1, notReceived: 1 });
    const counted = result.figures.reduce((sum, figure) => sum + (figure.channels?.received ?? 0), 0);
    expect(counted).toBe(result.accounting.dossiers.counted);
  });

  it("writes a unit whose every dossier was rejected as no data, never as 0/0", async () => {
    const records = {
      dossiers: [
        dossier("A", "2026-10-05T08:00:00"), // U1, counted
        dossier("B", "2026-10-05T08:00:00", { unit_id: "U2", procedure_id: "P-NONE" }), // U2, rejected: unknown procedure
        dossier("C", "2026-10-06T08:00:00", { unit_id: "U2" }), // U2, rejected: an event before reception
      ],
      events: [
        ...events("A", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"]),
        ...events("B", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"]),
        ...events("C", [2, "2026-10-06T08:00:00"], [9, "2026-10-01T08:00:00"]),
      ],
    };
    const result = await computeRecords(records, { period: "2026-10" });
    expect(result.accounting.dossiers).toMatchObject({ read: 3, counted: 1, rejected: 2 });
    expect(result.figures.map((figure) => figure.unit)).toEqual(["U1"]);
    expect(result.figures[0]!.items.ON_TIME).toEqual({ numerator: 1, denominator: 1 });
    expect(result.notes).toContainEqual({ code: "unit_dossiers_rejected", units: ["U2"], period: "2026-10" });
    expect(result.notes.some((note) => note.code === "unit_without_dossiers")).toBe(false);

    // A reception that cannot be read cannot be placed in a month: the unit has no data for any month of the period.
    const unreadable = await computeRecords({ dossiers: [records.dossiers[0]!, dossier("D", "hôm qua", { unit_id: "U2" })], events: [...records.events.slice(0, 2), ...events("D", [2, "2026-10-05T08:00:00"])] }, { period: "2026-10" });
    expect(unreadable.figures.map((figure) => figure.unit)).toEqual(["U1"]);
    expect(unreadable.notes).toContainEqual({ code: "unit_dossiers_rejected", units: ["U2"], period: "2026-10" });

    // With a feedback file, the unit keeps its feedback items, and only them.
    const withFeedback = await computeRecords(
      { ...records, feedback: [{ feedback_id: "F1", unit_id: "U2", received_at: "2026-10-07T08:00:00", handled_at: "2026-10-08T08:00:00" }] },
      { period: "2026-10" },
    );
    const u2 = withFeedback.figures.find((figure) => figure.unit === "U2")!;
    expect(u2.items).toEqual({ PETITION_PROCESSING_ON_TIME: { numerator: 1, denominator: 1 }, PETITION_HANDLING_SATISFACTION: { numerator: 1, denominator: 1 } });
    expect(u2.channels).toBeUndefined();
  });

  it("refuses a file without a required column, naming it", async () => {
    const written = writeRecords({ dossiers: [dossier("A", "2026-10-05T08:00:00")], events: events("A", [2, "2026-10-05T08:00:00"]) }, { dossiers: ["dossier_id", "procedure_id", "received_at"] });
    try {
      const error = await computeDossierFigures(written.files, { period: "2026-10", units: UNITS }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MissingColumnsError);
      expect(describeProblem((error as MissingColumnsError).problems[0]!, "vi")).toMatch(/dossiers\.csv › cột unit_id.*: tệp thiếu cột bắt buộc unit_id/);
    } finally {
      written.dispose();
    }
  });

  it("leaves out an item whose column the file lacks (no data, never 0) and says why", async () => {
    const result = await computeRecords(
      { dossiers: [dossier("A", "2026-10-05T08:00:00")], events: events("A", [2, "2026-10-05T08:00:00"], [9, "2026-10-06T08:00:00"]) },
      { period: "2026-10" },
      { dossiers: ["dossier_id", "unit_id", "procedure_id", "channel", "received_at", "result_electronic"] },
    );
    const unit = result.figures.find((figure) => figure.unit === "U1")!;
    expect(Object.keys(unit.items).sort()).toEqual(["ONLINE_DOSSIER_SHARE", "ON_TIME", "ORIGINAL_RESULT_AVAILABLE"]);
    expect(result.notes).toContainEqual({ code: "item_not_computed", item: "DOSSIER_RECEIVING_SATISFACTION", columns: ["complained"] });
    expect(result.notes).toContainEqual({ code: "item_not_computed", item: "PETITION_PROCESSING_ON_TIME", columns: ["--feedback"] });
    // U2 has no dossier: 0/0 (the records say it received none), and a note says so.
    expect(result.figures.find((figure) => figure.unit === "U2")!.items.ON_TIME).toEqual({ numerator: 0, denominator: 0 });
    expect(result.notes).toContainEqual({ code: "unit_without_dossiers", units: ["U2"], period: "2026-10" });
  });
});
