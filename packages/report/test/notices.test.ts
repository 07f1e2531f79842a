// What the documents must say when the data is not whole: missing items, no dossiers, no figures, rejected
// rows, example questionnaires, blocks kept as published, the dossiers behind lost points, the sign-off.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { FiguresFile } from "@chiso/core";
import { buildPackView } from "../src/index.js";
import { renderProvinceSummaryDocx } from "../src/docx/index.js";
import { renderProvinceSummary, renderUnitScorecard } from "../src/pdf/index.js";
import { workbookBytes } from "../src/xlsx/index.js";
import { datasetOf, pdfText as rawText, smallPackFile } from "./fixture.js";

const pdfText = async (bytes: Uint8Array) => (await rawText(bytes)).replace(/\s+/g, " ");
const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "ef".repeat(32) };

/** The small province, with C2 reporting only two items in March and dossiers behind D2's late ones. */
function partialFile(): FiguresFile {
  const file = smallPackFile();
  const figures = file.figures.map((row) => (row.unit === "C2" && row.period === "2026-03" ? { ...row, items: { ON_TIME: [9, 10] as [number, number], ONLINE_DOSSIER_SHARE: [5, 10] as [number, number] } } : row));
  const evidence = [
    {
      unit: "D2",
      period: "2026-03",
      item: "ON_TIME",
      count: 25,
      dossiers: [
        { id: "HS-0042", procedureName: "Cấp giấy phép xây dựng", receivedAt: "2026-03-02T08:00:00", dueAt: "2026-03-10T17:00:00", finishedAt: "2026-03-13T10:00:00", daysLate: 3, reason: "late" },
        { id: "HS-0043", procedure: "1.000046", reason: "overdue_in_progress" },
      ],
    },
  ];
  return { ...file, figures, evidence };
}

describe("a unit that did not report every item", () => {
  const dataset = datasetOf(partialFile());
  const pack = buildPackView(dataset, options);
  const card = pack.scorecards.find((view) => view.unitId === "C2")!;

  it("says so on its card, naming the missing items, and is neither graded nor ranked", async () => {
    expect(card.band).toBeNull();
    expect(card.tone).toBe("neutral");
    expect(card.notices[0]).toMatchObject({ level: "warning" });
    expect(card.notices[0]!.text).toMatch(/^Số liệu chưa đủ: thiếu \d+ chỉ tiêu \(1\.1 Công bố TTHC đúng hạn; /);
    const text = await pdfText(await renderUnitScorecard(card));
    expect(text).toContain("Số liệu chưa đủ: thiếu");
    expect(text).toContain("không được xếp loại, xếp hạng kỳ này");
    expect(text).toContain("Chưa xếp hạng");
  });

  it("is listed in the summary's notices, and in the workbook's notes", async () => {
    const summary = pack.summaries[0]!;
    expect(summary.notices.map((notice) => notice.text)).toContain("1 đơn vị chưa đủ số liệu, không xếp loại, xếp hạng: Phường Đông Hải.");
    expect(await pdfText(await renderProvinceSummary(summary))).toContain("1 đơn vị chưa đủ số liệu, không xếp loại, xếp hạng: Phường Đông Hải.");
    const xml = await (await JSZip.loadAsync(await renderProvinceSummaryDocx(summary))).file("word/document.xml")!.async("string");
    expect(xml).toContain("1 đơn vị chưa đủ số liệu, không xếp loại, xếp hạng: Phường Đông Hải.");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(pack.workbook)) as unknown as ArrayBuffer);
    const summaryRows = workbook.getWorksheet("Tổng hợp")!.getSheetValues().slice(1) as unknown[][];
    expect(summaryRows.filter((row) => row[1] === "Lưu ý").map((row) => row[2])).toContain("1 đơn vị chưa đủ số liệu, không xếp loại, xếp hạng: Phường Đông Hải.");
    const notes = workbook.getWorksheet("Lưu ý")!.getSheetValues().slice(2) as unknown[][];
    const rowOf = (id: string) => notes.filter((row) => row[1] === id).map((row) => [row[3], String(row[4]).split(/ \(|:/u)[0]]);
    expect(rowOf("C2")).toEqual([["thiếu", "Số liệu chưa đủ"]]);
    expect(rowOf("C3")).toEqual([["không có số liệu", "Không có số liệu của đơn vị trong kỳ này"]]);
  });

  it("names the dossiers behind the lost points under the card's next steps, and lists them in the workbook", async () => {
    const department = pack.scorecards.find((view) => view.unitId === "D2")!;
    const onTime = department.actions.find((action) => action.item.startsWith("2.1 "));
    expect(onTime?.details).toEqual([
      "Hồ sơ HS-0042 (Cấp giấy phép xây dựng): Giải quyết quá hạn, trễ 3 ngày làm việc",
      "Hồ sơ HS-0043 (1.000046): Đang giải quyết, đã quá hạn",
      // The figures file lists 2 of 25: the card says the rest are not listed, and how to list them.
      "… và 23 hồ sơ khác, chưa được liệt kê (tệp số liệu chỉ giữ 2; danh sách đầy đủ: chiso dossiers … --details <tệp.xlsx> --details-limit 25).",
    ]);
    expect(await pdfText(await renderUnitScorecard(department))).toContain("Hồ sơ HS-0042 (Cấp giấy phép xây dựng): Giải quyết quá hạn, trễ 3 ngày làm việc");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(pack.workbook)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("2.1 Giải quyết hồ sơ đúng hạn")!;
    const rows = sheet.getSheetValues().slice(4) as unknown[][];
    // Failed and listed per unit, then the dossier; times as Excel date-times (03/10/2026 09:15).
    expect(rows[0]!.slice(1, 6)).toEqual(["D2", "Sở Y tế", 25, 2, "HS-0042"]);
    expect(rows[0]!.slice(6)).toEqual(["Cấp giấy phép xây dựng", new Date("2026-03-02T08:00:00Z"), new Date("2026-03-10T17:00:00Z"), new Date("2026-03-13T10:00:00Z"), 3, "Giải quyết quá hạn"]);
    expect([rows[1]![5], rows[1]![6], rows[1]![11]]).toEqual(["HS-0043", "1.000046", "Đang giải quyết, đã quá hạn"]);
  });

  it("is ranked with the reason stated when the office asks for it", () => {
    const ranked = buildPackView(dataset, { ...options, rankIncomplete: true }).scorecards.find((view) => view.unitId === "C2")!;
    expect(ranked.rank).not.toBe("Chưa xếp hạng");
    expect(ranked.notices[0]!.text).toMatch(/^Số liệu chưa đủ: thiếu \d+ chỉ tiêu .*Theo yêu cầu của cơ quan, đơn vị vẫn được xếp loại, xếp hạng\.$/);
  });
});

describe("a province whose own figures are incomplete", () => {
  it("says so first in the summary and its assessment, greys the incomplete block and does not call it the weakest", () => {
    const file = smallPackFile();
    // The province reports its own 5.1–5.3 rows (parentCounts "own"), but leaves 5.2 and 5.3 out.
    const own = { ...file, parentCounts: "own" as const, figures: [...file.figures, { unit: "P", period: "2026-03", items: { PETITION_CLASSIFICATION: [3, 3] as [number, number] } }] };
    const summary = buildPackView(datasetOf(own), options).summaries[0]!;
    expect(summary.notices[0]!.text).toMatch(/^Số liệu của tỉnh chưa đủ: thiếu \d+ chỉ tiêu \(/);
    expect(summary.band).toBeNull();
    expect(summary.assessment[0]).toMatch(/— chưa đủ số liệu \(thiếu \d+ chỉ tiêu\)/);
    const satisfaction = summary.blocks.find((block) => block.note === "thiếu số liệu")!;
    expect(satisfaction.tone).toBe("neutral");
    expect(summary.assessment.join(" ")).not.toContain(`thấp nhất là ${satisfaction.label}`);
  });
});

describe("a parent whose row was rejected", () => {
  // The communes take 1.1–1.3 from the province's row; March's province row was rejected (--skip-invalid).
  const inherited = ["PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL"];
  const file = smallPackFile();
  const withoutInherited = (items: object) => Object.fromEntries(Object.entries(items).filter(([code]) => !inherited.includes(code))) as Record<string, [number, number]>;
  const figures = [
    ...file.figures.map((row) => (row.unit.startsWith("C") ? { ...row, items: withoutInherited(row.items) } : row)),
    { unit: "P", period: "2026-02", items: Object.fromEntries(inherited.map((code) => [code, [9, 10] as [number, number]])) },
  ];
  const rejectedRows = [{ unit: "P", period: "2026-03", where: "so-lieu.xlsx › Số liệu › dòng 2", reasons: ["tử số (70) lớn hơn mẫu số (59)."] }];
  const pack = buildPackView(datasetOf({ ...file, figures }), { ...options, rejectedRows });

  it("names the parent's rejected row as the cause on each commune's card", async () => {
    const card = pack.scorecards.find((view) => view.unitId === "C2")!;
    const texts = card.notices.map((notice) => notice.text);
    expect(texts[0]).toMatch(/^Số liệu chưa đủ: thiếu 3 chỉ tiêu/);
    expect(texts[1]).toBe(
      "Chỉ tiêu 1.1 Công bố TTHC đúng hạn; 1.2 Công khai TTHC trên CSDL quốc gia đúng hạn; 1.3 Công khai đầy đủ nội dung TTHC của đơn vị lấy theo số liệu của Tỉnh Thử Nghiệm; dòng số liệu của Tỉnh Thử Nghiệm trong kỳ bị từ chối (so-lieu.xlsx › Số liệu › dòng 2: tử số (70) lớn hơn mẫu số (59)), nên các chỉ tiêu này không có số liệu. Hãy sửa dòng đó và chạy lại.",
    );
    expect(await pdfText(await renderUnitScorecard(card))).toContain("lấy theo số liệu của Tỉnh Thử Nghiệm");
    // A department does not take these items from the province: no such notice.
    expect(pack.scorecards.find((view) => view.unitId === "D1")!.notices.map((notice) => notice.text).join(" ")).not.toContain("lấy theo số liệu");
  });

  it("draws the partial total apart from the trend's line, and says what the hollow point means", async () => {
    const card = pack.scorecards.find((view) => view.unitId === "C2")!;
    const trend = card.trend.filter((point) => point.value !== null);
    expect(trend.map((point) => [point.label, point.partial])).toEqual([["2/26", false], ["3/26", true]]);
    expect(await pdfText(await renderUnitScorecard(card))).toContain("tổng điểm chưa đủ số liệu (chỉ cộng một phần)");
    const complete = pack.scorecards.find((view) => view.unitId === "D1")!;
    expect(complete.trend.some((point) => point.partial)).toBe(false);
    expect(await pdfText(await renderUnitScorecard(complete))).not.toContain("tổng điểm chưa đủ số liệu");
  });

  it("says in the summary how many units lack items because of it", () => {
    const texts = pack.summaries[0]!.notices.map((notice) => notice.text);
    expect(texts).toContain("Trong đó 2 đơn vị thiếu các chỉ tiêu lấy theo số liệu của Tỉnh Thử Nghiệm, vì dòng số liệu của Tỉnh Thử Nghiệm bị từ chối.");
  });

  it("groups the unranked units by reason in the assessment, naming a long group's first few only", () => {
    expect(pack.summaries[0]!.assessment.join(" ")).toContain(
      "3 đơn vị chưa được xếp hạng: thiếu số liệu một số chỉ tiêu hoặc tháng (2 đơn vị: Phường Đông Hải, Xã An Bình); chưa có số liệu trong kỳ (1 đơn vị: Xã Tân Lập).",
    );
    // Units below 80 split by level, a level with none left out.
    expect(pack.summaries[0]!.assessment.join(" ")).toContain("đạt dưới 80 điểm (1 sở, ban, ngành).");
    const extra = Array.from({ length: 9 }, (_, index) => ({ id: `X${index}`, name: `Xã Thêm ${index + 1}`, level: "commune" as const, parent: "P" }));
    const many = buildPackView(datasetOf({ ...file, units: [...file.units, ...extra], figures }), { ...options, rejectedRows, language: "en" });
    expect(many.summaries[0]!.assessment.join(" ")).toMatch(/no figures for the period \(10 units: [^()]*, Xã Thêm 4 and 5 more, see the list of unranked units\)\./);
  });

  it("in February, with the province's row used, the communes are complete and no such notice appears", () => {
    const february = buildPackView(datasetOf({ ...file, figures }), { ...options, period: "2026-02", rejectedRows });
    expect(february.scorecards.find((view) => view.unitId === "C2")!.notices.map((notice) => notice.text).join(" ")).not.toContain("lấy theo số liệu");
  });
});

describe("rejected rows, example questionnaires and the sign-off", () => {
  const rejectedRows = [{ unit: "C3", period: "2026-03", where: "so-lieu.xlsx › Số liệu › dòng 9", reasons: ["tử số (12) lớn hơn mẫu số (10)"] }];
  const signOff = { at: "2026-04-05T09:30:00+07:00", by: "Trần Thị Bình", checksum: "ef".repeat(32) };
  const pack = buildPackView(datasetOf(smallPackFile()), { ...options, rejectedRows, signOff });

  it("tells the unit whose row was rejected, instead of 'no data problems found'", async () => {
    const card = pack.scorecards.find((view) => view.unitId === "C3")!;
    expect(card.notices.map((notice) => notice.text)).toEqual([
      "Dòng số liệu của đơn vị bị từ chối và không được dùng (so-lieu.xlsx › Số liệu › dòng 9): tử số (12) lớn hơn mẫu số (10). Hãy sửa dòng này và chạy lại.",
      "Không có số liệu của đơn vị trong kỳ này: không tính điểm, không xếp loại, xếp hạng.",
    ]);
    expect(card.findings[0]).toBe("so-lieu.xlsx › Số liệu › dòng 9: tử số (12) lớn hơn mẫu số (10)");
    // Not ranked because its row was rejected — not "no figures" — on the card, in the summary and the workbook.
    expect(card.rankDetail).toBe("dòng số liệu bị từ chối (xem tệp bi-tu-choi)");
    expect(pack.summaries[0]!.unranked.find((entry) => entry.name === "Xã Tân Lập")!.detail).toBe("dòng số liệu bị từ chối (xem tệp bi-tu-choi)");
    expect(pack.workbook.rankings.flatMap((ranking) => ranking.rows).find((row) => row.id === "C3")!.reason).toContain("dòng số liệu bị từ chối");
    expect(pack.summaries[0]!.assessment.join(" ")).toContain("dòng số liệu bị từ chối (xem tệp bi-tu-choi) (1 đơn vị: Xã Tân Lập)");
    const text = await pdfText(await renderUnitScorecard(card));
    expect(text).toContain("Dòng số liệu của đơn vị bị từ chối");
    expect(text).not.toContain("Không phát hiện vấn đề về số liệu");
  });

  it("says the SIPAS and PAR results rest on chiso's examples, on the card of a unit that has them", () => {
    const card = pack.scorecards.find((view) => view.unitId === "C1")!;
    expect(card.notices.map((notice) => notice.text)).toEqual([expect.stringContaining("Chỉ số SIPAS và Chỉ số CCHC được tính theo bộ câu hỏi, bộ tiêu chí mẫu đi kèm chiso")]);
    expect(pack.scorecards.find((view) => view.unitId === "C2")!.notices).toEqual([]);
  });

  it("prints the sign-off in the footer of every document", async () => {
    const summary = pack.summaries[0]!;
    expect(await pdfText(await renderProvinceSummary(summary))).toContain("Đã chốt số liệu ngày 05/04/2026 09:30 (GMT+7) (Trần Thị Bình)");
    const zip = await JSZip.loadAsync(await renderProvinceSummaryDocx(summary));
    const footers = await Promise.all(Object.keys(zip.files).filter((name) => /word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
    expect(footers.join("")).toContain("Đã chốt số liệu ngày 05/04/2026 09:30 (GMT+7) (Trần Thị Bình)");
  });
});

describe("a quarter partly signed off", () => {
  // February signed off, March not, January without figures: the quarter is neither signed off nor silent about it.
  const monthSignOffs = [
    { period: "2026-01", at: null, absent: true as const },
    { period: "2026-02", at: "2026-03-05T09:30:00+07:00", by: "Trần Thị Bình" },
    { period: "2026-03", at: null },
  ];
  const build = (language: "vi" | "en") => buildPackView(datasetOf(smallPackFile()), { ...options, period: "2026-Q1", monthSignOffs, ...(language === "en" && { language }) });

  it("names the months signed off and those not in the footer of the PDF, the Word file and the workbook", async () => {
    const summary = build("vi").summaries[0]!;
    const note = "Kỳ chưa chốt toàn bộ: đã chốt số liệu tháng 02/2026; chưa chốt tháng 03/2026; chưa có số liệu tháng 01/2026";
    const text = await pdfText(await renderProvinceSummary(summary));
    expect(text).toContain(note);
    expect(text).not.toContain("Đã chốt số liệu ngày");
    const zip = await JSZip.loadAsync(await renderProvinceSummaryDocx(summary));
    const footers = await Promise.all(Object.keys(zip.files).filter((name) => /word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
    expect(footers.join("")).toContain(note);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(build("vi").workbook)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.headerFooter.oddFooter).toContain(note);
    expect(await pdfText(await renderProvinceSummary(build("en").summaries[0]!))).toContain("Period partly signed off: 02/2026 signed off; 03/2026 not; no figures for 01/2026");
  });

  it("writes runs of months as ranges", async () => {
    const year = [...Array.from({ length: 6 }, (_, index) => ({ period: `2026-0${index + 1}`, at: null, absent: true as const })), ...["07", "08", "09"].map((month) => ({ period: `2026-${month}`, at: "2026-10-05T09:30:00+07:00" })), { period: "2026-10", at: null }, ...["11", "12"].map((month) => ({ period: `2026-${month}`, at: null, absent: true as const }))];
    const summary = buildPackView(datasetOf(smallPackFile()), { ...options, period: "2026", monthSignOffs: year }).summaries[0]!;
    expect(await pdfText(await renderProvinceSummary(summary))).toContain("Kỳ chưa chốt toàn bộ: đã chốt số liệu tháng 07–09/2026; chưa chốt tháng 10/2026; chưa có số liệu tháng 01–06/2026, 11–12/2026");
  });

  it("says nothing of a sign-off when no month is signed off", () => {
    const pack = buildPackView(datasetOf(smallPackFile()), { ...options, period: "2026-Q1", monthSignOffs: [{ period: "2026-02", at: null }, { period: "2026-03", at: null }] });
    expect(pack.summaries[0]!.context.monthSignOffs).toBeUndefined();
  });
});

describe("a unit renamed or moved within the period", () => {
  // The history store flags Sở Tư pháp's last row of the quarter: it was a commune in February.
  const message = { vi: "đơn vị D1 đổi tên, cấp hoặc đơn vị cấp trên trong kỳ: “Xã Tư” (xã) trong 02/2026; “Sở Tư pháp” (sở) trong 03/2026", en: "unit D1 changed its name, level or parent within the period: “Xã Tư” (commune) in 02/2026; “Sở Tư pháp” (department) in 03/2026" };
  const file = smallPackFile();
  const flagged = { ...file, figures: file.figures.map((row) => (row.unit === "D1" && row.period === "2026-03" ? { ...row, flags: [{ code: "unit_changed", message }] } : row)) };
  const pack = buildPackView(datasetOf(flagged), { ...options, period: "2026-Q1" });

  it("is said on the province summary, the unit's card and the workbook", async () => {
    const said = "Nguồn dữ liệu ghi chú (đơn vị đổi tên hoặc cấp trong kỳ): đơn vị D1 đổi tên, cấp hoặc đơn vị cấp trên trong kỳ: “Xã Tư” (xã) trong 02/2026; “Sở Tư pháp” (sở) trong 03/2026.";
    expect(pack.summaries[0]!.notices.map((notice) => notice.text)).toContain(said);
    expect(await pdfText(await renderProvinceSummary(pack.summaries[0]!))).toContain("“Xã Tư” (xã) trong 02/2026; “Sở Tư pháp” (sở) trong 03/2026.");
    expect(await pdfText(await renderUnitScorecard(pack.scorecards.find((view) => view.unitId === "D1")!))).toContain("“Xã Tư” (xã) trong 02/2026");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(pack.workbook)) as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => (sheet.getSheetValues() as unknown[][]).flat().map(String));
    expect(cells.some((cell) => cell.includes("“Sở Tư pháp” (sở) trong 03/2026"))).toBe(true);
  });
});

describe("a quarter summed from months with a month missing", () => {
  // The small province has figures for February and March only: January is missing for every unit.
  const pack = buildPackView(datasetOf(smallPackFile()), { ...options, period: "2026-Q1" });

  it("says which month is missing on the card and in the summary, and ranks no one", async () => {
    const card = pack.scorecards.find((view) => view.unitId === "C2")!;
    expect(card.notices[0]!.text).toBe(
      "Số liệu chưa đủ: thiếu số liệu tháng 1/2026. Tổng điểm chỉ cộng phần số liệu đã có, nên không phản ánh đủ kết quả của đơn vị; đơn vị không được xếp loại, xếp hạng kỳ này.",
    );
    expect(card.band).toBeNull();
    expect(card.rank).toBe("Chưa xếp hạng");
    expect(await pdfText(await renderUnitScorecard(card))).toContain("thiếu số liệu tháng 1/2026");
    expect(pack.summaries[0]!.notices.map((notice) => notice.text).join(" ")).toMatch(/\d đơn vị chưa đủ số liệu, không xếp loại, xếp hạng/);
  });
});
