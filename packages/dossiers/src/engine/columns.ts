/** The columns of each input file, as documented in docs/dossier-format.md. */

export type ColumnKind = "text" | "integer" | "timestamp" | "flag";

export interface InputColumn {
  /** Name in the file (matched case-insensitively). */
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  /** The loaded table's column(s) it fills; a timestamp fills `<prefix>_min` and `<prefix>_day`. */
  readonly target: string;
  /** Text compared case-insensitively (stored lower case). */
  readonly lowercase?: boolean;
  /** An id the rules join on: the loader also fills this column with the id's 64-bit key (see `tables.ts`). */
  readonly key?: string;
}

const column = (name: string, kind: ColumnKind, required: boolean, target: string = name): InputColumn => ({ name, kind, required, target });

export const DOSSIER_COLUMNS: readonly InputColumn[] = [
  { ...column("dossier_id", "text", true), key: "dossier_key" },
  column("unit_id", "text", true),
  column("procedure_id", "text", true),
  column("channel", "integer", false),
  column("received_at", "timestamp", true, "received"),
  column("due_at", "timestamp", false, "due"),
  column("fee_due", "flag", false),
  column("paid_online", "flag", false),
  column("digitized_at_intake", "flag", false),
  column("result_electronic", "flag", false),
  column("reused_data", "flag", false),
  column("population_data", "flag", false),
  column("data_store_synced", "flag", false),
  column("complained", "flag", false),
];

export const EVENT_COLUMNS: readonly InputColumn[] = [
  { ...column("dossier_id", "text", true), key: "dossier_key" },
  column("state", "integer", true),
  column("changed_at", "timestamp", true, "changed"),
];

export const PROCEDURE_COLUMNS: readonly InputColumn[] = [
  column("procedure_id", "text", true),
  column("procedure_name", "text", false),
  column("legal_duration", "integer", false),
  { ...column("duration_unit", "text", false), lowercase: true },
  column("online_level", "text", false),
  column("paper_result", "flag", false),
  column("fee_bearing", "flag", false),
];

export const FEEDBACK_COLUMNS: readonly InputColumn[] = [
  column("feedback_id", "text", true),
  column("unit_id", "text", true),
  column("received_at", "timestamp", true, "received"),
  column("due_at", "timestamp", false, "due"),
  column("handled_at", "timestamp", false, "handled"),
  column("likes", "integer", false),
  column("dislikes", "integer", false),
  column("repeated", "flag", false),
];

/**
 * The dossier columns each item reads beyond the dossier's reception and unit. An item whose column is
 * absent from the file is not computed (left out of the figures: "no data", never 0).
 */
export const ITEM_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ON_TIME: [],
  ONLINE_DOSSIER_SHARE: ["result_electronic"],
  ONLINE_PAYMENT_DOSSIER: ["fee_due", "paid_online"],
  ORIGINAL_RESULT_AVAILABLE: ["result_electronic"],
  SO_HOA_GIAY_TO_GIAI_QUYET: ["digitized_at_intake", "result_electronic"],
  REUSED_DIGITIZED_DATA: ["reused_data"],
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: ["data_store_synced"],
  CITIZEN_DATA_CONNECTED_DOSSIER: ["population_data"],
  DOSSIER_RECEIVING_SATISFACTION: ["complained"],
};

/** Feedback items, computed only when a feedback file is given. */
export const FEEDBACK_ITEMS = ["PETITION_PROCESSING_ON_TIME", "PETITION_HANDLING_SATISFACTION"] as const;

/** Every item the dossier records can give, in the scheme's order. */
export const DOSSIER_ITEMS = [...Object.keys(ITEM_COLUMNS), ...FEEDBACK_ITEMS] as const;

/** Words accepted for a flag (case-insensitive); an empty cell is "no". */
export const FLAG_TRUE = ["1", "true", "t", "yes", "y", "x", "có", "co"] as const;
export const FLAG_FALSE = ["0", "false", "f", "no", "n", "không", "khong"] as const;

/** A header name compared loosely: no accents (đ as d), lower case, letters and digits only. */
export const looseName = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * Vietnamese headers a one-stop-shop export commonly uses, by their loose name (`looseName`), and the
 * column each most likely is. Only a hint in the message: columns are matched by their English names.
 */
const VIETNAMESE_NAMES: Readonly<Record<string, string>> = {
  mahoso: "dossier_id",
  sohoso: "dossier_id",
  madonvi: "unit_id",
  mathutuc: "procedure_id",
  tenthutuc: "procedure_name",
  kenh: "channel",
  kenhtiepnhan: "channel",
  ngaytiepnhan: "received_at",
  thoidiemtiepnhan: "received_at",
  ngayhentra: "due_at",
  hantra: "due_at",
  trangthai: "state",
  thoidiem: "changed_at",
  ngaythaydoi: "changed_at",
  thoigianthaydoi: "changed_at",
  thoihan: "legal_duration",
  thoihangiaiquyet: "legal_duration",
  donvithoihan: "duration_unit",
  mapakn: "feedback_id",
  maphananh: "feedback_id",
  ngayxuly: "handled_at",
};

/** What a file's header says about required columns it lacks (`missing`), for the message. */
export interface HeaderHint {
  /** Found columns that are, loosely, a missing column's name ("Dossier ID" for dossier_id) or its usual Vietnamese header. */
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  /** The header has Vietnamese letters: chiso reads only the English names of docs/dossier-format.md. */
  readonly vietnamese: boolean;
}

export function headerHint(found: readonly string[], missing: readonly string[]): HeaderHint {
  const byLoose = new Map(missing.map((name) => [looseName(name), name]));
  const renames: { from: string; to: string }[] = [];
  for (const name of found) {
    const loose = looseName(name);
    const to = byLoose.get(loose) ?? (missing.includes(VIETNAMESE_NAMES[loose] ?? "") ? VIETNAMESE_NAMES[loose] : undefined);
    if (to && !renames.some((rename) => rename.to === to)) renames.push({ from: name, to });
  }
  // Letters outside ASCII that Vietnamese writes (ă â đ ê ô ơ ư and the tone marks).
  const vietnamese = found.some((name) => /[\u00c0-\u1ef9]/u.test(name) && /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýõã]/iu.test(name));
  return { renames, vietnamese };
}
