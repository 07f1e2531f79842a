import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../kernel/period.js";
import { figureSchema } from "./schema.js";
import { smallProvince } from "../../../test/helpers.js";
import { getScheme } from "../scheme/registry.js";
import { evidenceFor, parseDataset, safeParseDataset } from "./dataset.js";

const scheme = getScheme();
const problems = (input: unknown, language: "vi" | "en" = "en") => {
  const result = safeParseDataset(input, scheme);
  if (result.success) throw new Error("expected the input to be rejected");
  return result.error.describe(language);
};

describe("parseDataset", () => {
  it("accepts both count forms and normalises names to NFC", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [9, 10], DOSSIER_SYNC: { numerator: 10, denominator: 10 } } },
    ]);
    file.units[3] = { ...file.units[3]!, name: "Xã An Bình".normalize("NFD") };
    const dataset = parseDataset(file, scheme);
    expect(dataset.unitById.get("C1")?.name).toBe("Xã An Bình".normalize("NFC"));
    expect(dataset.figures[0]!.counts[scheme.itemByCode.get("ON_TIME")!.index]).toEqual({ numerator: 9, denominator: 10 });
    expect(dataset.childrenOf.get("P")?.map((unit) => unit.id)).toEqual(["D1", "D2", "C1", "C2", "C3"]);
  });

  it("collects every problem in one pass, with readable paths", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [11, 10], DOSSIER_SYNC: [1.5, 10], ONLINE_DOSSIER_SHARE: [-1, 10] } },
      { unit: "C1", period: "2026-03", items: { NOT_AN_ITEM: [1, 2] } },
      { unit: "C9", period: "2026-13", items: {} },
    ]);
    file.units.push({ id: "C4", name: "Xã Mới", level: "commune", parent: "P2" });
    file.units.push({ id: "C1", name: "Xã An Bình (trùng)", level: "commune", parent: "P" });
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "units[7].id: unit id "C1" is declared twice (first at units[3]); declare each unit once.",
        "units[6].parent: parent "P2" of unit "C4" is not in the units list; add the parent or correct the id.",
        "figures[0].items.ON_TIME.numerator: numerator (11) is greater than denominator (10); check both figures of item 2.1 Dossiers settled on time.",
        "figures[0].items.DOSSIER_SYNC[0]: must be a whole number (a count of dossiers or procedures), received 1.5; enter a count without decimals.",
        "figures[0].items.ONLINE_DOSSIER_SHARE[0]: must not be negative, received -1; enter 0 or more.",
        "figures[1]: figures for unit "C1" in period 2026-03 appear twice (first at figures[0]); keep one row.",
        "figures[1].items.NOT_AN_ITEM: item code "NOT_AN_ITEM" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[2].period: period "2026-13" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
        "figures[2].unit: unit "C9" is not declared in the units list; add the unit or correct the id.",
      ]
    `);
  });

  it("says a count too large for exact arithmetic once, though two of the schema's checks refuse it", () => {
    const result = safeParseDataset({ units: [{ id: "A", name: "A", level: "commune" }], figures: [{ unit: "A", period: "2026-03", items: { ON_TIME: [1e20, 5] } }] }, getScheme());
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((issue) => [issue.code, issue.path.join(".")])).toEqual([["too_large", "figures.0.items.ON_TIME.0"]]);
  });

  it("reports numerators above denominators, unknown codes and duplicates, in Vietnamese too", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [11, 10], NOT_AN_ITEM: [1, 2] } },
      { unit: "C1", period: "2026-03", items: {} },
      { unit: "C9", period: "2026-13", items: {} },
    ]);
    file.units.push({ id: "C4", name: "Xã Mới", level: "commune", parent: "P2" });
    file.units.push({ id: "C1", name: "Xã An Bình (trùng)", level: "commune", parent: "P" });
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "units[7].id: unit id "C1" is declared twice (first at units[3]); declare each unit once.",
        "units[6].parent: parent "P2" of unit "C4" is not in the units list; add the parent or correct the id.",
        "figures[0].items.ON_TIME.numerator: numerator (11) is greater than denominator (10); check both figures of item 2.1 Dossiers settled on time.",
        "figures[0].items.NOT_AN_ITEM: item code "NOT_AN_ITEM" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[1]: figures for unit "C1" in period 2026-03 appear twice (first at figures[0]); keep one row.",
        "figures[2].period: period "2026-13" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
        "figures[2].unit: unit "C9" is not declared in the units list; add the unit or correct the id.",
      ]
    `);
    expect(problems(file, "vi")).toMatchInlineSnapshot(`
      [
        "units[7].id: mã đơn vị "C1" bị khai báo lặp (lần đầu ở units[3]); mỗi đơn vị chỉ khai báo một lần.",
        "units[6].parent: đơn vị cấp trên "P2" của "C4" không có trong danh sách đơn vị; hãy thêm đơn vị cấp trên hoặc sửa mã.",
        "figures[0].items.ON_TIME.numerator: tử số (11) lớn hơn mẫu số (10); hãy kiểm tra lại hai số liệu của chỉ tiêu 2.1 Giải quyết hồ sơ đúng hạn.",
        "figures[0].items.NOT_AN_ITEM: mã chỉ tiêu "NOT_AN_ITEM" không có trong phương án 766-portal; hãy dùng một mã hợp lệ (xem docs/indicators).",
        "figures[1]: số liệu của đơn vị "C1" kỳ 2026-03 bị lặp (lần đầu ở figures[0]); hãy giữ một dòng.",
        "figures[2].period: kỳ "2026-13" không hợp lệ; hãy viết theo dạng 2026-03 (tháng), 2026-Q1 (quý) hoặc 2026 (năm).",
        "figures[2].unit: đơn vị "C9" chưa được khai báo trong danh sách đơn vị; hãy thêm đơn vị hoặc sửa mã.",
      ]
    `);
  });

  it("refuses a hierarchy the two-tier administration does not have, and names with control characters", () => {
    const file = {
      units: [
        { id: "P", name: "Tỉnh", level: "province" },
        { id: "Q", name: "Tỉnh khác", level: "province", parent: "P" },
        { id: "X1", name: "Xã 1", level: "commune", parent: "P" },
        { id: "X2", name: "Xã 2", level: "commune", parent: "X1" },
        { id: "S1", name: "Sở 1", level: "department", parent: "X1" },
        { id: "C1", name: "Chi cục 1", level: "department", parent: "S0" },
        { id: "S0", name: "Sở \u001b[31mĐỏ\u202e", level: "department", parent: "P" },
      ],
      figures: [],
    };
    // The department with a bad name is not taken, so its sub-department's parent is unknown too.
    expect([...problems(file)].sort()).toEqual([
      'units[5].parent: parent "S0" of unit "C1" is not in the units list; add the parent or correct the id.',
      'units[6].name: contains a control character that cannot be printed (U+001B); remove it.',
      'units[1].parent: unit "Q" (province) cannot belong to "P" (province): a province has no parent; correct the parent id.',
      'units[3].parent: unit "X2" (commune) cannot belong to "X1" (commune): a commune belongs to its province; correct the parent id.',
      'units[4].parent: unit "S1" (department) cannot belong to "X1" (commune): a department belongs to its province (or to a department); correct the parent id.',
    ].sort());
  });

  it("detects a parent cycle", () => {
    const file = {
      units: [
        { id: "A", name: "A", level: "department", parent: "B" },
        { id: "B", name: "B", level: "department", parent: "A" },
      ],
      figures: [],
    };
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "units[0].parent: the parent chain of "A" loops back on itself; correct the parent ids.",
        "units[1].parent: the parent chain of "B" loops back on itself; correct the parent ids.",
      ]
    `);
  });

  it.each([
    ["an array", [{ units: [] }]],
    ["null", null],
    ["a string", "figures"],
    ["a number", 42],
  ])("rejects a document that is %s with one clear problem", (_, input) => {
    expect(problems(input)).toEqual([expect.stringMatching(/^\(root\): wrong type: expected object, received /)]);
  });

  it("reports the envelope's problems and still checks every row", () => {
    const file = { ...smallProvince([{ unit: "C1", period: "2026-03", items: { ON_TIME: [11, 10] } }]), format: "chiso.figures/9", figurs: [], scheme: 7 };
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "figurs: unsupported field "figurs"; remove it or correct its name.",
        "format: format "chiso.figures/9" is not supported; chiso's figures files have format "chiso.figures/1".",
        "scheme: wrong type: expected string, received 7.",
        "figures[0].items.ON_TIME.numerator: numerator (11) is greater than denominator (10); check both figures of item 2.1 Dossiers settled on time.",
      ]
    `);
  });

  it("reports prototype keys as unknown codes instead of losing them", () => {
    const file = JSON.parse(`{"units":[{"id":"C1","name":"Xã","level":"commune"}],"figures":[{"unit":"C1","period":"2026-03","items":{"__proto__":[1,2],"constructor":[1,2],"ON_TIME":[1,2]}}]}`);
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "figures[0].items.__proto__: item code "__proto__" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[0].items.constructor: item code "constructor" is not in scheme 766-portal; use a valid code (see docs/indicators).",
      ]
    `);
  });

  it("keeps counts the source returned as null apart from counts left out", () => {
    const dataset = parseDataset(smallProvince([{ unit: "C1", period: "2026-03", items: { ELECTRONIC_CERTIFIED_COPY: null, ON_TIME: [9, 10] } }]), scheme);
    const counts = dataset.figures[0]!.counts;
    expect(counts[scheme.itemByCode.get("ELECTRONIC_CERTIFIED_COPY")!.index]).toBeNull();
    expect(counts[scheme.itemByCode.get("DOSSIER_SYNC")!.index]).toBeUndefined();
  });

  it("reads published scores, source flags, provenance, parent counts and evidence", () => {
    const file = {
      ...smallProvince([
        {
          unit: "C1",
          period: "2026-08",
          items: { ON_TIME: [2348, 2971] },
          published: { items: { ON_TIME: 15.81 }, blocks: { ONLINE_SERVICE: "6.48", TIMELINESS: null }, total: "70.1" },
          flags: [{ item: "DOSSIER_SYNC", code: "TEMP_NATIONAL_REPORT_DENOMINATOR", message: "tạm tính" }, { code: "RECORDS_REJECTED", message: { vi: "1 hồ sơ bị loại", en: "1 dossier rejected" } }],
        },
      ]),
      format: "chiso.figures/1",
      scheme: "766-portal",
      source: { system: "Cổng Dịch vụ công quốc gia", retrievedAt: "2026-09-05" },
      parentCounts: "own",
      evidence: [{ unit: "C1", period: "2026-08", item: "ON_TIME", count: 623, dossiers: [{ id: "HS-1", receivedAt: "2026-08-03T09:15:00", dueAt: "2026-08-10T17:00:00", finishedAt: null, daysLate: 3, reason: "late" }] }],
    };
    const dataset = parseDataset(file, scheme);
    const row = dataset.figures[0]!;
    expect(row.published?.items.get("ON_TIME")).toBe("15.81");
    expect([...row.published!.blocks]).toEqual([["ONLINE_SERVICE", "6.48"], ["TIMELINESS", null]]);
    expect(row.published?.total).toBe("70.1");
    // A message is one text (old files) or one per language.
    expect(row.flags?.map((flag) => flag.message)).toEqual(["tạm tính", { vi: "1 hồ sơ bị loại", en: "1 dossier rejected" }]);
    expect(dataset.parentCounts).toBe("own");
    expect(dataset.declaredScheme).toBe("766-portal");
    expect(dataset.provenance?.system).toBe("Cổng Dịch vụ công quốc gia");
    expect(evidenceFor(dataset, "C1", "2026-08", "ON_TIME")?.dossiers[0]?.reason).toBe("late");
  });

  it("refuses a flag message in one language only, at its path", () => {
    const file = smallProvince([{ unit: "C1", period: "2026-08", items: { ON_TIME: [9, 10] }, flags: [{ code: "RECORDS_REJECTED", message: { vi: "1 hồ sơ bị loại" } as unknown as string }] }]); // what a file may hold, not what the type allows
    expect(problems(file).join("\n")).toContain("figures[0].flags[0].message");
  });

  it("locates problems in published scores and evidence", () => {
    const file = {
      ...smallProvince([{ unit: "C1", period: "2026-08", items: {}, published: { items: { NOT_AN_ITEM: 1 }, blocks: { ONLINE: 1, TRANSPARENCY: "1,5" } } }]),
      evidence: [{ unit: "C9", period: "2026-08", item: "ON_TIME", count: 0, dossiers: [{ id: "HS-1", reason: "Late!" }] }, { unit: "C1", period: "2026-8", item: "X", count: 1, dossiers: [] }],
    };
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "figures[0].published.items.NOT_AN_ITEM: item code "NOT_AN_ITEM" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[0].published.blocks.ONLINE: block code "ONLINE" is not in scheme 766-portal; use a valid block code (TRANSPARENCY, TIMELINESS, ONLINE_SERVICE, ONLINE_PAYMENT, DIGITIZATION, SATISFACTION).",
        "figures[0].published.blocks.TRANSPARENCY: invalid value ("1,5").",
        "evidence[0].dossiers[0].reason: invalid value ("Late!").",
        "evidence[1].period: period "2026-8" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
        "evidence[1].item: item code "X" is not in scheme 766-portal; use a valid code (see docs/indicators).",
      ]
    `);
  });

  it("refuses counts whose sums could not be added exactly, naming the item", () => {
    const big = Number.MAX_SAFE_INTEGER - 5;
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [big, big] } },
      { unit: "C2", period: "2026-03", items: { ON_TIME: [10, 10] } },
    ]);
    expect(problems(file, "vi")).toMatchInlineSnapshot(`
      [
        "figures[1].items.ON_TIME.denominator: các số liệu của chỉ tiêu 2.1 Giải quyết hồ sơ đúng hạn cộng lại vượt quá 9.007.199.254.740.991, không thể cộng chính xác; hãy kiểm tra lại số liệu (số quá lớn).",
      ]
    `);
  });

  it("uses the caller's own locations for rows", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [1, 2] } },
      { unit: "C1", period: "2026-03", items: { ON_TIME: [1, 2] } },
    ]);
    const result = safeParseDataset(file, scheme, { sources: ["so-lieu.xlsx › Số liệu › dòng 4", "so-lieu.xlsx › Số liệu › dòng 9"] });
    expect(result.success ? [] : result.error.describe("en")).toEqual([
      'figures[1]: figures for unit "C1" in period 2026-03 appear twice (first at so-lieu.xlsx › Số liệu › dòng 4); keep one row.',
    ]);
    const ok = parseDataset(smallProvince([{ unit: "C1", period: "2026-03", items: { ON_TIME: [1, 2] } }]), scheme, { sources: ["so-lieu.csv › dòng 2"] });
    expect(ok.figures[0]!.source).toEqual(["so-lieu.csv › dòng 2"]);
  });

  it("rejects names too long to print", () => {
    const file = smallProvince([]);
    file.units[1] = { ...file.units[1]!, name: "x".repeat(10_000_000) };
    expect(problems(file)).toEqual([expect.stringContaining("units[1].name: value too large")]);
  });
});

describe("the fast path for plain rows", () => {
  it("accepts exactly what the schema accepts, with the same unit and period", () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("  C1 ", "C1", "Xã An Bình".normalize("NFD"), "", "   ", "x".repeat(501), "2026-03", "2026-3"));
    const row = fc.record({ unit: fc.oneof(text, fc.integer(), fc.constant(null)), period: fc.oneof(text, fc.integer()), items: fc.constant({}), extra: fc.option(fc.constant(1), { nil: undefined }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(row, (raw) => {
        const figure = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
        const expected = figureSchema.safeParse(figure);
        const file = { units: [{ id: expected.success ? expected.data.unit : "C1", name: "Xã", level: "commune" }], figures: [figure] };
        const result = safeParseDataset(file, scheme);
        if (!expected.success) {
          expect(result.success).toBe(false);
          return;
        }
        if (result.success) {
          expect(result.data.figures[0]?.unit).toBe(expected.data.unit);
          expect(result.data.figures[0]?.period.key).toBe(parsePeriod(expected.data.period)?.key);
        } else {
          // Accepted in shape, rejected for meaning (an invalid period): the same row, never a silent difference.
          expect(parsePeriod(expected.data.period)).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
