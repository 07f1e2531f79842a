import { getParScheme, getSipasScheme, type FigureInput, type FiguresFile, type ParAssessmentInput, type SipasSurveyInput, type UnitInput } from "@chiso/core";
import { DEMO_DEPARTMENTS, DEMO_PROVINCE, demoCommuneNames } from "./names.js";
import { seededRandom } from "./random.js";

/** The months the demo covers: October 2025 to November 2026 (14 months; November 2026 is open). */
export const DEMO_MONTHS: readonly string[] = Array.from({ length: 14 }, (_, index) => {
  const ordinal = 2025 * 12 + 9 + index;
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, "0")}`;
});

/** The period the demo reports by default: the last complete month of its data. */
export const DEMO_PERIOD = "2026-10";

/** Units that show the "unranked" cases in the demo month. */
export const NO_FIGURES_UNIT = "HS-X011";
export const NO_DOSSIERS_UNIT = "HS-X023";

type Pair = [number, number];

interface UnitProfile {
  readonly unit: UnitInput;
  /** Dossiers received in a typical month. */
  readonly size: number;
  /** Base performance 0–1 and its monthly drift. */
  readonly quality: number;
  readonly drift: number;
  /** Procedures under the unit's authority (catalogue items). */
  readonly procedures: number;
  /** Feedback (PAKN) in a typical month; 0 = never any. */
  readonly feedback: number;
}

/**
 * A deterministic fictional province — Tỉnh Hòa Sơn, 15 departments and 100 communes over 14 months —
 * with realistic shapes (shared/domain.md): large and tiny units, units without feedback or dossiers,
 * a unit with no figures in the reported month, and a few inconsistent figures for the quality notes.
 */
export function generateDemoData(): FiguresFile {
  const next = seededRandom(20261021);
  const between = (low: number, high: number) => low + next() * (high - low);
  const integer = (low: number, high: number) => Math.floor(between(low, high + 1));

  const units: UnitInput[] = [{ id: DEMO_PROVINCE.id, name: DEMO_PROVINCE.name, level: "province" }];
  const profiles: UnitProfile[] = [];
  DEMO_DEPARTMENTS.forEach((name, index) => {
    const unit: UnitInput = { id: `${DEMO_PROVINCE.id}-S${String(index + 1).padStart(2, "0")}`, name, level: "department", parent: DEMO_PROVINCE.id };
    units.push(unit);
    const tiny = name === "Thanh tra tỉnh" || name === "Sở Ngoại vụ";
    profiles.push({ unit, size: tiny ? integer(3, 12) : integer(150, 4000), quality: between(0.72, 0.99), drift: between(-0.01, 0.015), procedures: integer(20, 260), feedback: tiny ? 0 : integer(0, 25) });
  });
  demoCommuneNames().forEach((name, index) => {
    const unit: UnitInput = { id: `${DEMO_PROVINCE.id}-X${String(index + 1).padStart(3, "0")}`, name, level: "commune", parent: DEMO_PROVINCE.id };
    units.push(unit);
    const ward = name.startsWith("Phường");
    profiles.push({ unit, size: ward ? integer(900, 3200) : integer(120, 1400), quality: between(0.6, 0.99), drift: between(-0.012, 0.015), procedures: integer(95, 125), feedback: index % 9 === 0 ? 0 : integer(0, 8) });
  });

  const figures: FigureInput[] = [];
  DEMO_MONTHS.forEach((period, monthIndex) => {
    figures.push(provinceRow(period, integer, between));
    for (const profile of profiles) {
      const row = unitRow(profile, period, monthIndex, integer, between);
      if (row) figures.push(row);
    }
  });
  injectInconsistencies(figures);
  const companions = seededRandom(766_2026);
  return { format: "chiso.figures/1", units, figures, surveys: demoSurveys(profiles, companions), par: demoAssessments(profiles, companions) };
}

/** The year the demo's surveys and PAR assessments cover (shown on every monthly scorecard of that year). */
export const DEMO_YEAR = "2026";

/** Yearly SIPAS tallies (2022 scheme): every 7th commune was not surveyed; one department's sample is too small. */
function demoSurveys(profiles: readonly UnitProfile[], next: () => number): SipasSurveyInput[] {
  const scheme = getSipasScheme();
  return profiles.flatMap((profile, index) => {
    if (profile.unit.level === "commune" && index % 7 === 0) return [];
    const respondents = profile.unit.name === "Thanh tra tỉnh" ? 12 : 40 + Math.floor(next() * 80);
    const tallies: Record<string, Record<string, number>> = {};
    for (const code of scheme.itemPlace.keys()) {
      const satisfiedShare = Math.min(0.99, Math.max(0.4, profile.quality + 0.05 + (next() - 0.5) * 0.15));
      const satisfied = Math.round(respondents * satisfiedShare);
      const veryShare = next() * 0.6;
      const rest = respondents - satisfied;
      const neutral = Math.round(rest * next());
      tallies[code] = { 5: Math.round(satisfied * veryShare), 4: satisfied - Math.round(satisfied * veryShare), 3: neutral, 2: rest - neutral, 1: 0 };
    }
    return [{ unit: profile.unit.id, period: DEMO_YEAR, tallies, respondents }];
  });
}

/** Yearly PAR self-assessments with appraisal of some criteria; every 5th commune had no survey points. */
function demoAssessments(profiles: readonly UnitProfile[], next: () => number): ParAssessmentInput[] {
  const quarter = (value: number) => Math.round(value * 4) / 4;
  return profiles.map((profile, index) => {
    const scheme = getParScheme(profile.unit.level === "department" ? "par-department-example" : "par-commune-example");
    const scores: ParAssessmentInput["scores"] = {};
    for (const leaf of scheme.leaves.values()) {
      const max = leaf.max.toNumber();
      const self = Math.min(max, quarter(max * Math.min(1, profile.quality + 0.05 + (next() - 0.5) * 0.2)));
      scores[leaf.code] = next() < 0.3 ? { self, appraisal: [Math.max(0, self - quarter(next() * 1.5))] } : { self };
    }
    const surveyed = !(profile.unit.level === "commune" && index % 5 === 0);
    const survey = Object.fromEntries(scheme.definition.fields.map((field) => [field.code, quarter(Number(field.surveyMax) * Math.min(1, profile.quality + (next() - 0.5) * 0.2))]));
    const planned = 10 + Math.floor(next() * 20);
    return {
      unit: profile.unit.id,
      period: DEMO_YEAR,
      scores,
      ...(surveyed && { survey }),
      ...(next() < 0.3 && { bonus: quarter(next() * 3) }),
      ...(next() < 0.2 && { penalty: quarter(next() * 3) }),
      tasks: { done: Math.min(planned, Math.round(planned * (profile.quality + 0.05))), planned },
    };
  });
}

function ratioPair(total: number, ratio: number): Pair {
  const clamped = Math.max(0, Math.min(1, ratio));
  return [Math.min(total, Math.round(total * clamped)), total];
}

function provinceRow(period: string, integer: (low: number, high: number) => number, between: (low: number, high: number) => number): FigureInput {
  const procedures = integer(2000, 2300);
  const published = integer(30, 80);
  const fee = Math.round(procedures * 0.35);
  // Feedback addressed to the province itself: scored on its own counts, not its units' (methodology §1.7).
  const feedback = integer(120, 320);
  return {
    unit: DEMO_PROVINCE.id,
    period,
    items: {
      PETITION_CLASSIFICATION: ratioPair(feedback, between(0.9, 1)),
      PETITION_PROCESSING_ON_TIME: ratioPair(feedback, between(0.7, 0.95)),
      PETITION_HANDLING_SATISFACTION: ratioPair(feedback, between(0.55, 0.9)),
      PUBLISH_ON_TIME: ratioPair(published, between(0.85, 1)),
      PUBLIC_UPDATE_ON_TIME: ratioPair(published, between(0.8, 1)),
      PUBLIC_CONTENT_FULL: ratioPair(procedures, between(0.9, 1)),
      ONLINE_SERVICE_PROVIDED: ratioPair(procedures, between(0.85, 0.95)),
      ONLINE_SERVICE_USED: ratioPair(Math.round(procedures * 0.9), between(0.6, 0.9)),
      ONLINE_PAYMENT_INTEGRATED: ratioPair(fee, between(0.85, 1)),
      ONLINE_PAYMENT_FORMALITY_USED: ratioPair(fee, between(0.6, 0.9)),
      CITIZEN_DATA_CONNECTED_FORMALITY: ratioPair(Math.round(procedures * 0.6), between(0.5, 0.9)),
    },
  };
}

function unitRow(
  profile: UnitProfile,
  period: string,
  monthIndex: number,
  integer: (low: number, high: number) => number,
  between: (low: number, high: number) => number,
): FigureInput | null {
  const { unit } = profile;
  // One commune sent no figures for the reported month; another had no dossiers in it.
  if (unit.id === NO_FIGURES_UNIT && period === DEMO_PERIOD) return null;
  const quality = Math.min(0.995, profile.quality + profile.drift * monthIndex);
  const ratio = (spread = 0.06) => quality + between(-spread, spread);
  const noDossiers = unit.id === NO_DOSSIERS_UNIT && period === DEMO_PERIOD;
  const received = noDossiers ? 0 : Math.max(0, Math.round(profile.size * between(0.85, 1.15)));
  const [online] = ratioPair(received, ratio(0.15) - 0.05);
  const post = Math.min(received - online, Math.round(received * between(0, 0.03)));
  const [onTime] = ratioPair(received, Math.max(quality, 0.9) + between(-0.04, 0.01));
  const feesDue = Math.round(received * between(0.3, 0.5));
  const feedback = profile.feedback === 0 ? 0 : integer(0, profile.feedback);
  const complaints = Math.min(onTime, Math.round(received * between(0, 0.02)));
  const isCommune = unit.level === "commune";
  const items: Record<string, Pair> = {
    DOSSIER_SYNC: ratioPair(received, ratio(0.03) + 0.03),
    ON_TIME: [onTime, received],
    ONLINE_DOSSIER_SHARE: [online, received],
    ONLINE_PAYMENT_DOSSIER: ratioPair(feesDue, ratio(0.1)),
    ORIGINAL_RESULT_AVAILABLE: ratioPair(received, ratio()),
    SO_HOA_GIAY_TO_GIAI_QUYET: ratioPair(received, ratio()),
    REUSED_DIGITIZED_DATA: ratioPair(received, ratio(0.1) - 0.1),
    SYNCED_WITH_DVCQG_PERSONAL_STORAGE: ratioPair(received, ratio(0.1) - 0.05),
    CITIZEN_DATA_CONNECTED_DOSSIER: ratioPair(received, ratio(0.08)),
    ELECTRONIC_CERTIFIED_COPY: isCommune ? [next01(quality, between), 1] : [0, 0],
    PETITION_CLASSIFICATION: ratioPair(feedback, ratio(0.05) + 0.05),
    PETITION_PROCESSING_ON_TIME: ratioPair(feedback, ratio(0.1) + 0.05),
    PETITION_HANDLING_SATISFACTION: ratioPair(feedback, ratio(0.1)),
    DOSSIER_RECEIVING_SATISFACTION: [onTime - complaints, received],
    ONLINE_SERVICE_PROVIDED: ratioPair(profile.procedures, ratio(0.05) + 0.02),
    ONLINE_SERVICE_USED: ratioPair(Math.round(profile.procedures * 0.8), ratio(0.1) - 0.05),
    ONLINE_PAYMENT_INTEGRATED: ratioPair(Math.round(profile.procedures * 0.35), ratio(0.05)),
    ONLINE_PAYMENT_FORMALITY_USED: ratioPair(Math.round(profile.procedures * 0.35), ratio(0.1) - 0.05),
    CITIZEN_DATA_CONNECTED_FORMALITY: ratioPair(Math.round(profile.procedures * 0.6), ratio(0.1)),
  };
  // Departments publish their own procedures; communes inherit the province's 1.1–1.3.
  if (!isCommune) {
    const published = integer(0, 12);
    items.PUBLISH_ON_TIME = ratioPair(published, ratio(0.05) + 0.03);
    items.PUBLIC_UPDATE_ON_TIME = ratioPair(published, ratio(0.05));
    items.PUBLIC_CONTENT_FULL = ratioPair(profile.procedures, ratio(0.03) + 0.03);
  }
  return {
    unit: unit.id,
    period,
    items,
    channels: { received, online, direct: received - online - post, post },
    settlement: { settled: received, early: Math.round(onTime * 0.3), onTime: onTime - Math.round(onTime * 0.3), overdue: received - onTime },
    tracked: { AVERAGE_PROCESSING_TIME: Math.round(between(1.5, 9) * 10) / 10 },
  };
}

function next01(quality: number, between: (low: number, high: number) => number): number {
  return between(0, 1) < quality ? 1 : 0;
}

/** A few figures that do not add up, as real reports have: the quality notes must catch them. */
function injectInconsistencies(figures: FigureInput[]): void {
  const find = (unit: string, period: string) => figures.find((row) => row.unit === unit && row.period === period);
  const channels = find("HS-X007", "2026-10");
  if (channels?.channels) channels.channels = { ...channels.channels, direct: channels.channels.direct + 12 };
  const stated = find("HS-S03", "2026-10");
  if (stated) stated.stated = { ONLINE_DOSSIER_SHARE: 92.5 };
  const settlement = find("HS-X015", "2026-10");
  if (settlement?.settlement) settlement.settlement = { ...settlement.settlement, overdue: settlement.settlement.overdue + 7 };
  const jump = find("HS-X021", "2026-10");
  if (jump) {
    const scale = (pair: Pair | { numerator: number; denominator: number }): Pair => (Array.isArray(pair) ? [pair[0] * 5, pair[1] * 5] : [pair.numerator * 5, pair.denominator * 5]);
    for (const code of ["DOSSIER_SYNC", "ON_TIME", "ONLINE_DOSSIER_SHARE", "ORIGINAL_RESULT_AVAILABLE"]) {
      const pair = jump.items[code];
      if (pair) jump.items[code] = scale(pair);
    }
    delete jump.channels;
    delete jump.settlement;
  }
}
