/**
 * A file name safe on every system, built from a Vietnamese unit name: "Xã Đông Hải" → "xa-dong-hai".
 * Diacritics are removed (đ → d), anything else but letters and digits becomes a single dash.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug === "" ? "don-vi" : slug;
}

/** Unique, safe base names for units: the name's slug, with the id's slug added when two names collide. */
export function uniqueFileBases(units: readonly { readonly id: string; readonly name: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(slugify(unit.name), (counts.get(slugify(unit.name)) ?? 0) + 1);
  const used = new Set<string>();
  const bases = new Map<string, string>();
  for (const unit of units) {
    const slug = slugify(unit.name);
    let base = counts.get(slug)! > 1 ? `${slug}-${slugify(unit.id)}` : slug;
    for (let suffix = 2; used.has(base); suffix += 1) base = `${slug}-${suffix}`;
    used.add(base);
    bases.set(unit.id, base);
  }
  return bases;
}
