import { attributes, escapeXml } from "./xml.js";

/** Colours are ARGB hex, e.g. "FF1F4E79". */
export interface Font {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly name?: string;
}

export interface Alignment {
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrapText?: boolean;
}

/** A cell's look. `fill` is a solid background colour. */
export interface CellStyle {
  readonly font?: Font;
  readonly fill?: string;
  readonly alignment?: Alignment;
  readonly numFmt?: string;
}

/** What a conditional format changes. */
export interface DifferentialStyle {
  readonly font?: Font;
  readonly fill?: string;
}

/** Combines two styles, the second's fields winning (fonts and alignments merged field by field). */
export function mergeStyles(base: CellStyle | undefined, over: CellStyle | undefined): CellStyle | undefined {
  if (!base) return over;
  if (!over) return base;
  return {
    ...base,
    ...over,
    ...((base.font || over.font) && { font: { ...base.font, ...over.font } }),
    ...((base.alignment || over.alignment) && { alignment: { ...base.alignment, ...over.alignment } }),
  };
}

/** Excel's built-in number formats that chiso uses; others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
const DEFAULT_FONT: Font = { size: 11, name: "Calibri" };

function fontXml(font: Font): string {
  return `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}<sz val="${font.size ?? 11}"/>${font.color ? `<color rgb="${escapeXml(font.color)}"/>` : ""}<name val="${escapeXml(font.name ?? "Calibri")}"/><family val="2"/></font>`;
}

function alignmentXml(alignment: Alignment): string {
  const vertical = alignment.vertical === "middle" ? "center" : alignment.vertical;
  return `<alignment${attributes({ horizontal: alignment.horizontal, vertical, wrapText: alignment.wrapText })}/>`;
}

/**
 * The workbook's style table: each distinct cell style gets one index (`cellXfs`), each distinct
 * conditional-format style one `dxf`; fonts, fills and number formats are shared.
 */
export class StyleRegistry {
  private readonly fonts = new Map<string, number>([[fontXml(DEFAULT_FONT), 0]]);
  private readonly fills = new Map<string, number>([['<fill><patternFill patternType="none"/></fill>', 0], ['<fill><patternFill patternType="gray125"/></fill>', 1]]);
  private readonly formats = new Map<string, number>();
  private readonly cellFormats = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);
  private readonly byStyle = new Map<CellStyle, number>();
  private readonly differential = new Map<string, number>();

  /** The index of a cell style (0 for none). The same object is looked up once. */
  cellStyle(style: CellStyle | undefined): number {
    if (!style) return 0;
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const font = style.font ? this.index(this.fonts, fontXml({ ...DEFAULT_FONT, ...style.font })) : 0;
    const fill = style.fill ? this.index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const format = style.numFmt ? this.formatId(style.numFmt) : 0;
    const applied = attributes({ applyNumberFormat: format > 0, applyFont: font > 0, applyFill: fill > 0, applyAlignment: style.alignment !== undefined });
    const xf = `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied}${style.alignment ? `>${alignmentXml(style.alignment)}</xf>` : "/>"}`;
    const index = this.index(this.cellFormats, xf);
    this.byStyle.set(style, index);
    return index;
  }

  /** The index of a conditional format's style. */
  differentialStyle(style: DifferentialStyle): number {
    const font = style.font ? `<font>${style.font.bold ? "<b/>" : ""}${style.font.italic ? "<i/>" : ""}${style.font.color ? `<color rgb="${escapeXml(style.font.color)}"/>` : ""}</font>` : "";
    const fill = style.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${escapeXml(style.fill)}"/></patternFill></fill>` : "";
    return this.index(this.differential, `<dxf>${font}${fill}</dxf>`);
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  private index(table: Map<string, number>, xml: string): number {
    const known = table.get(xml);
    if (known !== undefined) return known;
    table.set(xml, table.size);
    return table.size - 1;
  }

  /** `xl/styles.xml`. */
  toXml(): string {
    const list = (tag: string, table: Map<string, number>) => `<${tag} count="${table.size}">${[...table.keys()].join("")}</${tag}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("");
    return (
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.cellFormats) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.differential) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
