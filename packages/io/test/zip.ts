import { crc32, deflateRawSync } from "node:zlib";

/** A minimal zip writer for tests: files as other tools write them, built byte by byte. */
export function zipOf(files: Readonly<Record<string, string | Uint8Array>>, stored: readonly string[] = []): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    // An entry may be stored as it is (method 0), as OpenDocument stores its "mimetype".
    const store = stored.includes(name);
    const compressed = store ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, compressed);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(store ? 0 : 8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * An .xlsx as a tool other than Excel might write it: absolute part paths, a namespace prefix on
 * every element, worksheet parts not named sheetN.xml, inline strings.
 */
export function foreignWorkbook(sheets: readonly { name: string; rows: readonly (readonly (string | number | null)[])[] }[]): Uint8Array {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const files: Record<string, string> = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/workbook.xml"/></Relationships>',
    "book/workbook.xml": `<?xml version="1.0"?><x:workbook ${ns}><x:sheets>${sheets.map((sheet, index) => `<x:sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join("")}</x:sheets></x:workbook>`,
    "book/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/book/tabs/tab-${sheets.length - index}.xml"/>`).join("")}</Relationships>`,
  };
  sheets.forEach((sheet, index) => {
    const rows = sheet.rows.map((cells, rowIndex) => `<x:row r="${rowIndex + 1}">${cells.map((cell, column) => {
      if (cell === null) return "";
      const reference = `${String.fromCharCode(65 + column)}${rowIndex + 1}`;
      return typeof cell === "number" ? `<x:c r="${reference}"><x:v>${cell}</x:v></x:c>` : `<x:c r="${reference}" t="inlineStr"><x:is><x:t>${escape(cell)}</x:t></x:is></x:c>`;
    }).join("")}</x:row>`);
    files[`book/tabs/tab-${sheets.length - index}.xml`] = `<?xml version="1.0"?><x:worksheet ${ns}><x:sheetData>${rows.join("")}</x:sheetData></x:worksheet>`;
  });
  return zipOf(files);
}
