// Be Vietnam Pro (SIL Open Font License), the font of the PDF scorecards, served by `chiso serve`
// itself: full Vietnamese coverage on every machine and no request leaves it. Text shows in the
// system font until the faces arrive.
import regular from "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url";
import semiBold from "@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf?url";

export function loadFonts(): void {
  if (!("fonts" in document)) return;
  for (const [url, weight] of [[regular, "400"], [semiBold, "600"]] as const) {
    const face = new FontFace("Be Vietnam Pro", `url(${url})`, { weight, display: "swap" });
    document.fonts.add(face);
    face.load().catch(() => {});
  }
}
