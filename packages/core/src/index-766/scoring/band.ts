import type { Points } from "../../kernel/arithmetic/points.js";
import type { Scheme, SchemeBand } from "../scheme/compile.js";

/** The grade band a rounded total falls in, or `null` when there is no total or no band fits. */
export function bandFor(scheme: Scheme, total: Points | null): SchemeBand | null {
  if (total === null) return null;
  for (const band of scheme.bands) if (total.units >= band.minUnits) return band;
  return null;
}
