/** The fictional province of the demo and its departments (names as used after the 2025 reform). */
export const DEMO_PROVINCE = { id: "HS", name: "Tỉnh Hòa Sơn" } as const;

export const DEMO_DEPARTMENTS: readonly string[] = [
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Xây dựng",
  "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường",
  "Sở Y tế",
  "Sở Giáo dục và Đào tạo",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Sở Dân tộc và Tôn giáo",
  "Sở Ngoại vụ",
  "Thanh tra tỉnh",
  "Ban Quản lý các khu công nghiệp",
  "Văn phòng UBND tỉnh",
];

const FIRST = ["An", "Bình", "Tân", "Phú", "Hòa", "Long", "Mỹ", "Đông", "Tây", "Hưng", "Phước", "Vĩnh", "Xuân", "Quảng", "Thạnh", "Nghĩa", "Đức", "Trung", "Cẩm", "Thủy"];
const SECOND = ["Lập", "Sơn", "Hải", "Thịnh", "Lộc", "Khánh", "Điền", "Phong", "Thuận", "Lương", "Tiến", "Hiệp", "Quý", "Ngọc", "Trạch", "Yên", "Đạt", "Nhơn", "Mỹ", "Ân"];

/** 100 distinct commune names: 80 communes (xã), 19 wards (phường) and one special zone (đặc khu). */
export function demoCommuneNames(count = 100): string[] {
  const names: string[] = [];
  for (let index = 0; names.length < count; index += 1) {
    const first = FIRST[index % FIRST.length]!;
    const second = SECOND[(index * 7 + Math.floor(index / FIRST.length)) % SECOND.length]!;
    if (first === second) continue;
    const position = names.length;
    const kind = position === count - 1 ? "Đặc khu" : position % 5 === 4 ? "Phường" : "Xã";
    const name = `${kind} ${first} ${second}`;
    if (!names.some((existing) => existing.endsWith(` ${first} ${second}`))) names.push(name);
  }
  return names;
}
