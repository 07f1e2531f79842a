/** `@chiso/dossiers/xlsx` — the officer's workbook of the dossiers behind lost points (exceljs). */
export { buildDetailsWorkbook, type DetailsOptions } from "./workbook.js";
