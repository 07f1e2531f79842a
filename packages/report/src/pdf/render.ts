import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { disableFontCache, enableFontCache, ensureFonts } from "./fonts.js";

export interface RenderOptions {
  /**
   * Share parsed fonts and shaped words across documents (default true; about 1.5× faster). The
   * setting is process-wide: do not mix both settings in concurrent renders.
   */
  readonly fontCache?: boolean;
}

/**
 * Every string NFC: decomposed Vietnamese (common when pasted from Excel or macOS) lays out with
 * detached accents and extracts as different text.
 */
function toNfc<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNfc(inner)])) as T;
  }
  return value;
}

/** Renders a document definition to PDF bytes. Deterministic when the definition fixes `info` dates. */
export async function renderPdf(definition: TDocumentDefinitions, options: RenderOptions = {}): Promise<Buffer> {
  ensureFonts();
  if (options.fontCache === false) disableFontCache();
  else enableFontCache();
  return pdfmake.createPdf(toNfc(definition)).getBuffer();
}
