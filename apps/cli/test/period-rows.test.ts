// Every input row is used or said not to be (trial 4): a June row left in July's workbook is listed with its place.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getScheme } from "@chiso/core";
import { buildTemplate } from "@chiso/io";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const scheme = getScheme();
const every = Object.fromEntries(scheme.items.map((item) => [item.code, { numerator: 8, denominator: 10 }]));
const units = [
  { id: "P", name: "Tỉnh Thử", level: "province" as const },
  { id: "X1", name: "Xã Một", level: "commune" as const, parent: "P" },
  { id: "X2", name: "Xã Hai", level: "commune" as const, parent: "P" },
];

/** July's workbook (the office's template filled in) with a June row and a row of January 2025, rows 4 and 5 of "Số liệu". */
async function workbook(): Promise<string> {
  const figures = [
    { unit: "X1", period: "2026-07", items: every },
    { unit: "X2", period: "2026-07", items: every },
    { unit: "X2", period: "2026-06", items: every },
    { unit: "X1", period: "2025-01", items: every },
  ];
  const file = join(await mkdtemp(join(tmpdir(), "chiso-period-rows-")), "thang-7.xlsx");
  await writeFile(file, buildTemplate({ scheme, period: "2026-07", data: { format: "chiso.figures/1", scheme: scheme.id, units, figures } }).toBytes({ date: new Date(0) }));
  return file;
}

describe("rows of another period than the one scored", () => {
  it("report lists them with their places: those read only as history, and those not used at all", async () => {
    const file = await workbook();
    const vi = await run(["report", "--input", file, "--period", "2026-07", "--out", join(file, "..", "bo"), "--deterministic"]);
    expect(vi.code).toBe(0);
    const lines = vi.stderr.split("\n");
    expect(lines).toContain(`1 dòng số liệu của kỳ khác (2026-06) không được chấm trong kỳ 2026-07, chỉ dùng làm kỳ trước và xu hướng: ${file} › Số liệu › dòng 4. Nếu dòng nhập nhầm kỳ, hãy sửa cột Kỳ.`);
    expect(lines).toContain(`1 dòng số liệu không được dùng cho kỳ 2026-07 vì thuộc kỳ khác (2025-01): ${file} › Số liệu › dòng 5. Nếu dòng nhập nhầm kỳ, hãy sửa cột Kỳ; nếu đúng là số liệu kỳ khác, hãy chấm kỳ đó bằng --period.`);
    const en = await run(["score", "--input", file, "--period", "2026-07", "--out", join(file, "..", "diem.json"), "--lang", "en"]);
    expect(en.code).toBe(0);
    // A score reads no history: both rows are unused.
    expect(en.stderr.split("\n")).toContain(`2 figures rows of another period (2025-01, 2026-06) were not used for 2026-07: ${file} › Số liệu › row 4; ${file} › Số liệu › row 5. If a row has the wrong period, correct its Period cell; if it is another period's figures, score that period with --period.`);
  });

  it("store add --period says the rows it does not store, and validate names the periods of a file that mixes them", async () => {
    const file = await workbook();
    const added = await run(["store", "add", "--store", join(file, "..", "kho.db"), "--input", file, "--period", "2026-07"]);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(`2 dòng số liệu không được dùng cho kỳ 2026-07 vì thuộc kỳ khác (2025-01, 2026-06): ${file} › Số liệu › dòng 4; ${file} › Số liệu › dòng 5.`);
    const checked = await run(["validate", "--input", file]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe(`Tệp có số liệu của 3 kỳ: 2025-01 (1 dòng: ${file} › Số liệu › dòng 5), 2026-06 (1 dòng: ${file} › Số liệu › dòng 4), 2026-07 (2 dòng: ${file} › Số liệu › dòng 2; ${file} › Số liệu › dòng 3). Mỗi lần chấm (--period) chỉ chấm một kỳ; nếu tệp là số liệu của một kỳ, hãy kiểm tra cột Kỳ của các dòng khác kỳ.`);
  });
});
