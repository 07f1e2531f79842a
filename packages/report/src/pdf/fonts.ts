import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";

const require = createRequire(import.meta.url);

/** The family every chiso PDF uses: Be Vietnam Pro (OFL-1.1), designed for Vietnamese. */
export const FONT_FAMILY = "BeVietnamPro";

function fontFiles(): Record<"normal" | "bold" | "italics" | "bolditalics", string> {
  const root = dirname(require.resolve("@expo-google-fonts/be-vietnam-pro/package.json"));
  return {
    normal: join(root, "400Regular/BeVietnamPro_400Regular.ttf"),
    bold: join(root, "700Bold/BeVietnamPro_700Bold.ttf"),
    italics: join(root, "400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf"),
    bolditalics: join(root, "700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf"),
  };
}

interface EmbeddedFontLike {
  font?: { createSubset(): unknown };
  subset?: unknown;
  layoutCache?: object;
  __chisoShared?: boolean;
}

let registered = false;
let cacheInstalled = false;
/** Whether the installed wrapper shares fonts; off, pdfkit behaves exactly as published. */
let cacheActive = true;

/**
 * Registers the fonts with pdfmake (lazily, not at import) and blocks remote and unexpected local
 * file access from document definitions.
 */
export function ensureFonts(): void {
  if (registered) return;
  const files = fontFiles();
  const fontRoot = dirname(files.normal).replace(/[^/\\]+$/, "");
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(fontRoot));
  pdfmake.setFonts({ [FONT_FAMILY]: files });
  registered = true;
}

/**
 * Shares each parsed font across documents. pdfmake 0.3 builds a new pdfkit document per PDF and
 * pdfkit re-parses every font file for each one — more than half the time of a one-page scorecard.
 * fontkit's exports cannot be patched, so this wraps `font()` on the pdfkit that pdfmake itself uses:
 * after pdfkit creates its per-document embedded font, the parsed font is swapped for the one parsed
 * first, with a fresh subset (subsetting and embedding stay per document). pdfkit's per-font cache of
 * shaped words (glyphs and positions, independent of the subset) is shared too: the same labels and
 * item names recur in every scorecard. A test checks that cached output is byte-identical to uncached.
 */
export function enableFontCache(): void {
  cacheActive = true;
  if (cacheInstalled) return;
  const pdfkit = createRequire(require.resolve("pdfmake"))("pdfkit") as { prototype: Record<string, unknown> };
  const original = pdfkit.prototype.font as (this: { _font?: EmbeddedFontLike }, src: unknown, ...rest: unknown[]) => unknown;
  const shared = new Map<string, NonNullable<EmbeddedFontLike["font"]>>();
  const layoutCaches = new Map<string, object | undefined>();
  pdfkit.prototype.font = function font(this: { _font?: EmbeddedFontLike }, src: unknown, ...rest: unknown[]) {
    const before = this._font;
    const result = original.call(this, src, ...rest);
    const embedded = this._font;
    if (cacheActive && typeof src === "string" && embedded && embedded !== before && embedded.font && embedded.subset && !embedded.__chisoShared) {
      const parsed = shared.get(src);
      if (parsed) {
        embedded.font = parsed;
        embedded.subset = parsed.createSubset();
        const layoutCache = layoutCaches.get(src);
        if (layoutCache && embedded.layoutCache) embedded.layoutCache = layoutCache;
      } else {
        shared.set(src, embedded.font);
        layoutCaches.set(src, embedded.layoutCache);
      }
      embedded.__chisoShared = true;
    }
    return result;
  };
  cacheInstalled = true;
}

/** Makes pdfkit parse fonts per document again, as published (for comparisons and benchmarks). */
export function disableFontCache(): void {
  cacheActive = false;
}
