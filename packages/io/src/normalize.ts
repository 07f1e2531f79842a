/**
 * A header or keyword reduced to what a person means by it: NFC/NFD, case, diacritics (đ → d),
 * punctuation and spacing do not matter. "Mã đơn vị", "MA DON VI" and "ma_don_vi" all give "ma don vi".
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Spreadsheet column letters for a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
