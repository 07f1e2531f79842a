import { describe, expect, it } from "vitest";
import { ChisoError } from "../../kernel/errors.js";
import { builtinSchemeDefinitions, portalScheme } from "./builtin/variants.js";
import { parseScheme, safeParseScheme } from "./compile.js";
import { builtinSchemeIds, getScheme } from "./registry.js";

const describeErrors = (input: unknown, language: "vi" | "en" = "en") => {
  const result = safeParseScheme(input);
  if (result.success) throw new Error("expected the scheme to be rejected");
  return result.error.describe(language);
};

describe("built-in schemes", () => {
  it.each(builtinSchemeIds.filter((id) => id !== "766-portal-one-procedure"))("%s validates and totals 100 points", (id) => {
    const scheme = getScheme(id);
    expect(scheme.totalMaxUnits).toBe(10000);
    expect(scheme.groups.map((group) => group.maxUnits / 100)).toEqual([18, 20, 22, 22, 18]);
    expect(scheme.blocks.map((block) => block.maxUnits / 100)).toEqual([18, 20, 12, 10, 22, 18]);
  });

  it("scores one procedure out of 98, without 4.5b", () => {
    const scheme = getScheme("766-portal-one-procedure");
    expect(scheme.totalMaxUnits).toBe(9800);
    expect(scheme.blocks.map((block) => block.maxUnits / 100)).toEqual([18, 20, 12, 10, 20, 18]);
    expect(scheme.itemByCode.has("CITIZEN_DATA_CONNECTED_FORMALITY")).toBe(false);
  });

  it("holds the 766 default as the portal computes it", () => {
    const scheme = getScheme();
    const summary = scheme.items.map((item) => `${item.id} ${item.code} ${item.max} @${item.thresholdPercent}% ${item.emptyDenominator.policy} ${item.scope}${item.points.method === "exact" ? "" : ` ${item.points.method}`}`);
    expect(summary).toMatchInlineSnapshot(`
      [
        "1.1 PUBLISH_ON_TIME 6 @100% null catalogue",
        "1.2 PUBLIC_UPDATE_ON_TIME 4 @100% null catalogue",
        "1.3 PUBLIC_CONTENT_FULL 2 @100% null catalogue",
        "1.4 DOSSIER_SYNC 6 @100% null dossier",
        "2.1 ON_TIME 20 @100% zero dossier",
        "3.1 ONLINE_SERVICE_PROVIDED 2 @80% zero catalogue",
        "3.2 ONLINE_SERVICE_USED 4 @100% zero catalogue",
        "3.3 ONLINE_DOSSIER_SHARE 6 @50% zero dossier",
        "3.4 ONLINE_PAYMENT_FORMALITY_USED 2 @80% zero catalogue percent-first",
        "3.5 ONLINE_PAYMENT_INTEGRATED 2 @80% zero catalogue percent-first",
        "3.6 ONLINE_PAYMENT_DOSSIER 6 @100% zero dossier percent-first",
        "4.1 ORIGINAL_RESULT_AVAILABLE 6 @100% null dossier",
        "4.2 SO_HOA_GIAY_TO_GIAI_QUYET 4 @100% null dossier",
        "4.3 REUSED_DIGITIZED_DATA 2 @80% null dossier",
        "4.4 SYNCED_WITH_DVCQG_PERSONAL_STORAGE 4 @100% null dossier",
        "4.5a CITIZEN_DATA_CONNECTED_DOSSIER 2 @100% null dossier",
        "4.5b CITIZEN_DATA_CONNECTED_FORMALITY 2 @100% null catalogue",
        "4.6 ELECTRONIC_CERTIFIED_COPY 2 @100% full dossier",
        "5.1 PETITION_CLASSIFICATION 0 @100% null own",
        "5.1a PETITION_CLASSIFICATION_TTHC 0 @100% null own",
        "5.1b PETITION_CLASSIFICATION_STAFF 0 @100% null own",
        "5.2 PETITION_PROCESSING_ON_TIME 6 @100% full own",
        "5.3 PETITION_HANDLING_SATISFACTION 6 @100% full own",
        "5.4 DOSSIER_RECEIVING_SATISFACTION 6 @90% zero dossier",
      ]
    `);
    expect(scheme.items.filter((item) => item.inheritedBy.includes("commune")).map((item) => item.id)).toEqual(["1.1", "1.2", "1.3"]);
  });

  it("differs in each variant only where the variant says", () => {
    const item = (id: string, code: string) => getScheme(id).itemByCode.get(code);
    expect(item("766-portal-digitization-4.2-at-80", "SO_HOA_GIAY_TO_GIAI_QUYET")?.thresholdPercent).toBe(80);
    expect(getScheme("766-portal-online-single-item").blocks[2]!.items).toEqual(["ONLINE_FULL_DOSSIER_SHARE"]);
    expect(item("766-portal-feedback-split", "PETITION_HANDLING_SATISFACTION")?.emptyDenominator).toEqual({ policy: "transfer", to: "DOSSIER_RECEIVING_SATISFACTION" });
    expect(["PETITION_CLASSIFICATION", "PETITION_PROCESSING_ON_TIME", "PETITION_HANDLING_SATISFACTION", "DOSSIER_RECEIVING_SATISFACTION"].map((code) => item("766-satisfaction-5-5-2-6", code)?.max)).toEqual([2, 5, 5, 6]);
  });

  it("says which schemes exist when asked for an unknown one", () => {
    expect(() => getScheme("766-nope")).toThrow(ChisoError);
  });

  it("round-trips through JSON", () => {
    for (const definition of Object.values(builtinSchemeDefinitions)) {
      expect(parseScheme(JSON.parse(JSON.stringify(definition))).definition).toEqual(parseScheme(definition).definition);
    }
  });
});

describe("a user's scheme with mistakes", () => {
  it("reports items not adding up to their group or block", () => {
    const broken = { ...portalScheme, items: portalScheme.items.map((item) => (item.code === "PUBLISH_ON_TIME" ? { ...item, max: 5 } : item)) };
    expect(describeErrors(broken)).toMatchInlineSnapshot(`
      [
        "groups[0].max: the items of group TRANSPARENCY add up to 17 points, not the group's maximum of 18; make them equal.",
        "blocks[0].max: the items of block TRANSPARENCY add up to 17 points, not the block's maximum of 18; make them equal.",
      ]
    `);
    expect(describeErrors(broken, "vi")[0]).toMatchInlineSnapshot(`"groups[0].max: tổng điểm tối đa các chỉ tiêu của nhóm TRANSPARENCY là 17, khác điểm tối đa của nhóm (18); hãy sửa cho bằng nhau."`);
  });

  it("reports unknown groups, duplicate codes, bad transfers and bands out of order, all at once", () => {
    const items = portalScheme.items.map((item) => {
      if (item.code === "PUBLIC_UPDATE_ON_TIME") return { ...item, code: "PUBLISH_ON_TIME" };
      if (item.code === "DOSSIER_SYNC") return { ...item, group: "TRANSPARANCY" };
      if (item.code === "PETITION_HANDLING_SATISFACTION") return { ...item, emptyDenominator: { policy: "transfer" as const, to: "ON_TIME" } };
      return item;
    });
    const bands = [portalScheme.bands[1]!, portalScheme.bands[0]!];
    expect(describeErrors({ ...portalScheme, items, bands })).toMatchInlineSnapshot(`
      [
        "items[1].code: code "PUBLISH_ON_TIME" is used twice in the scheme; codes must be unique.",
        "items[3].group: item belongs to group "TRANSPARANCY", which does not exist; groups: TRANSPARENCY, TIMELINESS, ONLINE_SERVICES, DIGITIZATION, SATISFACTION.",
        "items[22].emptyDenominator.to: item transfers its points to "ON_TIME", but that item is in another group.",
        "groups[0].max: the items of group TRANSPARENCY add up to 12 points, not the group's maximum of 18; make them equal.",
        "bands[1].min: grade bands must be listed by strictly decreasing minimum.",
      ]
    `);
  });

  it("reports type errors with their paths", () => {
    const items = portalScheme.items.map((item, index) => (index === 2 ? { ...item, thresholdPercent: 120, max: -1 } : item));
    expect(describeErrors({ ...portalScheme, items, rounding: { mode: "up", decimals: 2 } })).toMatchInlineSnapshot(`
      [
        "rounding.mode: invalid value; use one of: half-up, half-even.",
        "items[2].max: must not be negative, received -1; enter 0 or more.",
        "items[2].thresholdPercent: value too large (120); at most 100.",
      ]
    `);
  });
});
