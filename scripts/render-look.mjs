// `pnpm render:look`: renders what a reader sees, so anyone can look — the demo pack in Vietnamese and
// English, the Word files converted to PDF by LibreOffice, and PNGs of the card, the summary's pages,
// the Word report's first page and the dispatch — into look/ (git-ignored).
// Needs LibreOffice (soffice) and poppler (pdftoppm) on the PATH.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const look = join(root, "look");
const bin = join(root, "apps/cli/dist/bin.js");
rmSync(look, { recursive: true, force: true });

const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });
const png = (pdf, prefix, pages = [1, 1]) => run("pdftoppm", ["-r", "80", "-png", "-f", String(pages[0]), "-l", String(pages[1]), pdf, prefix]);

for (const language of ["vi", "en"]) {
  const pack = join(look, language, "pack");
  const out = join(look, language);
  mkdirSync(pack, { recursive: true });
  run(process.execPath, [bin, "demo", "--out", pack, "--deterministic", "--as-of", "2026-11-21", "--lang", language, "--word-cards"]);
  const docx = readdirSync(pack).filter((name) => name.endsWith(".docx")).map((name) => join(pack, name));
  run("soffice", [`-env:UserInstallation=file://${join(look, ".libreoffice")}`, "--headless", "--convert-to", "pdf", "--outdir", join(out, "word-as-pdf"), ...docx, join(pack, "don-vi", "xa-an-lap-2026-10.docx"), join(pack, "chiso-2026-10.xlsx")]);
  png(join(pack, "don-vi", "xa-an-lap-2026-10.pdf"), join(out, "card-xa-an-lap"), [1, 2]);
  png(join(pack, "don-vi", "xa-tan-yen-2026-10.pdf"), join(out, "card-xa-tan-yen-no-dossiers"), [1, 1]);
  png(join(pack, "don-vi", "thanh-tra-tinh-2026-10.pdf"), join(out, "card-thanh-tra-tinh-small-sample"), [1, 2]);
  png(join(pack, "tong-hop-tinh-hoa-son-2026-10.pdf"), join(out, "summary"), [1, 5]);
  png(join(out, "word-as-pdf", "tong-hop-tinh-hoa-son-2026-10.pdf"), join(out, "word-report"), [1, 2]);
  png(join(out, "word-as-pdf", "cong-van-tinh-hoa-son-2026-10.pdf"), join(out, "word-dispatch"), [1, 1]);
  png(join(out, "word-as-pdf", "xa-an-lap-2026-10.pdf"), join(out, "word-card"), [1, 1]);
  png(join(out, "word-as-pdf", "chiso-2026-10.pdf"), join(out, "workbook-printed"), [1, 7]);
}
rmSync(join(look, ".libreoffice"), { recursive: true, force: true });
for (const language of ["vi", "en"]) {
  for (const name of readdirSync(join(look, language)).filter((file) => file.endsWith(".png")).sort()) process.stdout.write(`look/${language}/${name}\n`);
}
