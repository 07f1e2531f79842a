import type { Dataset, FiguresFile, IssueCode, Scheme } from "@chiso/core";
import type { ImportProblem } from "./messages.js";
import type { ColumnKey } from "./columns.js";
import type { JsonPath } from "./json-scan.js";
import type { CompanionPlaces } from "./companion-sheets.js";

export type Params = Readonly<Record<string, string | number>>;

/** One problem, located as precisely as the file allows. */
export interface ImportIssue {
  readonly code: ImportProblem | IssueCode;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  /** For JSON (and text errors): the line of the file, as an editor numbers it. */
  readonly line?: number;
  readonly column?: string;
  readonly header?: string;
  readonly unit?: string;
  /** For JSON input: the path in the document (`figures[3].items.ON_TIME`). */
  readonly path?: string;
  readonly params: Params;
  /** Found by the core's validation (its message catalogue), not while reading cells. */
  readonly core?: true;
  /** A problem of a SIPAS survey or PAR assessment (its sheet's row, or its entry). */
  readonly companion?: "sipas" | "par";
}

/** Where an input row (or entry) is, and whose: what the rejected-rows file and the documents name. */
export interface RowPlace {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly line?: number;
  readonly path?: string;
  readonly unit: string;
  readonly period: string;
}

/** What became of each data row: scored, or rejected with its reasons. Every row is accounted for. */
export interface RowOutcome extends RowPlace {
  readonly status: "accepted" | "rejected";
  readonly reasons: readonly ImportIssue[];
  /** The row's cells as read, for the rejected-rows file (text, never formulas). */
  readonly cells: readonly string[];
}

/**
 * A SIPAS survey or PAR assessment rejected (with --skip-invalid, left out of the scoring): a whole
 * unit's entry the core refused (located at the first problem), or one row of its sheet that could not be read.
 */
export interface CompanionOutcome extends RowPlace {
  readonly kind: "sipas" | "par";
  /** `entry`: the unit's whole survey or assessment for the period is left out; `row`: only this row of it. */
  readonly scope: "entry" | "row";
  readonly reasons: readonly ImportIssue[];
}

export interface ImportResult {
  /** The file's name; for several files, their names joined with ", ". */
  readonly fileName: string;
  /**
   * SHA-256 of the file's bytes (what `sha256sum` prints); for several files, the SHA-256 of their
   * `sha256sum` lines sorted by name.
   */
  readonly checksum: string;
  /** Each file read, with its own SHA-256. */
  readonly files: readonly { readonly name: string; readonly checksum: string }[];
  /** The scheme the figures were validated with (the file's declared one, when no scheme was given). */
  readonly scheme: Scheme;
  /** The scheme id the file declares (JSON `"scheme"`), if any. */
  readonly declaredScheme?: string;
  /** The validated dataset; `null` when the file has errors and invalid rows are not skipped. */
  readonly dataset: Dataset | null;
  /**
   * The accepted part of the file as a `chiso.figures/1` document — the units kept and the accepted
   * rows — to merge with other files or keep in a store; `null` when nothing was accepted.
   */
  readonly document: FiguresFile | null;
  /** Where each of `document.figures` comes from, readable ("so-lieu.xlsx › Số liệu › dòng 12"). */
  readonly sources: readonly string[];
  readonly issues: readonly ImportIssue[];
  readonly rows: readonly RowOutcome[];
  /** The SIPAS surveys and PAR assessments (or rows of them) rejected, with their reasons. */
  readonly companionRows: readonly CompanionOutcome[];
  /** The header of the figures table as read (for the rejected-rows file). */
  readonly headers: readonly string[];
}

/** Where a unit or figure row came from in the file. */
export interface Origin {
  /** The file, when several are read together. */
  readonly file?: string;
  /** Its position in its own file's list (JSON), when several files are merged. */
  readonly index?: number;
  /** For JSON: the line a path of its own file starts on. */
  readonly lineOf?: (path: JsonPath) => number | undefined;
  readonly sheet?: string;
  readonly row?: number;
  readonly line?: number;
  readonly path?: string;
  readonly columns: ReadonlyMap<ColumnKey, { letter: string; header: string }>;
  /** The row's cells as read; turned into text only for rows that are rejected. */
  readonly raw: readonly unknown[];
  /** A survey or PAR assessment read from a sheet: the cell each of its parts came from. */
  readonly places?: CompanionPlaces;
}

/** Where a unit is declared (its row, or its entry in a JSON file). */
export interface UnitPlace {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly line?: number;
  readonly path?: string;
}

/** A file as read, before the core validates it. */
export interface ReadResult {
  readonly document: FiguresFile;
  /** Problems of the file as a whole (headers, sheets, encodings). */
  readonly issues: ImportIssue[];
  readonly unitOrigins: readonly Origin[];
  readonly figureOrigins: readonly Origin[];
  /** Problems of each figure row found while reading its cells (aligned with `document.figures`). */
  readonly rowIssues: readonly ImportIssue[][];
  /** Problems of each unit (aligned with `document.units`): such a unit and its rows are rejected. */
  readonly unitIssues: readonly ImportIssue[][];
  /** Problems of SIPAS and PAR rows of a workbook: each rejects its row, not the file. */
  readonly companionIssues?: readonly ImportIssue[];
  /** Where each survey and PAR assessment comes from, when several files are merged. */
  readonly companionOrigins?: { readonly surveys: readonly Origin[]; readonly par: readonly Origin[] };
  readonly headers: readonly string[];
  /**
   * Units whose own row was refused (a bad level, a cell too long), by id, with where that row is: their rows,
   * surveys and children are rejected with them, each saying it follows from that row.
   */
  readonly refusedUnits?: ReadonlyMap<string, UnitPlace>;
  /** The problems of those refused unit rows: each refuses its row, never the file (the rest is still checked). */
  readonly unitRowIssues?: readonly ImportIssue[];
  readonly declaredScheme?: string;
  /** For JSON: the line a path starts on. */
  readonly lineOf?: (path: JsonPath) => number | undefined;
}
