import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);

/** The four faces of the official documents' font. */
export type Face = "regular" | "bold" | "italic" | "boldItalic";
export const FACES: readonly Face[] = ["regular", "bold", "italic", "boldItalic"];

/**
 * Tinos (Apache-2.0/OFL-1.1, npm `@expo-google-fonts/tinos`): metric-compatible with Times New Roman —
 * the font of Vietnamese administrative documents — with every Vietnamese letter. A page laid out here
 * breaks lines where Word with Times New Roman does.
 */
export const FONT_NAME = "Tinos";

/** The font files of the faces. */
export function fontFiles(): Record<Face, string> {
  const root = dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
  return {
    regular: join(root, "400Regular/Tinos_400Regular.ttf"),
    bold: join(root, "700Bold/Tinos_700Bold.ttf"),
    italic: join(root, "400Regular_Italic/Tinos_400Regular_Italic.ttf"),
    boldItalic: join(root, "700Bold_Italic/Tinos_700Bold_Italic.ttf"),
  };
}

/**
 * The characters every document may print: ASCII, the Vietnamese alphabet in both cases, and the
 * punctuation and symbols of the reports. Their glyphs form one fixed subset per face.
 */
export const REPERTOIRE: string = (() => {
  const ascii = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join("");
  const vietnamese = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư";
  const extended = Array.from({ length: 0x1ef9 - 0x1ea0 + 1 }, (_, index) => String.fromCharCode(0x1ea0 + index)).join("");
  const symbols = "\u00a0“”‘’–—−·…•→←↑↓×≤≥°§%‰€₫²³½¼¾±÷√∞≈≠ÄÖÜäöüßçÇñÑ";
  return ascii + vietnamese + extended + symbols;
})();

interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}
interface FontkitFont {
  readonly unitsPerEm: number;
  layout(text: string): { glyphs: FontkitGlyph[] };
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array; glyphs: number[] };
}

/**
 * Lays text out glyph by glyph from the font's character map, with each glyph's own advance: no
 * kerning and no ligatures, as Word sets Times New Roman by default — so lines break where they do in
 * the Word versions — and without parsing the font's large shaping tables in every process (about
 * 0.2 s a face). Vietnamese needs no shaping once text is NFC: every letter has its own glyph.
 */
function cmapLayout(font: FontkitFont, text: string) {
  const glyphs: FontkitGlyph[] = [];
  const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
  for (const char of text) {
    const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
    glyphs.push(glyph);
    positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
  }
  // pdfkit scales the positions after this returns and reads the width later: sum them once, then.
  let width: number | null = null;
  return {
    glyphs,
    positions,
    get advanceWidth() {
      width ??= positions.reduce((sum, position) => sum + position.xAdvance, 0);
      return width;
    },
  };
}

/** A face parsed once per process, with its fixed subset encoded and compressed once. */
interface SharedFace {
  readonly font: FontkitFont;
  readonly glyphIds: readonly number[];
  readonly widths: readonly number[];
  readonly codePoints: readonly (readonly number[])[];
  /** The subset's TrueType bytes, deflated, and their length before. */
  readonly fontFile: Buffer;
  readonly fontFileLength: number;
  readonly toUnicode: Buffer;
  readonly layoutCache: Record<string, unknown>;
}

type EmbeddedFontInstance = {
  document: PDFKit.PDFDocument & { ref(data?: object): PdfRef; _fontCount: number; _fontFamilies: Record<string, unknown> };
  font: FontkitFont;
  id: string;
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: (readonly number[])[];
  layoutCache?: Record<string, unknown>;
  scale: number;
  ascender: number;
  descender: number;
  dictionary: PdfRef;
  embed(): void;
};
type PdfRef = { data: Record<string, unknown>; end(chunk?: Uint8Array | string): void; write(chunk: Uint8Array): void };
type EmbeddedFontClass = new (document: unknown, font: FontkitFont, id: string) => EmbeddedFontInstance;

let embeddedFontClass: EmbeddedFontClass | null = null;
const faces = new Map<Face, SharedFace>();
/** Documents whose text needed a glyph outside the fixed subset (they embed their own subset). */
let overflows = 0;

function toHex(value: number): string {
  return `0000${value.toString(16)}`.slice(-4);
}

/** The ToUnicode CMap of the fixed subset, so copied text is the text printed (as pdfkit writes it). */
function toUnicodeCmap(codePoints: readonly (readonly number[])[]): string {
  const entries = [[0] as readonly number[], ...codePoints].map((points) => {
    const encoded: string[] = [];
    for (let value of points) {
      if (value > 0xffff) {
        value -= 0x10000;
        encoded.push(toHex(((value >>> 10) & 0x3ff) | 0xd800));
        value = 0xdc00 | (value & 0x3ff);
      }
      encoded.push(toHex(value));
    }
    return `<${encoded.join(" ")}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${toHex(start)}> <${toHex(end - 1)}> [${entries.slice(start, end).join(" ")}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join("\n")}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
}

/**
 * Parses the faces and builds their fixed subsets, once per process (a render worker does it while
 * the main thread scores). pdfkit's own EmbeddedFont class is taken from a throwaway document, so the
 * fonts of every later document are pdfkit's, only sharing what does not change between documents.
 */
export function loadFonts(): void {
  if (embeddedFontClass) return;
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as { font(src: Buffer): void; _font: EmbeddedFontInstance };
  const files = fontFiles();
  for (const face of FACES) {
    probe.font(readFileSync(files[face]));
    const font = probe._font.font;
    font.layout = (text: string) => cmapLayout(font, text);
    embeddedFontClass ??= probe._font.constructor as EmbeddedFontClass;
    const scale = 1000 / font.unitsPerEm;
    const glyphs = new Map<number, FontkitGlyph>();
    for (const char of REPERTOIRE) {
      const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
      if (glyph.id !== 0) glyphs.set(glyph.id, glyph);
    }
    const ordered = [...glyphs.values()].sort((a, b) => a.id - b.id);
    const subset = font.createSubset();
    for (const glyph of ordered) subset.includeGlyph(glyph.id);
    const raw = subset.encode();
    const codePoints = ordered.map((glyph) => glyph.codePoints);
    faces.set(face, {
      font,
      glyphIds: ordered.map((glyph) => glyph.id),
      widths: ordered.map((glyph) => glyph.advanceWidth * scale),
      codePoints,
      fontFile: deflateSync(raw),
      fontFileLength: raw.length,
      toUnicode: deflateSync(Buffer.from(toUnicodeCmap(codePoints), "binary")),
      layoutCache: Object.create(null) as Record<string, unknown>,
    });
  }
}

/** Whether a face has a real glyph for every character of a text (no missing-glyph boxes). */
export function hasGlyphs(face: Face, text: string): { ok: boolean; missing: string[] } {
  loadFonts();
  const font = faces.get(face)!.font;
  const missing = [...new Set(text.normalize("NFC"))].filter((char) => !/\s/u.test(char) && font.glyphForCodePoint(char.codePointAt(0)!).id === 0);
  return { ok: missing.length === 0, missing };
}

/** How many documents so far needed a glyph outside the fixed subsets (0 for the demo pack; tested). */
export function fontOverflows(): number {
  return overflows;
}

/**
 * The fixed subset's font objects, written with the bytes encoded once (pdfkit's own `embed`,
 * minus encoding and compressing the font program and its ToUnicode map for every document).
 */
function embedShared(this: EmbeddedFontInstance, shared: SharedFace): void {
  if (this.subset.glyphs.length !== shared.glyphIds.length + 1) {
    overflows += 1;
    Object.getPrototypeOf(this).embed.call(this);
    return;
  }
  const doc = this.document;
  const fontFile = doc.ref({ Filter: "FlateDecode", Length1: shared.fontFileLength });
  fontFile.end(shared.fontFile);
  const font = this.font as FontkitFont & { postscriptName: string; bbox: { minX: number; minY: number; maxX: number; maxY: number }; italicAngle: number; capHeight: number; ascent: number; xHeight: number; head: { macStyle: { italic: boolean } }; post: { isFixedPitch: boolean }; "OS/2"?: { sFamilyClass: number } };
  const familyClass = ((font["OS/2"]?.sFamilyClass ?? 0) >> 8) as number;
  let flags = 0;
  if (font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head.macStyle.italic) flags |= 1 << 6;
  const tag = [1, 2, 3, 4, 5, 6].map((index) => String.fromCharCode((this.id.charCodeAt(index) || 73) + 17)).join("");
  const name = `${tag}+${font.postscriptName.replaceAll(" ", "_")}`;
  const { bbox } = font;
  const descriptor = doc.ref({
    Type: "FontDescriptor",
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * this.scale, bbox.minY * this.scale, bbox.maxX * this.scale, bbox.maxY * this.scale],
    ItalicAngle: font.italicAngle,
    Ascent: this.ascender,
    Descent: this.descender,
    CapHeight: (font.capHeight || font.ascent) * this.scale,
    XHeight: (font.xHeight || 0) * this.scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end();
  const descendant = doc.ref({
    Type: "Font",
    Subtype: "CIDFontType2",
    BaseFont: name,
    CIDSystemInfo: { Registry: new String("Adobe"), Ordering: new String("Identity"), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, this.widths],
    CIDToGIDMap: "Identity",
  });
  descendant.end();
  const toUnicode = doc.ref({ Filter: "FlateDecode" });
  toUnicode.end(shared.toUnicode);
  this.dictionary.data = { Type: "Font", Subtype: "Type0", BaseFont: name, Encoding: "Identity-H", DescendantFonts: [descendant], ToUnicode: toUnicode };
  this.dictionary.end();
}

/**
 * Registers the four faces on a new document under their names ("regular", "bold"…): each is
 * pdfkit's EmbeddedFont over the font parsed once, its subset pre-filled with the fixed glyphs (so
 * glyph numbers are the same in every document) and its shaped-word cache shared.
 */
export function attachFonts(doc: PDFKit.PDFDocument): void {
  loadFonts();
  const target = doc as unknown as EmbeddedFontInstance["document"];
  for (const face of FACES) {
    const shared = faces.get(face)!;
    const font = new embeddedFontClass!(doc, shared.font, `F${++target._fontCount}`);
    font.layoutCache = shared.layoutCache;
    shared.glyphIds.forEach((glyphId, index) => {
      const gid = font.subset.includeGlyph(glyphId);
      font.widths[gid] = shared.widths[index]!;
      font.unicode[gid] = shared.codePoints[index]!;
    });
    font.embed = function embed(this: EmbeddedFontInstance) {
      embedShared.call(this, shared);
    };
    target._fontFamilies[face] = font;
  }
}
