import { describe, expect, it } from "vitest";
import { getScheme, parseDataset, scoreDataset, type FiguresFile, type Scorecard } from "@chiso/core";
import { importFigures } from "../src/index.js";
import { describePortalIssue, importPortalResponses, portalIssueLocation, type PortalEndpoint, type PortalImportResult, type ResponseFile } from "../src/portal/index.js";
import { ALL_ENDPOINTS, IDS, responseFile, sampleFile, sampleJson, sampleName } from "./portal-fixture.js";
import { COMMUNES, DEPARTMENTS, provinceResponses } from "../../../bench/portal-data.mjs";

const AUGUST = { period: "2026-08" } as const;
const lines = (result: PortalImportResult, language: "vi" | "en" = "en") => result.issues.map((issue) => describePortalIssue(issue, language));
const errors = (result: PortalImportResult) => result.issues.filter((issue) => issue.severity === "error");
const warnings = (result: PortalImportResult) => result.issues.filter((issue) => issue.severity === "warning").map((issue) => issue.code);

/** Scores an import the way `chiso score` does: the document, validated by the core, with its own scheme. */
function score(result: PortalImportResult, period = "2026-08"): Scorecard {
  expect(errors(result).map((issue) => describePortalIssue(issue, "en"))).toEqual([]);
  const document = result.document!;
  return scoreDataset(parseDataset(document, getScheme(document.scheme)), { period, asOf: "2026-11-30" });
}

const statuses = (card: Scorecard) => {
  const counts: Record<string, number> = {};
  for (const entry of card.reconciliation) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
};
const item = (card: Scorecard, unit: string, code: string) => {
  const score = card.unit(unit)!;
  return score.items[card.scheme.itemByCode.get(code)!.index]!.points?.toString() ?? null;
};
const block = (card: Scorecard, unit: string, code: string) => {
  const position = card.scheme.blocks.findIndex((entry) => entry.code === code);
  return card.unit(unit)!.blocks[position]!.points?.toString() ?? null;
};
const origin = (card: Scorecard, unit: string, code: string) => card.unit(unit)!.blocks[card.scheme.blocks.findIndex((entry) => entry.code === code)]!.origin;

/** How many values each sample publishes: items with a maximum above 0, and one block per unit (7 units). */
const PUBLISHED_PER_SAMPLE: Readonly<Record<PortalEndpoint, number>> = {
  transparency: 7 * (4 + 1), // 4 items + the block
  "dvc-progress-tree": 7 * 2, // 2.1 and the block (the same score)
  "provide-online-tree": 7, // the block only (recomputed at the province, kept as published at the units)
  "formality-online-payment-tree": 7, // the block only
  "dossier-digitized": 7 * (7 + 1),
  "handling-satisfaction": 7 * (3 + 1), // 5.2–5.4 + the block (5.1a/5.1b score nothing)
};

describe("each of the six samples alone", () => {
  it.each(ALL_ENDPOINTS)("%s: recognised from its content, imported, every published value reproduced", (endpoint) => {
    const result = importPortalResponses([sampleFile(endpoint)], AUGUST);
    expect(result.responses).toEqual([{ file: sampleName(endpoint), endpoint, units: 6 }]);
    expect(result.missing).toEqual(ALL_ENDPOINTS.filter((other) => other !== endpoint));
    expect(warnings(result).filter((code) => code === "missing_endpoint")).toHaveLength(5);
    const document = result.document!;
    expect(document).toMatchObject({ format: "chiso.figures/1", scheme: "766-portal", parentCounts: "own", source: { system: "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)" } });
    expect(document.units).toHaveLength(7);
    expect(document.units[0]).toMatchObject({ id: IDS.province, name: "UBND tỉnh Phú Thọ", level: "province" });
    expect(document.units.slice(1).every((unit) => unit.parent === IDS.province)).toBe(true);
    expect(document.figures).toHaveLength(7);
    const card = score(result);
    const expectedPublished = endpoint === "provide-online-tree" ? { match: 1, published: 6 } : { match: PUBLISHED_PER_SAMPLE[endpoint] };
    expect(statuses(card)).toEqual(expectedPublished);
    // The other blocks have no data: every unit is incomplete, not silently scored 0.
    expect(card.units.every((unit) => unit.completeness.status !== "complete")).toBe(true);
  });
});

describe("all six samples together", () => {
  const files = ALL_ENDPOINTS.map(sampleFile);
  const result = importPortalResponses(files, AUGUST);

  it("reproduces all 141 published values; the 6 units' online-services blocks are kept as published", () => {
    const card = score(result);
    expect(statuses(card)).toEqual({ match: 141, published: 6 });
    expect(card.reconciliation.filter((entry) => entry.status === "differs")).toEqual([]);
    expect(card.units.map((unit) => [unit.unit.code ?? null, unit.total?.toString(), unit.completeness.status])).toEqual([
      ["H44", "59.92", "complete"],
      ["H44.01", "15.96", "no_dossiers"],
      ["H44.03", "67.29", "complete"],
      ["H44.07", "63.25", "complete"],
      ["H44.08", "56.34", "complete"],
      ["H44.100", "62.88", "complete"],
      ["H44.101", "61.76", "complete"],
    ]);
  });

  it("the province, hand-checked item by item", () => {
    const card = score(result);
    const p = IDS.province;
    // Transparency: 1.1, 1.2 are 0/0 (no score); 1.3 87/89 = 97.75% → 2 × 0.9775 = 1.955… → 1.96; 1.4 138744/138744 → 6.
    expect([item(card, p, "PUBLISH_ON_TIME"), item(card, p, "PUBLIC_CONTENT_FULL"), item(card, p, "DOSSIER_SYNC"), block(card, p, "TRANSPARENCY")]).toEqual([null, "1.96", "6.00", "7.96"]);
    // 2.1: 144625/184513 = 78.38% → 20 × 0.783825… = 15.6765… → 15.68.
    expect(item(card, p, "ON_TIME")).toBe("15.68");
    // 3.1: (31 + 21)/56 = 92.9% ≥ 80% → 2; 3.2: 406/1968 = 20.63% → 4 × 0.2063… = 0.825… → 0.83;
    // 3.3: 150956/152595 = 98.9% ≥ 50% → 6; block 8.83, recomputed from the province's counts.
    expect([item(card, p, "ONLINE_SERVICE_PROVIDED"), item(card, p, "ONLINE_SERVICE_USED"), item(card, p, "ONLINE_DOSSIER_SHARE"), block(card, p, "ONLINE_SERVICE")]).toEqual(["2.00", "0.83", "6.00", "8.83"]);
    expect(origin(card, p, "ONLINE_SERVICE")).not.toBe("published");
    // Payment, percent-first: 3.6 82913/98459 = 84.21% → 6 × 84.21/100 = 5.0526 → 5.05; 3.4 93/310 = 30.00% → 2.5 × 0.30 = 0.75;
    // 3.5 56/310 = 18.06% → 2.5 × 0.1806 = 0.4515 → 0.45; block 6.25.
    expect([item(card, p, "ONLINE_PAYMENT_DOSSIER"), item(card, p, "ONLINE_PAYMENT_FORMALITY_USED"), item(card, p, "ONLINE_PAYMENT_INTEGRATED"), block(card, p, "ONLINE_PAYMENT")]).toEqual(["5.05", "0.75", "0.45", "6.25"]);
    // Satisfaction, the province's own feedback (247, not its units' 3 + 3): 5.2 182/247 = 73.68% → 4.42; 5.3 137/247 = 55.47% → 3.33;
    // 5.4 144315/184503 = 78.22% of a 90% threshold → 6 × 0.7822/0.9 = 5.2145… → 5.21; block 12.96.
    expect([item(card, p, "PETITION_PROCESSING_ON_TIME"), item(card, p, "PETITION_HANDLING_SATISFACTION"), item(card, p, "DOSSIER_RECEIVING_SATISFACTION"), block(card, p, "SATISFACTION")]).toEqual(["4.42", "3.33", "5.21", "12.96"]);
    // 4.6 comes with null counts and scores its full 2 (the portal's rule, not "no data").
    expect(result.document!.figures[0]!.items.ELECTRONIC_CERTIFIED_COPY).toBeNull();
    expect(item(card, p, "ELECTRONIC_CERTIFIED_COPY")).toBe("2.00");
    // 7.96 + 15.68 + 8.83 + 6.25 + 8.24 + 12.96 = 59.92.
    expect(card.unit(p)!.total?.toString()).toBe("59.92");
  });

  it("a department, hand-checked item by item (Ban quản lý các khu công nghiệp, H44.03)", () => {
    const card = score(result);
    const u = IDS.industrialZones;
    // 1.3 87/89 → 1.96; 1.4 380/380 → 6; block 7.96.
    expect(block(card, u, "TRANSPARENCY")).toBe("7.96");
    // 2.1 486/588 = 82.65% → 20 × 0.826530… = 16.5306… → 16.53.
    expect(item(card, u, "ON_TIME")).toBe("16.53");
    // Online services: published 7.09, not recomputed (the portal gives units no counts).
    expect([block(card, u, "ONLINE_SERVICE"), origin(card, u, "ONLINE_SERVICE")]).toEqual(["7.09", "published"]);
    expect(item(card, u, "ONLINE_DOSSIER_SHARE")).toBeNull();
    // Payment: 3.6 7/7 → 6; 3.4 2/3 = 66.67% → 2.5 × 0.6667 = 1.666… → 1.67; 3.5 0/3 → 0; block 7.67.
    expect([item(card, u, "ONLINE_PAYMENT_DOSSIER"), item(card, u, "ONLINE_PAYMENT_FORMALITY_USED"), item(card, u, "ONLINE_PAYMENT_INTEGRATED"), block(card, u, "ONLINE_PAYMENT")]).toEqual(["6.00", "1.67", "0.00", "7.67"]);
    // Digitization: 4.1 385/588 → 6 × 0.65476 = 3.928… → 3.93; 4.2 312/588 → 4 × 0.53061 = 2.122… → 2.12; 4.3 0/588 → 0;
    // 4.4 0/588 → 0; 4.5a 588/588 → 2; 4.5b 10/42 → 2 × 0.2381 = 0.476… → 0.48; 4.6 null → 2; block 10.53.
    expect(["ORIGINAL_RESULT_AVAILABLE", "SO_HOA_GIAY_TO_GIAI_QUYET", "REUSED_DIGITIZED_DATA", "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "CITIZEN_DATA_CONNECTED_DOSSIER", "CITIZEN_DATA_CONNECTED_FORMALITY", "ELECTRONIC_CERTIFIED_COPY"].map((code) => item(card, u, code))).toEqual(["3.93", "2.12", "0.00", "0.00", "2.00", "0.48", "2.00"]);
    expect(block(card, u, "DIGITIZATION")).toBe("10.53");
    // Satisfaction: 5.4 486/588 = 82.65% of 90% → 6 × 0.9184 = 5.510… → 5.51; no feedback (0/0): 5.2 and 5.3 score the full 6.
    expect([item(card, u, "DOSSIER_RECEIVING_SATISFACTION"), item(card, u, "PETITION_PROCESSING_ON_TIME"), item(card, u, "PETITION_HANDLING_SATISFACTION"), block(card, u, "SATISFACTION")]).toEqual(["5.51", "6.00", "6.00", "17.51"]);
  });

  it("the payment cap at 2 on 3.4, and a commune's percent-first parts", () => {
    const card = score(result);
    // Sở Công Thương: 3.4 7/8 = 87.5% → 2.5 × 0.875 = 2.1875, capped at 2; 3.6 44/44 → 6; 3.5 0/8 → 0: 8.00 as published.
    expect([item(card, IDS.industry, "ONLINE_PAYMENT_FORMALITY_USED"), block(card, IDS.industry, "ONLINE_PAYMENT")]).toEqual(["2.00", "8.00"]);
    // Phường Việt Trì: 3.6 1516/1707 = 88.81% → 6 × 0.8881 = 5.3286 → 5.33; 3.4 12/35 = 34.29% → 2.5 × 0.3429 = 0.857… → 0.86;
    // 3.5 7/35 = 20% → 0.50; 6.69 as published.
    expect(["ONLINE_PAYMENT_DOSSIER", "ONLINE_PAYMENT_FORMALITY_USED", "ONLINE_PAYMENT_INTEGRATED"].map((code) => item(card, IDS.vietTri, code))).toEqual(["5.33", "0.86", "0.50"]);
    expect(block(card, IDS.vietTri, "ONLINE_PAYMENT")).toBe("6.69");
  });

  it("keeps what the portal shows besides scores: codes, flags, average days, channels, stated rates", () => {
    const document = result.document!;
    expect(document.units.map((unit) => unit.code)).toEqual(["H44", "H44.01", "H44.03", "H44.07", "H44.08", "H44.100", "H44.101"]);
    const province = document.figures[0]!;
    expect(province.flags).toEqual([{ item: "DOSSIER_SYNC", code: "TEMP_NATIONAL_REPORT_DENOMINATOR", message: "Mẫu số BCQG/GRIS đang dùng số tạm, cần thay bằng dữ liệu crawl hệ thống cũ." }]);
    expect(province.tracked).toEqual({ AVERAGE_PROCESSING_TIME: 7.05 });
    expect(province.channels).toEqual({ received: 152595, online: 150956, direct: 1639, post: 0 });
    expect(province.items.PETITION_CLASSIFICATION).toEqual([247, 247]);
    expect(province.stated).toMatchObject({ ON_TIME: 78.38, PUBLIC_CONTENT_FULL: 97.75 });
    // The office received nothing: its 0 days are no average, so none is kept.
    expect(document.figures[1]!.tracked).toBeUndefined();
    expect(document.figures[1]!.flags).toEqual([{ item: "DOSSIER_SYNC", code: "NO_NATIONAL_REPORT_DATA", message: "Không có dữ liệu báo cáo tổng hợp." }]);
    // Every stated rate agrees with its counts; the flags become findings.
    const card = score(result);
    expect(card.findings.filter((finding) => finding.code === "stated_mismatch")).toEqual([]);
    expect(card.findings.filter((finding) => finding.code === "source_flag")).toHaveLength(7);
  });

  it("warns that the lists are truncated (6 of 163) and that the charts are not imported", () => {
    expect(lines(result)).toEqual([
      "transparency.month-all.sample.json › pagination › total: (warning) pagination.total says 163 units but the response holds 6: the list is truncated; the province is scored on its own totals (parentCounts: own), the other units have no figures.",
      "dvc-progress-tree.month-all.sample.json › monthlyChart: (warning) the monthly chart (monthlyChart, 12 entries) is display-only and not imported; it was used to check the period.",
      "provide-online-tree.month-all.sample.json › monthlyChart: (warning) the monthly chart (monthlyChart, 12 entries) is display-only and not imported; it was used to check the period.",
      "dossier-digitized.month-all.sample.json › pagination › total: (warning) pagination.total says 163 units but the response holds 6: the list is truncated; the province is scored on its own totals (parentCounts: own), the other units have no figures.",
      "handling-satisfaction.month-all.sample.json › pagination › total: (warning) pagination.total says 163 units but the response holds 6: the list is truncated; the province is scored on its own totals (parentCounts: own), the other units have no figures.",
    ]);
    expect(result.document!.source!.note).toContain("Kỳ 2026-08 theo yêu cầu khi tải (phản hồi không ghi kỳ)");
    expect(result.document!.source!.note).toContain("Danh sách đơn vị không đầy đủ: transparency 6/163, dossier-digitized 6/163, handling-satisfaction 6/163.");
  });

  it("gives the same document whatever the files' order and names", () => {
    const shuffled = [files[4]!, files[0]!, files[5]!, files[2]!, files[1]!, files[3]!].map((file, index) => ({ ...file, name: `response-${index}.json` }));
    const other = importPortalResponses(shuffled, AUGUST);
    const { source: _source, ...rest } = other.document!;
    const { source: _expected, ...expected } = result.document!;
    expect(rest).toEqual(expected);
  });
});

describe("a whole province at full size (the benchmark's 163 units, built from the samples' shapes)", () => {
  it("imports every unit with no warning and reproduces every published value", () => {
    const result = importPortalResponses(provinceResponses(), AUGUST);
    expect(result.issues.filter((issue) => issue.code !== "chart_ignored")).toEqual([]);
    expect(result.document!.units.filter((unit) => unit.level === "department")).toHaveLength(DEPARTMENTS);
    expect(result.document!.units.filter((unit) => unit.level === "commune")).toHaveLength(COMMUNES);
    const card = score(result);
    // Per unit 20 matches: 4 + 1 transparency, 2 timeliness, 1 payment, 7 + 1 digitization, 3 + 1 satisfaction (its online
    // services are kept as published); the province 21, its online services recomputed (as the samples' 21 + 6 × 20 = 141).
    expect(statuses(card)).toEqual({ match: 21 + 20 * (DEPARTMENTS + COMMUNES), published: DEPARTMENTS + COMMUNES });
  });
});

/** The samples with one response changed. */
function withResponse(endpoint: PortalEndpoint, change: (json: ReturnType<typeof sampleJson>) => unknown, options: { period?: string; procedure?: string } = {}): PortalImportResult {
  const files = ALL_ENDPOINTS.map((other) => (other === endpoint ? responseFile(`${endpoint}.json`, change(sampleJson(endpoint)) ?? undefined) : sampleFile(other)));
  return importPortalResponses(files, { period: options.period ?? "2026-08", ...(options.procedure && { procedure: options.procedure }) });
}
type Json = ReturnType<typeof sampleJson>;
const mutate = (change: (json: Json) => void) => (json: Json) => {
  change(json);
  return json;
};

describe("edge cases built from the samples' shapes", () => {
  it("null counts, 0/0 and the empty-denominator rules", () => {
    const result = withResponse("dossier-digitized", mutate((json) => {
      // Phường Việt Trì with no dossiers at all: 4.1–4.5a are 0/0 with null scores; 4.6 null counts.
      const unit = json.data.evaluation[4];
      for (const metric of unit.metrics) if (metric.code !== "ELECTRONIC_CERTIFIED_COPY" && metric.code !== "CITIZEN_DATA_CONNECTED_FORMALITY") Object.assign(metric, { numerator: 0, denominator: 0, ratio: null, score: null });
      unit.totalScore = 2.24; // 4.5b 46/385 → 0.24, 4.6 → 2
    }));
    const card = score(result);
    expect(statuses(card).differs).toBeUndefined();
    expect(item(card, IDS.vietTri, "ORIGINAL_RESULT_AVAILABLE")).toBeNull();
    expect(item(card, IDS.vietTri, "ELECTRONIC_CERTIFIED_COPY")).toBe("2.00");
    expect(block(card, IDS.vietTri, "DIGITIZATION")).toBe("2.24");
    // The office: 2.1 0/0 scores 0 (as published), 5.2/5.3 0/0 score 6, 5.4 0/0 scores 0.
    expect([item(card, IDS.office, "ON_TIME"), item(card, IDS.office, "PETITION_PROCESSING_ON_TIME"), item(card, IDS.office, "DOSSIER_RECEIVING_SATISFACTION")]).toEqual(["0.00", "6.00", "0.00"]);
  });

  it("a metric with one count null is refused, located", () => {
    const result = withResponse("transparency", mutate((json) => {
      json.data.evaluation[2].metrics[3].denominator = null;
    }));
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "transparency.json › evaluation[2] › metrics[3] › unit Sở Công Thương - Tỉnh Phú Thọ: the numerator is 234 but the denominator is null: both must be numbers, or both null.",
    ]);
  });

  it("a missing endpoint: a warning naming the block, and units without that block are incomplete", () => {
    const files = ALL_ENDPOINTS.filter((endpoint) => endpoint !== "formality-online-payment-tree").map(sampleFile);
    const result = importPortalResponses(files, AUGUST);
    expect(result.missing).toEqual(["formality-online-payment-tree"]);
    expect(lines(result).filter((line) => line.includes("no response"))).toEqual([
      "(warning) no response of online payment (formality-online-payment-tree): block ONLINE_PAYMENT will have no data (units incomplete, not banded).",
    ]);
    expect(lines(result, "vi").filter((line) => line.includes("không có phản hồi"))).toEqual([
      "(cảnh báo) không có phản hồi của API thanh toán trực tuyến (formality-online-payment-tree): khối ONLINE_PAYMENT sẽ không có số liệu (đơn vị chưa đủ số liệu, không xếp loại).",
    ]);
    const card = score(result);
    expect(statuses(card)).toEqual({ match: 134, published: 6 });
    expect(card.unit(IDS.industrialZones)!.completeness.status).toBe("incomplete");
    expect(block(card, IDS.industrialZones, "ONLINE_PAYMENT")).toBeNull();
  });

  it("a unit missing from one response is named", () => {
    const result = withResponse("handling-satisfaction", mutate((json) => {
      json.data.evaluation.splice(5, 1);
    }));
    expect(lines(result).filter((line) => line.includes("not in the responses"))).toEqual([
      "unit UBND Phường Nông Trang: (warning) the unit is not in the responses of: satisfaction (handling-satisfaction); those blocks have no data for it.",
    ]);
    expect(score(result).unit(IDS.nongTrang)!.completeness.status).toBe("incomplete");
  });

  it("an empty children list: the province alone, and every unit named as missing from it", () => {
    const result = withResponse("dvc-progress-tree", mutate((json) => {
      json.data.children = [];
    }));
    expect(result.responses.find((response) => response.endpoint === "dvc-progress-tree")!.units).toBe(0);
    expect(warnings(result).filter((code) => code === "unit_not_in_all")).toHaveLength(6);
    const card = score(result);
    expect(item(card, IDS.province, "ON_TIME")).toBe("15.68");
    expect(item(card, IDS.industry, "ON_TIME")).toBeNull();
  });
});

describe("the one-procedure scope (formalityId)", () => {
  /** The samples as the one-procedure scope returns them: transparency 1.1–1.4 all 0/0, digitization out of 20 without 4.5b. */
  function oneProcedureFiles(): ResponseFile[] {
    return ALL_ENDPOINTS.map((endpoint) => {
      const json = sampleJson(endpoint);
      if (endpoint === "transparency") {
        for (const unit of [json.data.overview, ...json.data.evaluation]) {
          for (const metric of unit.metrics) Object.assign(metric, { numerator: 0, denominator: 0, ratio: null, score: null });
          delete unit.metrics[3].dataQualityStatus;
          delete unit.metrics[3].dataQualityMessage;
          Object.assign(unit, { totalScore: 0, ratio: 0 });
        }
      }
      if (endpoint === "dossier-digitized") {
        for (const unit of [json.data.overview, ...json.data.evaluation]) {
          const position = unit.metrics.findIndex((metric: { code: string }) => metric.code === "CITIZEN_DATA_CONNECTED_FORMALITY");
          const [removed] = unit.metrics.splice(position, 1);
          unit.totalScore = Math.round((unit.totalScore - removed.score) * 100) / 100;
          unit.totalMaxScore = 20;
        }
      }
      return responseFile(`${endpoint}.json`, json);
    });
  }

  it("imports as 766-portal-one-procedure: digitization out of 20, transparency all empty reconciled with the portal's 0", () => {
    const result = importPortalResponses(oneProcedureFiles(), { period: "2026-08", procedure: "1.001234" });
    expect(result.scheme).toBe("766-portal-one-procedure");
    expect(result.document).toMatchObject({ scheme: "766-portal-one-procedure", source: { procedure: "1.001234" } });
    const card = score(result);
    expect(statuses(card).differs).toBeUndefined();
    // Transparency: no data in chiso, 0 on the portal: the same fact, `empty`, not a difference.
    expect(card.reconciliation.filter((entry) => entry.code === "TRANSPARENCY").map((entry) => entry.status)).toEqual(Array(7).fill("empty"));
    // Digitization of H44.03 without 4.5b: 3.93 + 2.12 + 0 + 0 + 2 + 2 = 10.05 of 20.
    expect(block(card, IDS.industrialZones, "DIGITIZATION")).toBe("10.05");
    expect(card.scheme.blocks.find((entry) => entry.code === "DIGITIZATION")!.maxPoints.toString()).toBe("20.00");
  });

  it("refuses a response of the other scope", () => {
    const oneWithoutFlag = importPortalResponses(oneProcedureFiles(), AUGUST);
    expect(oneWithoutFlag.document).toBeNull();
    expect(lines(oneWithoutFlag).filter((line) => !line.includes("(warning)"))).toEqual([
      "dossier-digitized.json › overview › totalMaxScore › unit UBND tỉnh Phú Thọ: the response looks like the one-procedure scope (totalMaxScore = 20) but no --procedure was given; add --procedure <id> or fetch it for all procedures.",
    ]);
    const allWithFlag = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026-08", procedure: "1.001234" });
    expect(allWithFlag.document).toBeNull();
    expect(lines(allWithFlag).filter((line) => !line.includes("(warning)"))).toEqual([
      "transparency.month-all.sample.json › overview › metrics[2] › unit UBND tỉnh Phú Thọ: the response looks like the all-procedures scope (PUBLIC_CONTENT_FULL 87/89) but --procedure 1.001234 names one procedure; fetch it again with formalityId.",
      "dossier-digitized.month-all.sample.json › overview › totalMaxScore › unit UBND tỉnh Phú Thọ: the response looks like the all-procedures scope (totalMaxScore = 22) but --procedure 1.001234 names one procedure; fetch it again with formalityId.",
    ]);
  });
});

describe("quarters and years", () => {
  /** dvc-progress-tree for the third quarter: July–September in the chart. */
  const quarterChart = (json: ReturnType<typeof sampleJson>, months: readonly string[]) => {
    for (const entry of json.data.monthlyChart) if (months.includes(entry.month)) Object.assign(entry, { onTimePct: 78.38, overduePct: 21.62 });
    return json;
  };
  const onlineChart = (json: ReturnType<typeof sampleJson>, months: readonly string[]) => {
    for (const entry of json.data.monthlyChart) Object.assign(entry, { onlineDossierPct: months.includes(entry.label) ? 61.5 : 0 });
    return json;
  };
  /** The six responses, with both charts showing figures for these months (a quarter's or a year's responses). */
  const chartsFor = (months: readonly string[], name = (endpoint: string) => `${endpoint}.json`) =>
    ALL_ENDPOINTS.map((endpoint) =>
      endpoint === "dvc-progress-tree" ? responseFile(name(endpoint), quarterChart(sampleJson(endpoint), months)) : endpoint === "provide-online-tree" ? responseFile(name(endpoint), onlineChart(sampleJson(endpoint), months)) : sampleFile(endpoint),
    );
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index).padStart(2, "0"));

  it("a quarter: one row per unit for 2026-Q3, scored as the portal's own quarter figures", () => {
    const result = importPortalResponses(chartsFor(["07", "08", "09"]), { period: "2026-Q3" });
    expect(result.document!.figures.every((figure) => figure.period === "2026-Q3")).toBe(true);
    const card = score(result, "2026-Q3");
    expect(statuses(card)).toEqual({ match: 141, published: 6 });
    expect(item(card, IDS.province, "ON_TIME")).toBe("15.68");
  });

  it("says in both languages, for every document, that the samples list only some of the province's units", () => {
    const imported = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026-08" });
    expect(imported.document!.source!.warning).toEqual({
      vi: "Phản hồi của Cổng chỉ liệt kê 6/163 đơn vị: các đơn vị khác không có số liệu, thứ hạng chỉ tính trong số đơn vị có mặt.",
      en: "The portal's responses list only 6 of 163 units: the others have no figures, and ranks are among the units present.",
    });
  });

  it("a month's responses imported as their quarter or year are refused, naming the month and the period to give", () => {
    const quarter = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026-Q3" });
    expect(quarter.document).toBeNull();
    expect(errors(quarter).map((issue) => [issue.file, issue.code, issue.params])).toEqual([
      ["dvc-progress-tree.month-all.sample.json", "months_missing", { months: "08", missing: "07, 09", period: "2026-Q3", suggested: "2026-08" }],
      ["provide-online-tree.month-all.sample.json", "months_missing", { months: "08", missing: "07, 09", period: "2026-Q3", suggested: "2026-08" }],
    ]);
    expect(lines(quarter, "vi")).toContain(
      "dvc-progress-tree.month-all.sample.json › monthlyChart: biểu đồ theo tháng chỉ có số liệu tháng 08, không có tháng 07, 09 của kỳ 2026-Q3 đã yêu cầu: phản hồi được lưu cho kỳ khác — nếu là phản hồi của kỳ 2026-08, hãy nhập với --period 2026-08; nếu kỳ chưa kết thúc khi tải, hãy ghi ngày tải bằng --retrieved-at.",
    );
    const year = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026" });
    expect(errors(year).map((issue) => issue.params.missing)).toEqual([months(1, 12).filter((month) => month !== "08").join(", "), months(1, 12).filter((month) => month !== "08").join(", ")]);
    // A quarter's responses imported as their year: the quarter is suggested.
    const quarterAsYear = importPortalResponses(chartsFor(["07", "08", "09"]), { period: "2026" });
    expect(errors(quarterAsYear).map((issue) => issue.params.suggested)).toEqual(["2026-Q3", "2026-Q3"]);
    // A month's response among a quarter's: that one is refused.
    const mixed = importPortalResponses([...chartsFor(["07", "08", "09"]).filter((file) => !file.name.startsWith("provide-online")), sampleFile("provide-online-tree")], { period: "2026-Q3" });
    expect(errors(mixed).map((issue) => [issue.file, issue.code])).toEqual([["provide-online-tree.month-all.sample.json", "months_missing"]]);
  });

  it("a period still running when retrieved needs figures only for its months begun; retrieved before it began is refused", () => {
    const running = importPortalResponses(chartsFor(["07", "08"]), { period: "2026-Q3", retrievedAt: "2026-08-20" });
    expect(running.document!.figures.every((figure) => figure.period === "2026-Q3")).toBe(true);
    expect(importPortalResponses(chartsFor(["07", "08"]), { period: "2026-Q3", retrievedAt: "2026-09-02" }).document).toBeNull();
    expect(importPortalResponses(chartsFor(["07", "08"]), { period: "2026-Q3" }).document).toBeNull();
    const yearSoFar = importPortalResponses(chartsFor(months(1, 8)), { period: "2026", retrievedAt: "2026-08-31T10:00:00Z" });
    expect(yearSoFar.document!.figures[0]!.period).toBe("2026");
    const early = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026-08", retrievedAt: "2026-07-31" });
    expect(early.document).toBeNull();
    expect(lines(early)).toEqual(["the responses were retrieved on 2026-07-31 (--retrieved-at), before the period 2026-08 began (2026-08-01): they cannot be of it — check --period and --retrieved-at."]);
  });

  it("a chart with figures outside the stated period is refused: the response is of another period", () => {
    const result = withResponse("dvc-progress-tree", (json) => quarterChart(json, ["07", "08", "09", "10"]), { period: "2026-Q3" });
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "dvc-progress-tree.json › monthlyChart: the monthly chart has figures for month 10, outside the requested period 2026-Q3: the response was saved for another period — check --period or fetch it again.",
      "provide-online-tree.month-all.sample.json › monthlyChart: the monthly chart has figures for month 08 only, none for month 07, 09 of the requested period 2026-Q3: the response was saved for another period — if it is the response for 2026-08, import it with --period 2026-08; if the period had not ended when it was retrieved, give the day with --retrieved-at.",
    ]);
    const month = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "2026-07" });
    expect(errors(month).map((issue) => [issue.file, issue.code])).toEqual([
      ["dvc-progress-tree.month-all.sample.json", "period_mismatch"],
      ["provide-online-tree.month-all.sample.json", "period_mismatch"],
    ]);
  });

  it("a year accepts every month; a period that is not one is refused", () => {
    const year = importPortalResponses(chartsFor(months(1, 12)), { period: "2026" });
    expect(year.document!.figures[0]!.period).toBe("2026");
    const bad = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { period: "08/2026" });
    expect(lines(bad)).toEqual(["period \"08/2026\" is not valid; write 2026-08 (month), 2026-Q3 (quarter) or 2026 (year)."]);
  });
});

describe("files that are not what they should be", () => {
  const importOne = (file: ResponseFile) => importPortalResponses([file], AUGUST);

  it("an HTML error page saved as .json, a cut-off file, an empty file, another JSON, a portal error", () => {
    const html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const cut = new TextDecoder().decode(sampleFile("transparency").bytes).slice(0, 500);
    const figures = { format: "chiso.figures/1", units: [], figures: [] };
    const refused = { code: "UNAUTHORIZED", data: null, message: "Phiên đăng nhập đã hết hạn" };
    const results = [responseFile("a.json", html), responseFile("b.json", cut), responseFile("c.json", "  \n"), responseFile("d.json", figures), responseFile("e.json", refused), responseFile("f.json", { code: "OK", data: { items: [] }, message: "OK" })].map(importOne);
    expect(results.map((result) => lines(result)[0])).toEqual([
      'a.json: the file is an HTML page ("502 Bad Gateway"), not a JSON response of the portal (usually an error or login page saved as .json); fetch the response again.',
      expect.stringMatching(/^b\.json: the file is not valid JSON at line \d+, column \d+: .+; it may have been cut off when saved — fetch the response again\.$/),
      "c.json: the file is empty; save the portal's response again.",
      'd.json: not a response of the portal\'s evaluation API: expected { "code": "OK", "data": { … }, "message": … }. For a chiso figures file, use chiso report/score --input.',
      'e.json › code: the portal answered code "UNAUTHORIZED" ("Phiên đăng nhập đã hết hạn") instead of "OK": the response holds no figures; fetch it again.',
      "f.json › data: cannot tell which of the six evaluation endpoints this response is from (data has: items); check the file.",
    ]);
    expect(lines(importOne(responseFile("a.json", html)), "vi")[0]).toBe("a.json: tệp là một trang HTML („502 Bad Gateway”), không phải phản hồi JSON của Cổng DVCQG (thường là trang lỗi hoặc trang đăng nhập được lưu thành .json); hãy tải lại phản hồi.");
    expect(results.every((result) => result.document === null)).toBe(true);
  });

  it("wrong types, missing fields and unknown metric codes, each located file › record › field", () => {
    const result = withResponse("transparency", mutate((json) => {
      json.data.evaluation[3].metrics[2].numerator = "87"; // text, not a number
      delete json.data.evaluation[1].departmentId;
      json.data.evaluation[0].metrics[1].code = "PUBLIC_UPDATE_IN_TIME";
      json.data.evaluation[4].metrics[0].denominator = 2.5;
      json.data.evaluation[5].departmentType = "DISTRICT_PEOPLE_COMMITTEE";
    }));
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "transparency.json › evaluation[1] › departmentId › unit Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ: the required field \"departmentId\" is missing.",
      "transparency.json › evaluation[3] › metrics[2].numerator › unit Sở Giáo dục và Đào tạo - Tỉnh Phú Thọ: expected a number, got \"87\".",
      "transparency.json › evaluation[4] › metrics[0].denominator › unit UBND Phường Việt Trì: 2.5 is not a whole number; counts (dossiers, procedures, feedback) have no decimals.",
      "transparency.json › evaluation[5] › departmentType › unit UBND Phường Nông Trang: \"DISTRICT_PEOPLE_COMMITTEE\" is not one of the known values (PROVINCE, PROVINCIAL_DEPARTMENT, COMMUNE_PEOPLE_COMMITTEE); chiso does not know this kind of unit.",
      "transparency.json › evaluation[0] › metrics[1].code › unit Văn phòng UBND Tỉnh - Tỉnh Phú Thọ: metric \"PUBLIC_UPDATE_IN_TIME\" is not one of transparency in scheme 766-portal (known: PUBLISH_ON_TIME, PUBLIC_UPDATE_ON_TIME, PUBLIC_CONTENT_FULL, DOSSIER_SYNC); the portal's block may include it, so it is not imported — check the response or update chiso.",
      "transparency.json › evaluation[0] › metrics › unit Văn phòng UBND Tỉnh - Tỉnh Phú Thọ: metric \"PUBLIC_UPDATE_ON_TIME\" (1.2) is missing; the portal always returns every metric — fetch the response again.",
    ]);
  });

  it("counts the core refuses are located where the portal wrote them", () => {
    const result = withResponse("dvc-progress-tree", mutate((json) => {
      json.data.children[2].totalOnTime = 500; // of 482 received
    }));
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "dvc-progress-tree.json › children[2] › totalOnTime › unit Sở Công Thương - Tỉnh Phú Thọ: numerator (500) is greater than denominator (482); check both figures of item 2.1 Dossiers settled on time.",
    ]);
  });

  it("fields the portal may add are reported, not silently read", () => {
    const result = withResponse("formality-online-payment-tree", mutate((json) => {
      for (const child of json.data.children) child.totalDossierRefund = 0;
    }));
    expect(lines(result).filter((line) => line.includes("unknown to chiso"))).toEqual([
      "formality-online-payment-tree.json › children[]: (warning) (6 records) fields unknown to chiso: totalDossierRefund; they are not read — if the portal changed its format, tell chiso's maintainers.",
    ]);
    expect(result.document).not.toBeNull();
  });
});

describe("responses that do not belong together", () => {
  it("refuses a second response of the same endpoint", () => {
    const result = importPortalResponses([...ALL_ENDPOINTS.map(sampleFile), responseFile("copy.json", sampleJson("transparency"))], AUGUST);
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "copy.json: a second response of transparency (the first is transparency.month-all.sample.json); import one response per endpoint — leave one file out.",
    ]);
  });

  it("refuses responses of two provinces", () => {
    const result = withResponse("handling-satisfaction", mutate((json) => {
      Object.assign(json.data.overview, { departmentId: "019d2be3-0000-0000-0000-000000000045", departmentName: "UBND tỉnh Lào Cai" });
    }));
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      'handling-satisfaction.json › overview › departmentId › unit UBND tỉnh Lào Cai: the response is for root unit "UBND tỉnh Lào Cai" (019d2be3-0000-0000-0000-000000000045), not "UBND tỉnh Phú Thọ" (019d2be3-6a88-732b-8b17-b68020c8553a) as in transparency.month-all.sample.json; import the responses of one province only.',
    ]);
  });

  it("refuses a unit listed twice, a unit of another province, and a unit whose level disagrees", () => {
    const result = withResponse("formality-online-payment-tree", mutate((json) => {
      json.data.children.push({ ...json.data.children[0] });
      json.data.children[1].departmentCode = "H45.03";
      json.data.children[2].level = "COMMUNE";
    }));
    expect(result.document).toBeNull();
    expect(lines(result).filter((line) => !line.includes("(warning)"))).toEqual([
      "formality-online-payment-tree.json › children[1] › departmentCode › unit Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ: unit code H45.03 is not under the province H44 (a unit's code starts with \"H44.\").",
      "formality-online-payment-tree.json › children[2] › level › unit Sở Công Thương - Tỉnh Phú Thọ: the unit's level is \"commune\" but \"department\" in transparency.month-all.sample.json › evaluation[2]; the responses do not share one list of units.",
      "formality-online-payment-tree.json › children[6] › departmentId › unit Văn phòng UBND Tỉnh - Tỉnh Phú Thọ: unit 019d2be3-6a88-732b-8b17-bb1e9a3f14ab appears twice in this response (first at children[0]).",
    ]);
  });

  it("accounts for every unit record: used, or reported", () => {
    const result = withResponse("dossier-digitized", mutate((json) => {
      json.data.evaluation[2].totalScore = "10,47";
    }));
    // The 7 × 6 records: every one is in the document, or has an error naming it.
    const reported = errors(result).map((issue) => `${issue.file} ${issue.record}`);
    expect(reported).toEqual(["dossier-digitized.json evaluation[2]"]);
    expect(result.document).toBeNull();
  });
});

describe("every other problem the importer names, with where it is", () => {
  type Case = [string, PortalEndpoint, (json: Json) => void, { code: string; severity: "error" | "warning"; at: string }];
  const cases: Case[] = [
    ["a maximum that is not the scheme's", "transparency", (json) => (json.data.evaluation[0].metrics[2].maxScore = 3), { code: "metric_max_mismatch", severity: "error", at: "transparency.json › evaluation[0] › metrics[2].maxScore" }],
    ["a block maximum that is not the scheme's", "handling-satisfaction", (json) => (json.data.overview.totalMaxScore = 20), { code: "block_max_mismatch", severity: "error", at: "handling-satisfaction.json › overview › totalMaxScore" }],
    ["a metric given twice", "dossier-digitized", (json) => json.data.evaluation[1].metrics.push({ ...json.data.evaluation[1].metrics[0] }), { code: "duplicate_metric", severity: "error", at: "dossier-digitized.json › evaluation[1] › metrics[7].code" }],
    ["a root that is not a province", "transparency", (json) => (json.data.overview.departmentType = "PROVINCIAL_DEPARTMENT"), { code: "root_not_province", severity: "error", at: "transparency.json › overview › departmentType" }],
    ["the province among its units", "dvc-progress-tree", (json) => (json.data.children[0].departmentId = json.data.parent.departmentId), { code: "root_among_units", severity: "error", at: "dvc-progress-tree.json › children[0] › departmentId" }],
    ["a unit's name that differs", "dvc-progress-tree", (json) => (json.data.children[1].departmentName = "BQL các KCN Phú Thọ"), { code: "unit_name_differs", severity: "warning", at: "dvc-progress-tree.json › children[1] › departmentName" }],
    ["overdue that does not add up", "dvc-progress-tree", (json) => (json.data.children[1].totalOverdue = 100), { code: "overdue_mismatch", severity: "warning", at: "dvc-progress-tree.json › children[1] › totalOverdue" }],
    ["dossiers that differ from 5.4's", "handling-satisfaction", (json) => (json.data.evaluation[1].totalDossiers = 600), { code: "dossier_total_mismatch", severity: "warning", at: "handling-satisfaction.json › evaluation[1] › totalDossiers" }],
    ["a rate above 100%", "transparency", (json) => (json.data.evaluation[1].metrics[2].ratio = 102), { code: "ratio_out_of_range", severity: "warning", at: "transparency.json › evaluation[1] › metrics[2].ratio" }],
    ["a second page", "transparency", (json) => Object.assign(json.data.pagination, { pageSize: 100, totalPages: 2 }), { code: "more_pages", severity: "warning", at: "transparency.json › pagination › currentPage" }],
    ["a chart that cannot be read", "provide-online-tree", (json) => (json.data.monthlyChart[0].label = "January"), { code: "chart_unreadable", severity: "warning", at: "provide-online-tree.json › monthlyChart" }],
    ["a chart that is not the province's month", "dvc-progress-tree", (json) => (json.data.monthlyChart[7].onTimePct = 70.1), { code: "period_unconfirmed", severity: "warning", at: "dvc-progress-tree.json › monthlyChart" }],
    ["feedback totals missing", "handling-satisfaction", (json) => delete json.data.evaluation[2].totalPetitions, { code: "missing_field", severity: "error", at: "handling-satisfaction.json › evaluation[2] › totalPetitions" }],
    ["a list that is not a list", "formality-online-payment-tree", (json) => (json.data.children = {}), { code: "wrong_type", severity: "error", at: "formality-online-payment-tree.json › data › children" }],
  ];
  it.each(cases)("%s", (_, endpoint, change, expected) => {
    const result = withResponse(endpoint, mutate(change));
    const found = result.issues.filter((issue) => issue.code === expected.code);
    expect(found.map((issue) => [issue.severity, portalIssueLocation(issue, "en").replace(/ › unit .*$/, "")])).toEqual([[expected.severity, expected.at]]);
    // Every message exists in both languages and names no placeholder.
    for (const language of ["vi", "en"] as const) expect(describePortalIssue(found[0]!, language)).not.toMatch(/undefined|\[object/);
    expect(result.document === null).toBe(expected.severity === "error");
  });

  it("a file over the size limit and no files at all", () => {
    const big = importPortalResponses([sampleFile("transparency")], { ...AUGUST, maxBytes: 1000 });
    expect(lines(big)).toEqual(["transparency.month-all.sample.json: the file is 13 KB, over the 1 KB limit; a province's response is a few hundred KB — check that this is the right file."]);
    expect(lines(importPortalResponses([], AUGUST))).toEqual(["no response files given; name the JSON files saved from the portal (chiso portal fetch saves all six)."]);
  });

  it("a one-procedure 4.5b with maximum 0 is left out with a warning", () => {
    const files = ALL_ENDPOINTS.map((endpoint) => {
      const json = sampleJson(endpoint);
      if (endpoint === "transparency") for (const unit of [json.data.overview, ...json.data.evaluation]) for (const metric of unit.metrics.slice(0, 3)) Object.assign(metric, { numerator: 0, denominator: 0, ratio: null, score: null });
      if (endpoint === "transparency") for (const unit of [json.data.overview, ...json.data.evaluation]) unit.totalScore = Math.round((unit.totalScore - 1.96) * 100) / 100;
      if (endpoint === "dossier-digitized") {
        for (const unit of [json.data.overview, ...json.data.evaluation]) {
          const metric = unit.metrics[5];
          unit.totalScore = Math.round((unit.totalScore - metric.score) * 100) / 100;
          Object.assign(metric, { maxScore: 0, score: null });
          unit.totalMaxScore = 20;
        }
      }
      return responseFile(`${endpoint}.json`, json);
    });
    const result = importPortalResponses(files, { ...AUGUST, procedure: "1.000046" });
    expect(result.issues.filter((issue) => issue.code === "metric_not_in_scope")).toHaveLength(7);
    expect(result.document!.figures[0]!.items.CITIZEN_DATA_CONNECTED_FORMALITY).toBeUndefined();
    expect(statuses(score(result)).differs).toBeUndefined();
  });
});

describe("the document the importer writes", () => {
  it("is valid chiso.figures/1 that the core reads again unchanged", () => {
    const result = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), { ...AUGUST, retrievedAt: "2026-09-05" });
    const document: FiguresFile = JSON.parse(JSON.stringify(result.document));
    expect(document.source).toMatchObject({ retrievedAt: "2026-09-05" });
    const dataset = parseDataset(document, getScheme("766-portal"));
    expect(dataset.parentCounts).toBe("own");
    expect(dataset.declaredScheme).toBe("766-portal");
    expect(dataset.units.map((unit) => unit.level)).toEqual(["province", "department", "department", "department", "department", "commune", "commune"]);
  });

  it("is read back by importFigures (what score and report use) with its parentCounts, scheme and provenance", async () => {
    const result = importPortalResponses(ALL_ENDPOINTS.map(sampleFile), AUGUST);
    const read = await importFigures(new TextEncoder().encode(JSON.stringify(result.document)), { scheme: getScheme("766-portal"), fileName: "so-lieu-cong.json" });
    expect(read.issues).toEqual([]);
    expect(read.dataset).toMatchObject({ parentCounts: "own", declaredScheme: "766-portal", provenance: { system: "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)" } });
    // The province on its own counts, as the portal: no difference (on the children's sum, 10 would differ).
    const card = scoreDataset(read.dataset!, { period: "2026-08", asOf: "2026-11-30" });
    expect(statuses(card)).toEqual({ match: 141, published: 6 });
  });
});
