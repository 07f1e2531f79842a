/**
 * @chiso/store — an office's history of accepted periods: one SQLite file (sql.js, nothing native),
 * versions kept when a month is replaced, sign-offs locked to the input's SHA-256, and the history a
 * report takes its previous period and 12-period trend from.
 *
 * @example
 * const store = await Store.open(existingBytes); // or Store.open() for a new store
 * store.add(result.document!, { scheme: "766-portal", checksum: result.checksum, inputs: result.files, addedAt: new Date() });
 * store.signOff("2026-10", { at: new Date(), by: "Sở Nội vụ" });
 * const history = store.history({ period: "2026-10" }); // units and every stored month up to October
 * await writeFileAtomically("hoa-son.db", store.export());
 */
export { Store, STORE_FORMAT, type AddMeta, type AddOptions, type AddResult, type History, type HistoryOptions, type MonthSignOff, type SignOff, type VersionInfo } from "./store.js";
export { StoreError, describeStoreError, type StoreErrorCode } from "./errors.js";
export { comparePeriods } from "./periods.js";
