/** Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE/FFFF). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text escaped for an element or an attribute; characters XML cannot hold are dropped rather than corrupting the file. */
export function escapeXml(text: string): string {
  return text.replace(INVALID, "").replace(SPECIAL, (char) => ENTITIES[char]!);
}

/** An attribute list from the defined entries (in the given order), escaped. */
export function attributes(entries: Record<string, string | number | boolean | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined || value === false) continue;
    out += ` ${name}="${value === true ? "1" : typeof value === "number" ? value : escapeXml(value)}"`;
  }
  return out;
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
