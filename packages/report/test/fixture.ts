import { getParScheme, getScheme, getSipasScheme, parseDataset, type FiguresFile } from "@chiso/core";
import { extractText, getDocumentProxy } from "unpdf";

const scheme = getScheme();
const full = (numerator: number, denominator: number) => Object.fromEntries(scheme.items.map((item) => [item.code, [numerator, denominator] as [number, number]]));

/** A small province: two departments and three communes over two months. */
export function smallPackFile(communeName = "Xã An Bình"): FiguresFile {
  const units: FiguresFile["units"] = [
    { id: "P", name: "Tỉnh Thử Nghiệm", level: "province" },
    { id: "D1", name: "Sở Tư pháp", level: "department", parent: "P" },
    { id: "D2", name: "Sở Y tế", level: "department", parent: "P" },
    { id: "C1", name: communeName, level: "commune", parent: "P" },
    { id: "C2", name: "Phường Đông Hải", level: "commune", parent: "P" },
    { id: "C3", name: "Xã Tân Lập", level: "commune", parent: "P" },
  ];
  const figures: FiguresFile["figures"] = [];
  for (const [period, shift] of [["2026-02", 0], ["2026-03", 1]] as const) {
    figures.push({ unit: "D1", period, items: { ...full(90 + shift, 100), ON_TIME: [95, 100] } });
    figures.push({ unit: "D2", period, items: full(70 + shift * 5, 100) });
    figures.push({ unit: "C1", period, items: { ...full(80, 100), ON_TIME: [7, 10], ONLINE_SERVICE_PROVIDED: [7 + shift, 10] } });
    figures.push({ unit: "C2", period, items: full(99, 100) });
  }
  // C1 has a survey (every item 30 of 40 satisfied = 75%) and a PAR assessment at 87.5%; C2 has neither.
  const sipasItems = [...getSipasScheme().itemPlace.keys()];
  const surveys = [{ unit: "C1", period: "2026", respondents: 40, tallies: Object.fromEntries(sipasItems.map((code) => [code, { 5: 10, 4: 20, 2: 10 }])) }];
  const parScheme = getParScheme("par-commune-example");
  const scores = Object.fromEntries([...parScheme.leaves.values()].map((leaf) => [leaf.code, { self: leaf.max.toNumber() * 0.875 }]));
  const survey = Object.fromEntries(parScheme.definition.fields.map((field) => [field.code, Number(field.surveyMax) * 0.875]));
  return { units, figures, surveys, par: [{ unit: "C1", period: "2026", scores, survey, tasks: { done: 7, planned: 8 } }] };
}

export const datasetOf = (file: FiguresFile) => parseDataset(file, scheme);

/** The text of each page of a PDF, with its lines. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text;
}

/** The text of a PDF, as a reader's copy-paste would give it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}
