import { describe, expect, it } from "vitest";
import { buildPackView } from "../src/index.js";
import { provinceSummaryDocument, renderPdf, unitScorecardDocument } from "../src/pdf/index.js";
import { datasetOf, pdfText, smallPackFile } from "./fixture.js";

const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "ab".repeat(32) };

describe("the unit scorecard PDF", () => {
  const pack = buildPackView(datasetOf(smallPackFile()), options);
  const commune = pack.scorecards.find((card) => card.unitId === "C1")!;

  it("shows the unit's name, total, band, rank and change, in Vietnamese", async () => {
    const text = await pdfText(await renderPdf(unitScorecardDocument(commune)));
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("UBND TỈNH THỬ NGHIỆM");
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

  it("shows the unit's SIPAS and PAR Index, or says there is none this period", async () => {
    const text = (await pdfText(await renderPdf(unitScorecardDocument(commune)))).replace(/\s+/g, " ");
    expect(text).toContain("Chỉ số hài lòng (SIPAS)");
    expect(text).toContain("75,00%");
    expect(text).toContain("Chỉ số cải cách hành chính (PAR Index)");
    expect(text).toContain("87,50%");
    const other = pack.scorecards.find((card) => card.unitId === "C2")!;
    const otherText = (await pdfText(await renderPdf(unitScorecardDocument(other)))).replace(/\s+/g, " ");
    expect(otherText).toContain("Không có khảo sát SIPAS trong kỳ này.");
    expect(otherText).toContain("Chưa có kết quả chấm điểm cải cách hành chính trong kỳ này.");
  });

  it("prints NFD names as NFC text", async () => {
    const decomposed = buildPackView(datasetOf(smallPackFile("Xã Hưng Lộc".normalize("NFD"))), options).scorecards.find((card) => card.unitId === "C1")!;
    const text = await pdfText(await renderPdf(unitScorecardDocument(decomposed)));
    expect(text).toContain("Xã Hưng Lộc".normalize("NFC"));
  });

  it("marks an open period as provisional", async () => {
    const open = buildPackView(datasetOf(smallPackFile()), { ...options, asOf: "2026-03-20" }).scorecards[0]!;
    expect(await pdfText(await renderPdf(unitScorecardDocument(open)))).toContain("SỐ LIỆU TẠM TÍNH");
  });

  it("is byte-identical for the same input, with or without the font cache", async () => {
    const definition = () => unitScorecardDocument(commune);
    const uncached = await renderPdf(definition(), { fontCache: false }); // pdfkit as published
    const first = await renderPdf(definition());
    const second = await renderPdf(definition());
    expect(Buffer.compare(first, second)).toBe(0);
    expect(Buffer.compare(first, uncached)).toBe(0);
  });

  it("writes in English on request", async () => {
    const english = buildPackView(datasetOf(smallPackFile()), { ...options, language: "en" }).scorecards.find((card) => card.unitId === "C1")!;
    const text = await pdfText(await renderPdf(unitScorecardDocument(english)));
    expect(text).toContain("SOCIALIST REPUBLIC OF VIETNAM");
    expect(text).toContain("What to do next");
    expect(text).toContain(english.total);
  });
});

describe("the province summary PDF", () => {
  it("shows the province's own score, the rankings and the unranked units with their reason", async () => {
    const pack = buildPackView(datasetOf(smallPackFile()), options);
    const summary = pack.summaries[0]!;
    const text = await pdfText(await renderPdf(provinceSummaryDocument(summary)));
    expect(text).toContain("BÁO CÁO TỔNG HỢP");
    expect(text).toContain(`${summary.total} / 100`);
    expect(text).toContain("Xếp hạng khối sở, ban, ngành");
    expect(text).toContain("Sở Tư pháp");
    expect(text).toContain("Xã Tân Lập");
    expect(text).toContain("chưa có số liệu trong kỳ");
    expect(summary.unranked.map((entry) => entry.name)).toEqual(["Xã Tân Lập"]);
    expect(summary.below80.map((entry) => entry.name)).toContain("Sở Y tế");
  });
});
