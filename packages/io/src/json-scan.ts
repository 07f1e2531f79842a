/** What the JSON scanner expected where a document stops being JSON. */
export type JsonExpectation = "value" | "key" | "colon" | "comma_or_end" | "end_of_text" | "string_end" | "escape" | "control_character" | "number" | "too_deep";

/** A path in a JSON document: `["figures", 3, "items", "ON_TIME"]`. */
export type JsonPath = readonly (string | number)[];

export interface JsonScan {
  /** The first place the text is not JSON; everything else is `undefined` then. */
  readonly error?: { readonly offset: number; readonly line: number; readonly column: number; readonly expected: JsonExpectation };
  /** Keys written twice in one object: `JSON.parse` keeps the last and silently drops the first. */
  readonly duplicateKeys: readonly { readonly path: JsonPath; readonly line: number }[];
  /** The line (1-based) a value starts on, for a path into the document. */
  lineOf(path: JsonPath): number | undefined;
}

/** Nesting deeper than this is not a chiso document (it has 5 levels) and could exhaust a recursive reader. */
export const MAX_JSON_DEPTH = 64;

interface Frame {
  readonly kind: "object" | "array";
  readonly keys: Set<string> | null;
  /** The key or index of the value being read in this container. */
  key: string | number;
  /** Start offsets of values, by key (objects) or index (arrays); kept for the top two levels only. */
  readonly offsets: Map<string | number, number> | null;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * One pass over a JSON text, without building values (`JSON.parse` does that, natively): checks the
 * grammar and says where it breaks, in lines and columns; finds keys written twice; records where each
 * value of the top level and of its lists starts, so that a problem in `figures[1395]` is shown at its
 * line. Iterative, so deep nesting cannot overflow the stack.
 */
export function scanJson(text: string): JsonScan {
  let position = 0;
  const stack: Frame[] = [];
  const duplicates: { path: (string | number)[]; offset: number }[] = [];
  let root: Map<string | number, number> | null = null;
  // Offsets of the values of the top level's containers (`figures` → index → offset).
  const nested = new Map<string | number, Map<string | number, number>>();
  let lineStarts: number[] | null = null;

  const lineAt = (offset: number): { line: number; column: number } => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const fail = (expected: JsonExpectation, offset = position): JsonScan => ({ error: { offset, ...lineAt(offset), expected }, duplicateKeys: [], lineOf: () => undefined });
  const skipSpace = () => {
    while (position < text.length && isSpace(text.charCodeAt(position))) position += 1;
  };
  /** Reads a string starting at its opening quote; returns its end (after the closing quote) or a failure. */
  const scanString = (): JsonExpectation | null => {
    position += 1;
    for (;;) {
      if (position >= text.length) return "string_end";
      const code = text.charCodeAt(position);
      if (code === 34) {
        position += 1;
        return null;
      }
      if (code < 0x20) return "control_character";
      if (code === 92) {
        const next = text[position + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) return "escape";
          position += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) position += 2;
        else return "escape";
        continue;
      }
      position += 1;
    }
  };
  const scanNumber = (): boolean => {
    if (text.charCodeAt(position) === 45) position += 1;
    if (text.charCodeAt(position) === 48) position += 1;
    else if (isDigit(text.charCodeAt(position))) while (isDigit(text.charCodeAt(position))) position += 1;
    else return false;
    if (text.charCodeAt(position) === 46) {
      position += 1;
      if (!isDigit(text.charCodeAt(position))) return false;
      while (isDigit(text.charCodeAt(position))) position += 1;
    }
    if (text.charCodeAt(position) === 101 || text.charCodeAt(position) === 69) {
      position += 1;
      if (text[position] === "+" || text[position] === "-") position += 1;
      if (!isDigit(text.charCodeAt(position))) return false;
      while (isDigit(text.charCodeAt(position))) position += 1;
    }
    return true;
  };

  let state: "value" | "key" | "after" = "value";
  skipSpace();
  for (;;) {
    if (state === "value") {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top?.offsets) top.offsets.set(top.key, position);
      const char = text[position];
      if (char === "{" || char === "[") {
        if (stack.length >= MAX_JSON_DEPTH) return fail("too_deep");
        position += 1;
        const keepOffsets = stack.length < 2;
        const frame: Frame = { kind: char === "{" ? "object" : "array", keys: char === "{" ? new Set() : null, key: 0, offsets: keepOffsets ? new Map() : null };
        if (stack.length === 0) root = frame.offsets;
        else if (top?.offsets && frame.offsets) nested.set(top.key, frame.offsets);
        stack.push(frame);
        skipSpace();
        if (text[position] === (char === "{" ? "}" : "]")) {
          position += 1;
          stack.pop();
          state = "after";
        } else state = char === "{" ? "key" : "value";
        continue;
      }
      if (char === '"') {
        const problem = scanString();
        if (problem) return fail(problem);
      } else if (char === "-" || isDigit(text.charCodeAt(position))) {
        if (!scanNumber()) return fail("number");
      } else if (text.startsWith("true", position)) position += 4;
      else if (text.startsWith("false", position)) position += 5;
      else if (text.startsWith("null", position)) position += 4;
      else return fail("value");
      state = "after";
      continue;
    }
    if (state === "key") {
      skipSpace();
      if (text[position] !== '"') return fail("key");
      const start = position;
      const problem = scanString();
      if (problem) return fail(problem);
      const key = JSON.parse(text.slice(start, position)) as string;
      const frame = stack[stack.length - 1]!;
      // The object's own path is the keys its ancestors were reading when it opened.
      if (frame.keys!.has(key)) duplicates.push({ path: [...stack.slice(0, -1).map((entry) => entry.key), key], offset: start });
      frame.keys!.add(key);
      frame.key = key;
      skipSpace();
      if (text[position] !== ":") return fail("colon");
      position += 1;
      state = "value";
      continue;
    }
    // After a value: the end of the text, or a separator, or the end of its container.
    skipSpace();
    const frame = stack[stack.length - 1];
    if (!frame) {
      if (position < text.length) return fail("end_of_text");
      break;
    }
    const char = text[position];
    if (char === ",") {
      position += 1;
      if (frame.kind === "array") {
        frame.key = (frame.key as number) + 1;
        state = "value";
      } else state = "key";
    } else if (char === (frame.kind === "object" ? "}" : "]")) {
      position += 1;
      stack.pop();
    } else return fail("comma_or_end");
  }

  const offsetOf = (path: JsonPath): number | undefined => {
    if (path.length === 0) return 0;
    const first = root?.get(path[0]!);
    if (path.length === 1 || first === undefined) return first;
    const second = nested.get(path[0]!)?.get(path[1]!);
    if (second === undefined) return first;
    return path.length === 2 ? second : (descend(text, second, path.slice(2)) ?? second);
  };
  return {
    duplicateKeys: duplicates.map((duplicate) => ({ path: duplicate.path, line: lineAt(duplicate.offset).line })),
    lineOf: (path) => {
      const offset = offsetOf(path);
      return offset === undefined ? undefined : lineAt(offset).line;
    },
  };
}

/** The offset of the value at `path` inside the (valid) JSON value starting at `start`. */
function descend(text: string, start: number, path: JsonPath): number | undefined {
  let position = start;
  const skipSpace = () => {
    while (position < text.length && isSpace(text.charCodeAt(position))) position += 1;
  };
  /** Moves past one complete value (the text is known to be valid JSON). */
  const skipValue = () => {
    skipSpace();
    let depth = 0;
    do {
      const char = text[position];
      if (char === '"') {
        position += 1;
        while (text[position] !== '"') position += text[position] === "\\" ? 2 : 1;
        position += 1;
      } else if (char === "{" || char === "[") {
        depth += 1;
        position += 1;
      } else if (char === "}" || char === "]") {
        depth -= 1;
        position += 1;
      } else if (char === "," || char === ":" || isSpace(text.charCodeAt(position))) position += 1;
      else while (position < text.length && !/[,\]}\s]/.test(text[position]!)) position += 1;
    } while (depth > 0);
  };
  for (const step of path) {
    skipSpace();
    const open = text[position];
    // Counts may be written [numerator, denominator]: the core's path names the fields.
    const part = open === "[" && step === "numerator" ? 0 : open === "[" && step === "denominator" ? 1 : step;
    if (open === "[" && typeof part === "number") {
      position += 1;
      for (let index = 0; index < part; index += 1) {
        skipValue();
        skipSpace();
        if (text[position] !== ",") return undefined;
        position += 1;
      }
      skipSpace();
      continue;
    }
    if (open !== "{") return undefined;
    position += 1;
    let found = false;
    for (;;) {
      skipSpace();
      if (text[position] !== '"') return undefined;
      const keyStart = position;
      position += 1;
      while (text[position] !== '"') position += text[position] === "\\" ? 2 : 1;
      position += 1;
      const key = JSON.parse(text.slice(keyStart, position)) as string;
      skipSpace();
      position += 1; // the colon
      skipSpace();
      if (key === String(part)) {
        found = true;
        break;
      }
      skipValue();
      skipSpace();
      if (text[position] !== ",") return undefined;
      position += 1;
    }
    if (!found) return undefined;
  }
  return position;
}
