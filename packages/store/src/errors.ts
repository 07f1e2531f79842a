import type { Language } from "@chiso/core";

export type StoreErrorCode = "not_a_store" | "newer_store" | "period_exists" | "period_signed_off" | "unknown_period" | "sign_off_by_month" | "already_signed_off" | "no_periods" | "signed_off_differs" | "other_province";

type Params = Readonly<Record<string, string | number>>;

/** A refused store operation; `describe` says what to do, in the office's language. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    readonly params: Params = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }

  describe(language: Language = "vi"): string {
    return describeStoreError(this.code, this.params, language);
  }
}

const s = (value: unknown) => String(value);

const catalogue: Record<StoreErrorCode, Record<Language, (p: Params) => string>> = {
  not_a_store: {
    // The engine's reason is in English: the Vietnamese message says what it means instead.
    vi: (p) => `${s(p.file)} không phải là kho số liệu của chiso (không đọc được như một tệp SQLite do chiso tạo); hãy kiểm tra đường dẫn --store.`,
    en: (p) => `${s(p.file)} is not a chiso store (${s(p.reason)}); check the --store path.`,
  },
  newer_store: {
    vi: (p) => `${s(p.file)} được tạo bởi phiên bản chiso mới hơn (định dạng ${s(p.format)}); hãy cập nhật chiso.`,
    en: (p) => `${s(p.file)} was written by a newer chiso (format ${s(p.format)}); update chiso.`,
  },
  period_exists: {
    vi: (p) => `kho đã có số liệu kỳ ${s(p.periods)} (khác với tệp này); để thay, hãy dùng --replace (bản cũ vẫn được giữ lại trong kho).`,
    en: (p) => `the store already holds ${s(p.periods)} (with different figures); to replace it, use --replace (the previous version is kept in the store).`,
  },
  period_signed_off: {
    vi: (p) => `kỳ ${s(p.periods)} đã được chốt (ký duyệt) nên không thể thay bằng --replace; nếu thật sự cần thay, hãy thêm --replace-signed-off (bản đã chốt vẫn được giữ lại trong kho).`,
    en: (p) => (s(p.periods).includes(",") ? `${s(p.periods)} are signed off and cannot be replaced with --replace; if they really must be, add --replace-signed-off (the signed-off versions are kept in the store).` : `${s(p.periods)} is signed off and cannot be replaced with --replace; if it really must be, add --replace-signed-off (the signed-off version is kept in the store).`),
  },
  sign_off_by_month: {
    vi: (p) => `kỳ ${s(p.period)} được chốt theo từng tháng; các tháng của kỳ có trong kho: ${s(p.months)} — hãy chốt từng tháng, ví dụ --period ${s(p.first)}.`,
    en: (p) => `${s(p.period)} is signed off month by month; its months in the store: ${s(p.months)} — sign each off, e.g. --period ${s(p.first)}.`,
  },
  unknown_period: {
    vi: (p) => `kho không có số liệu kỳ ${s(p.period)}; các kỳ trong kho: ${s(p.periods)}.`,
    en: (p) => `the store has no figures for ${s(p.period)}; its periods are: ${s(p.periods)}.`,
  },
  already_signed_off: {
    vi: (p) => `kỳ ${s(p.period)} đã được chốt lúc ${s(p.at)}${p.by ? ` bởi ${s(p.by)}` : ""} (mã kiểm tra ${s(p.checksum)}).`,
    en: (p) => `${s(p.period)} was already signed off at ${s(p.at)}${p.by ? ` by ${s(p.by)}` : ""} (checksum ${s(p.checksum)}).`,
  },
  no_periods: {
    vi: () => "tệp không có số liệu của kỳ nào để lưu vào kho.",
    en: () => "the file has no figures of any period to store.",
  },
  other_province: {
    vi: (p) => `kho này là của ${s(p.stored)}, còn tệp là số liệu của ${s(p.given)}; hãy dùng kho của tỉnh đó (mỗi tỉnh một kho).`,
    en: (p) => `this store holds ${s(p.stored)}, but the file's figures are ${s(p.given)}'s; use that province's store (one store per province).`,
  },
  signed_off_differs: {
    vi: (p) => `kỳ ${s(p.period)} đã được chốt trong kho với số liệu khác tệp nhập; hãy lập báo cáo từ kho (bỏ --input cho kỳ này) hoặc thay kỳ đó bằng chiso store add --replace --replace-signed-off.`,
    en: (p) => `${s(p.period)} is signed off in the store with figures that differ from the input; report it from the store (without --input for it) or replace it with chiso store add --replace --replace-signed-off.`,
  },
};

export function describeStoreError(code: StoreErrorCode, params: Params, language: Language): string {
  return catalogue[code][language](params);
}
