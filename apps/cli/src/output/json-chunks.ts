import { printableJson } from "./terminal.js";

const indent = (text: string, prefix: string) => prefix + text.replace(/\n/g, `\n${prefix}`);

/** A list whose elements are made one at a time, as they are written (a unit's JSON is built, written, dropped). */
export class LazyList<T> {
  constructor(
    readonly length: number,
    readonly element: (index: number) => T,
  ) {}
}

/**
 * `JSON.stringify(value, null, 2)` of an object, produced piece by piece: each array at the top level
 * is written one element at a time, so a scorecard of 100,000 units never becomes one string (V8
 * strings stop at about 512 MB: "Invalid string length"). Each chunk is whole lines, without the final
 * line break; joined with line breaks they are exactly the one-string output.
 */
export function* jsonChunks(value: Readonly<Record<string, unknown>>, batch = 100): Generator<string> {
  const entries = Object.entries(value).filter(([, entry]) => entry !== undefined && typeof entry !== "function" && typeof entry !== "symbol");
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (const [index, [key, entry]] of entries.entries()) {
    const comma = index < entries.length - 1 ? "," : "";
    const head = `  ${JSON.stringify(key)}: `;
    const list = entry instanceof LazyList ? entry : Array.isArray(entry) ? new LazyList(entry.length, (index) => entry[index] as unknown) : null;
    if (!list || list.length === 0) {
      yield printableJson(`${head}${list ? "[]" : JSON.stringify(entry, null, 2).replace(/\n/g, "\n  ")}${comma}`);
      continue;
    }
    yield `${head}[`;
    let lines: string[] = [];
    for (let position = 0; position < list.length; position += 1) {
      const element = list.element(position);
      // Like JSON.stringify, an undefined (or function) element is written as null.
      const text = element === undefined || typeof element === "function" || typeof element === "symbol" ? "null" : JSON.stringify(element, null, 2);
      lines.push(indent(text, "    ") + (position < list.length - 1 ? "," : ""));
      if (lines.length >= batch) {
        yield printableJson(lines.join("\n"));
        lines = [];
      }
    }
    if (lines.length > 0) yield printableJson(lines.join("\n"));
    yield `  ]${comma}`;
  }
  yield "}";
}
