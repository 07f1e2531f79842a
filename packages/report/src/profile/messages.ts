import type { Language } from "@chiso/core";

/** A problem in a province profile, located by field. */
export interface ProfileIssue {
  readonly code: "required" | "unknown_field" | "not_text" | "not_list" | "not_object" | "empty" | "empty_list" | "wrong_format" | "invalid";
  readonly path: readonly (string | number)[];
  /** For a value of the wrong type: what was found instead (`number`, `5`). */
  readonly found?: { readonly kind: "string" | "number" | "boolean" | "null" | "array" | "object"; readonly shown: string };
}

const KINDS: Record<Language, Record<NonNullable<ProfileIssue["found"]>["kind"], string>> = {
  vi: { string: "chuỗi chữ", number: "số", boolean: "giá trị đúng/sai", null: "null", array: "danh sách", object: "đối tượng" },
  en: { string: "the text", number: "the number", boolean: "the boolean", null: "null", array: "a list", object: "an object" },
};

const messages: Record<Language, Record<ProfileIssue["code"], string>> = {
  vi: {
    required: "thiếu; hãy thêm trường này (xem tệp mẫu của chiso profile)",
    unknown_field: "không phải trường của hồ sơ tỉnh; hãy kiểm tra chính tả hoặc xóa đi (ghi chú thì đặt tên bắt đầu bằng _)",
    not_text: "phải là một đoạn chữ trong dấu ngoặc kép",
    not_list: "phải là một danh sách [\"…\", \"…\"]",
    not_object: "phải là một nhóm trường {…} (xem tệp mẫu của chiso profile)",
    empty: "đang để trống; hãy ghi nội dung",
    empty_list: "danh sách đang trống; hãy ghi ít nhất một dòng",
    wrong_format: `phải là "chiso.profile/1" (hoặc bỏ đi)`,
    invalid: "giá trị không hợp lệ",
  },
  en: {
    required: "is missing; add it (see the file chiso profile writes)",
    unknown_field: "is not a profile field; check its spelling or remove it (notes go in keys starting with _)",
    not_text: "must be text in double quotes",
    not_list: "must be a list [\"…\", \"…\"]",
    not_object: "must be a group of fields {…} (see the file chiso profile writes)",
    empty: "is empty; write its text",
    empty_list: "is an empty list; give at least one line",
    wrong_format: `must be "chiso.profile/1" (or be left out)`,
    invalid: "is not valid",
  },
};

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), "") || "(gốc)";
}

/** One issue as `field: message`. */
export function describeProfileIssue(issue: ProfileIssue, language: Language): string {
  const message = messages[language][issue.code];
  if (!issue.found) return `${formatPath(issue.path)}: ${message}`;
  const { kind, shown } = issue.found;
  const found = kind === "null" ? "null" : `${KINDS[language][kind]} ${shown}`;
  return language === "vi" ? `${formatPath(issue.path)}: đang là ${found}, nhưng ${message}; hãy sửa giá trị` : `${formatPath(issue.path)}: is ${found}, but ${message.replace(/^must/, "it must")}; correct the value`;
}
