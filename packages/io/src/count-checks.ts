/**
 * Counts that exceed the total they are part of. The core refuses a numerator above its denominator
 * (and PAR tasks done above planned) as an error of the row; SIPAS answers to a question that add up to
 * more than the respondents stated are the same fault, and are refused the same way, located.
 */
export interface CountProblem {
  /** The survey's position in the document's `surveys`. */
  readonly index: number;
  /** The path in the document (`surveys[0].tallies.ACCESS_PLACE`), for JSON input. */
  readonly path: readonly (string | number)[];
  /** The part of the entry whose cell shows the problem in a sheet (the row's respondents). */
  readonly cell: readonly string[];
  readonly params: { readonly item: string; readonly answered: number; readonly respondents: number };
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** Each question of each survey whose answers add up to more than the survey's stated respondents. */
export function surveyCountProblems(surveys: unknown): CountProblem[] {
  if (!Array.isArray(surveys)) return [];
  return surveys.flatMap((survey: unknown, index) => {
    const { tallies, respondents } = (survey ?? {}) as { tallies?: unknown; respondents?: unknown };
    // Without a stated number the core takes the most answers any question received: nothing to contradict.
    if (!isCount(respondents) || typeof tallies !== "object" || tallies === null) return [];
    return Object.entries(tallies).flatMap(([item, counts]): CountProblem[] => {
      if (typeof counts !== "object" || counts === null) return [];
      const values = Object.values(counts);
      // Counts of the wrong type are the schema's to report; a sum is judged only on whole counts.
      if (!values.every(isCount)) return [];
      const answered = values.reduce((sum: number, value: number) => sum + value, 0);
      return answered > respondents ? [{ index, path: ["surveys", index, "tallies", item], cell: ["tallies", item, "respondents"], params: { item, answered, respondents } }] : [];
    });
  });
}
