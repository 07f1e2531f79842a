/**
 * Text from input files reaches the terminal in messages (unit names, headers, cell values). Terminal
 * control sequences in it could recolour, rewrite or hide lines, or set the window title; bidirectional
 * overrides could make a message read differently from what it says. Everything printed goes through
 * {@link printable}.
 */

// ESC sequences: CSI (ESC [ … final byte), OSC and other strings (ESC ] … BEL or ESC \), and 2-byte escapes.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_]?)/g;
// C0 controls but tab and line feed, DEL, C1 controls (U+009B is a one-character CSI), bidi overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without terminal escape sequences and control characters (tabs and line breaks stay). */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/**
 * JSON text safe to print: the characters {@link printable} would drop are written as `\u` escapes,
 * which JSON reads back as the same characters (JSON.stringify already escapes C0 controls).
 */
export function printableJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
