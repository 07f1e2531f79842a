import { formatNumber as formatPlainNumber, type Language } from "@chiso/core";

/**
 * The one way numbers are written in messages is the core's `formatNumber` ("9.987.700", "28,6" in
 * Vietnamese; "9,987,700", "28.6" in English; decimal text regrouped as written, never through a float).
 * This adds only `decimals`: a float rounded to that many places first (a duration to a tenth).
 */
export function formatNumber(value: number | string, language: Language, options: { readonly decimals?: number } = {}): string {
  return formatPlainNumber(typeof value === "number" && options.decimals !== undefined ? value.toFixed(options.decimals) : value, language);
}

/** A size as people read it: "28,6 MB" (vi), "28.6 MB" (en), "980 KB"; whole megabytes without ",0". */
export function formatSize(bytes: number, language: Language): string {
  if (bytes < 2 ** 20) return `${formatNumber(Math.ceil(bytes / 1024), language)} KB`;
  return `${formatNumber((bytes / 2 ** 20).toFixed(1).replace(/\.0$/, ""), language)} MB`;
}

/** A duration in seconds, to a tenth: "4,7 s" (vi), "4.7 s" (en). */
export function formatSeconds(seconds: number, language: Language): string {
  return `${formatNumber(seconds, language, { decimals: 1 })} s`;
}

/** A noun after a count, in each language: Vietnamese has no plural; English has one and many. */
export interface CountedNoun {
  readonly vi: string;
  /** The singular, and the plural when it is not the singular with "s". */
  readonly en: string | readonly [one: string, many: string];
}

/** A count with its noun: "3 đơn vị"; "1 unit", "3 units", "1,204 rows". */
export function formatCount(count: number, noun: CountedNoun, language: Language): string {
  if (language === "vi") return `${formatNumber(count, language)} ${noun.vi}`;
  const [one, many] = typeof noun.en === "string" ? [noun.en, `${noun.en}s`] : noun.en;
  return `${formatNumber(count, language)} ${count === 1 ? one : many}`;
}
