import type { Language } from "@chiso/core";
import { messagesFor } from "../i18n.js";
import { LockedError } from "./lock.js";
import { PlaceError } from "./places.js";

type Bilingual = Readonly<Record<Language, string>>;

const PLACE: Readonly<Record<PlaceError["reason"], (path: string) => Bilingual>> = {
  pseudo_file_system: (path) => ({ vi: `${path} thuộc hệ thống tệp ảo của hệ điều hành (như /proc, /sys), không chứa được tệp; hãy chọn một thư mục khác`, en: `${path} is on one of the operating system's virtual file systems (like /proc or /sys), which hold no files; choose another folder` }),
  not_a_folder: (path) => ({ vi: `${path} là một tệp, không phải thư mục`, en: `${path} is a file, not a folder` }),
  not_writable: (path) => ({ vi: `không có quyền ghi vào thư mục ${path}`, en: `no permission to write in the folder ${path}` }),
  not_a_file: (path) => ({ vi: `${path} không phải là một tệp thông thường`, en: `${path} is not a regular file` }),
  not_a_pack: (path) => ({ vi: `thư mục ${path} đã có tệp không do chiso tạo; chiso thay cả thư mục khi ghi bộ báo cáo, nên hãy chọn một thư mục mới hoặc thư mục trống`, en: `the folder ${path} holds files chiso did not write; chiso replaces the whole folder when it writes a pack, so choose a new or an empty folder` }),
};

const SYSTEM: Readonly<Record<string, Bilingual>> = {
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "the disk is full" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng", en: "the disk quota is exceeded" },
  EACCES: { vi: "không có quyền ghi", en: "permission denied" },
  EPERM: { vi: "không được phép ghi", en: "operation not permitted" },
  EROFS: { vi: "ổ đĩa chỉ cho phép đọc", en: "the disk is read-only" },
  EBUSY: { vi: "có tệp trong thư mục đang được mở (ví dụ một PDF trong trình xem); hãy đóng lại rồi chạy lại", en: "a file in the folder is open (e.g. a PDF in a viewer); close it and run again" },
  ENAMETOOLONG: { vi: "đường dẫn quá dài", en: "the path is too long" },
  ENOTDIR: { vi: "một phần của đường dẫn là tệp, không phải thư mục", en: "part of the path is a file, not a folder" },
  EISDIR: { vi: "đường dẫn là một thư mục", en: "the path is a folder" },
  ENOENT: { vi: "thư mục chứa nó không tồn tại; hãy kiểm tra đường dẫn", en: "its folder does not exist; check the path" },
};

/** Why an output cannot be written, for the person at the terminal: where, what, and what to do. */
export function describeOutputError(target: string, error: unknown, language: Language): string {
  const messages = messagesFor(language);
  if (error instanceof LockedError) {
    const holder = error.holder;
    const who = holder
      ? language === "vi" ? `tiến trình ${holder.pid} trên máy ${holder.host}, từ ${holder.since}` : `process ${holder.pid} on ${holder.host}, since ${holder.since}`
      : language === "vi" ? "không rõ tiến trình" : "unknown process";
    return language === "vi"
      ? `Một lần chạy chiso khác (${who}) đang ghi vào ${target}; hãy chờ lần chạy đó kết thúc. Nếu chắc chắn không còn lần chạy nào, hãy xóa tệp khóa ${error.path}.`
      : `Another chiso run (${who}) is writing to ${target}; wait for it to finish. If you are sure none is running, delete the lock file ${error.path}.`;
  }
  if (error instanceof PlaceError) return messages.cannotWrite(target, PLACE[error.reason](error.path)[language]);
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code && SYSTEM[code] ? SYSTEM[code][language] : error instanceof Error ? error.message : String(error);
  return messages.cannotWrite(target, reason);
}
