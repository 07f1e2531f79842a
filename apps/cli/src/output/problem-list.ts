import type { Language } from "@chiso/core";
import { formatCount } from "@chiso/io";

/** Problems printed at most, so the first ones stay on the screen; the rest are counted (`chiso validate` lists all). */
export const SHOWN_PROBLEMS = 50;

/**
 * A refusal with every problem of a file: the header, then one line each — at most {@link SHOWN_PROBLEMS}, and
 * "… và 12 lỗi khác" for the rest, with where to see them all (`rest`), so the office can fix the file in one go.
 */
export function problemList(header: string, lines: readonly string[], language: Language, rest?: string): string {
  const shown = lines.slice(0, SHOWN_PROBLEMS).map((line) => `  - ${line}`);
  const hidden = lines.length - shown.length;
  if (hidden > 0) {
    const count = formatCount(hidden, { vi: "dòng", en: "more line" }, language);
    shown.push(language === "vi" ? `  … và ${count} nữa${rest ? `; ${rest}` : ""}.` : `  … and ${count}${rest ? `; ${rest}` : ""}.`);
  }
  return [header, ...shown].join("\n");
}
