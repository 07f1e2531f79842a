// A same-work baseline for the 766 engine, written independently of @chiso/core: plain integer code over
// flat arrays that does what scoreDataset does for a period — own rows or summed months, children's sums,
// inheritance, empty-denominator rules, transfers, exact and percent-first item rules, rounded items into
// groups, totals, completeness, bands and competition ranks within levels. It reads the scheme's JSON
// definition (data) but no scoring code, so agreeing with the engine on every unit-period is a real check.

const LEVELS = { province: 0, department: 1, commune: 2 };

/** Prepares the units and the rows of a raw `chiso.figures/1` document once. */
export function prepareBaseline(file, definition) {
  const items = definition.items;
  const itemCount = items.length;
  const unitIndex = new Map(file.units.map((unit, index) => [unit.id, index]));
  const units = file.units.length;
  const parent = file.units.map((unit) => (unit.parent === undefined ? -1 : unitIndex.get(unit.parent)));
  const level = file.units.map((unit) => LEVELS[unit.level]);
  const depth = parent.map((_, unit) => {
    let d = 0;
    for (let p = parent[unit]; p >= 0; p = parent[p]) d += 1;
    return d;
  });
  // Deepest first: every child is done before its parent.
  const order = [...parent.keys()].sort((a, b) => depth[b] - depth[a]);
  const codeIndex = new Map(items.map((item, index) => [item.code, index]));
  const rowsByPeriod = new Map();
  const num = new Float64Array(file.figures.length * itemCount);
  const den = new Float64Array(file.figures.length * itemCount);
  const has = new Uint8Array(file.figures.length * itemCount);
  file.figures.forEach((figure, row) => {
    for (const [code, pair] of Object.entries(figure.items)) {
      const at = row * itemCount + codeIndex.get(code);
      num[at] = Array.isArray(pair) ? pair[0] : pair.numerator;
      den[at] = Array.isArray(pair) ? pair[1] : pair.denominator;
      has[at] = 1;
    }
    if (!rowsByPeriod.has(figure.period)) rowsByPeriod.set(figure.period, new Int32Array(units).fill(-1));
    rowsByPeriod.get(figure.period)[unitIndex.get(figure.unit)] = row;
  });
  const decimals = definition.rounding.decimals;
  const scale = 10 ** decimals;
  const rules = items.map((item) => {
    const maxUnits = Math.round(Number(item.max) * scale);
    const threshold = Number(item.thresholdPercent);
    return {
      maxUnits,
      threshold,
      policy: item.emptyDenominator.policy,
      to: item.emptyDenominator.to === undefined ? -1 : codeIndex.get(item.emptyDenominator.to),
      dossier: item.scope === "dossier",
      inherited: [0, 1, 2].map((code) => (item.inheritedBy ?? []).includes(Object.keys(LEVELS)[code])),
      percentFirst: item.points?.method === "percent-first",
    };
  });
  const groups = definition.groups.map((group) => items.flatMap((item, index) => (item.group === group.code ? [index] : [])));
  const bands = definition.bands.map((band) => ({ code: band.code, min: Math.round(Number(band.min) * scale) }));
  const volume = codeIndex.get(definition.volumeItem);
  // Scratch arrays for one period, made once and cleared for each: scoring allocates only its results, so its
  // time does not depend on what the allocator was left with by whatever ran before it.
  const size = units * itemCount;
  const counts = () => ({ num: new Float64Array(size), den: new Float64Array(size), has: new Uint8Array(size) });
  const scratch = { own: counts(), sum: counts(), use: counts(), points: new Int32Array(itemCount), max: new Int32Array(itemCount) };
  return { itemCount, units, parent, level, order, num, den, has, rowsByPeriod, rules, groups, bands, volume, scale, scratch };
}

/** floor(a / b) for non-negative safe integers, corrected for the floating-point quotient. */
function divide(a, b) {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** round(a / b) half-up, exactly. */
function roundHalfUp(a, b) {
  const q = divide(a, b);
  return 2 * (a - q * b) >= b ? q + 1 : q;
}

/** A non-negative double rounded half-up to hundredths on its exact value (toFixed decides near a half). */
function hundredths(x) {
  const scaled = x * 100;
  const f = Math.floor(scaled);
  const frac = scaled - f;
  if (frac < 0.4999 || frac > 0.5001) return frac > 0.5 ? f + 1 : f;
  return Math.round(Number(x.toFixed(2)) * 100);
}

function itemUnits(rule, n, d, max, scale) {
  let units;
  if (rule.percentFirst) {
    const percentUnits = roundHalfUp(n * 10000, d);
    const weight = (max * 100) / (scale * rule.threshold);
    units = hundredths(((percentUnits / 100) * weight) / 100);
  } else {
    // max · n / (d · T%) = max · n · 100 / (d · T)
    units = roundHalfUp(max * n * 100, d * rule.threshold);
  }
  return units > max ? max : units;
}

/**
 * Scores one period ("2025-03" or "2025") of a prepared dataset: every unit's total (units of 10^-decimals,
 * -1 for none), band code and standing (position 0 = unranked).
 */
export function scoreBaseline(data, periodKey) {
  const { itemCount: I, units: U, parent, level, order, rules, groups, bands, volume, scale } = data;
  const { own, sum, use, points, max } = data.scratch;
  for (const counts of [own, sum, use]) {
    counts.num.fill(0);
    counts.den.fill(0);
    counts.has.fill(0);
  }
  const months = /^\d{4}$/.test(periodKey) ? Array.from({ length: 12 }, (_, m) => `${periodKey}-${String(m + 1).padStart(2, "0")}`) : [periodKey];
  for (const month of months) {
    const rows = data.rowsByPeriod.get(month);
    if (!rows) continue;
    for (let u = 0; u < U; u += 1) {
      const row = rows[u];
      if (row < 0) continue;
      for (let i = 0; i < I; i += 1) {
        const from = row * I + i;
        if (!data.has[from]) continue;
        own.num[u * I + i] += data.num[from];
        own.den[u * I + i] += data.den[from];
        own.has[u * I + i] = 1;
      }
    }
  }
  const total = new Int32Array(U).fill(-1);
  const status = new Uint8Array(U); // 0 complete, 1 incomplete, 2 no dossiers, 3 no figures
  for (const u of order) {
    let data0 = false;
    for (let i = 0; i < I; i += 1) {
      const k = u * I + i;
      let src = null;
      if (rules[i].dossier && sum.has[k]) src = sum;
      else if (own.has[k]) src = own;
      if (src) {
        use.num[k] = src.num[k];
        use.den[k] = src.den[k];
        use.has[k] = 1;
        data0 = true;
      } else if (rules[i].inherited[level[u]]) {
        for (let a = parent[u]; a >= 0; a = parent[a]) {
          if (!own.has[a * I + i]) continue;
          use.num[k] = own.num[a * I + i];
          use.den[k] = own.den[a * I + i];
          use.has[k] = 1;
          break;
        }
      }
      const p = parent[u];
      if (p >= 0 && use.has[k]) {
        sum.num[p * I + i] += use.num[k];
        sum.den[p * I + i] += use.den[k];
        sum.has[p * I + i] = 1;
      }
    }
    for (let i = 0; i < I; i += 1) max[i] = rules[i].maxUnits;
    for (let i = 0; i < I; i += 1) {
      const k = u * I + i;
      if (rules[i].policy === "transfer" && use.has[k] && use.den[k] === 0) {
        max[rules[i].to] += rules[i].maxUnits;
        max[i] = 0;
      }
    }
    let missing = 0;
    for (let i = 0; i < I; i += 1) {
      const k = u * I + i;
      const rule = rules[i];
      points[i] = -1;
      if (rule.maxUnits === 0) continue;
      if (!use.has[k]) missing += 1;
      else if (use.den[k] === 0) points[i] = rule.policy === "zero" ? 0 : rule.policy === "full" ? max[i] : -1;
      else points[i] = itemUnits(rule, use.num[k], use.den[k], max[i], scale);
    }
    let sumUnits = 0;
    let any = false;
    for (const group of groups) {
      for (const i of group) {
        if (points[i] < 0) continue;
        sumUnits += points[i];
        any = true;
      }
    }
    if (data0 && any) total[u] = sumUnits;
    const vk = u * I + volume;
    const dossiers = use.has[vk] ? use.den[vk] > 0 : rules.some((rule, i) => rule.dossier && rule.maxUnits > 0 && use.has[u * I + i] && use.den[u * I + i] > 0);
    status[u] = total[u] < 0 ? 3 : !dossiers ? 2 : missing > 0 ? 1 : 0;
  }
  const band = Array.from(total, (t, u) => (status[u] === 0 && t >= 0 ? (bands.find((b) => t >= b.min)?.code ?? null) : null));
  const position = new Int32Array(U);
  const tied = new Uint8Array(U);
  for (let lv = 0; lv < 3; lv += 1) {
    const ranked = [];
    for (let u = 0; u < U; u += 1) if (level[u] === lv && status[u] === 0) ranked.push(u);
    ranked.sort((a, b) => total[b] - total[a]);
    for (let r = 0; r < ranked.length; r += 1) {
      const u = ranked[r];
      position[u] = r > 0 && total[ranked[r - 1]] === total[u] ? position[ranked[r - 1]] : r + 1;
      tied[u] = (r > 0 && total[ranked[r - 1]] === total[u]) || (r + 1 < ranked.length && total[ranked[r + 1]] === total[u]) ? 1 : 0;
    }
  }
  return { total, band, position, tied, status };
}
