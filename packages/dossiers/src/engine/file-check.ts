import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import type { DossierProblem, InputFile } from "../problems.js";
import type { FileFormat } from "./duckdb-load.js";

const BOM = [0xef, 0xbb, 0xbf];
const PARQUET_MAGIC = "PAR1";

async function readBytes(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWithBom = (bytes: Uint8Array) => bytes.length >= 3 && BOM.every((byte, index) => bytes[index] === byte);

/** A line as shown in a message: at most 60 characters. */
const excerpt = (line: string) => (line.length > 60 ? `${line.slice(0, 57)}…` : line);

/**
 * Why a file cannot be read, found from the file itself (never from the engine's error text): empty, not
 * Parquet (or cut short), a JSON line that is not JSON or not an object, text that is not UTF-8. `quick`
 * checks only what costs a few bytes (emptiness, Parquet's magic numbers); the full check reads the file
 * line by line and is run only after DuckDB has refused it. `null`: nothing found.
 */
export async function diagnoseFile(path: string, format: FileFormat, file: InputFile, options: { readonly quick: boolean }): Promise<DossierProblem | null> {
  const problem = (code: DossierProblem["code"], extra: Partial<DossierProblem> = {}): DossierProblem => ({ code, severity: "error", file, fileName: path, ...extra });
  const { size } = await stat(path);
  if (format === "parquet") {
    if (size === 0) return problem("empty_file");
    const head = (await readBytes(path, 0, 4)).toString("latin1");
    const tail = size >= 8 ? (await readBytes(path, size - 4, 4)).toString("latin1") : "";
    return head !== PARQUET_MAGIC || tail !== PARQUET_MAGIC || size < 12 ? problem("not_parquet") : null;
  }
  // A text file with nothing but a BOM and white space holds no records (and no header).
  if (size <= 4096) {
    const text = await readBytes(path, 0, size);
    const body = startsWithBom(text) ? text.subarray(3) : text;
    if (body.toString("utf8").trim() === "") return problem("empty_file");
  }
  if (options.quick) return null;
  return scanLines(path, format, problem);
}

/** The first line that is not UTF-8, or (JSON lines) not a JSON object. */
async function scanLines(path: string, format: FileFormat, problem: (code: DossierProblem["code"], extra?: Partial<DossierProblem>) => DossierProblem): Promise<DossierProblem | null> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let pending: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer): DossierProblem | null => {
    const raw = line === 1 && startsWithBom(bytes) ? bytes.subarray(3) : bytes;
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      return problem("not_utf8", { row: line });
    }
    if (format !== "jsonl") return null;
    const trimmed = text.replace(/\r$/, "").trim();
    if (trimmed === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return problem("bad_json_line", { row: line, value: excerpt(trimmed) });
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return problem("json_not_object", { row: line, value: excerpt(trimmed) });
    return null;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10)) {
      const found = check(data.subarray(0, newline));
      if (found) return found;
      line += 1;
      data = data.subarray(newline + 1);
    }
    pending = Buffer.from(data);
  }
  return pending.length > 0 ? check(pending) : null;
}

let copies = 0;

/**
 * DuckDB refuses JSON lines that start with a byte order mark (as Windows tools write them): such a file is
 * read from a copy without it, in `tempDir`; any other file is read where it is.
 */
export async function stripJsonBom(path: string, tempDir: string): Promise<string> {
  if (!startsWithBom(await readBytes(path, 0, 3))) return path;
  copies += 1;
  const copy = join(tempDir, `${copies}-${basename(path)}`);
  await pipeline(createReadStream(path, { start: 3 }), createWriteStream(copy));
  return copy;
}

/**
 * The line each record starts on, for the rows the loader numbered (`rows`: a CSV's record i + 1 under its
 * header, a JSON line's record i). DuckDB skips blank lines and a quoted CSV cell may hold line breaks, so a
 * record's number and its line differ in such files; a message must name the line a person opens. Read only
 * when records of the file have problems, and only as far as the last of them.
 */
export async function recordLines(path: string, format: FileFormat, rows: ReadonlySet<number>): Promise<Map<number, number>> {
  const lines = new Map<number, number>();
  if (format === "parquet" || rows.size === 0) return lines;
  const last = Math.max(...rows);
  const csv = format === "csv";
  let line = 1;
  let start = 1;
  let quoted = false;
  let content = false;
  let row = 0;
  const finish = () => {
    row += 1;
    if (rows.has(row)) lines.set(row, start);
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      if (byte === 10) {
        if (!quoted) {
          if (content) finish();
          content = false;
        }
        line += 1;
        continue;
      }
      if (!content && byte !== 32 && byte !== 9 && byte !== 13) {
        content = true;
        start = line;
      }
      if (csv && byte === 34) quoted = !quoted;
    }
    if (row >= last) return lines;
  }
  if (content) finish();
  return lines;
}
