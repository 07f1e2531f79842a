import { Packer, type Document } from "docx";
import { zip } from "@chiso/xlsx-writer";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The core properties with the pack's generation time (docx writes "now"). */
function coreProperties(title: string, date: string): string {
  const time = date.replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escape(title)}</dc:title><dc:creator>chiso</dc:creator><cp:lastModifiedBy>chiso</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified></cp:coreProperties>`;
}

type Compiler = { compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Iterable<[string, string | Uint8Array]> };

/**
 * Serialises a Word document so the same input gives the same bytes: docx stamps the core properties
 * and the zip entries with the current time, so the properties are replaced and the parts zipped here,
 * with node's zlib, dated the pack's generation time. The parts come from docx's own compiler (the one
 * `Packer` zips); docx is pinned to an exact version, and a release that moves the compiler fails here
 * (and in the tests) rather than writing a file stamped with the wrong time.
 */
export async function documentBytes(document: Document, title: string, generatedAt: string): Promise<Uint8Array> {
  const overrides = [{ path: "docProps/core.xml", data: coreProperties(title, generatedAt) }];
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler?.compile) throw new Error("docx's Packer has no compiler: this docx version is not supported (pin docx 9.15.2)");
  const parts = [...compiler.compile(document, undefined, overrides)].map(([path, data]) => ({ path, data }));
  return zip(parts, new Date(generatedAt), 6);
}
