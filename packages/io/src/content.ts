import type { Language } from "@chiso/core";

/**
 * What a file is, from its first bytes rather than its name: an Excel workbook renamed to .csv, a PDF
 * or a browser's saved error page chosen by mistake, JSON in a .csv, a CSV in a .json. Readers check
 * it first, so such a file is named for what it is — never blamed on its text encoding or its header.
 */
export type ContentKind =
  | "empty"
  | "xlsx"
  | "docx"
  | "pptx"
  | "ods"
  | "odt"
  | "zip"
  | "ole"
  | "pdf"
  | "html"
  | "html_table"
  | "xml"
  | "json"
  | "csv"
  | "parquet"
  | "sqlite"
  | "image"
  | "gzip"
  | "binary"
  | "text";

/** The formats a reader takes, by what they are: each is a set of kinds. */
export type ExpectedContent = "xlsx" | "csv" | "json" | "jsonl" | "parquet" | "sqlite";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Latin-1 view of the first bytes: enough to find zip entry names and HTML tags. */
function head(bytes: Uint8Array, length: number): string {
  let text = "";
  for (let index = 0; index < Math.min(length, bytes.length); index += 1) text += String.fromCharCode(bytes[index]!);
  return text;
}

/** Text with a byte-order mark or in UTF-16 without one: left to the text decoder (it says what is wrong). */
function looksUtf16(sample: Uint8Array): boolean {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return true;
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index += 1) if (sample[index] === 0) index % 2 === 0 ? (even += 1) : (odd += 1);
  return Math.max(even, odd) >= sample.length / 4 && Math.min(even, odd) <= Math.max(even, odd) / 8;
}

/** A zip's kind, from its entries' names: in their headers at the start, and in the directory at the end. */
function zipKind(bytes: Uint8Array): ContentKind {
  const text = head(bytes, 1 << 16) + head(bytes.subarray(Math.max(0, bytes.length - (1 << 16))), 1 << 16);
  const mimetype = /^PK\x03\x04[\s\S]{26}mimetype(application\/vnd\.oasis\.opendocument\.[a-z]+)/.exec(text)?.[1];
  if (mimetype?.endsWith(".spreadsheet")) return "ods";
  if (mimetype?.endsWith(".text")) return "odt";
  if (text.includes("xl/workbook") || text.includes("xl/worksheets/") || text.includes("xl/_rels")) return "xlsx";
  if (text.includes("word/document") || text.includes("word/_rels")) return "docx";
  if (text.includes("ppt/presentation") || text.includes("ppt/slides/")) return "pptx";
  return "zip";
}

/** The first line of text, when it is split by a delimiter into two or more fields. */
function delimited(text: string): boolean {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  return [";", ",", "\t", "|"].some((delimiter) => line.split(delimiter).length >= 2);
}

/** What the bytes are (see {@link ContentKind}); `text` when nothing more can be said. */
export function contentKind(bytes: Uint8Array): ContentKind {
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) return "empty";
  if (startsWith(body, ascii("PK\x03\x04")) || startsWith(body, ascii("PK\x05\x06"))) return zipKind(body);
  if (startsWith(body, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(body, ascii("%PDF-"))) return "pdf";
  if (startsWith(body, ascii("PAR1"))) return "parquet";
  if (startsWith(body, ascii("SQLite format 3\0"))) return "sqlite";
  if (startsWith(body, [0x1f, 0x8b])) return "gzip";
  if (startsWith(body, [0x89, 0x50, 0x4e, 0x47]) || startsWith(body, [0xff, 0xd8, 0xff]) || startsWith(body, ascii("GIF8")) || startsWith(body, ascii("BM"))) return "image";
  const sample = body.subarray(0, 4096);
  if (looksUtf16(sample)) return "text";
  // A NUL, or many control characters other than tab, line breaks, form feed, escape and DOS's end-of-file mark,
  // do not occur in text — even in the older Vietnamese encodings, which the decoder reports.
  const controls = sample.filter((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b && byte !== 0x1a).length;
  if (sample.includes(0) || controls >= Math.max(1, sample.length / 20)) return "binary";
  const text = head(sample, 4096).trimStart();
  const lower = text.slice(0, 1024).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<table[\s>]/.test(lower) || (lower.startsWith("<") && lower.includes("<html"))) {
    // Many systems export their "Excel" (.xls) files as a web page holding a table.
    return head(body, 1 << 16).toLowerCase().includes("<table") ? "html_table" : "html";
  }
  if (lower.startsWith("<?xml") || lower.startsWith("<")) return "xml";
  if (text.startsWith("{") || text.startsWith("[")) return "json";
  if (delimited(text)) return "csv";
  return "text";
}

/** Kinds each expected format takes without comment (the reader's own checks say the rest). */
const FITS: Readonly<Record<ExpectedContent, readonly ContentKind[]>> = {
  // A zip or an Office 97 file may be a damaged, encrypted or legacy workbook: the workbook reader says which.
  xlsx: ["xlsx", "zip", "ole"],
  csv: ["csv", "text"],
  json: ["json", "text"],
  jsonl: ["json", "text"],
  parquet: ["parquet"],
  sqlite: ["sqlite"],
};

/**
 * The kind of a file that is not what a reader of `expected` can read, or `null` when it may be (the
 * reader's own checks then say what is wrong). Text in an unknown encoding is left to the text decoder;
 * a zip or PDF is never "not UTF-8".
 */
export function wrongContent(bytes: Uint8Array, expected: ExpectedContent): ContentKind | null {
  const kind = contentKind(bytes);
  // An empty .xlsx is reported by the workbook reader (its message says "save it again from Excel").
  if (kind === "empty" && expected === "xlsx") return null;
  // A store that does not exist yet is created; an empty file is not a store.
  return FITS[expected].includes(kind) ? null : kind;
}

/** The extensions a kind is saved under, to suggest a rename. */
export const KIND_EXTENSION: Readonly<Partial<Record<ContentKind, string>>> = { xlsx: ".xlsx", csv: ".csv", json: ".json", parquet: ".parquet", docx: ".docx", pdf: ".pdf", ods: ".ods" };

const KIND_NAMES: Readonly<Record<ContentKind, Record<Language, string>>> = {
  empty: { vi: "tệp rỗng (không có nội dung)", en: "empty (it has no content)" },
  xlsx: { vi: "một bảng tính Excel (.xlsx)", en: "an Excel workbook (.xlsx)" },
  docx: { vi: "một văn bản Word (.docx)", en: "a Word document (.docx)" },
  pptx: { vi: "một bản trình chiếu PowerPoint (.pptx)", en: "a PowerPoint presentation (.pptx)" },
  ods: { vi: "một bảng tính OpenDocument (.ods, của LibreOffice)", en: "an OpenDocument spreadsheet (.ods, LibreOffice's)" },
  odt: { vi: "một văn bản OpenDocument (.odt)", en: "an OpenDocument text (.odt)" },
  zip: { vi: "một tệp nén .zip", en: "a .zip archive" },
  ole: { vi: "một tệp Office 97–2003 (.xls, .doc) hoặc một tệp Office có đặt mật khẩu", en: "an Office 97–2003 file (.xls, .doc) or a password-protected Office file" },
  pdf: { vi: "một tệp PDF", en: "a PDF file" },
  html: { vi: "một trang web (HTML), thường là trang lỗi hoặc trang đăng nhập được lưu từ trình duyệt thay cho tệp", en: "a web page (HTML), usually an error or login page saved from the browser instead of the file" },
  html_table: { vi: "một trang web (HTML) chứa bảng — nhiều phần mềm xuất tệp “Excel” (.xls) theo cách này", en: "a web page (HTML) holding a table — many systems export their “Excel” (.xls) files this way" },
  xml: { vi: "một tệp XML", en: "an XML file" },
  json: { vi: "một tệp JSON", en: "a JSON file" },
  csv: { vi: "một bảng CSV (văn bản có dấu phân cách)", en: "a CSV table (delimited text)" },
  parquet: { vi: "một tệp Parquet", en: "a Parquet file" },
  sqlite: { vi: "một cơ sở dữ liệu SQLite (như kho lịch sử của chiso)", en: "an SQLite database (such as a chiso store)" },
  image: { vi: "một tệp ảnh", en: "an image" },
  gzip: { vi: "một tệp nén gzip", en: "a gzip archive" },
  binary: { vi: "một tệp nhị phân, không phải văn bản", en: "a binary file, not text" },
  text: { vi: "một tệp văn bản", en: "a text file" },
};

/** What a kind is, in words: "một bảng tính Excel (.xlsx)". */
export function kindName(kind: ContentKind, language: Language): string {
  return KIND_NAMES[kind][language];
}

/** What each reader needs, as its message says it. */
const NEEDS: Readonly<Record<string, Record<Language, string>>> = {
  figures: { vi: "một tệp số liệu .xlsx (theo mẫu chiso template), .csv hoặc .json", en: "a figures file: .xlsx (see chiso template), .csv or .json" },
  portal: { vi: "phản hồi JSON của Cổng DVCQG, lưu nguyên văn từ trình duyệt hoặc bằng chiso portal fetch", en: "a JSON response of the national portal, saved as it came (or with chiso portal fetch)" },
  profile: { vi: "một tệp JSON hồ sơ tỉnh (tạo mẫu bằng chiso profile)", en: "a JSON province profile (chiso profile writes one)" },
  scheme: { vi: "một tệp JSON phương án chấm điểm", en: "a JSON scheme file" },
  calendar: { vi: "một tệp JSON lịch làm việc năm (chiso calendar propose tạo một tệp)", en: "a JSON working-day calendar (chiso calendar propose writes one)" },
  store: { vi: "một kho lịch sử do chiso store add tạo", en: "a history store written by chiso store add" },
  dossiers: { vi: "một tệp hồ sơ .parquet, .csv hoặc .jsonl (docs/dossier-format.md)", en: "a dossier file: .parquet, .csv or .jsonl (docs/dossier-format.md)" },
};

/** The extensions each reader takes: a file that is one of these under another name is told to be renamed. */
const ACCEPTS: Readonly<Record<string, readonly string[]>> = {
  figures: [".xlsx", ".csv", ".json"],
  portal: [".json"],
  profile: [".json"],
  scheme: [".json"],
  calendar: [".json"],
  store: [],
  dossiers: [".parquet", ".csv", ".json"],
};

/**
 * "tên tệp có đuôi .csv nhưng nội dung là một bảng tính Excel (.xlsx); hãy đổi đuôi tệp thành .xlsx, hoặc …":
 * what the file is, and the fix — a rename when the reader takes what it is, otherwise what to choose instead.
 * `params`: `found` (a {@link ContentKind}), `extension` (as named, "" for none) and `needs`, the reader (figures,
 * portal, profile, scheme, calendar, store, dossiers).
 */
export function describeWrongContent(params: Readonly<Record<string, string | number>>, language: Language): string {
  const vi = language === "vi";
  const found = String(params.found) as ContentKind;
  const extension = String(params.extension ?? "");
  const accepts = ACCEPTS[String(params.needs)] ?? [];
  const what = KIND_NAMES[found]?.[language] ?? found;
  const rename = KIND_EXTENSION[found];
  const named = extension !== "" && rename !== extension;
  const intro = found === "empty" ? (vi ? what : `the file is ${what}`) : named ? (vi ? `tên tệp có đuôi ${extension} nhưng nội dung là ${what}` : `the file is named ${extension} but it is ${what}`) : vi ? `tệp là ${what}` : `the file is ${what}`;
  const needs = NEEDS[String(params.needs)]?.[language] ?? accepts.join(", ");
  const spreadsheet = found === "xlsx" || found === "ole" || found === "ods";
  let fix: string;
  if (found === "empty") fix = vi ? "hãy kiểm tra đã chọn đúng tệp, hoặc xuất (lưu) lại tệp" : "check that the right file was chosen, or export (save) it again";
  else if (found === "html") fix = vi ? `hãy tải lại tệp (đăng nhập nếu được hỏi) và lưu chính tệp tải về, không lưu trang web; chiso cần ${needs}` : `download the file again (signing in if asked) and keep the downloaded file itself, not the web page; chiso needs ${needs}`;
  else if (rename && accepts.includes(rename) && rename !== extension) {
    fix = vi ? `hãy đổi đuôi tệp thành ${rename}` : `rename it to ${rename}`;
    if (found === "xlsx" && accepts.includes(".csv")) fix += vi ? `, hoặc mở trong Excel và lưu trang số liệu dạng "CSV UTF-8 (Comma delimited)"` : `, or open it in Excel and save the figures sheet as "CSV UTF-8 (Comma delimited)"`;
  } else if ((found === "ole" || found === "ods" || found === "html_table") && accepts.includes(".xlsx")) {
    const saveAs = vi ? `lưu dạng "Excel Workbook (.xlsx)"` : `save it as "Excel Workbook (.xlsx)"`;
    if (found === "ole") fix = vi ? `hãy mở trong Excel (bỏ mật khẩu nếu có) và ${saveAs}` : `open it in Excel (removing any password) and ${saveAs}`;
    else if (found === "html_table") fix = vi ? `hãy mở trong Excel và ${saveAs}` : `open it in Excel and ${saveAs}`;
    else fix = vi ? "hãy mở bằng LibreOffice và lưu dạng Excel 2007-365 (.xlsx)" : "open it in LibreOffice and save it as Excel 2007-365 (.xlsx)";
  } else if (String(params.needs) === "store" && (spreadsheet || found === "csv" || found === "json")) {
    fix = vi ? "đây có vẻ là một tệp số liệu: hãy đọc nó bằng --input, hoặc thêm nó vào kho bằng chiso store add" : "it looks like a figures file: read it with --input, or add it to the store with chiso store add";
  } else if (spreadsheet && accepts.includes(".csv")) {
    fix = vi ? `chiso cần ${needs}; hãy mở trong Excel và lưu trang dữ liệu dạng "CSV UTF-8 (Comma delimited)"` : `chiso needs ${needs}; open it in Excel and save the data sheet as "CSV UTF-8 (Comma delimited)"`;
  } else fix = vi ? `chiso cần ${needs}; hãy chọn đúng tệp` : `chiso needs ${needs}; choose the right file`;
  return `${intro}; ${fix}.`;
}
