import { Workbook, type Worksheet } from "@chiso/xlsx-writer";
import type { FigureInput, FiguresFile, Language, Scheme } from "@chiso/core";
import { getSipasScheme, type SipasScheme } from "@chiso/core";
import { companionRows } from "./companion-sheets.js";
import { figureColumns, unitColumns } from "./columns.js";
import { columnLetter } from "./normalize.js";

export interface TemplateOptions {
  readonly scheme: Scheme;
  readonly period: string;
  readonly language?: Language;
  /** The survey whose questions the SIPAS sheet lists (default sipas-2022). */
  readonly sipasScheme?: SipasScheme;
  /** Units to list and figures to fill in (all their periods, e.g. the demo's); without them the sheets are empty. */
  readonly data?: FiguresFile;
}

const LEVEL_WORDS: Record<Language, Record<string, string>> = {
  vi: { province: "tỉnh", department: "sở", commune: "xã" },
  en: { province: "province", department: "department", commune: "commune" },
};

const INSTRUCTIONS: Record<Language, readonly string[]> = {
  vi: [
    "MẪU NHẬP SỐ LIỆU CHẤM ĐIỂM CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (chiso)",
    "",
    "1. Trang \"Đơn vị\": mỗi đơn vị một dòng — Mã đơn vị (duy nhất), Tên đơn vị, Cấp (tỉnh, sở, xã), Mã đơn vị cấp trên.",
    "2. Trang \"Số liệu\": mỗi đơn vị, mỗi kỳ một dòng. Kỳ viết 2026-03 (tháng), 2026-Q1 (quý) hoặc 2026 (năm).",
    "3. Mỗi chỉ tiêu có hai cột: Tử số và Mẫu số — số nguyên từ 0, tử số không lớn hơn mẫu số.",
    "4. Đơn vị không có số liệu cho một chỉ tiêu: để trống CẢ HAI ô (chiso ghi nhận \"không có dữ liệu\", không tính là 0).",
    "5. Không có hồ sơ/phản ánh trong kỳ: ghi 0 ở cả hai ô; chiso áp dụng quy tắc mẫu số bằng 0 của từng chỉ tiêu.",
    "6. Cấp xã để trống 1.1–1.3 sẽ dùng số liệu của tỉnh. Cấp tỉnh ghi các chỉ tiêu về thủ tục (1.1–1.3, 3.1, 3.2, 3.4, 3.5, 4.5b) và phản ánh, kiến nghị do chính tỉnh xử lý (5.1–5.3); số liệu hồ sơ của tỉnh được cộng từ các đơn vị.",
    "7. Số có thể ghi 1234 hoặc 1.234 (dấu chấm ngăn cách nghìn); không dùng dấu phẩy.",
    "8. Các cột Hồ sơ tiếp nhận… và Giải quyết… là tùy chọn, dùng để kiểm tra số liệu có khớp nhau.",
    "9. Kiểm tra tệp: chiso validate --input <tệp>. Chấm điểm: chiso report --input <tệp> --period <kỳ> --out <thư mục>.",
  ],
  en: [
    "INPUT TEMPLATE FOR THE PUBLIC-SERVICE INDEX (chiso)",
    "",
    "1. Sheet \"Units\": one row per unit — unit id (unique), name, level (province, department, commune), parent unit id.",
    "2. Sheet \"Figures\": one row per unit and period. Periods: 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
    "3. Each item has two columns, numerator and denominator: whole numbers from 0, numerator not above denominator.",
    "4. A unit with no figures for an item: leave BOTH cells empty (recorded as no data, never as 0).",
    "5. No dossiers or feedback in the period: enter 0 in both cells; the item's empty-denominator rule applies.",
    "6. Communes that leave 1.1–1.3 empty use the province's. The province row gives the procedure items (1.1–1.3, 3.1, 3.2, 3.4, 3.5, 4.5b) and the feedback it handles itself (5.1–5.3); its dossier items are summed from its units.",
    "7. Write numbers as 1234 or 1.234 (dot as thousands separator); no commas.",
    "8. The Received… and Settled… columns are optional and are checked to add up.",
    "9. Check a file: chiso validate --input <file>. Score: chiso report --input <file> --period <period> --out <folder>.",
  ],
};

/** A narrow sheet printed A4 landscape, one page wide, its header row on every page. */
function printRows(sheet: Worksheet): void {
  sheet.page = { paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 };
  sheet.printTitles = { rows: "1:1" };
}

/**
 * The input workbook for a period and scheme: instructions, a units sheet and a figures sheet with
 * every numerator and denominator column (Vietnamese header with the item code), and Excel data
 * validation — whole numbers ≥ 0, numerator ≤ denominator.
 */
export function buildTemplate(options: TemplateOptions): Workbook {
  const language = options.language ?? "vi";
  const vi = language === "vi";
  const workbook = new Workbook();
  const instructions = workbook.addSheet(vi ? "Hướng dẫn" : "Instructions");
  instructions.setColumn(1, { width: 140 });
  for (const line of INSTRUCTIONS[language]) instructions.addRow([line]);
  instructions.styleCell(1, 1, { font: { bold: true, size: 13 } });
  // Printed, the instructions fit one page width (the column is wider than a portrait A4).
  instructions.page = { paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 };

  const units = workbook.addSheet(vi ? "Đơn vị" : "Units");
  units.freeze(1);
  const unitSpecs = unitColumns();
  units.addRow(unitSpecs.map((column) => column.header[language]), { font: { bold: true } });
  printRows(units);
  unitSpecs.forEach((_, index) => units.setColumn(index + 1, { width: index === 1 ? 36 : 18 }));
  for (const unit of options.data?.units ?? []) units.addRow([unit.id, unit.name, LEVEL_WORDS[language][unit.level], unit.parent ?? null].map((value) => (value === null ? null : String(value))));
  units.addValidation(`C2:C${Math.max(2, (options.data?.units.length ?? 0) + 500)}`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${Object.values(LEVEL_WORDS[language]).join(",")}"`],
    showErrorMessage: true,
    error: vi ? "Cấp phải là tỉnh, sở hoặc xã." : "Level must be province, department or commune.",
  });

  const figures = workbook.addSheet(vi ? "Số liệu" : "Figures");
  figures.freeze(1, 2);
  const specs = figureColumns(options.scheme);
  figures.addRow(specs.map((column) => column.header[language]), { alignment: { wrapText: true, vertical: "top" }, font: { bold: true } });
  figures.setRowHeight(1, 90);
  // Printed: every page repeats the header row and the unit's id and name.
  figures.page = { paperSize: 9, orientation: "landscape", scale: 70 };
  figures.printTitles = { rows: "1:1", columns: "A:B" };
  specs.forEach((spec, index) => figures.setColumn(index + 1, { width: index === 1 ? 30 : spec.kind === "text" ? 12 : 14 }));
  const names = new Map((options.data?.units ?? []).map((unit) => [unit.id, unit.name]));
  const rows = options.data?.figures ?? [];
  const firstRows: FigureInput[] = rows.length > 0 ? rows : (options.data?.units ?? []).map((unit) => ({ unit: unit.id, period: options.period, items: {} }));
  for (const figure of firstRows) {
    figures.addRow(
      specs.map((spec) => {
        if (spec.key === "unit") return figure.unit;
        if (spec.key === "name") return names.get(figure.unit) ?? null;
        if (spec.key === "period") return figure.period;
        const [group, field] = spec.key.split(".") as [string, string];
        if (group === "tracked") return figure.tracked?.[field] ?? null;
        if (group === "channels" || group === "settlement") return (figure[group] as Record<string, number> | undefined)?.[field] ?? null;
        const counts = figure.items[group];
        if (!counts) return null;
        const pair = Array.isArray(counts) ? { numerator: counts[0], denominator: counts[1] } : counts;
        return field === "numerator" ? pair.numerator : pair.denominator;
      }),
    );
  }
  addCompanionSheets(workbook, options, language);
  // Validation over the filled rows and room for more.
  const last = Math.max(2, firstRows.length + 500);
  specs.forEach((spec, index) => {
    const letter = columnLetter(index + 1);
    const range = `${letter}2:${letter}${last}`;
    if (spec.key.endsWith(".numerator")) {
      const denominator = columnLetter(index + 2);
      figures.addValidation(range, {
        type: "custom",
        allowBlank: true,
        formulae: [`AND(${letter}2=INT(${letter}2),${letter}2>=0,${letter}2<=${denominator}2)`],
        showErrorMessage: true,
        errorTitle: vi ? "Tử số không hợp lệ" : "Invalid numerator",
        error: vi ? "Tử số phải là số nguyên từ 0 và không lớn hơn mẫu số." : "The numerator must be a whole number from 0, not above the denominator.",
      });
    } else if (spec.kind === "count") {
      figures.addValidation(range, {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: ["0"],
        showErrorMessage: true,
        errorTitle: vi ? "Số không hợp lệ" : "Invalid number",
        error: vi ? "Nhập số nguyên từ 0 trở lên." : "Enter a whole number from 0.",
      });
    }
  });
  return workbook;
}

/** The SIPAS and PAR Index sheets: tidy tables, one row per question or criterion (filled from data when given). */
function addCompanionSheets(workbook: Workbook, options: TemplateOptions, language: Language): void {
  const vi = language === "vi";
  const sipas = options.sipasScheme ?? getSipasScheme();
  const rows = companionRows(options.data);
  const questions = new Map<string, string>();
  for (const aspect of sipas.definition.aspects) for (const factor of aspect.factors) for (const item of factor.items) questions.set(item.code, item.name[language]);
  const add = (name: string, headers: readonly string[], values: readonly (readonly (string | number | null)[])[]): Worksheet => {
    const sheet = workbook.addSheet(name);
    sheet.freeze(1);
    sheet.addRow(headers, { font: { bold: true } });
    headers.forEach((_, index) => sheet.setColumn(index + 1, { width: 16 }));
    printRows(sheet);
    for (const row of values) sheet.addRow(row);
    return sheet;
  };
  const levels = sipas.definition.scale.map((level) => `${vi ? "Mức" : "Level"} ${level.value} – ${level.label[language]}`);
  const surveyRows = rows.surveys.length > 0
    ? rows.surveys.map((row) => [row.unit, row.period, row.item, questions.get(row.item) ?? null, ...sipas.definition.scale.map((level) => row.counts[String(level.value)] ?? null), row.respondents ?? null])
    : [...questions.entries()].map(([code, question]) => [null, options.period.slice(0, 4), code, question, ...sipas.definition.scale.map(() => null), null]);
  const surveys = add(vi ? "Khảo sát SIPAS" : "SIPAS survey", [vi ? "Mã đơn vị" : "Unit id", vi ? "Kỳ" : "Period", vi ? "Mã câu hỏi" : "Item", vi ? "Câu hỏi" : "Question", ...levels, vi ? "Số người được khảo sát" : "Respondents"], surveyRows);
  surveys.setColumn(4, { width: 50 });
  add(vi ? "Chỉ số CCHC" : "PAR Index", [vi ? "Mã đơn vị" : "Unit id", vi ? "Kỳ" : "Period", vi ? "Mã tiêu chí" : "Criterion", vi ? "Tự chấm" : "Self", vi ? "Thẩm định lần 1" : "Appraisal 1", vi ? "Thẩm định lần 2" : "Appraisal 2"], rows.scores.map((row) => [row.unit, row.period, row.criterion, Number(row.self), row.appraisal[0] === undefined ? null : Number(row.appraisal[0]), row.appraisal[1] === undefined ? null : Number(row.appraisal[1])]));
  add(vi ? "CCHC - điều tra, thưởng, trừ" : "PAR - survey, bonus, penalty", [vi ? "Mã đơn vị" : "Unit id", vi ? "Kỳ" : "Period", vi ? "Mục" : "Entry", vi ? "Giá trị" : "Value"], rows.extras.map((row) => [row.unit, row.period, row.entry, Number(row.value)]));
}
