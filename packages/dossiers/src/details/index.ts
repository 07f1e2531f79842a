/** `@chiso/dossiers/xlsx` — the officer's workbook of the dossiers behind lost points (@chiso/xlsx-writer). */
export { buildDetailsWorkbook, type DetailsOptions } from "./workbook.js";
