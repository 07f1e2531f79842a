import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getScheme } from "@chiso/core";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const SAMPLES = fileURLToPath(new URL("../../../packages/io/test/portal-samples/", import.meta.url));
const transparency = join(SAMPLES, "transparency.month-all.sample.json");
const temp = () => mkdtemp(join(tmpdir(), "chiso-replace-"));

describe("a file the user filled in or edited is never replaced by surprise", () => {
  it.each([
    ["template", (out: string) => ["template", "--period", "2026-07", "--out", out], "mau.xlsx"],
    ["profile", (out: string) => ["profile", "--out", out], "ho-so.json"],
    ["portal import", (out: string) => ["portal", "import", "--period", "2026-08", "--out", out, transparency], "so-lieu.json"],
  ] as const)("%s: the same output again is fine; an edited file is refused unless --force, in both languages", async (_name, args, name) => {
    const dir = await temp();
    const out = join(dir, name);
    expect((await run([...args(out)])).code).toBe(0);
    const written = await readFile(out);
    // Running the command again writes what is already there: nothing to protect.
    expect((await run([...args(out)])).code).toBe(0);
    await writeFile(out, "số liệu của văn phòng");
    const refused = await run([...args(out)]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`Tệp ${out} đã có và khác với nội dung sắp ghi`);
    expect(refused.stderr).toContain("--force");
    expect(await readFile(out, "utf8")).toBe("số liệu của văn phòng");
    const english = await run([...args(out), "--lang", "en"]);
    expect(english.stderr).toContain(`${out} already exists and differs from what would be written`);
    expect((await run([...args(out), "--force"])).code).toBe(0);
    expect(await readFile(out)).toEqual(written);
  });

  it("validate --out does not replace another file either", async () => {
    const dir = await temp();
    const input = join(dir, "so-lieu.json");
    await writeFile(input, JSON.stringify({ format: "chiso.figures/1", units: [{ id: "P", name: "Tỉnh", level: "province" }], figures: [{ unit: "P", period: "2026-07", items: { ON_TIME: [5, 4] } }] }));
    const out = join(dir, "loi.xlsx");
    await writeFile(out, "bảng của tôi");
    const refused = await run(["validate", "--input", input, "--out", out]);
    expect(refused.stderr).toContain("đã có và khác với nội dung sắp ghi");
    expect(await readFile(out, "utf8")).toBe("bảng của tôi");
  });

  it("a folder that does not exist is refused, not created", async () => {
    const dir = await temp();
    const out = join(dir, "khong-co", "so-lieu.json");
    const refused = await run(["portal", "import", "--period", "2026-08", "--out", out, transparency]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`Thư mục ${join(dir, "khong-co")} (của --out ${out}) không tồn tại`);
    expect(existsSync(join(dir, "khong-co"))).toBe(false);
  });
});

describe("portal import tells what it cannot check", () => {
  it("warns on stderr that responses without a chart cannot confirm the period", async () => {
    const dir = await temp();
    const result = await run(["portal", "import", "--period", "2026-07", "--out", join(dir, "p.json"), transparency]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("(cảnh báo) các phản hồi không ghi kỳ và không có biểu đồ theo tháng để đối chiếu, nên không kiểm tra được chúng có đúng kỳ 2026-07 hay không");
  });
});

describe("store add of a month already stored", () => {
  it("says nothing changed, and not also that the store was written", async () => {
    const dir = await temp();
    const every = Object.fromEntries(getScheme().items.map((item) => [item.code, [8, 10]]));
    const input = join(dir, "t7.json");
    await writeFile(input, JSON.stringify({ format: "chiso.figures/1", units: [{ id: "P", name: "Tỉnh", level: "province" }, { id: "X1", name: "Xã", level: "commune", parent: "P" }], figures: [{ unit: "X1", period: "2026-07", items: every }] }));
    const store = join(dir, "h.db");
    expect((await run(["store", "add", "--store", store, "--input", input])).stdout).toContain(`Đã ghi kho ${store}.`);
    const again = await run(["store", "add", "--store", store, "--input", input]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("không thay đổi");
    expect(again.stdout).not.toContain("Đã ghi kho");
  });
});
