import { describe, expect, it } from "vitest";
import { buildPackView } from "../src/index.js";
import { fontOverflows, renderProvinceSummary, renderUnitScorecard } from "../src/pdf/index.js";
import { datasetOf, pdfPages, pdfText as rawText, smallPackFile } from "./fixture.js";

// Table cells and justified paragraphs wrap: compare text with its white space folded.
const pdfText = async (bytes: Uint8Array) => (await rawText(bytes)).replace(/\s+/g, " ");

const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "ab".repeat(32) };

describe("the unit scorecard PDF", () => {
  const pack = buildPackView(datasetOf(smallPackFile()), options);
  const commune = pack.scorecards.find((card) => card.unitId === "C1")!;

  it("shows the unit's name, total, band, rank and change, under the official header, in Vietnamese", async () => {
    const text = await pdfText(await renderUnitScorecard(commune));
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("UBND TỈNH THỬ NGHIỆM");
    expect(text).toContain("SỞ NỘI VỤ");
    expect(text).toContain("Thử Nghiệm, ngày 01 tháng 4 năm 2026");
    expect(text).toContain("Kèm theo Báo cáo số");
    expect(text).toContain("Xã An Bình");
    expect(text).toContain("Tháng 3/2026");
    expect(commune.total).toMatch(/^\d+,\d\d$/);
    expect(text).toContain(commune.total);
    expect(text).toContain("2/2"); // second of two ranked communes (C3 has no figures)
    expect(text).toContain(commune.scoreChange);
    expect(text).toContain("Việc cần làm để tăng điểm");
    expect(text).toContain("Giải quyết hồ sơ đúng hạn");
    expect(text).toContain("766-portal 1.0.0");
    expect(text).toContain("abababababababab");
  });

  it("labels the block bars by name, explains their colours, and never prints an item as “3.x”", async () => {
    const text = await pdfText(await renderUnitScorecard(commune));
    expect(text).toContain("Màu theo tỷ lệ điểm đạt");
    expect(text).not.toMatch(/\b\d\. Số hóa hồ sơ/u); // no block numbers beside the items' group numbers
    expect(text).not.toContain("3.x");
    expect(text).toContain("3.4 TTHC có phát sinh thanh toán trực tuyến"); // the portal's payment part, numbered
  });

  it("shows the unit's SIPAS and PAR Index, or says there is none this period", async () => {
    const text = await pdfText(await renderUnitScorecard(commune));
    expect(text).toContain("Chỉ số hài lòng (SIPAS)");
    expect(text).toContain("75,00%");
    expect(text).toContain("Chỉ số cải cách hành chính (PAR Index)");
    expect(text).toContain("87,50%");
    const other = pack.scorecards.find((card) => card.unitId === "C2")!;
    const otherText = await pdfText(await renderUnitScorecard(other));
    expect(otherText).toContain("Không có khảo sát SIPAS trong kỳ này.");
    expect(otherText).toContain("Chưa có kết quả chấm điểm cải cách hành chính trong kỳ này.");
  });

  it("prints notices near the top and a unit without a band neutrally", async () => {
    const noticed = { ...commune, band: null, tone: "neutral" as const, notices: [{ level: "warning" as const, text: "Số liệu chưa đầy đủ: thiếu chỉ tiêu 2.1." }] };
    const text = await pdfText(await renderUnitScorecard(noticed));
    const notice = text.indexOf("Số liệu chưa đầy đủ");
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(text.indexOf("Tổng điểm"));
    expect(text).not.toContain("Yếu");
  });

  it("prints NFD names as NFC text", async () => {
    const decomposed = buildPackView(datasetOf(smallPackFile("Xã Hưng Lộc".normalize("NFD"))), options).scorecards.find((card) => card.unitId === "C1")!;
    const text = await pdfText(await renderUnitScorecard(decomposed));
    expect(text).toContain("Xã Hưng Lộc".normalize("NFC"));
  });

  it("marks an open period as provisional", async () => {
    const open = buildPackView(datasetOf(smallPackFile()), { ...options, asOf: "2026-03-20" }).scorecards[0]!;
    expect(await pdfText(await renderUnitScorecard(open))).toContain("SỐ LIỆU TẠM TÍNH");
  });

  it("is byte-identical for the same input, and embeds the shared font subsets", async () => {
    const before = fontOverflows();
    const first = await renderUnitScorecard(commune);
    const second = await renderUnitScorecard(commune);
    expect(Buffer.compare(first, second)).toBe(0);
    expect(fontOverflows()).toBe(before);
    expect(Buffer.from(first).toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos/);
  });

  it("writes in English on request, with one way of writing dates", async () => {
    const english = buildPackView(datasetOf(smallPackFile()), { ...options, language: "en" }).scorecards.find((card) => card.unitId === "C1")!;
    const text = await pdfText(await renderUnitScorecard(english));
    expect(text).toContain("SOCIALIST REPUBLIC OF VIETNAM");
    expect(text).toContain("PEOPLE'S COMMITTEE OF THỬ NGHIỆM PROVINCE");
    expect(text).not.toContain("TỈNH THỬ NGHIỆM PEOPLE'S COMMITTEE");
    expect(text).toContain("Thử Nghiệm, 1 April 2026");
    expect(text).toContain("1 April 2026 00:00 (UTC+7)");
    expect(text).not.toMatch(/\d\d\/\d\d\/\d{4}/);
    expect(text).toContain("What to do next");
    expect(text).toContain(english.total);
  });
});

describe("the province summary PDF", () => {
  const pack = buildPackView(datasetOf(smallPackFile()), options);
  const summary = pack.summaries[0]!;

  it("is a numbered, signed report: header, title, assessment, tasks, signature block and recipients", async () => {
    const text = await pdfText(await renderProvinceSummary(summary));
    expect(text).toContain("Số:");
    expect(text).toContain("/BC-SNV");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 3/2026");
    expect(text).toContain("I. KẾT QUẢ CHUNG");
    expect(text).toContain(`đạt ${summary.total}/100 điểm`);
    expect(text).toContain("III. NHIỆM VỤ THỜI GIAN TỚI");
    expect(text).toContain("KT. GIÁM ĐỐC");
    expect(text).toContain("PHÓ GIÁM ĐỐC");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- Lưu: VT, CCHC.");
  });

  it("ranks each unit once, in the annex, and the other lists refer to it", async () => {
    const text = await pdfText(await renderProvinceSummary(summary));
    expect(text).toContain("Bảng 1. Xếp hạng khối sở, ban, ngành");
    expect(text).toContain("Bảng 2. Xếp hạng khối xã, phường, đặc khu");
    expect(text.split("Xếp hạng khối sở, ban, ngành").length - 1).toBe(1);
    expect(text).not.toContain("Xếp hạng SIPAS"); // SIPAS and PAR are columns of the one ranking
    expect(text).toMatch(/2 Xã An Bình 81,33 Tốt \+0,25 = 75,00 87,50/u);
    expect(summary.below80.find((entry) => entry.name === "Sở Y tế")?.detail).toMatch(/\(Bảng 1\)$/);
    expect(text).toContain("Xã Tân Lập");
    expect(text).toContain("chưa có số liệu trong kỳ");
    expect(summary.unranked.map((entry) => entry.name)).toEqual(["Xã Tân Lập"]);
  });

  it("keeps every heading with the start of its table", async () => {
    const bytes = await renderProvinceSummary(summary);
    for (const page of await pdfPages(bytes)) {
      const lines = page.trim().split("\n");
      // A page never ends with a heading ("1. …", "Bảng …", "II. …").
      expect(lines.at(-1)).not.toMatch(/^(\d\.|Bảng \d|[IV]+\.)/u);
    }
  });
});

describe("the summary's signature", () => {
  // Lists of different lengths before the tasks move the page break around the end of the report.
  it("never stands alone on a page: the last paragraph of the body goes over with it", async () => {
    const file = smallPackFile();
    for (let extra = 0; extra <= 24; extra += 2) {
      const units = [...file.units, ...Array.from({ length: extra }, (_, index) => ({ id: `X${index}`, name: `Xã Thêm ${index + 1}`, level: "commune" as const, parent: "P" }))];
      const summary = buildPackView(datasetOf({ ...file, units }), options).summaries[0]!;
      const pages = (await pdfPages(await renderProvinceSummary(summary))).map((page) => page.replace(/\s+/g, " "));
      const signed = pages.find((page) => page.includes("Nơi nhận:"))!;
      const lastWords = summary.tasks.at(-1)!.split(/\s+/).slice(0, 6).join(" ");
      expect(signed, `${extra} extra units`).toContain(lastWords);
    }
  });
});
