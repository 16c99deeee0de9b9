#!/usr/bin/env node
// Reference consumer of the cchc-forms rules, in JavaScript: an ES module
// with no dependencies, for Node 18 or later and for browsers.
//
// It holds no rule of its own: it reads schemas/rules.json (the rules, as
// data) and schemas/catalogue.json (each row's key, value kind and the
// periods it applies to) and evaluates every rule on a report written as the
// library writes it (`validate --emit-report`), following docs/rules.md. Only
// the families need code here, once each.
//
// Command line:
//
//   node cchc-rules.mjs REPORT.json [--rules RULES.json] [--catalogue CATALOGUE.json]
//
// prints the findings as a JSON array (rule, family, severity, cells,
// reported, reported_interval, computed, computed_interval, imbalance) and
// exits with 1 when one of them is an error, 0 otherwise (2 on bad input).
//
// Module:
//
//   import { validate, parseJson } from "./cchc-rules.mjs";
//   const findings = validate(parseJson(text), rules, catalogue);
//
// Arithmetic is exact, in BigInt: a printed value is an interval counted in
// integer units of 1 / (2 · 10^scale) (docs/rules.md, "Intervals"). Counts
// past 2^53 lose digits in JSON.parse; parseJson keeps them.

/** The version of rules.json this consumer understands. */
export const FORMAT_VERSION = 1;

/** The rules, the catalogue or the report cannot be read. */
export class RuleError extends Error {}

const EXACT = 0;
const NEAREST = 1;
const TRUNCATED = 2;

const POWERS = [1n];
/** 10^exponent as a BigInt. */
function pow10(exponent) {
  while (POWERS.length <= exponent) POWERS.push(POWERS[POWERS.length - 1] * 10n);
  return POWERS[exponent];
}

const abs = (a) => (a < 0n ? -a : a);
const atMost = (a, b, strict) => (strict ? a < b : a <= b);
const floorDiv = (a, b) => {
  // b > 0
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
};
const ceilDiv = (a, b) => -floorDiv(-a, b);

// ---------------------------------------------------------------------------
// Printed values and their intervals
// ---------------------------------------------------------------------------

/** A printed value: its digits as a BigInt and how many of them are decimals. */
class Printed {
  constructor(mantissa, decimals) {
    this.mantissa = mantissa;
    this.decimals = decimals;
  }

  text() {
    return decimalText(this.mantissa, this.decimals);
  }
}

/** mantissa / 10^decimals written with exactly `decimals` decimals. */
function decimalText(mantissa, decimals) {
  const sign = mantissa < 0n ? "-" : "";
  let digits = abs(mantissa).toString();
  if (decimals === 0) return sign + digits;
  digits = digits.padStart(decimals + 1, "0");
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** A terminating fraction (positive denominator 2^a·5^b) as its shortest decimal. */
function normalizedText(numerator, denominator) {
  let decimals = 0;
  while (numerator % denominator !== 0n && decimals <= 60) {
    numerator *= 10n;
    decimals += 1;
  }
  let text = decimalText(numerator / denominator, decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" || text === "" ? "0" : text;
}

/** An interval [lo, hi] in units of 1 / (2 · 10^scale), each end open or not. */
class Span {
  constructor(lo, hi, scale, loOpen = false, hiOpen = false) {
    this.lo = lo;
    this.hi = hi;
    this.scale = scale;
    this.loOpen = loOpen;
    this.hiOpen = hiOpen;
  }

  static of(value, reading) {
    const twice = 2n * value.mantissa;
    if (reading === EXACT) return new Span(twice, twice, value.decimals);
    if (reading === NEAREST) return new Span(twice - 1n, twice + 1n, value.decimals);
    if (value.mantissa >= 0n) return new Span(twice, twice + 2n, value.decimals, false, true);
    return new Span(twice - 2n, twice, value.decimals, true, false);
  }

  rescale(scale) {
    if (scale === this.scale) return this;
    const factor = pow10(scale - this.scale);
    return new Span(this.lo * factor, this.hi * factor, scale, this.loOpen, this.hiOpen);
  }

  /** The denominator 2 · 10^scale. */
  unit() {
    return 2n * pow10(this.scale);
  }

  static sum(spans) {
    const scale = Math.max(...spans.map((span) => span.scale));
    let lo = 0n;
    let hi = 0n;
    let loOpen = false;
    let hiOpen = false;
    for (const part of spans) {
      const span = part.rescale(scale);
      lo += span.lo;
      hi += span.hi;
      loOpen ||= span.loOpen;
      hiOpen ||= span.hiOpen;
    }
    return new Span(lo, hi, scale, loOpen, hiOpen);
  }

  /** this.lo <= other.hi (strictly when either end is open). */
  canBeAtMost(other) {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescale(scale);
    const b = other.rescale(scale);
    return atMost(a.lo, b.hi, a.loOpen || b.hiOpen);
  }

  overlaps(other) {
    return this.canBeAtMost(other) && other.canBeAtMost(this);
  }

  interval() {
    const unit = this.unit();
    return { low: normalizedText(this.lo, unit), high: normalizedText(this.hi, unit) };
  }

  lowText() {
    return normalizedText(this.lo, this.unit());
  }
}

/** Whether rate meets {scale·x/y : x in num, y in den}, den positive (den.lo > 0). */
function ratioOverlaps(rate, num, den, scale = 100n) {
  const rateUnit = rate.unit();
  const numUnit = num.unit();
  const scaleProduct = den.unit() * rateUnit;
  const [maxDen, maxDenOpen] = num.hi >= 0n ? [den.lo, den.loOpen] : [den.hi, den.hiOpen];
  const [minDen, minDenOpen] = num.lo >= 0n ? [den.hi, den.hiOpen] : [den.lo, den.loOpen];
  const lowOk = atMost(
    rate.lo * numUnit * maxDen,
    num.hi * scale * scaleProduct,
    rate.loOpen || num.hiOpen || maxDenOpen,
  );
  const highOk = atMost(
    num.lo * scale * scaleProduct,
    rate.hi * numUnit * minDen,
    rate.hiOpen || num.loOpen || minDenOpen,
  );
  return lowOk && highOk;
}

/** scale · num / den (100: a percentage) to `decimals` decimals, half away from zero (or truncated); null when den is 0. */
function percentage(num, den, decimals, truncate = false, scale = 100n) {
  const scaled = num.mantissa * scale * pow10(den.decimals + decimals);
  const divisor = den.mantissa * pow10(num.decimals);
  if (divisor === 0n) return null;
  const negative = scaled < 0n !== divisor < 0n;
  let quotient = abs(scaled) / abs(divisor);
  const remainder = abs(scaled) % abs(divisor);
  if (!truncate && 2n * remainder >= abs(divisor)) quotient += 1n;
  return new Printed(negative ? -quotient : quotient, decimals);
}

/** numerator/denominator (denominator > 0) to `decimals` decimals, towards +∞ (up) or −∞. */
function quotientText(numerator, denominator, decimals, up) {
  const scaled = numerator * pow10(decimals);
  const value = up ? ceilDiv(scaled, denominator) : floorDiv(scaled, denominator);
  return normalizedText(value, pow10(decimals));
}

/** A decimal string ("-12.50") as [mantissa, decimals]. */
function parseDecimal(text) {
  const match = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RuleError(`not a decimal: ${JSON.stringify(text)}`);
  const fraction = match[3] ?? "";
  const mantissa = BigInt(match[2] + fraction);
  return [match[1] === "-" ? -mantissa : mantissa, fraction.length];
}

/** a − b for two decimal strings, exactly, with the decimals of the finer. */
function subtract(a, b) {
  const [am, ad] = parseDecimal(a);
  const [bm, bd] = parseDecimal(b);
  const scale = Math.max(ad, bd);
  return decimalText(am * pow10(scale - ad) - bm * pow10(scale - bd), scale);
}

// ---------------------------------------------------------------------------
// Reading a report
// ---------------------------------------------------------------------------

const BIG = "\u0000bigint:";

/**
 * JSON.parse that keeps integers past 2^53 exactly (as BigInt), for reports
 * whose counts go up to 2^64 − 1.
 */
export function parseJson(text) {
  const marked = text.replace(
    /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g,
    (token) => {
      if (token[0] === '"' || /[.eE]/.test(token)) return token;
      const digits = token.replace("-", "");
      if (digits.length < 16 || Number.isSafeInteger(Number(token))) return token;
      return `"\\u0000bigint:${token}"`;
    },
  );
  return JSON.parse(marked, (_, value) =>
    typeof value === "string" && value.startsWith(BIG) ? BigInt(value.slice(BIG.length)) : value,
  );
}

const TERM_WINDOW_START = {
  // The first day of a period's data window: [year offset, month, day].
  q1: [-1, 12, 15],
  half_year: [-1, 12, 15],
  q3: [0, 6, 15],
  year: [-1, 12, 15],
};

/** A "YYYY-MM-DD" date as a number that orders as the date does. */
function dayNumber(text) {
  if (text === null || text === undefined) return null;
  const [year, month, day] = text.split("-").map(Number);
  return year * 10000 + month * 100 + day;
}

const cellKey = (cell) => `${cell.form}/${cell.stt}`;

/** A report's cells as the rules read them, with the rows that do not apply. */
class Values {
  constructor(report, catalogue) {
    if (report === null || typeof report !== "object" || Array.isArray(report)) {
      throw new RuleError("a report is a JSON object");
    }
    const meta = report.meta ?? {};
    this.reference = meta.reference ?? {};
    const forms = new Map(catalogue.forms.map((form) => [form.number, form.key]));
    let start = null;
    if (meta.period) {
      const [offset, month, day] = TERM_WINDOW_START[meta.period.term];
      start = (Number(meta.period.year) + offset) * 10000 + month * 100 + day;
    }
    this.cells = new Map();
    this.kinds = new Map();
    this.absent = new Set();
    for (const indicator of catalogue.indicators) {
      const key = cellKey(indicator);
      this.kinds.set(key, indicator.kind);
      const applies = indicator.applies;
      if (start !== null && applies) {
        const first = dayNumber(applies.from);
        const last = dayNumber(applies.until);
        if ((first !== null && start < first) || (last !== null && start > last)) {
          this.absent.add(key);
        }
      }
      const raw = (report[forms.get(indicator.form)] ?? {})[indicator.key];
      if (raw === null || raw === undefined) continue;
      this.cells.set(key, Values.printed(raw, indicator.kind, key));
    }
  }

  static printed(raw, kind, key) {
    if (typeof raw === "bigint") return new Printed(raw, 0);
    if (typeof raw === "number" && Number.isInteger(raw)) {
      if (!Number.isSafeInteger(raw)) {
        throw new RuleError(`${key}: ${raw} is past 2^53 and lost its last digits in JSON.parse; read the report with parseJson`);
      }
      return new Printed(BigInt(raw), 0);
    }
    if (typeof raw === "string" && (kind === "percent" || kind === "million_vnd")) {
      const [mantissa, decimals] = parseDecimal(raw);
      return new Printed(mantissa, decimals);
    }
    throw new RuleError(`${key}: ${JSON.stringify(raw)} is not a ${kind} value`);
  }

  /** The value, null when blank or when the row does not apply. */
  get(key) {
    return this.absent.has(key) ? null : (this.cells.get(key) ?? null);
  }

  /** The value as reported, even in a row that does not apply. */
  reported(key) {
    return this.cells.get(key) ?? null;
  }

  isExact(key) {
    const kind = this.kinds.get(key);
    return kind === "count" || kind === "code";
  }

  span(key, value, reading) {
    return Span.of(value, this.isExact(key) ? EXACT : reading);
  }
}

// ---------------------------------------------------------------------------
// The families: one function each (docs/rules.md, "Families")
// ---------------------------------------------------------------------------

function finding(rule, severity, cells, numbers = {}) {
  return {
    rule: rule.id,
    family: rule.family,
    severity,
    cells: (cells ?? rule.cells).map((cell) => ({ form: cell.form, stt: cell.stt })),
    reported: null,
    reported_interval: null,
    computed: null,
    computed_interval: null,
    imbalance: null,
    ...numbers,
  };
}

function ratioInterval(num, den, scale) {
  const lowDen = num.lo < 0n ? den.lo : den.hi;
  const highDen = num.hi < 0n ? den.hi : den.lo;
  const numUnit = num.unit();
  const denUnit = den.unit();
  return {
    low: quotientText(scale * num.lo * denUnit, lowDen * numUnit, 4, false),
    high: quotientText(scale * num.hi * denUnit, highDen * numUnit, 4, true),
  };
}

function ratio(rule, roles, values) {
  const ids = [roles.rate, roles.numerator, roles.denominator].map(cellKey);
  const [rate, num, den] = ids.map((key) => values.get(key));
  if (rate === null || num === null || den === null) return null;
  const numSpan = values.span(ids[1], num, NEAREST);
  const denSpan = values.span(ids[2], den, NEAREST);
  if (denSpan.hi <= 0n && numSpan.lo <= 0n && numSpan.hi >= 0n) {
    return finding(rule, "info", null, { reported: rate.text() });
  }
  if (denSpan.lo <= 0n) return null;
  const scale = BigInt(roles.scale);
  if (ratioOverlaps(Span.of(rate, NEAREST), numSpan, denSpan, scale)) return null;
  const truncated = ratioOverlaps(Span.of(rate, TRUNCATED), numSpan, denSpan, scale);
  const computed = percentage(num, den, 4, false, scale);
  const exact = values.isExact(ids[1]) && values.isExact(ids[2]);
  return finding(rule, truncated ? "info" : rule.severity, null, {
    reported: rate.text(),
    reported_interval: Span.of(rate, NEAREST).interval(),
    computed: computed ? computed.text() : null,
    computed_interval: exact ? null : ratioInterval(numSpan, denSpan, scale),
    imbalance: computed ? subtract(rate.text(), computed.text()) : null,
  });
}

function derivable(rule, roles, values) {
  const ids = [roles.rate, roles.numerator, roles.denominator].map(cellKey);
  if (ids.some((key) => values.absent.has(key))) return null;
  const [rate, num, den] = ids.map((key) => values.get(key));
  if (rate !== null || num === null || den === null) return null;
  if (den.mantissa <= 0n || num.mantissa < 0n) return null;
  const derived = percentage(num, den, 2, false, BigInt(roles.scale));
  const low = roles.min ?? null;
  const high = roles.max ?? null;
  if (
    (low !== null && derived.mantissa < BigInt(low) * 100n) ||
    (high !== null && derived.mantissa > BigInt(high) * 100n)
  ) {
    return finding(rule, "info");
  }
  return finding(rule, "info", null, { computed: derived.text() });
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A count or code printed without decimals, of at most 64 bits, else null. */
function wholeNumber(values, key, value) {
  if (values.isExact(key) && value.decimals === 0 && value.mantissa >= I64_MIN && value.mantissa <= I64_MAX) {
    return value.mantissa;
  }
  return null;
}

/** A whole and its parts (sum, part_whole, across_forms part_of). */
function total(rule, wholeKey, partKeys, above, below, values) {
  const whole = values.get(wholeKey);
  if (whole === null) return null;
  const known = partKeys.map((key) => [key, values.get(key)]).filter(([, value]) => value !== null);
  if (known.length === 0) return null;
  const equality = below !== null && known.length === partKeys.length;
  const counts = [wholeNumber(values, wholeKey, whole), ...known.map(([key, value]) => wholeNumber(values, key, value))];
  let partsFit;
  let totalFits;
  let partsSpan = null;
  let wholeCount;
  let partsSum;
  if (counts.every((count) => count !== null)) {
    wholeCount = counts[0];
    partsSum = counts.slice(1).reduce((a, b) => a + b, 0n);
    partsFit = partsSum <= wholeCount;
    totalFits = wholeCount <= partsSum;
  } else {
    const wholeSpan = values.span(wholeKey, whole, NEAREST);
    partsSpan = Span.sum(known.map(([key, value]) => values.span(key, value, NEAREST)));
    partsFit = partsSpan.canBeAtMost(wholeSpan);
    totalFits = wholeSpan.canBeAtMost(partsSpan);
  }
  let severity;
  if (!partsFit) severity = above;
  else if (equality && !totalFits) severity = below;
  else return null;
  const cells = rule.cells.filter((cell) => values.get(cellKey(cell)) !== null);
  const out = finding(rule, severity, cells, { reported: whole.text() });
  if (partsSpan === null) {
    out.computed = partsSum.toString();
    out.imbalance = (wholeCount - partsSum).toString();
  } else {
    const exact = partsSpan.lo === partsSpan.hi;
    const computed = exact ? partsSpan.lowText() : null;
    if (!values.isExact(wholeKey)) out.reported_interval = Span.of(whole, NEAREST).interval();
    out.computed = computed;
    out.computed_interval = exact ? null : partsSpan.interval();
    out.imbalance = computed !== null ? subtract(whole.text(), computed) : null;
  }
  return out;
}

function sum(rule, roles, values) {
  return total(rule, cellKey(roles.total), roles.parts.map(cellKey), roles.above, roles.below, values);
}

function partWhole(rule, roles, values) {
  return total(rule, cellKey(roles.whole), roles.parts.map(cellKey), rule.severity, null, values);
}

function acrossForms(rule, roles, values) {
  if (roles.shape === "part_of") return partWhole(rule, roles, values);
  const leftKey = cellKey(roles.left);
  const rightKey = cellKey(roles.right);
  const left = values.get(leftKey);
  const right = values.get(rightKey);
  if (left === null || right === null) return null;
  const l = wholeNumber(values, leftKey, left);
  const r = wholeNumber(values, rightKey, right);
  const holds =
    l !== null && r !== null
      ? l === r
      : values.span(leftKey, left, NEAREST).overlaps(values.span(rightKey, right, NEAREST));
  if (holds) return null;
  return finding(rule, rule.severity, null, {
    reported: left.text(),
    computed: right.text(),
    imbalance: subtract(left.text(), right.text()),
  });
}

function bound(rule, roles, values) {
  const value = values.get(cellKey(roles.cell));
  if (value === null) return null;
  const unit = pow10(value.decimals);
  const low = roles.min ?? null;
  const high = roles.max ?? null;
  const below = low !== null && value.mantissa < BigInt(low) * unit;
  const above = high !== null && value.mantissa > BigInt(high) * unit;
  if (!below && !above) return null;
  return finding(rule, rule.severity, null, {
    reported: value.text(),
    imbalance: subtract(value.text(), String(below ? low : high)),
  });
}

function conditional(rule, roles, values) {
  const code = values.get(cellKey(roles.code));
  if (code === null || code.mantissa !== BigInt(roles.when)) return null;
  const describing = roles.dependents.filter((cell) => {
    const value = values.get(cellKey(cell));
    return value !== null && (value.mantissa !== 0n || values.kinds.get(cellKey(cell)) === "code");
  });
  if (describing.length === 0) return null;
  return finding(rule, rule.severity, [roles.code, ...describing], { reported: code.text() });
}

function levelRange(rule, roles, values) {
  const overallKey = cellKey(roles.overall);
  const overall = values.get(overallKey);
  if (overall === null) return null;
  const levels = [];
  for (const cell of roles.levels.slice(0, 8)) {
    const key = cellKey(cell);
    if (values.absent.has(key)) continue;
    const value = values.get(key);
    if (value === null) return null;
    levels.push([key, value]);
  }
  if (levels.length === 0) return null;
  const rangeUnder = (reading) => {
    const spans = levels.map(([key, value]) => values.span(key, value, reading));
    const scale = Math.max(...spans.map((span) => span.scale));
    const scaled = spans.map((span) => span.rescale(scale));
    let lo = scaled[0].lo;
    let hi = scaled[0].hi;
    for (const span of scaled) {
      if (span.lo < lo) lo = span.lo;
      if (span.hi > hi) hi = span.hi;
    }
    return new Span(lo, hi, scale);
  };
  const nearest = values.span(overallKey, overall, NEAREST);
  if (nearest.overlaps(rangeUnder(NEAREST))) return null;
  const truncated = values.span(overallKey, overall, TRUNCATED).overlaps(rangeUnder(TRUNCATED));
  return finding(rule, truncated ? "info" : rule.severity, null, {
    reported: overall.text(),
    reported_interval: nearest.interval(),
    computed_interval: rangeUnder(NEAREST).interval(),
  });
}

function notApplicable(rule, roles, values) {
  const key = cellKey(roles.cell);
  if (!values.absent.has(key)) return null;
  const value = values.reported(key);
  if (value === null || value.mantissa === 0n) return null;
  return finding(rule, rule.severity, null, { reported: value.text() });
}

function covers(rule, roles, values) {
  const key = cellKey(roles.cell);
  const value = values.get(key);
  if (value === null) return null;
  const spans = [];
  for (const cell of roles.covering.slice(0, 8)) {
    const part = values.get(cellKey(cell));
    if (part === null) return null;
    spans.push(values.span(cellKey(cell), part, NEAREST));
  }
  const covered = Span.sum(spans);
  if (values.span(key, value, NEAREST).canBeAtMost(covered)) return null;
  const exact = covered.lo === covered.hi;
  const computed = exact ? covered.lowText() : null;
  return finding(rule, rule.severity, null, {
    reported: value.text(),
    computed,
    computed_interval: exact ? null : covered.interval(),
    reported_interval: values.isExact(key) ? null : Span.of(value, NEAREST).interval(),
    imbalance: computed !== null ? subtract(value.text(), computed) : null,
  });
}

/** true, false or null (unknown) for a condition on the whole values of its rows. */
function truth(condition, numbers) {
  const first = numbers.length > 0 ? numbers[0] : null;
  const blank = numbers.some((n) => n === null);
  const reported = numbers.filter((n) => n !== null);
  switch (condition.kind) {
    case "positive":
      if (reported.some((n) => n > 0n)) return true;
      return blank ? null : false;
    case "zero":
      if (reported.some((n) => n !== 0n)) return false;
      return blank ? null : true;
    case "code":
      return first === null ? null : first === BigInt(condition.code);
    case "reported":
      return first !== null;
    case "blank":
      return first === null;
    default:
      throw new RuleError(`unknown condition kind ${JSON.stringify(condition.kind)}`);
  }
}

/** A count's or code's whole value; a decimal as its mantissa if whole, else its sign. */
function wholeValue(value) {
  if (value === null) return null;
  if (value.decimals === 0) return value.mantissa;
  return value.mantissa > 0n ? 1n : value.mantissa < 0n ? -1n : 0n;
}

function implies(rule, roles, values) {
  const { premise, conclusion } = roles;
  const read = (condition) => condition.cells.map((cell) => wholeValue(values.get(cellKey(cell))));
  if (truth(premise, read(premise)) !== true || truth(conclusion, read(conclusion)) !== false) {
    return null;
  }
  const cells = [...premise.cells.filter((cell) => values.get(cellKey(cell)) !== null), ...conclusion.cells];
  const reported = values.get(cellKey(conclusion.cells[0]));
  return finding(rule, rule.severity, cells, { reported: reported ? reported.text() : null });
}

/** Whether 100·k/n lies in span for some whole k in [0, n] (n > 0). */
function shareFits(span, n) {
  const unit = 200n * pow10(span.scale);
  const low = span.lo * n;
  const high = span.hi * n;
  let k = ceilDiv(low, unit);
  if (span.loOpen && unit * k === low) k += 1n;
  if (k < 0n) k = 0n;
  if (k > n) return false;
  const at = unit * k;
  return span.hiOpen ? at < high : at <= high;
}

function share(rule, roles, values) {
  const rate = values.get(cellKey(roles.rate));
  let n = null;
  if (roles.of.row) {
    const size = values.get(cellKey(roles.of.row));
    n = size !== null && size.decimals === 0 ? size.mantissa : null;
  } else {
    const given = values.reference[roles.of.reference];
    n = given === null || given === undefined ? null : BigInt(given);
  }
  if (rate === null || n === null || n <= 0n) return null;
  if (shareFits(Span.of(rate, NEAREST), n) || shareFits(Span.of(rate, TRUNCATED), n)) return null;
  const unit = 200n * pow10(rate.decimals);
  let k = floorDiv(rate.mantissa * n * 2n + unit / 2n, unit);
  if (k < 0n) k = 0n;
  if (k > n) k = n;
  const computed = percentage(new Printed(k, 0), new Printed(n, 0), Math.max(rate.decimals, 2));
  return finding(rule, rule.severity, null, { reported: rate.text(), computed: computed.text() });
}

function reference(rule, roles, values) {
  const value = values.get(cellKey(roles.cell));
  const given = values.reference[roles.of];
  if (value === null || given === null || given === undefined) return null;
  const limit = BigInt(given);
  if (value.mantissa <= limit * pow10(value.decimals)) return null;
  return finding(rule, rule.severity, null, {
    reported: value.text(),
    computed: limit.toString(),
    imbalance: subtract(value.text(), limit.toString()),
  });
}

function full(rule, roles, values) {
  const ids = [roles.rate, roles.numerator, roles.denominator].map(cellKey);
  const [rate, num, den] = ids.map((key) => values.get(key));
  if (rate === null || num === null || den === null) return null;
  const rateSpan = Span.of(rate, NEAREST);
  const numSpan = values.span(ids[1], num, NEAREST);
  const denSpan = values.span(ids[2], den, NEAREST);
  if (denSpan.lo <= 0n) return null;
  const scale = BigInt(roles.scale);
  const whole = rate.mantissa === scale * pow10(rate.decimals);
  const below = !denSpan.canBeAtMost(numSpan);
  if (!whole || !below || !ratioOverlaps(rateSpan, numSpan, denSpan, scale)) return null;
  return finding(rule, rule.severity, null, { reported: rate.text() });
}

/** The families this consumer knows, by the name rules.json gives them. */
export const FAMILIES = Object.freeze({
  ratio,
  derivable,
  sum,
  part_whole: partWhole,
  bound,
  conditional,
  level_range: levelRange,
  across_forms: acrossForms,
  not_applicable: notApplicable,
  covers,
  implies,
  share,
  reference,
  full,
});

/**
 * The findings of every rule on `report` (an object as the library's report
 * JSON, best read with parseJson), in rule order. `rules` and `catalogue`
 * are the parsed rules.json and catalogue.json.
 */
export function validate(report, rules, catalogue) {
  if (!rules || rules.format_version !== FORMAT_VERSION) {
    throw new RuleError(
      `rules.json has format version ${JSON.stringify(rules?.format_version)}; this consumer reads version ${FORMAT_VERSION}`,
    );
  }
  const template = report?.meta?.template;
  if (template !== undefined && template !== null && template !== rules.template) {
    throw new RuleError(`the report follows ${JSON.stringify(template)}, the rules are of ${JSON.stringify(rules.template)}`);
  }
  const values = new Values(report, catalogue);
  const findings = [];
  for (const rule of rules.rules) {
    const evaluate = FAMILIES[rule.family];
    if (!evaluate) throw new RuleError(`rule ${rule.id}: unknown family ${JSON.stringify(rule.family)}`);
    const found = evaluate(rule, rule.roles, values);
    if (found !== null) findings.push(found);
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Command line (Node only)
// ---------------------------------------------------------------------------

async function main(argv) {
  const fs = await import("node:fs");
  const { fileURLToPath } = await import("node:url");
  const args = [...argv];
  const option = (name) => {
    const at = args.indexOf(name);
    if (at < 0) return null;
    const [, value] = args.splice(at, 2);
    return value;
  };
  const rulesPath = option("--rules") ?? fileURLToPath(new URL("../../schemas/rules.json", import.meta.url));
  const cataloguePath = option("--catalogue") ?? rulesPath.replace(/rules\.json$/, "catalogue.json");
  if (args.length !== 1) {
    process.stderr.write("usage: node cchc-rules.mjs REPORT.json [--rules RULES.json] [--catalogue CATALOGUE.json]\n");
    return 2;
  }
  let findings;
  try {
    const text = args[0] === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(args[0], "utf8");
    const rules = JSON.parse(fs.readFileSync(rulesPath, "utf8"));
    const catalogue = JSON.parse(fs.readFileSync(cataloguePath, "utf8"));
    findings = validate(parseJson(text), rules, catalogue);
  } catch (error) {
    process.stderr.write(`cchc-rules: ${error.message}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Whether this module is the script Node was started with (through a link too). */
async function isMain() {
  if (typeof process === "undefined" || !process.versions?.node || !process.argv?.[1]) return false;
  const { realpathSync } = await import("node:fs");
  const { pathToFileURL, fileURLToPath } = await import("node:url");
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return import.meta.url === pathToFileURL(process.argv[1]).href;
  }
}

if (await isMain()) {
  process.exitCode = await main(process.argv.slice(2));
}
