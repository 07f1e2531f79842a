import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built viewer: `dist/web` of the installed CLI package (the CLI's build copies apps/web/dist
 * there), or apps/web/dist when running from the repository's sources. Code-split chunks may sit at
 * different depths of dist/, so look upwards.
 */
export function findWebRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from, depth = 0; depth < 6; dir = dirname(dir), depth += 1) {
    for (const candidate of [join(dir, "web"), join(dir, "dist", "web"), join(dir, "..", "web", "dist")]) {
      if (existsSync(join(candidate, "index.html"))) return candidate;
    }
  }
  return null;
}
