import { describeIssue, type Language } from "./messages.js";

/** A path into the input, readable by a person: `figures[12].items.ON_TIME.numerator`. */
export type IssuePath = readonly (string | number)[];

/** Every problem chiso can report about a scheme or an input, as a closed set of codes. */
export type IssueCode =
  | "invalid_type"
  | "invalid_value"
  | "required"
  | "unrecognized_key"
  | "not_integer"
  | "negative"
  | "too_small"
  | "too_large"
  | "numerator_above_denominator"
  | "unknown_item"
  | "unknown_block"
  | "unknown_format"
  | "sum_too_large"
  | "unknown_unit"
  | "duplicate_unit"
  | "duplicate_unit_period"
  | "missing_parent"
  | "parent_level"
  | "control_character"
  | "parent_cycle"
  | "invalid_period"
  | "invalid_date"
  | "scheme_duplicate_code"
  | "scheme_unknown_group"
  | "scheme_unknown_block"
  | "scheme_group_sum"
  | "scheme_block_sum"
  | "scheme_transfer_target"
  | "scheme_band_order";

/** One problem, with where it is and the values a message needs. */
export interface Issue {
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Why an operation failed, as a closed set (the shape of tRPC's `TRPCError`). */
export type ChisoErrorCode = "INVALID_SCHEME" | "INVALID_INPUT" | "UNKNOWN_SCHEME" | "INVALID_PERIOD" | "INVALID_OPTIONS";

/**
 * The one error class chiso throws. `issues` lists every problem found in one pass, so a user
 * can fix a whole file at once.
 */
export class ChisoError extends Error {
  override readonly name = "ChisoError";
  readonly code: ChisoErrorCode;
  readonly issues: readonly Issue[];

  constructor(code: ChisoErrorCode, issues: readonly Issue[], options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? summarize(code, issues), { cause: options?.cause });
    this.code = code;
    this.issues = issues;
  }

  /** Every issue as a line `path: message` in the requested language. */
  describe(language: Language = "vi"): string[] {
    return this.issues.map((issue) => formatIssue(issue, language));
  }
}

/** A result that is either a value or the issues that prevented it (pairs with a throwing `parseX`). */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ChisoError };

/** Writes a path the way a person reads it: `figures[3].items.ON_TIME.numerator`. */
export function formatPath(path: IssuePath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "(root)" : text;
}

/** One issue as a line: where, then what is wrong and how to fix it. */
export function formatIssue(issue: Issue, language: Language = "vi"): string {
  return `${formatPath(issue.path)}: ${describeIssue(issue, language)}`;
}

function summarize(code: ChisoErrorCode, issues: readonly Issue[]): string {
  const first = issues[0];
  const head = first ? formatIssue(first, "en") : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${code}: ${head}${more}`;
}
