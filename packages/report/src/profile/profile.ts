import type { Language } from "@chiso/core";
import { z } from "zod";
import { describeProfileIssue, type ProfileIssue } from "./messages.js";

/** The format tag a profile file carries. */
export const PROFILE_FORMAT = "chiso.profile/1";

const line = z.string().trim().min(1);
const lines = z.array(line);

/**
 * A province profile: who issues the pack's documents and how they are numbered, signed and sent
 * (Decree 30/2020/NĐ-CP), and the office's own wording. Keys starting with "_" are notes for people
 * and are ignored, so the template can explain itself.
 */
export const profileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT).optional(),
  issuer: z.strictObject({
    /** The body above the issuer, as printed top left: "UBND TỈNH HÒA SƠN". */
    parent: line,
    /** The issuing body: "SỞ NỘI VỤ". */
    name: line,
    /** The issuing body inside a sentence: "Sở Nội vụ" (default: from `name`). */
    inText: line.optional(),
  }),
  /** The place in the date line: "Hòa Sơn" gives "Hòa Sơn, ngày 01 tháng 11 năm 2026". */
  place: line,
  /** Symbols after the number: "BC-SNV" prints "Số:      /BC-SNV". */
  symbols: z.strictObject({ report: line, dispatch: line }),
  /** Numbers, when known before printing; usually left out so the clerk writes them in. */
  numbers: z.strictObject({ report: line.optional(), dispatch: line.optional() }).optional(),
  signer: z.strictObject({
    /** "KT. GIÁM ĐỐC" when a deputy signs for the director; leave out when the head signs. */
    authority: line.optional(),
    title: line,
    name: line,
  }),
  /** "Kính gửi" of the cover dispatch. */
  dispatchTo: lines.min(1),
  /** "Nơi nhận" of each document. */
  recipients: z.strictObject({ report: lines.min(1), dispatch: lines.min(1) }),
  /** The office's own paragraphs; {period} and {province} are replaced. Generated text is used where absent. */
  wording: z
    .strictObject({
      assessment: lines.optional(),
      tasks: lines.optional(),
      dispatch: lines.optional(),
    })
    .optional(),
});

export type ProvinceProfile = z.infer<typeof profileSchema>;

export type ProfileResult = { readonly success: true; readonly profile: ProvinceProfile } | { readonly success: false; readonly issues: readonly ProfileIssue[] };

/** Drops keys that start with "_" (notes in the template), at every depth. */
function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("_")).map(([key, inner]) => [key, withoutNotes(inner)]));
}

/** The value at a path of the profile as given (zod 4 does not keep it on its issues); io's `valueAt`, which report does not load. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** What was found where something else is expected: its kind and a short view of it (`5`, `"abc"`, `[…]`). */
function foundOf(value: unknown): NonNullable<ProfileIssue["found"]> {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value === "string" ? "string" : typeof value === "number" ? "number" : "boolean";
  const text = kind === "array" ? "[…]" : kind === "object" ? "{…}" : (JSON.stringify(value) ?? String(value));
  return { kind, shown: text.length > 40 ? `${text.slice(0, 37)}…` : text };
}

function toIssues(error: z.ZodError, input: unknown): ProfileIssue[] {
  return error.issues.flatMap((issue): ProfileIssue[] => {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ code: "unknown_field", path: [...path, key] }));
    if (issue.code === "invalid_type") {
      // A field that is there with the wrong type is not "missing": say what was found and what is expected.
      const value = valueAt(input, issue.path);
      if (value === undefined) return [{ code: "required", path }];
      return [{ code: issue.expected === "array" ? "not_list" : issue.expected === "object" ? "not_object" : "not_text", path, found: foundOf(value) }];
    }
    if (issue.code === "too_small") return [{ code: issue.origin === "array" ? "empty_list" : "empty", path }];
    if (issue.code === "invalid_value") return [{ code: "wrong_format", path }];
    return [{ code: "invalid", path }];
  });
}

/** Validates a parsed profile; every problem is located by field. */
export function safeParseProfile(input: unknown): ProfileResult {
  const given = withoutNotes(input);
  const result = profileSchema.safeParse(given);
  return result.success ? { success: true, profile: result.data } : { success: false, issues: toIssues(result.error, given) };
}

/** Problems of a profile as lines `field: what is wrong and how to fix it`. */
export function describeProfileIssues(issues: readonly ProfileIssue[], language: Language): string[] {
  return issues.map((issue) => describeProfileIssue(issue, language));
}

/** A body's name inside a sentence: "SỞ NỘI VỤ" → "Sở Nội vụ" (the first two words capitalised). */
export function nameInText(name: string, language: Language): string {
  const words = name.toLocaleLowerCase(language).split(/\s+/);
  return words.map((word, index) => (index < 2 || language === "en" ? word.charAt(0).toLocaleUpperCase(language) + word.slice(1) : word)).join(" ");
}

/** The province's own name without the committee the portal puts before it: "UBND Tỉnh Phú Thọ" → "Tỉnh Phú Thọ". */
export function provinceProper(provinceName: string): string {
  return provinceName.normalize("NFC").replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu, "").trim() || provinceName;
}

/** A place name from a province's name: "Tỉnh Hòa Sơn" → "Hòa Sơn", "Thành phố Hải Phòng" → "Hải Phòng". */
export function placeOfProvince(provinceName: string): string {
  const proper = provinceProper(provinceName);
  return proper.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, "").trim() || proper;
}

/**
 * The defaults for a province without a profile: the home-affairs department of the province issues
 * (the body in charge of administrative reform), a deputy director signs, the results go to the
 * province's units. No person is invented: the signer's name is left blank (room to write it in, as the
 * document numbers are) — see {@link DEFAULTED_FIELDS}. Only the demo's fictional province has a name
 * ({@link demoProfile}).
 */
export function defaultProfile(provinceName: string, language: Language): ProvinceProfile {
  const place = placeOfProvince(provinceName);
  const proper = provinceProper(provinceName);
  if (language === "en") {
    const kind = /^(thành phố|tp\.?)\s/iu.test(proper) ? "CITY" : "PROVINCE";
    return {
      issuer: { parent: `PEOPLE'S COMMITTEE OF ${place.toLocaleUpperCase("en")} ${kind}`, name: "DEPARTMENT OF HOME AFFAIRS", inText: "Department of Home Affairs" },
      place,
      symbols: { report: "BC-SNV", dispatch: "SNV-CCHC" },
      signer: { authority: "FOR THE DIRECTOR", title: "DEPUTY DIRECTOR", name: "" },
      dispatchTo: ["Provincial departments and agencies", "People's Committees of communes, wards and special zones"],
      recipients: {
        report: ["Provincial People's Committee (to report)", "Director of the Department (to report)", "Provincial departments and agencies", "People's Committees of communes, wards and special zones", "Archive: Records, Administrative Reform Division"],
        dispatch: ["As addressed above", "Provincial People's Committee (to report)", "Director of the Department (to report)", "Archive: Records, Administrative Reform Division"],
      },
    };
  }
  return {
    issuer: { parent: `UBND ${proper.toLocaleUpperCase("vi")}`, name: "SỞ NỘI VỤ", inText: "Sở Nội vụ" },
    place,
    symbols: { report: "BC-SNV", dispatch: "SNV-CCHC" },
    signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "" },
    dispatchTo: ["Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu"],
    recipients: {
      report: ["UBND tỉnh (để báo cáo)", "Giám đốc Sở (để báo cáo)", "Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu", "Lưu: VT, CCHC"],
      dispatch: ["Như trên", "UBND tỉnh (để báo cáo)", "Giám đốc Sở (để báo cáo)", "Lưu: VT, CCHC"],
    },
  };
}

/**
 * What {@link defaultProfile} cannot know and so leaves blank (`blank`: the signer's name), and what it
 * assumes, to be checked against the office's practice (`assumed`: paths in the profile file). Derived
 * from the figures and safe: the parent body and the place (from the province's name).
 */
export const DEFAULTED_FIELDS = {
  blank: ["signer.name", "numbers.report", "numbers.dispatch"],
  assumed: ["issuer.name", "signer.authority", "signer.title", "symbols", "dispatchTo", "recipients"],
} as const;

/** The demo's fictional province. */
export const DEMO_PROVINCE = "Tỉnh Hòa Sơn";

/** The demo's profile: the defaults for its fictional province, signed by a fictional deputy director. */
export function demoProfile(language: Language): ProvinceProfile {
  const profile = defaultProfile(DEMO_PROVINCE, language);
  return { ...profile, signer: { ...profile.signer, name: "Nguyễn Văn An" } };
}

/** The profile file `chiso profile` writes: the defaults, with a note on every field. */
export function profileTemplate(provinceName: string, language: Language): Record<string, unknown> {
  const profile = defaultProfile(provinceName, language);
  const vi = language === "vi";
  return {
    _note: vi
      ? "Hồ sơ tỉnh cho các văn bản của chiso (Nghị định 30/2020/NĐ-CP). Sửa giá trị rồi dùng: chiso report --profile ho-so-tinh.json … Các khóa bắt đầu bằng _ là ghi chú, được bỏ qua."
      : "Province profile for chiso's documents (Decree 30/2020/NĐ-CP). Edit the values, then: chiso report --profile profile.json … Keys starting with _ are notes and are ignored.",
    format: PROFILE_FORMAT,
    issuer: { _note: vi ? "cơ quan chủ quản (parent) và cơ quan ban hành (name), in hoa" : "parent body and issuing body, in capitals", ...profile.issuer },
    place: profile.place,
    symbols: { _note: vi ? "ký hiệu văn bản sau số: Số:      /BC-SNV" : "document symbols after the number", ...profile.symbols },
    numbers: { _note: vi ? "để trống để văn thư ghi số; hoặc ghi sẵn, ví dụ \"125\"" : "leave out for the clerk to fill in, or give one, e.g. \"125\"" },
    signer: {
      _note: vi
        ? "name: họ tên người ký (bắt buộc; chiso không tự đặt tên); authority: quyền hạn ký (KT. GIÁM ĐỐC, TL., …; bỏ đi nếu thủ trưởng ký)"
        : "name: the signer's full name (required; chiso never invents one); authority: leave out when the head signs",
      ...profile.signer,
    },
    dispatchTo: profile.dispatchTo,
    recipients: profile.recipients,
    wording: {
      _note: vi
        ? "đoạn văn của cơ quan (mỗi phần tử là một đoạn; {period} và {province} được thay); bỏ trống thì chiso viết từ số liệu"
        : "the office's own paragraphs (one per element; {period} and {province} are replaced); left out, chiso writes them from the figures",
    },
  };
}
