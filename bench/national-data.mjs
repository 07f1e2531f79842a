import { seededRandom } from "@chiso/cli";

// Deterministic synthetic national data: 34 provinces × (15 departments + 85 communes) = 3,434 units,
// 12 months, every item of the scheme. Shapes follow shared/domain.md (ratios mostly 75–100%).

export function nationalYear(scheme, year = 2025) {
  const next = seededRandom(766);
  const units = [];
  const figures = [];
  const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`);
  for (let p = 1; p <= 34; p += 1) {
    const province = `P${p}`;
    units.push({ id: province, name: `Tỉnh ${p}`, level: "province" });
    const children = [];
    for (let d = 1; d <= 15; d += 1) children.push({ id: `${province}-S${d}`, name: `Sở ${d}`, level: "department", parent: province });
    for (let c = 1; c <= 85; c += 1) children.push({ id: `${province}-X${c}`, name: `Xã ${c}`, level: "commune", parent: province });
    units.push(...children);
    for (const unit of [{ id: province }, ...children]) {
      const size = Math.floor(20 + next() * (unit.id === province ? 50 : 3000));
      for (const period of months) {
        const items = {};
        for (const item of scheme.items) {
          // Small, tie-prone denominators on catalogue items; dossier-sized ones elsewhere.
          const denominator = item.scope === "catalogue" ? 1 + Math.floor(next() * 40) : Math.floor(size * (0.8 + next() * 0.4));
          const ratio = next() < 0.1 ? next() : 0.75 + next() * 0.25;
          items[item.code] = [Math.min(denominator, Math.round(denominator * ratio)), denominator];
        }
        if (unit.id === province) {
          // The province reports only its own catalogue figures; dossier items are rolled up.
          for (const item of scheme.items) if (item.scope === "dossier") delete items[item.code];
        }
        figures.push({ unit: unit.id, period, items });
      }
    }
  }
  return { file: { units, figures }, months };
}
