// The dossiers behind lost points: where the cards say they are (a sheet per item of the workbook), what the
// sheets list and say they leave out, feedback items named as such, and flags in the report's language.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { getScheme, type FiguresFile, type Language } from "@chiso/core";
import { buildPackView } from "../src/index.js";
import { renderUnitScorecardDocx } from "../src/docx/index.js";
import { renderUnitScorecard } from "../src/pdf/index.js";
import { evidenceLines } from "../src/view/evidence.js";
import { workbookBytes } from "../src/xlsx/index.js";
import { datasetOf, pdfText as rawText, smallPackFile } from "./fixture.js";

const scheme = getScheme();
const pdfText = async (bytes: Uint8Array) => (await rawText(bytes)).replace(/\s+/g, " ");
const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "ef".repeat(32) };
const dossiers = (count: number, reason: string, prefix = "HS-") =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${String(index + 1).padStart(4, "0")}`, receivedAt: "2026-03-02T08:00:00", dueAt: "2026-03-10T17:00:00", finishedAt: null, daysLate: 20 - index, reason }));

/**
 * The small province with evidence in no particular order (5.4 before 2.1, C1 before D2): 2.1 lists every
 * failing dossier of D2 but only 5 of C1's 1,056; 3.3 lists as many as the card shows; 5.2 and 5.3 list the
 * same open, overdue feedback item F3; the rows of D2 carry a rejected-records flag in both languages.
 */
function evidenceFile(): FiguresFile {
  const file = smallPackFile();
  const evidence = [
    { unit: "D2", period: "2026-03", item: "DOSSIER_RECEIVING_SATISFACTION", count: 2, dossiers: dossiers(2, "complaint") },
    { unit: "C1", period: "2026-03", item: "ON_TIME", count: 1056, dossiers: dossiers(5, "late") },
    { unit: "D2", period: "2026-03", item: "ON_TIME", count: 4, dossiers: dossiers(4, "overdue_in_progress") },
    { unit: "D2", period: "2026-03", item: "ONLINE_DOSSIER_SHARE", count: 30, dossiers: dossiers(3, "not_online") },
    { unit: "D2", period: "2026-03", item: "PETITION_PROCESSING_ON_TIME", count: 1, dossiers: [{ id: "F3", receivedAt: "2026-03-01T08:00:00", dueAt: "2026-03-05T17:00:00", finishedAt: null, daysLate: 18, reason: "feedback_overdue_in_progress" }] },
    { unit: "D2", period: "2026-03", item: "PETITION_HANDLING_SATISFACTION", count: 1, dossiers: [{ id: "F3", receivedAt: "2026-03-01T08:00:00", dueAt: "2026-03-05T17:00:00", finishedAt: null, daysLate: 18, reason: "feedback_late" }] },
  ];
  const flag = { code: "RECORDS_REJECTED", message: { vi: "1 PAKN bị loại, chỉ 3 PAKN được tính", en: "1 feedback item rejected, only 3 counted" } };
  const figures = file.figures.map((row) => (row.unit === "D2" && row.period === "2026-03" ? { ...row, flags: [flag] } : row));
  return { ...file, figures, evidence };
}

const dataset = datasetOf(evidenceFile());
const lines = (unit: string, item: string, language: Language = "vi") => evidenceLines(dataset, scheme, unit, "2026-03", item, language);

async function readWorkbook(language: Language): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await workbookBytes(buildPackView(dataset, { ...options, language }).workbook)) as unknown as ArrayBuffer);
  return workbook;
}

describe("the card's lines about the dossiers behind lost points", () => {
  it("point to the item's sheet when it lists them all, and say how many it lists when it does not, counts grouped", () => {
    expect(lines("D2", "ON_TIME").at(-1)).toBe("… và 1 hồ sơ khác: xem bảng tính, trang “2.1 Giải quyết hồ sơ đúng hạn”.");
    expect(lines("C1", "ON_TIME").at(-1)).toBe(
      "… và 1.053 hồ sơ khác; bảng tính, trang “2.1 Giải quyết hồ sơ đúng hạn”, liệt kê 5/1.056 hồ sơ (danh sách đầy đủ: chiso dossiers … --details <tệp.xlsx> --details-limit 1056).",
    );
    expect(lines("C1", "ON_TIME", "en").at(-1)).toBe(
      "… and 1,053 more; the workbook's sheet “2.1 Dossiers settled on time” lists 5 of 1,056 dossiers (full list: chiso dossiers … --details <file.xlsx> --details-limit 1056).",
    );
    // No more on the sheet than on the card: the sheet is not offered.
    expect(lines("D2", "ONLINE_DOSSIER_SHARE").at(-1)).toBe("… và 27 hồ sơ khác, chưa được liệt kê (tệp số liệu chỉ giữ 3; danh sách đầy đủ: chiso dossiers … --details <tệp.xlsx> --details-limit 30).");
  });

  it("call a feedback item PAKN, never Hồ sơ, and give an open overdue one the same reason on 5.2 and 5.3", () => {
    const processing = lines("D2", "PETITION_PROCESSING_ON_TIME");
    const satisfaction = lines("D2", "PETITION_HANDLING_SATISFACTION");
    expect(processing).toEqual(["PAKN F3: PAKN đang xử lý, đã quá hạn, trễ 18 ngày làm việc"]);
    expect(satisfaction).toEqual(processing);
    expect(lines("D2", "PETITION_HANDLING_SATISFACTION", "en")).toEqual(["Feedback item F3: Feedback open past its due date, 18 working days late"]);
  });

  it("print only sheets that exist, listing at least what the line says", async () => {
    for (const language of ["vi", "en"] as const) {
      const pack = buildPackView(dataset, { ...options, language });
      const workbook = await readWorkbook(language);
      const pointers = pack.scorecards.flatMap((card) => card.actions.flatMap((action) => action.details ?? [])).filter((line) => line.startsWith("…"));
      expect(pointers.length).toBeGreaterThan(0);
      for (const line of pointers) {
        const sheet = /(?:trang|sheet) “([^”]+)”/u.exec(line)?.[1];
        if (sheet) expect(workbook.getWorksheet(sheet), line).toBeDefined();
      }
    }
  });
});

describe("the workbook's sheets of dossiers", () => {
  it("are one per item, in the scorecard's item order, named in the report's language", async () => {
    const names = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((sheet) => sheet.name).filter((name) => /^\d/.test(name));
    expect(names(await readWorkbook("vi"))).toEqual(["2.1 Giải quyết hồ sơ đúng hạn", "3.3 Tỷ lệ hồ sơ trực tuyến", "5.2 Xử lý phản ánh, kiến nghị…", "5.3 Mức độ hài lòng về xử lý…", "5.4 Mức độ hài lòng trong tiếp…"]);
    expect(names(await readWorkbook("en"))).toEqual(["2.1 Dossiers settled on time", "3.3 Share of dossiers received…", "5.2 Feedback handled on time", "5.3 Satisfaction with feedback…", "5.4 Satisfaction with dossier…"]);
  });

  it("say per unit how many failed and how many are listed, units in the units file's order, and how to list them all", async () => {
    const sheet = (await readWorkbook("vi")).getWorksheet("2.1 Giải quyết hồ sơ đúng hạn")!;
    const values = sheet.getSheetValues() as unknown[][];
    expect(values[1]![1]).toBe("Hồ sơ làm mất điểm — 2.1 Giải quyết hồ sơ đúng hạn (ON_TIME) — Tháng 3/2026");
    expect(values[2]![1]).toBe(
      "2 đơn vị có 1.060 hồ sơ không đạt; trang này liệt kê 9. Cột “Không đạt” là tổng đầy đủ của đơn vị, cột “Liệt kê” là số hồ sơ của đơn vị có trong trang. Tệp số liệu chỉ giữ một số hồ sơ đầu của mỗi đơn vị (chiso dossiers giữ những hồ sơ trễ nhiều ngày nhất, rồi tiếp nhận sớm nhất), nên 1 đơn vị được liệt kê ít hơn số không đạt. Danh sách đầy đủ: chiso dossiers … --details <tệp.xlsx> --details-limit 1056.",
    );
    expect(values[3]!.slice(1, 6)).toEqual(["Mã", "Tên đơn vị", "Không đạt", "Liệt kê", "Mã hồ sơ"]);
    const rows = values.slice(4);
    expect(rows.map((row) => [row[1], row[3], row[4]])).toEqual([...Array(4).fill(["D2", 4, 4]), ...Array(5).fill(["C1", 1056, 5])]);
    const english = (await readWorkbook("en")).getWorksheet("5.4 Satisfaction with dossier…")!.getSheetValues() as unknown[][];
    expect(english[2]![1]).toBe("1 unit with 2 dossiers failing; this sheet lists 2. “Failing” is the unit's full count, “Listed” how many of them are on this sheet. Every failing one is listed.");
  });

  it("list feedback items as PAKN, without a procedure column, with the same reason on 5.2 and 5.3", async () => {
    const workbook = await readWorkbook("vi");
    for (const name of ["5.2 Xử lý phản ánh, kiến nghị…", "5.3 Mức độ hài lòng về xử lý…"]) {
      const values = workbook.getWorksheet(name)!.getSheetValues() as unknown[][];
      expect(values[1]![1]).toMatch(/^PAKN làm mất điểm — /);
      expect(values[3]!.slice(1)).toEqual(["Mã", "Tên đơn vị", "Không đạt", "Liệt kê", "Mã PAKN", "Tiếp nhận", "Hạn", "Hoàn thành", "Số ngày trễ", "Lý do"]);
      expect([values[4]![5], values[4]![10]]).toEqual(["F3", "PAKN đang xử lý, đã quá hạn"]);
    }
  });
});

describe("a flag with a message in both languages", () => {
  it("prints the report's language on the card, never the flag's code", async () => {
    for (const [language, message] of [["vi", "1 PAKN bị loại, chỉ 3 PAKN được tính"], ["en", "1 feedback item rejected, only 3 counted"]] as const) {
      const card = buildPackView(dataset, { ...options, language }).scorecards.find((view) => view.unitId === "D2")!;
      const text = await pdfText(await renderUnitScorecard(card));
      expect(text).toContain(message);
      expect(text).not.toContain("RECORDS_REJECTED");
      const xml = await (await JSZip.loadAsync(await renderUnitScorecardDocx(card))).file("word/document.xml")!.async("string");
      expect(xml).toContain(message);
      expect(xml).not.toContain("RECORDS_REJECTED");
    }
  });
});
