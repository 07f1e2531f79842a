import { chartXml, drawingXml } from "./chart.js";
import { StyleRegistry } from "./styles.js";
import { Worksheet } from "./worksheet.js";
import { attributes, escapeXml, XML_HEADER } from "./xml.js";
import { zip, type ZipEntry } from "./zip.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument";
const INVALID_SHEET_NAME = /[[\]:*?/\\]/;
/** Excel's limit on a cell's text; a longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32_767;

/** A cell's text as written: NFC, and cut with "…" at Excel's limit rather than making the file unreadable. */
function cellText(text: string): string {
  const normalised = text.normalize("NFC");
  return normalised.length > MAX_CELL_TEXT ? `${normalised.slice(0, MAX_CELL_TEXT - 1)}…` : normalised;
}

/** A sheet name in a formula: quoted, with quotes doubled. */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function relationships(entries: readonly { readonly type: string; readonly target: string }[]): string {
  return `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries.map((entry, index) => `<Relationship Id="rId${index + 1}" Type="${entry.type}" Target="${entry.target}"/>`).join("")}</Relationships>`;
}

export interface WriteOptions {
  /** The file's creation and modification date, and every zip entry's: the same workbook and date give the same bytes. */
  readonly date: Date;
  readonly creator?: string;
  /** Deflate level, 1 (fast, the default) to 9. */
  readonly compression?: number;
}

/**
 * A workbook written straight to SpreadsheetML. chiso's workbooks are built from views in one pass, so
 * the writer keeps nothing but values and styles (no cell objects) and writes each sheet as one string.
 */
export class Workbook {
  private readonly sheets: Worksheet[] = [];

  addSheet(name: string): Worksheet {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name)) throw new Error(`invalid sheet name "${name}": 1–31 characters, none of [ ] : * ? / \\`);
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) throw new Error(`duplicate sheet name "${name}"`);
    const sheet = new Worksheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The .xlsx file's bytes. */
  toBytes(options: WriteOptions): Uint8Array {
    const styles = new StyleRegistry();
    const strings = new Map<string, number>();
    const intern = (text: string) => {
      const normalised = cellText(text);
      let index = strings.get(normalised);
      if (index === undefined) strings.set(normalised, (index = strings.size));
      return index;
    };
    const entries: ZipEntry[] = [];
    const overrides: string[] = [];
    let chartCount = 0;
    let drawingCount = 0;
    this.sheets.forEach((sheet, index) => {
      const part = `xl/worksheets/sheet${index + 1}.xml`;
      overrides.push(`<Override PartName="/${part}" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/>`);
      let drawingId: string | undefined;
      if (sheet.charts.length > 0) {
        drawingCount += 1;
        drawingId = "rId1";
        const drawing = `xl/drawings/drawing${drawingCount}.xml`;
        const chartTargets = sheet.charts.map((chart) => {
          chartCount += 1;
          entries.push({ path: `xl/charts/chart${chartCount}.xml`, data: chartXml(chart) });
          overrides.push(`<Override PartName="/xl/charts/chart${chartCount}.xml" ContentType="${TYPE}.drawingml.chart+xml"/>`);
          return { type: `${REL}/chart`, target: `../charts/chart${chartCount}.xml` };
        });
        entries.push({ path: drawing, data: drawingXml(sheet.charts, 2) });
        entries.push({ path: `xl/drawings/_rels/drawing${drawingCount}.xml.rels`, data: relationships(chartTargets) });
        entries.push({ path: `xl/worksheets/_rels/sheet${index + 1}.xml.rels`, data: relationships([{ type: `${REL}/drawing`, target: `../drawings/drawing${drawingCount}.xml` }]) });
        overrides.push(`<Override PartName="/${drawing}" ContentType="${TYPE}.drawing+xml"/>`);
      }
      entries.push({ path: part, data: XML_HEADER + sheet.toXml(styles, intern, drawingId) });
    });
    const sharedStrings = [...strings.keys()].map((text) => `<si><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${escapeXml(text)}</t></si>`).join("");
    const date = options.date.toISOString().replace(/\.\d{3}Z$/, "Z");
    const creator = escapeXml(options.creator ?? "chiso");
    const front: ZipEntry[] = [
      {
        path: "[Content_Types].xml",
        data: `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/>${overrides.join("")}<Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${TYPE}.extended-properties+xml"/></Types>`,
      },
      { path: "_rels/.rels", data: relationships([{ type: `${REL}/officeDocument`, target: "xl/workbook.xml" }, { type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" }, { type: `${REL}/extended-properties`, target: "docProps/app.xml" }]) },
      {
        path: "docProps/core.xml",
        data: `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
      },
      { path: "docProps/app.xml", data: `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>chiso</Application></Properties>` },
      { path: "xl/workbook.xml", data: this.workbookXml() },
      { path: "xl/_rels/workbook.xml.rels", data: relationships([...this.sheets.map((_, index) => ({ type: `${REL}/worksheet`, target: `worksheets/sheet${index + 1}.xml` })), { type: `${REL}/styles`, target: "styles.xml" }, { type: `${REL}/sharedStrings`, target: "sharedStrings.xml" }]) },
      { path: "xl/styles.xml", data: XML_HEADER + styles.toXml() },
      { path: "xl/sharedStrings.xml", data: `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${sharedStrings}</sst>` },
    ];
    return zip([...front, ...entries], options.date, options.compression ?? 1);
  }

  private workbookXml(): string {
    const names: string[] = [];
    this.sheets.forEach((sheet, index) => {
      const quoted = quoteSheetName(sheet.name);
      const filter = sheet.filterRef(quoted);
      if (filter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(filter)}</definedName>`);
      const titles = sheet.printTitlesRef(quoted);
      if (titles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(titles)}</definedName>`);
    });
    const sheets = this.sheets.map((sheet, index) => `<sheet${attributes({ name: sheet.name, sheetId: index + 1 })} r:id="rId${index + 1}"/>`).join("");
    return `${XML_HEADER}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="171027"/></workbook>`;
  }
}
