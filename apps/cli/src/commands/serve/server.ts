import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hasFiguresFor, parsePeriod, type Language } from "@chiso/core";
// The first screen is computed by the viewer's own code (bundled into the CLI at build time).
import { firstScreen } from "@chiso/web/first-screen";
import type { ServedPayload } from "@chiso/web/payload";
import type { ServedData } from "./data-source.js";
import { createDownloads, type DownloadKind } from "./downloads.js";
import { resolveStatic } from "./static-files.js";

/** Only this origin may load anything: no external fonts, scripts, styles, images or connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/** Data and documents change with the input: never cached. Hashed build assets may be. */
const NO_STORE = { "Cache-Control": "no-store" };

/** Whether a host name or address is this machine's loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare) || bare === "::ffff:127.0.0.1";
}

export interface ServerOptions {
  readonly data: ServedData;
  /** The built viewer (index.html and assets/). */
  readonly root: string;
  readonly host: string;
  /** 0: a free port. */
  readonly port: number;
  readonly language: Language;
  /** Called with an unexpected error while answering a request (the request gets a 500). */
  readonly onError?: (error: unknown) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, ends open ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string | number> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", ...headers });
  response.end(body);
}

/** The server's own refusals (not the downloads'): said in the viewer's language first, then in the other. */
const REFUSALS = {
  400: { vi: "Yêu cầu không hợp lệ: đường dẫn phải bắt đầu bằng /.", en: "Bad request: the path must start with /." },
  404: { vi: "Không có trang hoặc tệp này trong trình xem chiso.", en: "Not found: the chiso viewer has no such page or file." },
  405: { vi: "Trình xem chỉ nhận yêu cầu GET hoặc HEAD.", en: "Method not allowed: the viewer answers only GET and HEAD." },
  421: { vi: "Trình xem chỉ trả lời yêu cầu gửi tới máy này (localhost, 127.0.0.1).", en: "Misdirected request: the viewer answers only requests addressed to this machine (localhost, 127.0.0.1)." },
  500: { vi: "Lỗi không lường trước trong trình xem; xem thông báo ở cửa sổ lệnh chạy chiso serve.", en: "Internal error in the viewer; see the message in the terminal running chiso serve." },
} as const;

/** A text in both languages, the given one first: for a reader whose language the server cannot know. */
export function bilingual(language: Language, text: { readonly vi: string; readonly en: string }): string {
  return language === "vi" ? `${text.vi}\n${text.en}` : `${text.en}\n${text.vi}`;
}

/** The payload the viewer starts from: the validated figures document, the scheme and where they came from. */
function dataPayload(data: ServedData, language: Language): ServedPayload {
  return {
    format: "chiso.serve/1",
    language,
    meta: data.meta,
    scheme: data.scheme,
    document: data.document,
    ...(data.evidence && { evidence: data.evidence }),
    ...(data.published && { published: data.published }),
    ...(data.rejected && { rejected: data.rejected }),
  };
}

/**
 * Starts the viewer's server. On a loopback address, requests must also name a loopback host, so a
 * web page elsewhere cannot reach it through DNS rebinding.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const served = dataPayload(options.data, options.language);
  // Encoded once: the figures are megabytes, and the page asks for them while it is busy with the first screen.
  const payload = Buffer.from(JSON.stringify(served));
  // The opening period's overview, scored here from the dataset already validated: the browser draws it at
  // once, and parses and scores the figures itself (/api/data) for everything after.
  const first = JSON.stringify(firstScreen(served, options.data.dataset));
  const download = createDownloads(options.data);
  const loopbackOnly = isLoopback(options.host);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refuse = (status: keyof typeof REFUSALS, headers: Record<string, string> = {}) => send(response, status, bilingual(options.language, REFUSALS[status]), headers);
    if (request.method !== "GET" && request.method !== "HEAD") return refuse(405, { Allow: "GET, HEAD" });
    const hostHeader = (request.headers.host ?? "").replace(/:\d+$/, "");
    if (loopbackOnly && !isLoopback(hostHeader)) return refuse(421);
    const target = request.url ?? "/";
    if (!target.startsWith("/")) return refuse(400);
    const url = new URL(target, "http://viewer.invalid");
    if (url.pathname === "/api/data") return send(response, 200, payload, { "Content-Type": "application/json; charset=utf-8" });
    if (url.pathname === "/api/first") return send(response, 200, first, { "Content-Type": "application/json; charset=utf-8" });
    if (url.pathname.startsWith("/api/download/")) return sendDownload(url, response);
    // The raw path, not URL's normalised one: "/a/../b" must be refused, not quietly resolved.
    const rawPath = target.split(/[?#]/)[0]!;
    const file = await resolveStatic(options.root, rawPath);
    if (!file) return refuse(404);
    const immutable = rawPath.startsWith("/assets/");
    response.writeHead(200, { ...SECURITY_HEADERS, ...(immutable ? { "Cache-Control": "public, max-age=31536000, immutable" } : NO_STORE), "Content-Type": file.type, "Content-Length": file.size });
    if (request.method === "HEAD") return void response.end();
    createReadStream(file.path).on("error", () => response.destroy()).pipe(response);
  };

  const sendDownload = async (url: URL, response: ServerResponse): Promise<void> => {
    const kind = url.pathname.slice("/api/download/".length) as DownloadKind;
    const period = url.searchParams.get("period") ?? options.data.meta.period;
    const asked = url.searchParams.get("lang");
    // An unknown language is refused, not quietly replaced: in both languages, since the asker's is unknown.
    if (asked !== null && asked !== "vi" && asked !== "en") {
      const shown = asked.slice(0, 20);
      return send(response, 400, bilingual(options.language, { vi: `Ngôn ngữ "${shown}" không có; hãy dùng lang=vi (tiếng Việt) hoặc lang=en (tiếng Anh).`, en: `Unknown language "${shown}"; use lang=vi (Vietnamese) or lang=en (English).` }));
    }
    const language: Language = asked ?? options.language;
    const parsed = parsePeriod(period);
    // The officer may see these texts (a download link opened by hand): in the viewer's language.
    const refuse = (status: number, vi: string, en: string) => send(response, status, language === "vi" ? vi : en);
    if (!["card", "summary", "workbook", "rejected"].includes(kind)) return refuse(404, "Không có loại tệp tải về này (card, summary, workbook, rejected).", "No such download (card, summary, workbook, rejected).");
    if (!parsed) return refuse(400, `Kỳ "${period}" không hợp lệ; hãy viết 2026-10 (tháng), 2026-Q3 (quý) hoặc 2026 (năm).`, `"${period}" is not a period; write 2026-10 (month), 2026-Q3 (quarter) or 2026 (year).`);
    if (!hasFiguresFor(options.data.dataset, parsed)) return refuse(404, `Không có số liệu cho kỳ ${period}.`, `No figures for ${period}.`);
    const unit = url.searchParams.get("unit") ?? undefined;
    const file = await download({ kind, period, language, ...(unit !== undefined && { unit }) });
    if (!file && kind === "rejected") return refuse(404, "Không có dòng số liệu nào bị từ chối.", "No input rows were rejected.");
    if (!file) return refuse(404, `Không có đơn vị "${unit ?? ""}" trong số liệu.`, `No unit "${unit ?? ""}" in the figures.`);
    // RFC 6266: an ASCII fallback and the UTF-8 name.
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    send(response, 200, file.bytes, { "Content-Type": file.type, "Content-Length": file.bytes.byteLength, "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}` });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) send(response, 500, bilingual(options.language, REFUSALS[500]));
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
