import { getScheme, type FiguresFile } from "@chiso/core";

export const scheme = getScheme();

/** A small province over two months, with every item, channels and settlement. */
export function sampleFile(): FiguresFile {
  const units: FiguresFile["units"] = [
    { id: "HS", name: "Tỉnh Hòa Sơn", level: "province" },
    { id: "HS-S01", name: "Sở Tư pháp", level: "department", parent: "HS" },
    { id: "HS-X001", name: "Xã An Bình", level: "commune", parent: "HS" },
    { id: "HS-X002", name: "Phường Đông Hải", level: "commune", parent: "HS" },
  ];
  const figures: FiguresFile["figures"] = [];
  ["2026-02", "2026-03"].forEach((period, month) => {
    units.slice(1).forEach((unit, index) => {
      const received = 1200 + index * 611 + month * 37;
      const items = Object.fromEntries(scheme.items.map((item, itemIndex) => [item.code, [received - ((itemIndex * 7 + index) % 90), received] as [number, number]]));
      figures.push({ unit: unit.id, period, items, channels: { received, online: received - 300, direct: 290, post: 10 }, settlement: { settled: received, early: 100, onTime: received - 150, overdue: 50 } });
    });
    figures.push({ unit: "HS", period, items: { PUBLISH_ON_TIME: [40, 44], ONLINE_SERVICE_PROVIDED: [1900, 2100] } });
  });
  return { format: "chiso.figures/1", units, figures };
}

/** The sample as a CSV of the figures table (with level and parent columns), in the template's headers. */
export function sampleCsv(delimiter = ";", bom = true): string {
  const file = sampleFile();
  const codes = scheme.items.map((item) => item.code);
  const header = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Kỳ", ...codes.flatMap((code) => [`${code} tử số`, `${code} mẫu số`])];
  const level = { province: "tỉnh", department: "sở", commune: "xã" } as const;
  const lines = file.figures.map((figure) => {
    const unit = file.units.find((entry) => entry.id === figure.unit)!;
    const cells = codes.flatMap((code) => {
      const pair = figure.items[code] as [number, number] | undefined;
      return pair ? [String(pair[0]), String(pair[1])] : ["", ""];
    });
    return [unit.id, unit.name, level[unit.level], unit.parent ?? "", figure.period, ...cells].join(delimiter);
  });
  return `${bom ? "\uFEFF" : ""}${[header.join(delimiter), ...lines].join("\r\n")}\r\n`;
}
