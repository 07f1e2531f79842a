import JSZip from "jszip";

/**
 * Native Excel charts, written as DrawingML parts into the workbook exceljs has written (exceljs
 * cannot write charts; docs/decisions.md records why this rather than another library). Each chart
 * refers to cells of the workbook and carries their values as a cache, so Excel, LibreOffice and
 * viewers that do not recalculate all draw it.
 */
export interface ChartSpec {
  readonly kind: "bar" | "column" | "line";
  readonly title: string;
  /** Category labels and their cell range, e.g. `'Biểu đồ'!$A$4:$A$9`. */
  readonly categories: { readonly ref: string; readonly values: readonly string[] };
  readonly series: readonly { readonly name: string; readonly ref: string; readonly values: readonly (number | null)[]; readonly color: string }[];
  /** Where the chart sits on its sheet: zero-based columns and rows of its corners. */
  readonly anchor: { readonly from: readonly [number, number]; readonly to: readonly [number, number] };
  /** Fixed value axis bounds (e.g. 0–100 for totals). */
  readonly axis?: { readonly min?: number; readonly max?: number };
  /** Bars of one series drawn over the other (points in front of the maximum). */
  readonly overlap?: boolean;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((value, index) => `<c:pt idx="${index}"><c:v>${escape(value)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const points = values.flatMap((value, index) => (value === null ? [] : [`<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`]));
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points.join("")}</c:numCache>`;
}

function richTitle(text: string, size = 1200): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="1"/><a:t>${escape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** One chart part (`xl/charts/chartN.xml`). */
export function chartXml(spec: ChartSpec): string {
  const series = spec.series
    .map((entry, index) => {
      const fill = `<c:spPr>${spec.kind === "line" ? `<a:ln w="28575"><a:solidFill><a:srgbClr val="${entry.color}"/></a:solidFill></a:ln>` : `<a:solidFill><a:srgbClr val="${entry.color}"/></a:solidFill>`}</c:spPr>`;
      const marker = spec.kind === "line" ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`;
      return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escape(entry.name)}</c:v></c:tx>${fill}${marker}<c:cat><c:strRef><c:f>${escape(spec.categories.ref)}</c:f>${strCache(spec.categories.values)}</c:strRef></c:cat><c:val><c:numRef><c:f>${escape(entry.ref)}</c:f>${numCache(entry.values)}</c:numRef></c:val>${spec.kind === "line" ? `<c:smooth val="0"/>` : ""}</c:ser>`;
    })
    .join("");
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const plot =
    spec.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${spec.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${spec.overlap ? `<c:overlap val="100"/>` : ""}${axes}</c:barChart>`;
  const scaling = (orientation: string, bounds = spec.axis) =>
    `<c:scaling><c:orientation val="${orientation}"/>${bounds?.max !== undefined ? `<c:max val="${bounds.max}"/>` : ""}${bounds?.min !== undefined ? `<c:min val="${bounds.min}"/>` : ""}</c:scaling>`;
  // Horizontal bars read top-down in the order of the data (rank 1 first): the category axis runs max→min.
  const categoryOrientation = spec.kind === "bar" ? "maxMin" : "minMax";
  const categoryAxis = `<c:catAx><c:axId val="500000001"/>${scaling(categoryOrientation, {})}<c:delete val="0"/><c:axPos val="${spec.kind === "bar" ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis = `<c:valAx><c:axId val="500000002"/>${scaling("minMax")}<c:delete val="0"/><c:axPos val="${spec.kind === "bar" ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr><c:crossAx val="500000001"/><c:crosses val="${spec.kind === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = spec.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart>${richTitle(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${categoryAxis}${valueAxis}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr></c:chartSpace>`;
}

/** The drawing part anchoring the charts on their sheet. */
function drawingXml(specs: readonly ChartSpec[], firstId: number): string {
  const anchors = specs
    .map((spec, index) => {
      const [fromCol, fromRow] = spec.anchor.from;
      const [toCol, toRow] = spec.anchor.to;
      return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + index}" name="${escape(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors}</xdr:wsDr>`;
}

function relationships(entries: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries.map((entry) => `<Relationship Id="${entry.id}" Type="${entry.type}" Target="${entry.target}"/>`).join("")}</Relationships>`;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The part of a worksheet by its name, from the workbook and its relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].find((match) => match[1] === escape(sheetName));
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  const target = new RegExp(`<Relationship\\b[^>]*Id="${sheet[2]}"[^>]*Target="([^"]*)"`).exec(rels) ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]*)"[^>]*Id="${sheet[2]}"`).exec(rels);
  if (!target) throw new Error(`no part for sheet ${sheetName}`);
  return `xl/${target[1]!.replace(/^\/?xl\//, "")}`;
}

/** Where `<drawing>` goes in a worksheet: before these elements (ECMA-376 order), else at the end. */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst"];

function insertBefore(xml: string, element: string, followers: readonly string[]): string {
  const positions = followers.map((tag) => xml.indexOf(tag)).filter((index) => index >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.lastIndexOf("</worksheet>");
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

/** Column page breaks (after the given one-based columns), in their place in the worksheet. */
function withColumnBreaks(xml: string, after: readonly number[]): string {
  if (after.length === 0) return xml;
  const breaks = `<colBreaks count="${after.length}" manualBreakCount="${after.length}">${after.map((column) => `<brk id="${column}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
  return insertBefore(xml, breaks, ["<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", ...AFTER_DRAWING]);
}

export interface WorkbookAdditions {
  /** Charts per sheet name. */
  readonly charts: ReadonlyMap<string, readonly ChartSpec[]>;
  /** Column page breaks per sheet name (one-based columns after which a printed page ends). */
  readonly columnBreaks: ReadonlyMap<string, readonly number[]>;
}

/**
 * Adds the charts and column page breaks to a workbook exceljs has written, and re-zips it with every
 * entry dated `date` so the same input gives the same bytes.
 */
export async function addToWorkbook(bytes: Uint8Array, additions: WorkbookAdditions, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const [sheetName, breaks] of additions.columnBreaks) {
    const part = await sheetPart(zip, sheetName);
    zip.file(part, withColumnBreaks(await zip.file(part)!.async("string"), breaks));
  }
  for (const [sheetName, specs] of additions.charts) {
    if (specs.length === 0) continue;
    drawingNumber += 1;
    const part = await sheetPart(zip, sheetName);
    const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels = specs.map((spec) => {
      chartNumber += 1;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(spec));
      contentTypes = contentTypes.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      return { type: `${REL}/chart`, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(drawing, drawingXml(specs, 2));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(chartRels.map((rel, index) => ({ id: `rId${index + 1}`, ...rel }))));
    contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
    // The sheet's relationships: exceljs writes none for a sheet without links or images; keep any it wrote.
    const relsPath = part.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : null;
    const id = "rIdChisoDrawing1";
    const entry = `<Relationship Id="${id}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(relsPath, existing ? existing.replace("</Relationships>", `${entry}</Relationships>`) : relationships([{ id, type: `${REL}/drawing`, target: `../drawings/drawing${drawingNumber}.xml` }]));
    let sheet = await zip.file(part)!.async("string");
    if (!/xmlns:r="/.test(sheet.slice(0, sheet.indexOf(">", sheet.indexOf("<worksheet"))))) sheet = sheet.replace("<worksheet ", `<worksheet xmlns:r="${REL}" `);
    zip.file(part, insertBefore(sheet, `<drawing r:id="${id}"/>`, AFTER_DRAWING));
  }
  zip.file("[Content_Types].xml", contentTypes);
  for (const entry of Object.values(zip.files)) entry.date = date;
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
