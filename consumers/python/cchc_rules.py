#!/usr/bin/env python3
"""Reference consumer of the cchc-forms rules, in Python (standard library only, 3.9+).

It holds no rule of its own: it reads ``schemas/rules.json`` (the rules, as
data) and ``schemas/catalogue.json`` (each row's key, value kind and the
periods it applies to) and evaluates every rule on a report written as the
library writes it (``validate --emit-report``), following docs/rules.md.
Only the families need code here, once each.

Command line::

    python3 cchc_rules.py REPORT.json [--rules RULES.json] [--catalogue CATALOGUE.json]

prints the findings as a JSON array (rule, family, severity, cells,
reported, reported_interval, computed, computed_interval, imbalance) and
exits with 1 when one of them is an error, 0 otherwise (2 on bad input).

Library::

    from cchc_rules import validate
    findings = validate(report)            # the schemas found beside the repository
    findings = validate(report, rules, catalogue)

Arithmetic is exact: a printed value is an interval counted in integer
units of ``1 / (2 * 10**scale)`` (docs/rules.md, "Intervals"); no float is
ever used.
"""

import json
import os
import sys
from pathlib import Path

__all__ = ["validate", "load_rules", "load_catalogue", "FORMAT_VERSION", "RuleError"]

FORMAT_VERSION = 1
"""The version of rules.json this consumer understands."""


class RuleError(ValueError):
    """The rules, the catalogue or the report cannot be read."""


# ---------------------------------------------------------------------------
# Printed values and their intervals
# ---------------------------------------------------------------------------

EXACT, NEAREST, TRUNCATED = "exact", "nearest", "truncated"


class Printed:
    """A printed value: its digits as an integer and how many of them are decimals."""

    __slots__ = ("mantissa", "decimals")

    def __init__(self, mantissa, decimals):
        self.mantissa = mantissa
        self.decimals = decimals

    def text(self):
        return decimal_text(self.mantissa, self.decimals)


def decimal_text(mantissa, decimals):
    """``mantissa / 10**decimals`` written with exactly ``decimals`` decimals."""
    sign = "-" if mantissa < 0 else ""
    digits = str(abs(mantissa))
    if decimals == 0:
        return sign + digits
    digits = digits.rjust(decimals + 1, "0")
    return f"{sign}{digits[:-decimals]}.{digits[-decimals:]}"


def normalized_text(numerator, denominator):
    """A terminating fraction (denominator 2^a 5^b, positive) as its shortest decimal."""
    decimals = 0
    while numerator % denominator != 0:
        numerator *= 10
        decimals += 1
        if decimals > 60:  # never reached for denominators 2·10^s
            break
    text = decimal_text(numerator // denominator, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Span:
    """An interval [lo, hi] in units of 1 / (2 * 10**scale), each end open or not."""

    __slots__ = ("lo", "hi", "scale", "lo_open", "hi_open")

    def __init__(self, lo, hi, scale, lo_open=False, hi_open=False):
        self.lo, self.hi, self.scale = lo, hi, scale
        self.lo_open, self.hi_open = lo_open, hi_open

    @staticmethod
    def of(value, reading):
        twice = 2 * value.mantissa
        if reading == EXACT:
            return Span(twice, twice, value.decimals)
        if reading == NEAREST:
            return Span(twice - 1, twice + 1, value.decimals)
        if value.mantissa >= 0:
            return Span(twice, twice + 2, value.decimals, False, True)
        return Span(twice - 2, twice, value.decimals, True, False)

    def rescale(self, scale):
        factor = 10 ** (scale - self.scale)
        return Span(self.lo * factor, self.hi * factor, scale, self.lo_open, self.hi_open)

    def unit(self):
        """The denominator 2 * 10**scale."""
        return 2 * 10**self.scale

    @staticmethod
    def sum(spans):
        scale = max(span.scale for span in spans)
        lo = hi = 0
        lo_open = hi_open = False
        for span in spans:
            span = span.rescale(scale)
            lo += span.lo
            hi += span.hi
            lo_open |= span.lo_open
            hi_open |= span.hi_open
        return Span(lo, hi, scale, lo_open, hi_open)

    def can_be_at_most(self, other):
        """self.lo <= other.hi (strictly when either end is open)."""
        scale = max(self.scale, other.scale)
        a, b = self.rescale(scale), other.rescale(scale)
        return at_most(a.lo, b.hi, a.lo_open or b.hi_open)

    def overlaps(self, other):
        return self.can_be_at_most(other) and other.can_be_at_most(self)

    def interval(self):
        unit = self.unit()
        return {"low": normalized_text(self.lo, unit), "high": normalized_text(self.hi, unit)}

    def low_text(self):
        return normalized_text(self.lo, self.unit())


def at_most(a, b, strict):
    return a < b if strict else a <= b


def ratio_overlaps(rate, num, den, scale=100):
    """Whether rate meets {scale·x/y : x in num, y in den}, den positive (den.lo > 0)."""
    rate_unit, num_unit, den_unit = rate.unit(), num.unit(), den.unit()
    scale_product = den_unit * rate_unit
    max_den, max_den_open = (den.lo, den.lo_open) if num.hi >= 0 else (den.hi, den.hi_open)
    min_den, min_den_open = (den.hi, den.hi_open) if num.lo >= 0 else (den.lo, den.lo_open)
    # rate.lo/rate_unit <= scale·(num.hi/num_unit) / (max_den/den_unit)
    left, right = rate.lo * num_unit * max_den, num.hi * scale * scale_product
    low_ok = at_most(left, right, rate.lo_open or num.hi_open or max_den_open)
    # scale·(num.lo/num_unit) / (min_den/den_unit) <= rate.hi/rate_unit
    left, right = num.lo * scale * scale_product, rate.hi * num_unit * min_den
    high_ok = at_most(left, right, rate.hi_open or num.lo_open or min_den_open)
    return low_ok and high_ok


def percentage(num, den, decimals, truncate=False, scale=100):
    """scale · num / den (100: a percentage) as a Printed with `decimals` decimals, rounded
    half away from zero (or truncated); None when den is 0."""
    scaled = num.mantissa * scale * 10 ** (den.decimals + decimals)
    divisor = den.mantissa * 10**num.decimals
    if divisor == 0:
        return None
    negative = (scaled < 0) != (divisor < 0)
    quotient, remainder = divmod(abs(scaled), abs(divisor))
    if not truncate and 2 * remainder >= abs(divisor):
        quotient += 1
    return Printed(-quotient if negative else quotient, decimals)


def floor_div(a, b):
    return a // b


def ceil_div(a, b):
    return -((-a) // b)


def quotient_text(numerator, denominator, decimals, up):
    """numerator/denominator (denominator > 0) rounded to `decimals` decimals towards
    +infinity (up) or -infinity, written without trailing zeros."""
    scaled = numerator * 10**decimals
    value = ceil_div(scaled, denominator) if up else floor_div(scaled, denominator)
    return normalized_text(value, 10**decimals)


def subtract(a, b):
    """a - b for two decimal strings, exactly, with the decimals of the finer."""
    (am, ad), (bm, bd) = parse_decimal(a), parse_decimal(b)
    scale = max(ad, bd)
    return decimal_text(am * 10 ** (scale - ad) - bm * 10 ** (scale - bd), scale)


def parse_decimal(text):
    """A decimal string ("-12.50") as (mantissa, decimals)."""
    text = text.strip()
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:]
    whole, _, fraction = text.partition(".")
    if not (whole + fraction).isdigit() or not whole:
        raise ValueError(f"not a decimal: {text!r}")
    mantissa = int(whole + fraction)
    return (-mantissa if negative else mantissa, len(fraction))


# ---------------------------------------------------------------------------
# Loading the rules, the catalogue and a report
# ---------------------------------------------------------------------------


def _schemas_dir():
    env = os.environ.get("CCHC_SCHEMAS")
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parent.parent.parent / "schemas"
    if (beside / "rules.json").is_file():
        return beside
    return Path.cwd() / "schemas"


def load_rules(path=None):
    """rules.json (by default the repository's schemas/rules.json, or $CCHC_SCHEMAS/rules.json)."""
    with open(path or _schemas_dir() / "rules.json", encoding="utf-8") as file:
        return json.load(file)


def load_catalogue(path=None):
    """catalogue.json (by default beside rules.json)."""
    with open(path or _schemas_dir() / "catalogue.json", encoding="utf-8") as file:
        return json.load(file)


TERM_WINDOW_START = {
    # The first day of a period's data window, as (year offset, month, day).
    "q1": (-1, 12, 15),
    "half_year": (-1, 12, 15),
    "q3": (0, 6, 15),
    "year": (-1, 12, 15),
}


def date(text):
    """A "YYYY-MM-DD" date as (year, month, day), None for None."""
    if text is None:
        return None
    year, month, day = text.split("-")
    return (int(year), int(month), int(day))


class Values:
    """A report's cells as the rules read them, with the rows that do not apply."""

    def __init__(self, report, catalogue):
        if not isinstance(report, dict):
            raise RuleError("a report is a JSON object")
        meta = report.get("meta") or {}
        self.reference = meta.get("reference") or {}
        forms = {form["number"]: form["key"] for form in catalogue["forms"]}
        start = None
        period = meta.get("period")
        if period:
            offset, month, day = TERM_WINDOW_START[period["term"]]
            start = (period["year"] + offset, month, day)
        self.cells = {}
        self.kinds = {}
        self.absent = set()
        for indicator in catalogue["indicators"]:
            cell = (indicator["form"], indicator["stt"])
            kind = indicator["kind"]
            self.kinds[cell] = kind
            applies = indicator.get("applies")
            if start and applies:
                first, last = date(applies.get("from")), date(applies.get("until"))
                if (first and start < first) or (last and start > last):
                    self.absent.add(cell)
            form = report.get(forms[indicator["form"]]) or {}
            raw = form.get(indicator["key"])
            if raw is None:
                continue
            self.cells[cell] = self._printed(raw, kind, cell)

    @staticmethod
    def _printed(raw, kind, cell):
        if isinstance(raw, bool):
            raise RuleError(f"form {cell[0]} row {cell[1]}: {raw!r} is not a number")
        if isinstance(raw, int):
            return Printed(raw, 0)
        if isinstance(raw, str) and kind in ("percent", "million_vnd"):
            try:
                return Printed(*parse_decimal(raw))
            except ValueError:
                pass
        raise RuleError(f"form {cell[0]} row {cell[1]}: {raw!r} is not a {kind} value")

    def get(self, cell):
        """The value, None when blank or when the row does not apply."""
        if cell in self.absent:
            return None
        return self.cells.get(cell)

    def reported(self, cell):
        """The value as reported, even in a row that does not apply."""
        return self.cells.get(cell)

    def is_exact(self, cell):
        return self.kinds.get(cell) in ("count", "code")

    def span(self, cell, value, reading):
        return Span.of(value, EXACT if self.is_exact(cell) else reading)


def key(cell):
    return (cell["form"], cell["stt"])


# ---------------------------------------------------------------------------
# The families: one function each (docs/rules.md, "Families")
# ---------------------------------------------------------------------------


def finding(rule, severity, cells=None, **numbers):
    out = {
        "rule": rule["id"],
        "family": rule["family"],
        "severity": severity,
        "cells": [dict(cell) for cell in (cells if cells is not None else rule["cells"])],
        "reported": None,
        "reported_interval": None,
        "computed": None,
        "computed_interval": None,
        "imbalance": None,
    }
    out.update(numbers)
    return out


def ratio_interval(num, den, scale):
    """The extremes of scale·num/den over the intervals (den positive), to four decimals,
    rounded outwards."""
    low_den = den.lo if num.lo < 0 else den.hi
    high_den = den.hi if num.hi < 0 else den.lo
    # (x/num_unit) / (y/den_unit) = x·den_unit / (y·num_unit)
    num_unit, den_unit = num.unit(), den.unit()
    return {
        "low": quotient_text(scale * num.lo * den_unit, low_den * num_unit, 4, up=False),
        "high": quotient_text(scale * num.hi * den_unit, high_den * num_unit, 4, up=True),
    }


def family_ratio(rule, roles, values):
    ids = [key(roles["rate"]), key(roles["numerator"]), key(roles["denominator"])]
    rate, num, den = (values.get(cell) for cell in ids)
    if rate is None or num is None or den is None:
        return None
    num_span = values.span(ids[1], num, NEAREST)
    den_span = values.span(ids[2], den, NEAREST)
    if den_span.hi <= 0 and num_span.lo <= 0 <= num_span.hi:
        return finding(rule, "info", reported=rate.text())
    if den_span.lo <= 0:
        return None
    scale = roles["scale"]
    if ratio_overlaps(Span.of(rate, NEAREST), num_span, den_span, scale):
        return None
    truncated = ratio_overlaps(Span.of(rate, TRUNCATED), num_span, den_span, scale)
    severity = "info" if truncated else rule["severity"]
    computed = percentage(num, den, 4, scale=scale)
    exact = values.is_exact(ids[1]) and values.is_exact(ids[2])
    return finding(
        rule,
        severity,
        reported=rate.text(),
        reported_interval=Span.of(rate, NEAREST).interval(),
        computed=computed.text() if computed else None,
        computed_interval=None if exact else ratio_interval(num_span, den_span, scale),
        imbalance=subtract(rate.text(), computed.text()) if computed else None,
    )


def family_derivable(rule, roles, values):
    ids = [key(roles["rate"]), key(roles["numerator"]), key(roles["denominator"])]
    if any(cell in values.absent for cell in ids):
        return None
    rate, num, den = (values.get(cell) for cell in ids)
    if rate is not None or num is None or den is None:
        return None
    if den.mantissa <= 0 or num.mantissa < 0:
        return None
    derived = percentage(num, den, 2, scale=roles["scale"])
    low, high = roles.get("min"), roles.get("max")
    if (low is not None and derived.mantissa < low * 100) or (
        high is not None and derived.mantissa > high * 100
    ):
        return finding(rule, "info")
    return finding(rule, "info", computed=derived.text())


def whole_number(values, cell, value):
    """A count or code printed without decimals, of at most 64 bits, else None."""
    if values.is_exact(cell) and value.decimals == 0 and -(2**63) <= value.mantissa < 2**63:
        return value.mantissa
    return None


def total(rule, whole_cell, part_cells, above, below, values):
    """A whole and its parts (sum, part_whole, across_forms part_of)."""
    whole = values.get(whole_cell)
    if whole is None:
        return None
    known = [(cell, values.get(cell)) for cell in part_cells if values.get(cell) is not None]
    if not known:
        return None
    equality = below is not None and len(known) == len(part_cells)
    counts = [whole_number(values, whole_cell, whole)] + [
        whole_number(values, cell, value) for cell, value in known
    ]
    if all(count is not None for count in counts):
        whole_count, parts_sum = counts[0], sum(counts[1:])
        parts_fit, total_fits, parts_span = parts_sum <= whole_count, whole_count <= parts_sum, None
    else:
        whole_span = values.span(whole_cell, whole, NEAREST)
        parts_span = Span.sum([values.span(cell, value, NEAREST) for cell, value in known])
        parts_fit = parts_span.can_be_at_most(whole_span)
        total_fits = whole_span.can_be_at_most(parts_span)
    if not parts_fit:
        severity = above
    elif equality and not total_fits:
        severity = below
    else:
        return None
    cells = [cell for cell in rule["cells"] if values.get(key(cell)) is not None]
    out = finding(rule, severity, cells, reported=whole.text())
    if parts_span is None:
        out["computed"] = str(parts_sum)
        out["imbalance"] = str(whole_count - parts_sum)
    else:
        exact = parts_span.lo == parts_span.hi
        computed = parts_span.low_text() if exact else None
        if not values.is_exact(whole_cell):
            out["reported_interval"] = Span.of(whole, NEAREST).interval()
        out["computed"] = computed
        out["computed_interval"] = None if exact else parts_span.interval()
        out["imbalance"] = subtract(whole.text(), computed) if computed is not None else None
    return out


def family_sum(rule, roles, values):
    parts = [key(cell) for cell in roles["parts"]]
    return total(rule, key(roles["total"]), parts, roles["above"], roles["below"], values)


def family_part_whole(rule, roles, values):
    parts = [key(cell) for cell in roles["parts"]]
    return total(rule, key(roles["whole"]), parts, rule["severity"], None, values)


def family_across_forms(rule, roles, values):
    if roles["shape"] == "part_of":
        return family_part_whole(rule, roles, values)
    left_cell, right_cell = key(roles["left"]), key(roles["right"])
    left, right = values.get(left_cell), values.get(right_cell)
    if left is None or right is None:
        return None
    counts = (whole_number(values, left_cell, left), whole_number(values, right_cell, right))
    if counts[0] is not None and counts[1] is not None:
        holds = counts[0] == counts[1]
    else:
        holds = values.span(left_cell, left, NEAREST).overlaps(values.span(right_cell, right, NEAREST))
    if holds:
        return None
    return finding(
        rule,
        rule["severity"],
        reported=left.text(),
        computed=right.text(),
        imbalance=subtract(left.text(), right.text()),
    )


def family_bound(rule, roles, values):
    value = values.get(key(roles["cell"]))
    if value is None:
        return None
    unit = 10**value.decimals
    low, high = roles.get("min"), roles.get("max")
    below = low is not None and value.mantissa < low * unit
    above = high is not None and value.mantissa > high * unit
    if not below and not above:
        return None
    limit = low if below else high
    return finding(
        rule,
        rule["severity"],
        reported=value.text(),
        imbalance=subtract(value.text(), str(limit)),
    )


def family_conditional(rule, roles, values):
    code_cell = key(roles["code"])
    code = values.get(code_cell)
    if code is None:
        return None
    if code.mantissa != roles["when"]:
        return None
    describing = []
    for cell in roles["dependents"]:
        value = values.get(key(cell))
        if value is not None and (value.mantissa != 0 or values.kinds.get(key(cell)) == "code"):
            describing.append(cell)
    if not describing:
        return None
    return finding(rule, rule["severity"], [roles["code"]] + describing, reported=code.text())


def family_level_range(rule, roles, values):
    overall_cell = key(roles["overall"])
    overall = values.get(overall_cell)
    if overall is None:
        return None
    levels = []
    for cell in roles["levels"][:8]:
        cell = key(cell)
        if cell in values.absent:
            continue
        value = values.get(cell)
        if value is None:
            return None
        levels.append((cell, value))
    if not levels:
        return None

    def range_under(reading):
        spans = [values.span(cell, value, reading) for cell, value in levels]
        scale = max(span.scale for span in spans)
        spans = [span.rescale(scale) for span in spans]
        return Span(min(s.lo for s in spans), max(s.hi for s in spans), scale)

    nearest = values.span(overall_cell, overall, NEAREST)
    if nearest.overlaps(range_under(NEAREST)):
        return None
    truncated = values.span(overall_cell, overall, TRUNCATED).overlaps(range_under(TRUNCATED))
    return finding(
        rule,
        "info" if truncated else rule["severity"],
        reported=overall.text(),
        reported_interval=nearest.interval(),
        computed_interval=range_under(NEAREST).interval(),
    )


def family_not_applicable(rule, roles, values):
    cell = key(roles["cell"])
    if cell not in values.absent:
        return None
    value = values.reported(cell)
    if value is None or value.mantissa == 0:
        return None
    return finding(rule, rule["severity"], reported=value.text())


def family_covers(rule, roles, values):
    cell = key(roles["cell"])
    value = values.get(cell)
    if value is None:
        return None
    spans = []
    for covering in roles["covering"][:8]:
        covering = key(covering)
        part = values.get(covering)
        if part is None:
            return None
        spans.append(values.span(covering, part, NEAREST))
    covered = Span.sum(spans)
    if values.span(cell, value, NEAREST).can_be_at_most(covered):
        return None
    exact = covered.lo == covered.hi
    computed = covered.low_text() if exact else None
    return finding(
        rule,
        rule["severity"],
        reported=value.text(),
        computed=computed,
        computed_interval=None if exact else covered.interval(),
        reported_interval=None if values.is_exact(cell) else Span.of(value, NEAREST).interval(),
        imbalance=subtract(value.text(), computed) if computed is not None else None,
    )


def truth(condition, numbers):
    """True, False or None (unknown) for a condition on the whole values of its rows."""
    kind = condition["kind"]
    first = numbers[0] if numbers else None
    if kind in ("positive", "zero"):
        blank = any(number is None for number in numbers)
        reported = [number for number in numbers if number is not None]
        if kind == "positive":
            if any(number > 0 for number in reported):
                return True
            return None if blank else False
        if any(number != 0 for number in reported):
            return False
        return None if blank else True
    if kind == "code":
        return None if first is None else first == condition["code"]
    if kind == "reported":
        return first is not None
    if kind == "blank":
        return first is None
    raise RuleError(f"unknown condition kind {kind!r}")


def whole_value(value):
    """A count's or code's whole value; a decimal as its mantissa if whole, else its sign."""
    if value is None:
        return None
    if value.decimals == 0:
        return value.mantissa
    return (value.mantissa > 0) - (value.mantissa < 0)


def family_implies(rule, roles, values):
    premise, conclusion = roles["premise"], roles["conclusion"]
    first = truth(premise, [whole_value(values.get(key(cell))) for cell in premise["cells"]])
    then = truth(conclusion, [whole_value(values.get(key(cell))) for cell in conclusion["cells"]])
    if first is True and then is False:
        cells = [cell for cell in premise["cells"] if values.get(key(cell)) is not None]
        cells += conclusion["cells"]
        reported = values.get(key(conclusion["cells"][0]))
        return finding(rule, rule["severity"], cells, reported=reported.text() if reported else None)
    return None


def share_fits(span, n):
    """Whether 100·k/n lies in span for some whole k in [0, n] (n > 0)."""
    unit = 200 * 10**span.scale  # 100·k/n = x / (2·10^s)  <=>  x = unit·k / n
    low, high = span.lo * n, span.hi * n
    k = ceil_div(low, unit)
    if span.lo_open and unit * k == low:
        k += 1
    k = max(k, 0)
    if k > n:
        return False
    at = unit * k
    return at < high if span.hi_open else at <= high


def family_share(rule, roles, values):
    rate = values.get(key(roles["rate"]))
    population = roles["of"]
    if "row" in population:
        size = values.get(key(population["row"]))
        n = size.mantissa if size is not None and size.decimals == 0 else None
    else:
        n = values.reference.get(population["reference"])
    if rate is None or n is None or n <= 0:
        return None
    if share_fits(Span.of(rate, NEAREST), n) or share_fits(Span.of(rate, TRUNCATED), n):
        return None
    unit = 200 * 10**rate.decimals
    k = min(max((rate.mantissa * n * 2 + unit // 2) // unit, 0), n)
    computed = percentage(Printed(k, 0), Printed(n, 0), max(rate.decimals, 2))
    return finding(rule, rule["severity"], reported=rate.text(), computed=computed.text())


def family_reference(rule, roles, values):
    value = values.get(key(roles["cell"]))
    limit = values.reference.get(roles["of"])
    if value is None or limit is None:
        return None
    if value.mantissa <= limit * 10**value.decimals:
        return None
    return finding(
        rule,
        rule["severity"],
        reported=value.text(),
        computed=str(limit),
        imbalance=subtract(value.text(), str(limit)),
    )


def family_full(rule, roles, values):
    ids = [key(roles["rate"]), key(roles["numerator"]), key(roles["denominator"])]
    rate, num, den = (values.get(cell) for cell in ids)
    if rate is None or num is None or den is None:
        return None
    rate_span = Span.of(rate, NEAREST)
    num_span = values.span(ids[1], num, NEAREST)
    den_span = values.span(ids[2], den, NEAREST)
    if den_span.lo <= 0:
        return None
    scale = roles["scale"]
    full = rate.mantissa == scale * 10**rate.decimals
    below = not den_span.can_be_at_most(num_span)
    if not full or not below or not ratio_overlaps(rate_span, num_span, den_span, scale):
        return None
    return finding(rule, rule["severity"], reported=rate.text())


FAMILIES = {
    "ratio": family_ratio,
    "derivable": family_derivable,
    "sum": family_sum,
    "part_whole": family_part_whole,
    "bound": family_bound,
    "conditional": family_conditional,
    "level_range": family_level_range,
    "across_forms": family_across_forms,
    "not_applicable": family_not_applicable,
    "covers": family_covers,
    "implies": family_implies,
    "share": family_share,
    "reference": family_reference,
    "full": family_full,
}
"""The families this consumer knows, by the name rules.json gives them."""


def validate(report, rules=None, catalogue=None):
    """The findings of every rule on `report` (a dict as the library's report JSON),
    in rule order.

    `rules` and `catalogue` are the parsed rules.json and catalogue.json; by default
    the repository's (see load_rules)."""
    rules = load_rules() if rules is None else rules
    catalogue = load_catalogue() if catalogue is None else catalogue
    if rules.get("format_version") != FORMAT_VERSION:
        raise RuleError(
            f"rules.json has format version {rules.get('format_version')!r}; "
            f"this consumer reads version {FORMAT_VERSION}"
        )
    template = (report.get("meta") or {}).get("template") if isinstance(report, dict) else None
    if template is not None and template != rules.get("template"):
        raise RuleError(f"the report follows {template!r}, the rules are of {rules.get('template')!r}")
    values = Values(report, catalogue)
    findings = []
    for rule in rules["rules"]:
        evaluate = FAMILIES.get(rule["family"])
        if evaluate is None:
            raise RuleError(f"rule {rule['id']}: unknown family {rule['family']!r}")
        found = evaluate(rule, rule["roles"], values)
        if found is not None:
            findings.append(found)
    return findings


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(
        description="Check a cchc-forms report (validate --emit-report JSON) against rules.json."
    )
    parser.add_argument("report", help="the report JSON file, or - for standard input")
    parser.add_argument("--rules", help="rules.json (default: the repository's schemas/)")
    parser.add_argument("--catalogue", help="catalogue.json (default: beside rules.json)")
    args = parser.parse_args(argv)
    try:
        if args.report == "-":
            report = json.load(sys.stdin)
        else:
            with open(args.report, encoding="utf-8") as file:
                report = json.load(file)
        rules = load_rules(args.rules)
        catalogue_path = args.catalogue or (
            Path(args.rules).with_name("catalogue.json") if args.rules else None
        )
        findings = validate(report, rules, load_catalogue(catalogue_path))
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"cchc_rules: {error}", file=sys.stderr)
        return 2
    json.dump(findings, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if any(f["severity"] == "error" for f in findings) else 0


def _console():
    """The entry point of the installed `cchc-rules` command."""
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
