import { describe, expect, it } from "vitest";
import { DEFAULTED_FIELDS, defaultProfile, demoProfile, describeProfileIssues, profileTemplate, safeParseProfile } from "../src/index.js";

describe("the profile's defaults", () => {
  it("invent no person for a real province: the signer's name is blank in both languages", () => {
    for (const language of ["vi", "en"] as const) {
      const profile = defaultProfile("UBND Tỉnh Phú Thọ", language);
      expect(profile.signer.name).toBe("");
      expect(profile.numbers).toBeUndefined();
      // What is derived from the figures: the parent body and the place.
      expect(profile.place).toBe("Phú Thọ");
      expect(profile.issuer.parent).toBe(language === "vi" ? "UBND TỈNH PHÚ THỌ" : "PEOPLE'S COMMITTEE OF PHÚ THỌ PROVINCE");
    }
    expect(DEFAULTED_FIELDS.blank).toContain("signer.name");
  });

  it("only the demo's fictional province signs with a name", () => {
    expect(demoProfile("vi").signer).toEqual({ authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn An" });
    expect(demoProfile("en").issuer.parent).toBe("PEOPLE'S COMMITTEE OF HÒA SƠN PROVINCE");
  });

  it("the template must have its signer's name written in before it is accepted", () => {
    const template = profileTemplate("Tỉnh Hòa Sơn", "vi");
    const result = safeParseProfile(template);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeProfileIssues(result.issues, "vi")).toEqual(["signer.name: đang để trống; hãy ghi nội dung"]);
    const filled = safeParseProfile({ ...template, signer: { ...(template.signer as object), name: "Trần Thị Bình" } });
    expect(filled.success).toBe(true);
  });
});
