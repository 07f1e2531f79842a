import { SaxesParser } from "saxes";

export interface XmlHandlers {
  /** An element opens; `name` without its namespace prefix (`x:c` is `c`). */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The part of a qualified name after its prefix: files saved by other tools may write `<x:row>`. */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Text of an XML part: UTF-8 (Excel, LibreOffice) or UTF-16 with a byte-order mark. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return bytes.toString("utf8");
}

/** Parses one XML part with saxes, calling the handlers as elements open and close. Throws on malformed XML. */
export function parseXml(bytes: Buffer, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (node) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(node.attributes)) attributes[local(name)] = String(value);
    handlers.open(local(node.name), attributes);
  });
  if (handlers.close) parser.on("closetag", (node) => handlers.close!(local(node.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  parser.write(decode(bytes)).close();
}
