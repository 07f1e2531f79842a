import { escapeXml } from "./xml.js";

/**
 * Native Excel charts as DrawingML parts. Each chart refers to cells of the workbook and carries their
 * values as a cache, so Excel, LibreOffice and viewers that do not recalculate all draw it.
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


function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((value, index) => `<c:pt idx="${index}"><c:v>${escapeXml(value)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const points = values.flatMap((value, index) => (value === null ? [] : [`<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`]));
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points.join("")}</c:numCache>`;
}

function richTitle(text: string, size = 1200): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** One chart part (`xl/charts/chartN.xml`). */
export function chartXml(spec: ChartSpec): string {
  const series = spec.series
    .map((entry, index) => {
      const fill = `<c:spPr>${spec.kind === "line" ? `<a:ln w="28575"><a:solidFill><a:srgbClr val="${entry.color}"/></a:solidFill></a:ln>` : `<a:solidFill><a:srgbClr val="${entry.color}"/></a:solidFill>`}</c:spPr>`;
      const marker = spec.kind === "line" ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`;
      return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(entry.name)}</c:v></c:tx>${fill}${marker}<c:cat><c:strRef><c:f>${escapeXml(spec.categories.ref)}</c:f>${strCache(spec.categories.values)}</c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(entry.ref)}</c:f>${numCache(entry.values)}</c:numRef></c:val>${spec.kind === "line" ? `<c:smooth val="0"/>` : ""}</c:ser>`;
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
export function drawingXml(specs: readonly ChartSpec[], firstId: number): string {
  const anchors = specs
    .map((spec, index) => {
      const [fromCol, fromRow] = spec.anchor.from;
      const [toCol, toRow] = spec.anchor.to;
      return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + index}" name="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors}</xdr:wsDr>`;
}
