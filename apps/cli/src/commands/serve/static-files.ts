import { realpath, stat } from "node:fs/promises";
import { extname, join, sep } from "node:path";

/** Content types of the files a Vite build produces. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticFile {
  readonly path: string;
  readonly type: string;
  readonly size: number;
}

/**
 * The file under `root` that a request path names, or `null`. Only the viewer's own files are served:
 * the path is decoded once and must be a plain relative path (no `..`, `.`-segments, backslashes, NUL or
 * drive letters), only known file types are served, and the file's real path — symbolic links resolved —
 * must still lie inside the real root. Anything else is a 404, never an error page that says why.
 */
export async function resolveStatic(root: string, requestPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith("/") || decoded.includes("\\") || decoded.includes("\0") || decoded.includes(":")) return null;
  const segments = decoded.slice(1).split("/");
  if (segments.some((segment) => segment === ".." || segment === "." || (segment === "" && segments.length > 1))) return null;
  const relative = segments.join("/") || "index.html";
  const type = CONTENT_TYPES[extname(relative).toLowerCase()];
  if (!type) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, relative));
    if (!real.startsWith(realRoot + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, type, size: info.size } : null;
  } catch {
    return null;
  }
}
