/** Colours shared by the PDF documents. */
export const COLORS = {
  primary: "#1f4e79",
  header: "#1f4e79",
  zebra: "#f2f5fa",
  rule: "#9aa7b8",
  track: "#e6ecf5",
  good: "#2e7d32",
  fair: "#f9a825",
  bad: "#c62828",
  muted: "#9e9e9e",
  warning: "#b71c1c",
} as const;
