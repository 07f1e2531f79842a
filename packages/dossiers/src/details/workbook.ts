export interface DetailsOptions {
  readonly language?: "vi" | "en";
}
export function buildDetailsWorkbook(): void {}
