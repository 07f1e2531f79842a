import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildPackView, defaultProfile } from "../src/index.js";
import { renderDispatchDocx, renderProvinceSummaryDocx, renderUnitScorecardDocx } from "../src/docx/index.js";
import { datasetOf, smallPackFile } from "./fixture.js";

const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "ef".repeat(32) };

/** A Word file read back: its paragraphs' text, and its tables as rows of cell texts. */
async function readDocx(bytes: Uint8Array) {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const textOf = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join("");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0]))));
  return { xml, paragraphs, text: paragraphs.join("\n"), tables };
}

describe("the Word documents", () => {
  const pack = buildPackView(datasetOf(smallPackFile()), options);
  const summary = pack.summaries[0]!;

  it("keeps the body's last paragraph with the signature, in the report and the dispatch", async () => {
    for (const [bytes, last] of [
      [await renderProvinceSummaryDocx(summary), summary.tasks.at(-1)!],
      [await renderDispatchDocx(summary), summary.dispatch.at(-1)!],
    ] as const) {
      const { xml } = await readDocx(bytes);
      const paragraph = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]).find((fragment) => fragment.includes(last.slice(0, 30)))!;
      expect(paragraph).toContain("<w:keepNext/>");
      // What follows that paragraph is the signature table.
      expect(xml.slice(xml.indexOf(paragraph) + paragraph.length).startsWith("<w:tbl>")).toBe(true);
    }
  });

  it("writes the summary as a Decree 30 report: header, number, title, assessment, tables, signature and recipients", async () => {
    const doc = await readDocx(await renderProvinceSummaryDocx(summary));
    const [header] = doc.tables;
    expect(header![0]![0]).toBe(`UBND TỈNH THỬ NGHIỆMSỞ NỘI VỤSố: ${"\u00a0".repeat(6)}/BC-SNV`);
    expect(header![0]![1]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcThử Nghiệm, ngày 01 tháng 4 năm 2026");
    expect(doc.paragraphs).toContain("BÁO CÁO");
    expect(doc.paragraphs).toContain("Kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 3/2026");
    expect(doc.paragraphs).toContain(summary.assessment[0]);
    expect(doc.text).toContain(`đạt ${summary.total}/100 điểm`);
    expect(doc.paragraphs).toContain(summary.tasks.at(-1));
    const ranking = doc.tables.find((table) => table[0]?.[0] === "Hạng" && table[0]?.[6] === "SIPAS (%)")!;
    expect(ranking.slice(1).map((row) => row.slice(0, 3))).toContainEqual(["1", "Sở Tư pháp", "93,60"]);
    const signature = doc.tables.at(-3)!; // signature, then the two annex tables
    expect(signature[0]![0]).toBe("Nơi nhận:- UBND tỉnh (để báo cáo);- Giám đốc Sở (để báo cáo);- Các sở, ban, ngành tỉnh;- UBND các xã, phường, đặc khu;- Lưu: VT, CCHC.");
    expect(signature[0]![1]).toBe("KT. GIÁM ĐỐCPHÓ GIÁM ĐỐC(Ký, ghi rõ họ tên, đóng dấu)"); // no profile: the name is left blank, never invented
  });

  it("writes the cover dispatch with its V/v line, Kính gửi, body, signature and recipients", async () => {
    const doc = await readDocx(await renderDispatchDocx(summary));
    expect(doc.tables[0]![0]![0]).toContain("/SNV-CCHC");
    expect(doc.tables[0]![0]![0]).toContain("V/v gửi kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 3/2026");
    expect(doc.paragraphs).toContain("Kính gửi:");
    expect(doc.paragraphs).toContain("- Các sở, ban, ngành tỉnh;");
    expect(doc.paragraphs).toContain("- UBND các xã, phường, đặc khu.");
    expect(doc.text).toContain("Quyết định số 766/QĐ-TTg ngày 23/6/2022");
    expect(doc.paragraphs.some((text) => text.endsWith("để được hướng dẫn./."))).toBe(true);
    expect(doc.tables.at(-1)![0]![0]).toBe("Nơi nhận:- Như trên;- UBND tỉnh (để báo cáo);- Giám đốc Sở (để báo cáo);- Lưu: VT, CCHC.");
  });

  it("uses the office's own wording and signer from the profile", async () => {
    const profile = {
      ...defaultProfile("Tỉnh Thử Nghiệm", "vi"),
      signer: { title: "GIÁM ĐỐC", name: "Trần Thị Bình" },
      numbers: { report: "125" },
      wording: { assessment: ["{period}, {province} giữ vững kết quả."], tasks: ["Các đơn vị tiếp tục thực hiện."] },
    };
    const custom = buildPackView(datasetOf(smallPackFile()), { ...options, profile }).summaries[0]!;
    const doc = await readDocx(await renderProvinceSummaryDocx(custom));
    expect(doc.paragraphs).toContain("tháng 3/2026, Tỉnh Thử Nghiệm giữ vững kết quả.");
    expect(doc.paragraphs).toContain("Các đơn vị tiếp tục thực hiện.");
    expect(doc.tables[0]![0]![0]).toContain("Số: 125/BC-SNV");
    const signature = doc.tables.find((table) => table[0]?.[0]?.startsWith("Nơi nhận:"))!;
    expect(signature[0]![1]).toBe("GIÁM ĐỐC(Ký, ghi rõ họ tên, đóng dấu)Trần Thị Bình");
  });

  it("writes a unit's card, and everything byte-identical for the same input", async () => {
    const card = pack.scorecards.find((entry) => entry.unitId === "C1")!;
    const bytes = await renderUnitScorecardDocx(card);
    const doc = await readDocx(bytes);
    expect(doc.paragraphs).toContain("Xã An Bình");
    const items = doc.tables.find((table) => table[0]?.[1] === "Chỉ tiêu")!;
    expect(items.find((row) => row[0] === "2.1")?.slice(2, 4)).toEqual(["7", "10"]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(bytes, await renderUnitScorecardDocx(card))).toBe(0);
    expect(Buffer.compare(await renderDispatchDocx(summary), await renderDispatchDocx(summary))).toBe(0);
  });

  it("writes in English on request", async () => {
    const english = buildPackView(datasetOf(smallPackFile()), { ...options, language: "en" }).summaries[0]!;
    const doc = await readDocx(await renderDispatchDocx(english));
    expect(doc.tables[0]![0]![0]).toContain("PEOPLE'S COMMITTEE OF THỬ NGHIỆM PROVINCE");
    expect(doc.tables[0]![0]![1]).toContain("Thử Nghiệm, 1 April 2026");
    expect(doc.text).toContain("Decision 766/QĐ-TTg of 23 June 2022");
    expect(doc.tables.at(-1)![0]![1]).toBe("FOR THE DIRECTORDEPUTY DIRECTOR(Signature, full name, seal)"); // no profile: the name is left blank
  });
});
