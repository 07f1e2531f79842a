import { extname } from "node:path";
import { describeIssue, getScheme, safeParseDataset, type Language, type UnitInput } from "@chiso/core";
import { cellText, matchHeader, normalizeText, parseLevel, readCsv, readXlsx, unitColumns, type Sheet } from "@chiso/io";

export interface UnitsResult {
  /** The units, validated as a hierarchy (ids unique, parents declared, no cycles); empty when there are errors. */
  readonly units: readonly UnitInput[];
  /** Every problem, located (`file › dòng 4 › …: …`), in the requested language. */
  readonly errors: readonly string[];
}

function fromSheets(sheets: readonly Sheet[], file: string, language: Language): { units: UnitInput[]; errors: string[] } {
  const scheme = getScheme();
  const columns = unitColumns();
  const errors: string[] = [];
  for (const sheet of sheets) {
    const headerRow = sheet.rows.slice(0, 10).find((row) => row.cells.some((cell) => matchHeader(cellText(cell), scheme, columns) === "unit"));
    if (!headerRow) continue;
    const keys = headerRow.cells.map((cell) => matchHeader(cellText(cell), scheme, columns));
    const at = (key: string, cells: readonly unknown[]) => {
      const index = keys.indexOf(key);
      return index < 0 ? "" : cellText(cells[index]);
    };
    if (!keys.includes("level")) {
      errors.push(`${file} › ${sheet.name}: ${language === "vi" ? "thiếu cột Cấp (province/department/commune hoặc tỉnh/sở/xã)" : "no Level column (province/department/commune)"}`);
      return { units: [], errors };
    }
    const units: UnitInput[] = [];
    for (const row of sheet.rows) {
      if (row.number <= headerRow.number || row.cells.every((cell) => cellText(cell) === "")) continue;
      const id = at("unit", row.cells);
      const levelText = at("level", row.cells);
      const level = parseLevel(normalizeText(levelText));
      const where = `${file} › ${language === "vi" ? "dòng" : "row"} ${row.number}`;
      if (id === "") errors.push(`${where}: ${language === "vi" ? "thiếu mã đơn vị" : "no unit id"}`);
      if (!level) errors.push(`${where}: ${language === "vi" ? `cấp “${levelText}” không hợp lệ (tỉnh, sở, xã)` : `level “${levelText}” is not valid (province, department, commune)`}`);
      if (id === "" || !level) continue;
      const parent = at("parent", row.cells);
      units.push({ id, name: at("name", row.cells) || id, level, ...(parent !== "" && { parent }) });
    }
    return { units, errors };
  }
  errors.push(`${file}: ${language === "vi" ? "không tìm thấy bảng đơn vị (cột Mã đơn vị, Tên đơn vị, Cấp, Mã đơn vị cấp trên)" : "no units table found (columns Unit id, Unit name, Level, Parent unit id)"}`);
  return { units: [], errors };
}

/**
 * Reads the units file: a `chiso.figures/1` JSON (its `units`), a JSON array of units, or a CSV/XLSX
 * units table as in the input template (Mã đơn vị, Tên đơn vị, Cấp, Mã đơn vị cấp trên). The hierarchy
 * is checked by @chiso/core's validation.
 */
export async function readUnits(data: Uint8Array, file: string, language: Language = "vi"): Promise<UnitsResult> {
  const extension = extname(file).toLowerCase();
  let read: { units: UnitInput[]; errors: string[] };
  try {
    if (extension === ".json") {
      const json = JSON.parse(new TextDecoder().decode(data).replace(/^\uFEFF/, "")) as unknown;
      const list = Array.isArray(json) ? json : (json as { units?: unknown })?.units;
      read = Array.isArray(list) ? { units: list as UnitInput[], errors: [] } : { units: [], errors: [`${file}: ${language === "vi" ? "không có danh sách units" : "no units list"}`] };
    } else if (extension === ".csv" || extension === ".txt") {
      read = fromSheets(readCsv(new TextDecoder().decode(data), file), file, language);
    } else if (extension === ".xlsx") {
      read = fromSheets(await readXlsx(data), file, language);
    } else {
      return { units: [], errors: [`${file}: ${language === "vi" ? "định dạng không hỗ trợ; dùng .json, .csv hoặc .xlsx" : "unsupported format; use .json, .csv or .xlsx"}`] };
    }
  } catch (error) {
    return { units: [], errors: [`${file}: ${(error as Error).message.split("\n")[0]}`] };
  }
  if (read.errors.length > 0) return { units: [], errors: read.errors };
  const checked = safeParseDataset({ units: read.units, figures: [] }, getScheme());
  if (!checked.success) return { units: [], errors: checked.error.issues.map((issue) => `${file} › ${issue.path.join(".")}: ${describeIssue(issue, language)}`) };
  return { units: read.units, errors: [] };
}
