import type { Language, SchemeItem } from "@chiso/core";

/** An item's number as printed: the decision's number, or none for the portal's unnumbered items ("3.x"). */
export function displayId(id: string): string {
  return id.endsWith(".x") ? "" : id;
}

/** An item as every document names it: "2.1 Giải quyết hồ sơ đúng hạn" (the portal's unnumbered items by name alone). */
export function itemName(item: SchemeItem, language: Language): string {
  const id = displayId(item.id);
  return `${id ? `${id} ` : ""}${item.name[language]}`;
}
