import { cellRef, columnLetter } from "./cell-ref.js";
import type { ChartSpec } from "./chart.js";
import { mergeStyles, type CellStyle, type DifferentialStyle, type StyleRegistry } from "./styles.js";
import { attributes, escapeXml } from "./xml.js";

/** What a cell holds: text (always written as text, never a formula), a number, or nothing. */
export type CellValue = string | number | null | undefined;

export type ConditionalRule =
  | { readonly type: "expression"; readonly formula: string; readonly style: DifferentialStyle; readonly priority: number }
  | { readonly type: "cellIs"; readonly operator: "lessThan" | "lessThanOrEqual" | "greaterThan" | "greaterThanOrEqual" | "equal" | "notEqual"; readonly formula: string; readonly style: DifferentialStyle; readonly priority: number };

export interface Validation {
  readonly type: "list" | "whole" | "decimal" | "custom";
  readonly operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual" | "greaterThan" | "lessThan" | "equal";
  /** Formulas as Excel writes them: a list as `"a,b,c"` (quotes included), a number as `0`. */
  readonly formulae: readonly string[];
  readonly allowBlank?: boolean;
  readonly showErrorMessage?: boolean;
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface PageSetup {
  /** 9 is A4. */
  readonly paperSize?: number;
  readonly orientation?: "portrait" | "landscape";
  /** Fit to this many pages wide / tall (0: as many as needed); sets the sheet to fit-to-page. */
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** Print scale in percent, when not fitting to pages. */
  readonly scale?: number;
  /** Inches. */
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
}

interface Row {
  readonly values: CellValue[];
  readonly styles: (CellStyle | undefined)[];
  height?: number;
}

interface Column {
  width?: number;
  style?: CellStyle;
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** One worksheet, filled row by row; written by its workbook. One-based rows and columns throughout. */
export class Worksheet {
  private readonly rows: (Row | undefined)[] = [];
  private readonly columns: (Column | undefined)[] = [];
  private readonly merges: string[] = [];
  private readonly conditionalFormats: { ref: string; rules: readonly ConditionalRule[] }[] = [];
  private readonly validations: { ref: string; validation: Validation }[] = [];
  private frozen: { rows: number; columns: number } | undefined;
  private filter: string | undefined;
  private breaks: readonly number[] = [];
  /** Charts drawn on this sheet. */
  readonly charts: ChartSpec[] = [];
  page: PageSetup | undefined;
  headerFooter: { readonly oddHeader?: string; readonly oddFooter?: string } | undefined;
  /** Rows (`"1:2"`) and columns (`"A:B"`) repeated on every printed page. */
  printTitles: { readonly rows?: string; readonly columns?: string } | undefined;

  constructor(readonly name: string) {}

  /** The number of the last row that has anything. */
  get rowCount(): number {
    return this.rows.length;
  }

  /** Appends a row after the last one; returns its number. */
  addRow(values: readonly CellValue[], style?: CellStyle): number {
    this.rows.push({ values: [...values], styles: style ? values.map(() => style) : [] });
    return this.rows.length;
  }

  setCell(row: number, column: number, value: CellValue, style?: CellStyle): void {
    const target = this.row(row);
    target.values[column - 1] = value;
    if (style) target.styles[column - 1] = mergeStyles(target.styles[column - 1], style);
  }

  /** Adds `style` to a cell's own style. */
  styleCell(row: number, column: number, style: CellStyle): void {
    const target = this.row(row);
    target.styles[column - 1] = mergeStyles(target.styles[column - 1], style);
  }

  /** Adds `style` to the cells of a row, from the first column to `columns` (default: the row's last value). */
  styleRow(row: number, style: CellStyle, columns = this.row(row).values.length): void {
    for (let column = 1; column <= columns; column += 1) this.styleCell(row, column, style);
  }

  /** A column's width (in characters) and the style every cell of it starts from. */
  setColumn(column: number, settings: { readonly width?: number; readonly style?: CellStyle }): void {
    const target = (this.columns[column - 1] ??= {});
    if (settings.width !== undefined) target.width = settings.width;
    if (settings.style) target.style = mergeStyles(target.style, settings.style)!;
  }

  setRowHeight(row: number, height: number): void {
    this.row(row).height = height;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${cellRef(top, left)}:${cellRef(bottom, right)}`);
  }

  /** Frozen header rows and columns. */
  freeze(rows: number, columns = 0): void {
    this.frozen = { rows, columns };
  }

  /** A filter on a header range, e.g. `A1:H1`. */
  autoFilter(ref: string): void {
    this.filter = ref;
  }

  addConditionalFormat(ref: string, rules: readonly ConditionalRule[]): void {
    this.conditionalFormats.push({ ref, rules });
  }

  addValidation(ref: string, validation: Validation): void {
    this.validations.push({ ref, validation });
  }

  /** Printed pages end after these one-based columns. */
  columnBreaks(after: readonly number[]): void {
    this.breaks = [...after];
  }

  private row(number: number): Row {
    while (this.rows.length < number) this.rows.push(undefined);
    return (this.rows[number - 1] ??= { values: [], styles: [] });
  }

  /** The print-titles defined name's value, if any. */
  printTitlesRef(quotedName: string): string | undefined {
    if (!this.printTitles) return undefined;
    const parts: string[] = [];
    if (this.printTitles.columns) parts.push(`${quotedName}!$${this.printTitles.columns.replace(":", ":$")}`);
    if (this.printTitles.rows) parts.push(`${quotedName}!$${this.printTitles.rows.replace(":", ":$")}`);
    return parts.join(",");
  }

  /** The filter's defined-name value, if any. */
  filterRef(quotedName: string): string | undefined {
    return this.filter ? `${quotedName}!${this.filter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}` : undefined;
  }

  /** `xl/worksheets/sheetN.xml`; `strings` interns text, `drawingId` is the relationship of the charts' drawing. */
  toXml(styles: StyleRegistry, strings: (text: string) => number, drawingId: string | undefined): string {
    const out: string[] = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'];
    const fits = this.page?.fitToWidth !== undefined || this.page?.fitToHeight !== undefined;
    if (fits) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push(this.viewXml(), '<sheetFormatPr defaultRowHeight="15"/>', this.columnsXml(styles), this.sheetDataXml(styles, strings));
    if (this.filter) out.push(`<autoFilter ref="${this.filter}"/>`);
    if (this.merges.length > 0) out.push(`<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`);
    for (const format of this.conditionalFormats) out.push(conditionalXml(format.ref, format.rules, styles));
    if (this.validations.length > 0) out.push(`<dataValidations count="${this.validations.length}">${this.validations.map(({ ref, validation }) => validationXml(ref, validation)).join("")}</dataValidations>`);
    out.push(`<pageMargins${attributes({ ...DEFAULT_MARGINS, ...this.page?.margins })}/>`);
    if (this.page) {
      const { paperSize, orientation, scale, fitToWidth, fitToHeight } = this.page;
      out.push(`<pageSetup${attributes({ paperSize, scale, fitToWidth, fitToHeight, orientation })}/>`);
    }
    if (this.headerFooter) out.push(`<headerFooter>${this.headerFooter.oddHeader ? `<oddHeader>${escapeXml(this.headerFooter.oddHeader)}</oddHeader>` : ""}${this.headerFooter.oddFooter ? `<oddFooter>${escapeXml(this.headerFooter.oddFooter)}</oddFooter>` : ""}</headerFooter>`);
    if (this.breaks.length > 0) out.push(`<colBreaks count="${this.breaks.length}" manualBreakCount="${this.breaks.length}">${this.breaks.map((column) => `<brk id="${column}" max="1048575" man="1"/>`).join("")}</colBreaks>`);
    if (drawingId) out.push(`<drawing r:id="${drawingId}"/>`);
    out.push("</worksheet>");
    return out.join("");
  }

  private viewXml(): string {
    const { rows = 0, columns = 0 } = this.frozen ?? {};
    if (rows === 0 && columns === 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    return `<sheetViews><sheetView workbookViewId="0"><pane${attributes({ xSplit: columns || undefined, ySplit: rows || undefined, topLeftCell: cellRef(rows + 1, columns + 1), activePane: pane, state: "frozen" })}/><selection pane="${pane}"/></sheetView></sheetViews>`;
  }

  private columnsXml(styles: StyleRegistry): string {
    const cols: string[] = [];
    this.columns.forEach((column, index) => {
      if (!column) return;
      const style = column.style ? styles.cellStyle(column.style) : 0;
      cols.push(`<col${attributes({ min: index + 1, max: index + 1, width: column.width ?? 9.140625, customWidth: column.width !== undefined, style: style || undefined })}/>`);
    });
    return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
  }

  private sheetDataXml(styles: StyleRegistry, strings: (text: string) => number): string {
    const letters = this.letters();
    // A cell's style is its column's with its own on top; each pair is merged and looked up once.
    const combined = new Map<CellStyle | undefined, Map<CellStyle | undefined, number>>();
    const styleIndex = (column: CellStyle | undefined, own: CellStyle | undefined): number => {
      let byOwn = combined.get(column);
      if (!byOwn) combined.set(column, (byOwn = new Map()));
      let index = byOwn.get(own);
      if (index === undefined) byOwn.set(own, (index = styles.cellStyle(mergeStyles(column, own))));
      return index;
    };
    const out: string[] = ["<sheetData>"];
    this.rows.forEach((row, rowIndex) => {
      if (!row) return;
      const number = rowIndex + 1;
      out.push(row.height === undefined ? `<row r="${number}">` : `<row r="${number}" ht="${row.height}" customHeight="1">`);
      const width = Math.max(row.values.length, row.styles.length);
      for (let index = 0; index < width; index += 1) {
        const value = row.values[index];
        const s = styleIndex(this.columns[index]?.style, row.styles[index]);
        const hasValue = value !== null && value !== undefined && (typeof value !== "number" || Number.isFinite(value));
        if (!hasValue && s === 0) continue;
        const sAttr = s === 0 ? "" : ` s="${s}"`;
        const ref = `${letters[index]}${number}`;
        if (!hasValue) out.push(`<c r="${ref}"${sAttr}/>`);
        else if (typeof value === "number") out.push(`<c r="${ref}"${sAttr}><v>${value}</v></c>`);
        else out.push(`<c r="${ref}"${sAttr} t="s"><v>${strings(value)}</v></c>`);
      }
      out.push("</row>");
    });
    out.push("</sheetData>");
    return out.join("");
  }

  private letters(): string[] {
    let widest = this.columns.length;
    for (const row of this.rows) if (row) widest = Math.max(widest, row.values.length, row.styles.length);
    return Array.from({ length: widest }, (_, index) => columnLetter(index + 1));
  }
}

function conditionalXml(ref: string, rules: readonly ConditionalRule[], styles: StyleRegistry): string {
  const body = rules
    .map((rule) => {
      const common = { type: rule.type, dxfId: styles.differentialStyle(rule.style), priority: rule.priority, operator: rule.type === "cellIs" ? rule.operator : undefined };
      return `<cfRule${attributes(common)}><formula>${escapeXml(rule.formula)}</formula></cfRule>`;
    })
    .join("");
  return `<conditionalFormatting sqref="${ref}">${body}</conditionalFormatting>`;
}

function validationXml(ref: string, validation: Validation): string {
  const { type, operator, allowBlank, showErrorMessage, errorTitle, error, formulae } = validation;
  const formulas = formulae.map((formula, index) => `<formula${index + 1}>${escapeXml(formula)}</formula${index + 1}>`).join("");
  return `<dataValidation${attributes({ type, operator, allowBlank, showErrorMessage, errorTitle, error, sqref: ref })}>${formulas}</dataValidation>`;
}
