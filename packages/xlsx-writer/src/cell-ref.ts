/** The column's letters for a one-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An A1 reference for a one-based row and column. */
export const cellRef = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/** An A1 range for one-based corners. */
export const rangeRef = (top: number, left: number, bottom: number, right: number): string => `${cellRef(top, left)}:${cellRef(bottom, right)}`;
