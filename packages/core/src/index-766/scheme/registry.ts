import { ChisoError } from "../../kernel/errors.js";
import { builtinSchemeDefinitions } from "./builtin/variants.js";
import { parseScheme, type Scheme } from "./compile.js";

const cache = new Map<string, Scheme>();

/** Ids of the schemes chiso ships; `766-portal` is the default. */
export const builtinSchemeIds: readonly string[] = Object.keys(builtinSchemeDefinitions);

/** The default scheme id. */
export const DEFAULT_SCHEME_ID = "766-portal";

/**
 * A built-in scheme, validated once and cached.
 *
 * @example getScheme("766-portal-digitization-4.2-at-80").items.find((i) => i.id === "4.2")?.thresholdPercent // 80
 * @throws {ChisoError} `UNKNOWN_SCHEME` for an id chiso does not ship.
 */
export function getScheme(id: string = DEFAULT_SCHEME_ID): Scheme {
  const cached = cache.get(id);
  if (cached) return cached;
  const definition = builtinSchemeDefinitions[id];
  if (!definition) {
    throw new ChisoError("UNKNOWN_SCHEME", [
      { code: "invalid_value", path: ["scheme"], params: { allowed: builtinSchemeIds.join(", "), detail: id } },
    ]);
  }
  const scheme = parseScheme(definition);
  cache.set(id, scheme);
  return scheme;
}
