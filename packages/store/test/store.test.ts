import { describe, expect, it } from "vitest";
import { getScheme, parseDataset, scoreDataset, type FiguresFile } from "@chiso/core";
import { Store, StoreError, comparePeriods } from "../src/index.js";

const units: FiguresFile["units"] = [
  { id: "P", name: "Tỉnh Thử", level: "province" },
  { id: "X1", name: "Xã Một", level: "commune", parent: "P" },
  { id: "X2", name: "Xã Hai", level: "commune", parent: "P" },
];
const month = (period: string, onTime: [number, number] = [9, 10]): FiguresFile => ({
  units,
  figures: [
    { unit: "X1", period, items: { ON_TIME: onTime, ONLINE_DOSSIER_SHARE: { numerator: 7, denominator: 10 } }, channels: { received: 10, online: 7, direct: 3, post: 0 } },
    { unit: "X2", period, items: { ON_TIME: [8, 10] } },
  ],
});
const meta = (checksum: string, addedAt = "2026-11-02T08:00:00Z") => ({ scheme: "766-portal", checksum, inputs: [{ name: `${checksum}.xlsx`, checksum }], addedAt: new Date(addedAt), sources: ["so-lieu.xlsx › Số liệu › dòng 2", "so-lieu.xlsx › Số liệu › dòng 3"] });
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof StoreError ? [error.code, error.params] : error;
  }
  return null;
};

describe("a store of accepted months", () => {
  it("adds months, survives a round trip through its bytes, and lists every version", async () => {
    const store = await Store.open();
    expect(store.add(month("2026-09"), meta("a".repeat(64)))).toEqual([{ period: "2026-09", action: "added", version: 1, figures: 2 }]);
    expect(store.add(month("2026-10"), meta("b".repeat(64)))).toEqual([{ period: "2026-10", action: "added", version: 1, figures: 2 }]);
    const reopened = await Store.open(store.export());
    expect(reopened.list().map((entry) => [entry.period, entry.version, entry.current, entry.units, entry.figures, entry.checksum.slice(0, 1)])).toEqual([
      ["2026-09", 1, true, 3, 2, "a"],
      ["2026-10", 1, true, 3, 2, "b"],
    ]);
  });

  it("orders periods in time: a quarter and a year after their last month, in the list and in the history", async () => {
    const store = await Store.open();
    const survey = (period: string) => ({ ...month("2026-01"), figures: [], surveys: [{ unit: "X1", period, respondents: 10, tallies: { ACCESS_PLACE: { 5: 10 } } }] });
    // Added in an order that a text sort or a first-month sort would get wrong.
    store.add(survey("2026"), meta("y".repeat(64)));
    store.add(month("2026-02"), meta("b".repeat(64)));
    store.add(survey("2026-Q1"), meta("q".repeat(64)));
    store.add(month("2026-01"), meta("a".repeat(64)));
    store.add(month("2026-03"), meta("c".repeat(64)));
    store.add(month("2025-12"), meta("d".repeat(64)));
    expect(store.list().map((entry) => entry.period)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026"]);
    // February's history: the months up to it, and the quarter and year in progress (their surveys), never March.
    expect(store.history({ period: "2026-02" }).periods).toEqual(["2025-12", "2026-01", "2026-02", "2026-Q1", "2026"]);
    expect(store.history({ period: "2026-Q1" }).periods).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026"]);
  });

  it("compares periods in time order, and puts text that is no period last", () => {
    expect(["2026", "2026-Q4", "2026-12", "2026-Q1", "x", "2026-03", "2026-02", "2025", "2026-01"].sort(comparePeriods)).toEqual(["2025", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026-12", "2026-Q4", "2026", "x"]);
  });

  it("leaves a month added twice unchanged, refuses different figures without --replace, and keeps the replaced version", async () => {
    const store = await Store.open();
    store.add(month("2026-10"), meta("b".repeat(64)));
    expect(store.add(month("2026-10"), meta("c".repeat(64)))).toEqual([{ period: "2026-10", action: "unchanged", version: 1, figures: 2 }]);
    expect(code(() => store.add(month("2026-10", [5, 10]), meta("d".repeat(64))))).toEqual(["period_exists", { periods: "2026-10" }]);
    expect(store.add(month("2026-10", [5, 10]), meta("d".repeat(64)), { replace: true })).toEqual([{ period: "2026-10", action: "replaced", version: 2, figures: 2 }]);
    expect(store.list().map((entry) => [entry.version, entry.current])).toEqual([[1, false], [2, true]]);
    expect(store.history({ period: "2026-10" }).document.figures[0]!.items.ON_TIME).toEqual([5, 10]);
  });

  it("locks a signed-off month: replacing it needs the explicit flag, and the replaced version stays", async () => {
    const store = await Store.open();
    store.add(month("2026-10"), meta("b".repeat(64)));
    expect(store.signOff("2026-10", { at: new Date("2026-11-05T02:00:00Z"), by: "Nguyễn Văn A" })).toEqual({ period: "2026-10", version: 1, at: "2026-11-05T02:00:00.000Z", by: "Nguyễn Văn A", checksum: "b".repeat(64) });
    expect(code(() => store.signOff("2026-10", { at: new Date() }))).toMatchObject(["already_signed_off", { period: "2026-10" }]);
    expect(code(() => store.add(month("2026-10", [5, 10]), meta("d".repeat(64)), { replace: true }))).toEqual(["period_signed_off", { periods: "2026-10" }]);
    expect(store.add(month("2026-10", [5, 10]), meta("d".repeat(64)), { replace: true, replaceSignedOff: true })).toEqual([{ period: "2026-10", action: "replaced", version: 2, figures: 2, replacedSignedOff: true }]);
    expect(store.list().map((entry) => [entry.version, entry.current, entry.signedOff?.by ?? null])).toEqual([[1, false, "Nguyễn Văn A"], [2, true, null]]);
    expect(new StoreError("period_signed_off", { periods: "2026-10" }).describe("vi")).toContain("--replace-signed-off");
  });

  it("refuses another province's month: one store, one province", async () => {
    const store = await Store.open();
    store.add(month("2026-09"), meta("a".repeat(64)));
    const other: FiguresFile = { units: [{ id: "Q", name: "Tỉnh Khác", level: "province" }, { id: "Y1", name: "Xã Y", level: "commune", parent: "Q" }], figures: [{ unit: "Y1", period: "2026-10", items: { ON_TIME: [1, 2] } }] };
    expect(code(() => store.add(other, meta("c".repeat(64))))).toEqual(["other_province", { stored: "Tỉnh Thử", given: "Tỉnh Khác" }]);
    expect(store.list()).toHaveLength(1);
  });

  it("adds all the periods of a file or none", async () => {
    const store = await Store.open();
    store.add(month("2026-10"), meta("b".repeat(64)));
    store.signOff("2026-10", { at: new Date() });
    const two: FiguresFile = { units, figures: [...month("2026-09").figures, ...month("2026-10", [1, 10]).figures] };
    expect(code(() => store.add(two, meta("e".repeat(64)), { replace: true }))).toEqual(["period_signed_off", { periods: "2026-10" }]);
    expect(store.list().map((entry) => entry.period)).toEqual(["2026-10"]);
    expect(store.add(two, meta("e".repeat(64)), { periods: ["2026-09"] }).map((result) => result.period)).toEqual(["2026-09"]);
  });
});

describe("history for a report", () => {
  it("gives the reported month's units and every stored month up to it, scored as one file would be", async () => {
    const store = await Store.open();
    store.add(month("2026-09", [6, 10]), meta("a".repeat(64)));
    store.add(month("2026-10"), meta("b".repeat(64)));
    store.add(month("2026-11", [1, 10]), meta("c".repeat(64)));
    const history = store.history({ period: "2026-10" });
    expect(history.periods).toEqual(["2026-09", "2026-10"]);
    expect(history.checksum).toBe("b".repeat(64));
    expect(history.signOff).toBeNull();
    expect(history.sources[0]).toBe("store › 2026-09 (v1) › so-lieu.xlsx › Số liệu › dòng 2");
    const fromStore = scoreDataset(parseDataset(history.document, getScheme()), { period: "2026-10", asOf: "2026-11-30" });
    const fromOneFile = scoreDataset(parseDataset({ units, figures: [...month("2026-09", [6, 10]).figures, ...month("2026-10").figures] }, getScheme()), { period: "2026-10", asOf: "2026-11-30" });
    expect(fromStore.units.map((unit) => unit.total?.toString())).toEqual(fromOneFile.units.map((unit) => unit.total?.toString()));
    expect(history.document.figures[0]!.channels).toEqual({ received: 10, online: 7, direct: 3, post: 0 });
  });

  it("lets the input replace its months, unless a signed-off month would change", async () => {
    const store = await Store.open();
    store.add(month("2026-09"), meta("a".repeat(64)));
    store.add(month("2026-10"), meta("b".repeat(64)));
    const input = { document: month("2026-10", [3, 10]), sources: ["moi.csv › dòng 2", "moi.csv › dòng 3"], checksum: "f".repeat(64) };
    const history = store.history({ period: "2026-10", input });
    expect(history.checksum).toBe("f".repeat(64));
    expect(history.sources).toEqual(["store › 2026-09 (v1) › so-lieu.xlsx › Số liệu › dòng 2", "store › 2026-09 (v1) › so-lieu.xlsx › Số liệu › dòng 3", "moi.csv › dòng 2", "moi.csv › dòng 3"]);
    store.signOff("2026-10", { at: new Date("2026-11-05T00:00:00Z") });
    expect(code(() => store.history({ period: "2026-10", input }))).toEqual(["signed_off_differs", { period: "2026-10" }]);
    expect(store.history({ period: "2026-10", input: { ...input, document: month("2026-10") } }).signOff).toBeNull();
    expect(store.history({ period: "2026-10" }).signOff).toMatchObject({ period: "2026-10", checksum: "b".repeat(64) });
  });

  it("reports a quarter from its months, signed off when all of them are", async () => {
    const store = await Store.open();
    for (const [period, checksum] of [["2026-07", "1"], ["2026-08", "2"], ["2026-09", "3"]] as const) store.add(month(period), meta(checksum.repeat(64)));
    const quarter = store.history({ period: "2026-Q3" });
    expect(quarter.periods).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(quarter.checksum).toMatch(/^[0-9a-f]{64}$/);
    // A quarter or year is signed off by its months, which the refusal names.
    expect(code(() => store.signOff("2026-Q3", { at: new Date() }))).toEqual(["sign_off_by_month", { period: "2026-Q3", months: "2026-07, 2026-08, 2026-09", first: "2026-07" }]);
    expect(code(() => store.signOff("2026", { at: new Date() }))).toEqual(["sign_off_by_month", { period: "2026", months: "2026-07, 2026-08, 2026-09", first: "2026-07" }]);
    expect(code(() => store.signOff("2026-Q4", { at: new Date() }))).toEqual(["unknown_period", { period: "2026-Q4", periods: "2026-07, 2026-08, 2026-09" }]);
    expect(quarter.monthSignOffs).toEqual([{ period: "2026-07", at: null }, { period: "2026-08", at: null }, { period: "2026-09", at: null }]);
    store.signOff("2026-07", { at: new Date("2026-08-05T02:00:00Z"), by: "Nguyễn Văn A" });
    store.signOff("2026-08", { at: new Date("2026-09-05T02:00:00Z") });
    // Partly signed off: the quarter is not, and says which of its months are.
    const partly = store.history({ period: "2026-Q3" });
    expect(partly.signOff).toBeNull();
    expect(partly.monthSignOffs).toEqual([
      { period: "2026-07", at: "2026-08-05T02:00:00.000Z", by: "Nguyễn Văn A" },
      { period: "2026-08", at: "2026-09-05T02:00:00.000Z" },
      { period: "2026-09", at: null },
    ]);
    expect(store.history({ period: "2026-08" }).monthSignOffs).toEqual([]);
    // A month given only by the input is neither signed off nor absent.
    expect(store.history({ period: "2026-Q4", input: { document: month("2026-10"), sources: [], checksum: "9".repeat(64) } }).monthSignOffs).toEqual([
      { period: "2026-10", at: null },
      { period: "2026-11", at: null, absent: true },
      { period: "2026-12", at: null, absent: true },
    ]);
    store.signOff("2026-09", { at: new Date() });
    expect(store.history({ period: "2026-Q3" }).signOff).toMatchObject({ period: "2026-Q3", checksum: quarter.checksum });
    // A year of which only these months have figures is not signed off even once they all are: the rest are absent.
    const year = store.history({ period: "2026" });
    expect(year.signOff).toBeNull();
    expect(year.monthSignOffs.filter((entry) => entry.absent).map((entry) => entry.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-10", "2026-11", "2026-12"]);
    expect(year.monthSignOffs.filter((entry) => entry.at !== null).map((entry) => entry.period)).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(code(() => store.history({ period: "2025-12" }))).toEqual(["unknown_period", { period: "2025-12", periods: "2026-07, 2026-08, 2026-09" }]);
  });

  it("flags a unit renamed or moved to another level within a quarter or year, on its last row of the period", async () => {
    const store = await Store.open();
    const moved: FiguresFile["units"] = units.map((unit) => (unit.id === "X2" ? { ...unit, name: "Sở Hai", level: "department" } : unit));
    store.add(month("2026-07"), meta("1".repeat(64)));
    store.add(month("2026-08"), meta("2".repeat(64)));
    store.add({ ...month("2026-09"), units: moved }, meta("3".repeat(64)));
    const quarter = store.history({ period: "2026-Q3" });
    // Reported under its naming at the period's end (decision 95), and said so.
    expect(quarter.document.units.find((unit) => unit.id === "X2")).toMatchObject({ name: "Sở Hai", level: "department" });
    const flagged = quarter.document.figures.filter((row) => row.flags && row.flags.length > 0);
    expect(flagged.map((row) => [row.unit, row.period])).toEqual([["X2", "2026-09"]]);
    expect(flagged[0]!.flags).toEqual([
      {
        code: "unit_changed",
        message: {
          vi: "đơn vị X2 đổi tên, cấp hoặc đơn vị cấp trên trong kỳ: “Xã Hai” (xã, trực thuộc Tỉnh Thử) trong 07/2026, 08/2026; “Sở Hai” (sở, trực thuộc Tỉnh Thử) trong 09/2026. Số liệu các tháng được cộng lại và đơn vị được chấm, xếp hạng theo tên và cấp cuối kỳ: “Sở Hai” (sở, trực thuộc Tỉnh Thử). Nếu đây là hai đơn vị khác nhau, hãy dùng hai mã đơn vị",
          en: "unit X2 changed its name, level or parent within the period: “Xã Hai” (commune, under Tỉnh Thử) in 07/2026, 08/2026; “Sở Hai” (department, under Tỉnh Thử) in 09/2026. Its months' counts are summed and it is scored and ranked under its naming at the period's end: “Sở Hai” (department, under Tỉnh Thử). If these are two different units, give them two ids",
        },
      },
    ]);
    // The finding reaches the quarter's scorecard, located at the row that carries it (no flag for a month, which has one naming).
    const card = scoreDataset(parseDataset(quarter.document, getScheme("766-portal"), { sources: quarter.sources }), { period: "2026-Q3" });
    const finding = card.findings.find((entry) => entry.code === "source_flag")!;
    expect(finding).toMatchObject({ unit: "X2", period: "2026-09", params: { flag: "unit_changed" } });
    expect(finding.source).toEqual(["store › 2026-09 (v1) › so-lieu.xlsx › Số liệu › dòng 3"]);
    expect(card.unit("X2")!.unit.level).toBe("department");
    expect(store.history({ period: "2026-09" }).document.figures.some((row) => row.flags)).toBe(false);
    expect(store.history({ period: "2026-Q3", input: { document: { ...month("2026-09"), units }, sources: [], checksum: "9".repeat(64) } }).document.figures.some((row) => row.flags)).toBe(false);
  });

  it("keeps counts given as null, the document's own fields and the evidence behind lost points", async () => {
    const store = await Store.open();
    const document = {
      parentCounts: "own",
      source: { system: "Cổng DVCQG" },
      units,
      figures: [{ unit: "X1", period: "2026-10", items: { ON_TIME: [9, 10], ELECTRONIC_CERTIFIED_COPY: null } }],
      evidence: [{ unit: "X1", period: "2026-10", item: "ON_TIME", count: 1, dossiers: [{ id: "H1", reason: "late" }] }],
    } as unknown as FiguresFile;
    store.add(document, meta("b".repeat(64)));
    const history = (await Store.open(store.export())).history({ period: "2026-10" }).document as unknown as Record<string, unknown> & FiguresFile;
    expect(history.figures[0]!.items).toEqual({ ON_TIME: [9, 10], ELECTRONIC_CERTIFIED_COPY: null });
    expect(history.parentCounts).toBe("own");
    expect(history.source).toEqual({ system: "Cổng DVCQG" });
    expect(history.evidence).toEqual((document as unknown as { evidence: unknown }).evidence);
    expect(store.add(document, meta("c".repeat(64)))[0]!.action).toBe("unchanged");
  });

  it("keeps a prototype key as data", async () => {
    const store = await Store.open();
    store.add({ units, figures: [{ unit: "X1", period: "2026-10", items: JSON.parse('{"__proto__": [1, 2]}') as FiguresFile["figures"][number]["items"] }] }, meta("b".repeat(64)));
    const items = store.history({ period: "2026-10" }).document.figures[0]!.items;
    expect(Object.keys(items)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(items)).toBe(Object.prototype);
  });
});

describe("files that are not a store", () => {
  it("refuses bytes that are not SQLite, and a SQLite file that is not chiso's", async () => {
    await expect(Store.open(new TextEncoder().encode("not a database at all, just text"), "x.db")).rejects.toMatchObject({ code: "not_a_store" });
    const initSqlJs = (await import("sql.js")).default;
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.run("CREATE TABLE t (a)");
    await expect(Store.open(other.export(), "other.db")).rejects.toMatchObject({ code: "not_a_store", params: { file: "other.db" } });
  });
});
