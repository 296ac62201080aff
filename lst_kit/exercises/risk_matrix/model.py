"""E3.1 Risk matrix lab, the model: score a case's risks by three rules and
see where the rules disagree.

Rules (all illustrative):

- ``lxi``: likelihood × impact on the 5×5 convention (1..25);
- ``fine_kinney``: R = W × B × E, with W and E taken from likelihood and
  impact through the spec's tables and B (exposure) chosen per risk;
- ``expected_damage``: frequency 10^(L−5) per year × damage 10^(I+3) euro.

Each rule has editable band thresholds. The participant edits likelihood,
impact and exposure, adds, renames and removes risks, and switches case and
rule; the answer keeps one entry per case.

Spec: ``data/exercises/m3/risicomatrix.yaml`` (type ``risk_matrix``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ...content import Case, Field
from ...errors import InputError
from ...i18n import number, t

__all__ = [
    "MAX_NAME",
    "MAX_RISKS",
    "RULES",
    "Band",
    "FKValue",
    "RiskItem",
    "RiskMatrix",
    "RiskMatrixSpec",
    "band_index",
    "check_scale",
    "expected_damage",
    "format_number",
    "lxi_score",
    "parse_spec",
    "score",
]

RULES = ("lxi", "fine_kinney", "expected_damage")
_NUMBERED = re.compile(r"r[1-9][0-9]{0,5}")
MAX_RISKS = 100
MAX_NAME = 60


@dataclass(frozen=True)
class Band:
    label: str
    upper: float  # inclusive upper bound; math.inf for the last band


@dataclass(frozen=True)
class FKValue:
    value: float
    label: str


@dataclass(frozen=True)
class RiskMatrixSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    default_rule: str
    bands: dict[str, tuple[Band, ...]]
    w_from_likelihood: tuple[float, ...]   # index = likelihood - 1
    e_from_impact: tuple[float, ...]       # index = impact - 1
    exposure: tuple[FKValue, ...]
    default_exposure: float


def parse_bands(node: Field, key: str) -> tuple[Band, ...]:
    items = node.items(key, 2, 8)
    bands = []
    previous = -math.inf
    for i, item in enumerate(items):
        last = i == len(items) - 1
        upper = math.inf if last and item.raw("upper", None) is None else item.number("upper", 0, 1e15)
        if upper <= previous:
            raise item.fail("upper", t("risk.allowed_increasing", previous=format_number(previous)), upper)
        previous = upper
        bands.append(Band(item.text("label"), upper))
    if bands[-1].upper != math.inf:
        raise items[-1].fail("upper", t("risk.allowed_last_open"), bands[-1].upper)
    return tuple(bands)


def parse_spec(root: Field, exercise_id: str) -> RiskMatrixSpec:
    bands_node = root.sub("bands")
    bands = {rule: parse_bands(bands_node, rule) for rule in RULES}
    fk = root.sub("fine_kinney")
    w = tuple(fk.number(f"w_{i}", 0.1, 10) for i in range(1, 6))
    e = tuple(fk.number(f"e_{i}", 1, 100) for i in range(1, 6))
    exposure = tuple(FKValue(n.number("value", 0.5, 10), n.text("label")) for n in fk.items("exposure", 2, 10))
    default_exposure = fk.number("default_exposure", 0.5, 10)
    if default_exposure not in [x.value for x in exposure]:
        raise fk.fail("default_exposure", ", ".join(format_number(x.value) for x in exposure), default_exposure)
    # ``case`` (written by ``lst-kit new ... --case``) wins over ``default_case``.
    default_case = root.key("case") if root.raw("case", None) is not None else root.key("default_case")
    return RiskMatrixSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                          default_case, root.choice("default_rule", RULES, default="lxi"), bands, w, e,
                          exposure, default_exposure)


def format_number(x: float) -> str:
    """A score or band limit as the reader's language writes it (``1.000.000``,
    ``70,5`` in Dutch; ``1,000,000``, ``70.5`` in English); ∞ for the open end."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return number(x, 0) if abs(x) >= 1000 else number(x, 4, strip=True)


@dataclass
class RiskItem:
    id: str
    name: str
    likelihood: int
    impact: int
    exposure: float


def check_scale(label: str, value, field_key: str) -> int:
    """``value`` as a whole number 1..5; ``field_key`` names the scale (an
    i18n key, translated only for the error)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 5 or value != int(value):
        raise InputError(f"{t(field_key)} ({label})", t("risk.allowed_scale"), value)
    return int(value)


@dataclass
class RiskMatrix:
    """The risks of one case with the participant's edits, rule and bands."""

    spec: RiskMatrixSpec
    case_id: str
    risks: list[RiskItem] = field(default_factory=list)
    rule: str = "lxi"
    bands: dict[str, tuple[Band, ...]] = field(default_factory=dict)

    def __post_init__(self):
        for rule in RULES:
            self.bands.setdefault(rule, self.spec.bands[rule])

    @classmethod
    def from_case(cls, spec: RiskMatrixSpec, case: Case) -> "RiskMatrix":
        """The case's own risks, scored by the spec's default rule."""
        risks = [RiskItem(r.id, r.name, r.likelihood, r.impact, spec.default_exposure) for r in case.risks]
        return cls(spec, case.case_id, risks, spec.default_rule)

    # -- lookups ---------------------------------------------------------
    def risk(self, risk_id: str) -> RiskItem:
        for r in self.risks:
            if r.id == risk_id:
                return r
        raise InputError(t("risk.field_risk"), ", ".join(r.id for r in self.risks), risk_id)

    # -- edits (each validates before it changes anything) ----------------
    def set_likelihood(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        r.likelihood = check_scale(r.name, value, "risk.likelihood")

    def set_impact(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        r.impact = check_scale(r.name, value, "risk.impact")

    def set_exposure(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        allowed = [x.value for x in self.spec.exposure]
        if isinstance(value, bool) or value not in allowed:
            raise InputError(f"{t('risk.exposure')} ({r.name})", ", ".join(format_number(v) for v in allowed), value)
        r.exposure = float(value)

    def _check_name(self, name, exclude: str | None = None) -> str:
        if not isinstance(name, str) or not name.strip():
            raise InputError(t("risk.field_name"), t("risk.allowed_name", max=MAX_NAME), name)
        name = name.strip()
        if len(name) > MAX_NAME:
            raise InputError(t("risk.field_name"), t("risk.allowed_name", max=MAX_NAME), name)
        if any(r.name.casefold() == name.casefold() and r.id != exclude for r in self.risks):
            raise InputError(t("risk.field_name"), t("risk.allowed_unique_name"), name)
        return name

    def rename(self, risk_id: str, name) -> None:
        r = self.risk(risk_id)
        r.name = self._check_name(name, exclude=risk_id)

    def add(self, name, likelihood=3, impact=3) -> RiskItem:
        name = self._check_name(name)
        if len(self.risks) >= MAX_RISKS:
            raise InputError(t("risk.field_risk"), t("risk.allowed_count", max=MAX_RISKS), len(self.risks) + 1)
        likelihood = check_scale(name, likelihood, "risk.likelihood")
        impact = check_scale(name, impact, "risk.impact")
        # a number after every number in use: the numbers shown never shift or repeat
        n = max(self.numbers().values(), default=0) + 1
        item = RiskItem(f"r{n}", name, likelihood, impact, self.spec.default_exposure)
        self.risks.append(item)
        return item

    def put_back(self, item: RiskItem, index: int) -> None:
        """Undo a removal: ``item`` again at ``index`` (its own id and number),
        unless its name or id is taken meanwhile or the list is full."""
        item.name = self._check_name(item.name)
        if any(r.id == item.id for r in self.risks):
            raise InputError(t("risk.field_risk"), t("risk.allowed_unique_name"), item.name)
        if len(self.risks) >= MAX_RISKS:
            raise InputError(t("risk.field_risk"), t("risk.allowed_count", max=MAX_RISKS), len(self.risks) + 1)
        self.risks.insert(max(0, min(index, len(self.risks))), item)

    def numbers(self) -> dict[str, int]:
        """Each risk's number in the matrix and the table, stable while risks
        come and go: ``r7`` is 7; an id of another form gets the next free
        number in list order."""
        out = {r.id: int(r.id[1:]) for r in self.risks if _NUMBERED.fullmatch(r.id)}
        n = max(out.values(), default=0)
        for r in self.risks:
            if r.id not in out:
                n += 1
                out[r.id] = n
        return out

    def differs_from(self, case: Case) -> bool:
        """Whether the risks or band limits differ from the case's own (the
        rule alone is no change: it is a way of looking, kept for all cases)."""
        own = type(self).from_case(self.spec, case).to_dict()
        mine = self.to_dict()
        return own["risks"] != mine["risks"] or own["bands"] != mine["bands"]

    def remove(self, risk_id: str) -> None:
        r = self.risk(risk_id)
        if len(self.risks) <= 1:
            raise InputError(t("risk.field_risk"), t("risk.allowed_keep_one"), r.name)
        self.risks.remove(r)

    def set_rule(self, rule: str) -> None:
        if rule not in RULES:
            raise InputError(t("risk.field_rule"), ", ".join(RULES), rule)
        self.rule = rule

    def set_band_upper(self, rule: str, index: int, value) -> None:
        bands = list(self.bands[rule])
        if not 0 <= index < len(bands) - 1:
            raise InputError(t("risk.field_band"), t("risk.allowed_band_index", n=len(bands) - 1), index + 1)
        lower = bands[index - 1].upper if index else 0
        upper = bands[index + 1].upper
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not lower < value < upper:
            label = f"{t('risk.field_band')} '{bands[index].label}'"
            raise InputError(label, t("risk.allowed_between", lo=format_number(lower), hi=format_number(upper)), value)
        bands[index] = Band(bands[index].label, float(value))
        self.bands[rule] = tuple(bands)

    # -- scoring -------------------------------------------------------
    def score(self, risk: RiskItem, rule: str | None = None) -> float:
        return score(self.spec, risk.likelihood, risk.impact, risk.exposure, rule or self.rule)

    def band(self, value: float, rule: str | None = None) -> int:
        """Index of the band a score falls in (upper bounds inclusive)."""
        return band_index(self.bands[rule or self.rule], value)

    def ranked(self, rule: str | None = None) -> list[tuple[RiskItem, float, int]]:
        """(risk, score, rank) from high to low; equal scores share a rank
        (1, 2, 2, 4); ties keep the list order."""
        rule = rule or self.rule
        scored = sorted(((r, self.score(r, rule)) for r in self.risks), key=lambda rs: -rs[1])
        out = []
        for i, (r, s) in enumerate(scored):
            rank = out[-1][2] if out and math.isclose(out[-1][1], s) else i + 1
            out.append((r, s, rank))
        return out

    def ranks(self, rule: str) -> dict[str, int]:
        return {r.id: rank for r, _, rank in self.ranked(rule)}

    def rank_changes(self, rule_a: str, rule_b: str) -> list[tuple[RiskItem, int, int]]:
        """Risks whose rank differs between two rules: (risk, rank a, rank b)."""
        a, b = self.ranks(rule_a), self.ranks(rule_b)
        return [(r, a[r.id], b[r.id]) for r in self.risks if a[r.id] != b[r.id]]

    def to_dict(self) -> dict:
        return {
            "case": self.case_id,
            "rule": self.rule,
            "risks": [{"id": r.id, "name": r.name, "likelihood": r.likelihood, "impact": r.impact,
                       "exposure": r.exposure} for r in self.risks],
            "bands": {rule: [b.upper for b in self.bands[rule][:-1]] for rule in RULES},
        }

    @classmethod
    def from_dict(cls, spec: RiskMatrixSpec, data, case: Case) -> "RiskMatrix":
        """Restore the participant's version of one case (one entry of the
        answer's ``cases``). Every saved item is checked as the edits check
        it; an item that fails is left out, and when no risk survives (or ids
        clash) the case's own risks apply. Band limits out of order are
        ignored one by one."""
        model = cls.from_case(spec, case)
        if not isinstance(data, dict):
            return model
        if data.get("rule") in RULES:
            model.rule = data["rule"]
        saved = cls(spec, case.case_id, [])
        for item in data.get("risks") if isinstance(data.get("risks"), list) else []:
            try:
                added = saved.add(item["name"], item["likelihood"], item["impact"])
                added.id = str(item.get("id") or added.id)
                saved.set_exposure(added.id, item.get("exposure", spec.default_exposure))
            except (InputError, KeyError, TypeError):
                continue
        if saved.risks and len({r.id for r in saved.risks}) == len(saved.risks):
            model.risks = saved.risks
        bands = data.get("bands")
        for rule in RULES:
            uppers = bands.get(rule) if isinstance(bands, dict) else None
            for i, value in enumerate(uppers if isinstance(uppers, list) else []):
                try:
                    model.set_band_upper(rule, i, value)
                except InputError:
                    pass
        return model


def lxi_score(likelihood: int, impact: int) -> float:
    """Likelihood × impact on the 5×5 convention (1..25)."""
    return float(likelihood * impact)


def expected_damage(likelihood: int, impact: int) -> float:
    """Expected damage in euro per year on log classes (illustrative):
    frequency 10^(L−5) per year × damage 10^(I+3) euro."""
    return 10.0 ** (likelihood - 5) * 10.0 ** (impact + 3)


def score(spec: RiskMatrixSpec, likelihood: int, impact: int, exposure: float, rule: str) -> float:
    if rule == "lxi":
        return lxi_score(likelihood, impact)
    if rule == "fine_kinney":
        return spec.w_from_likelihood[likelihood - 1] * exposure * spec.e_from_impact[impact - 1]
    if rule == "expected_damage":
        return expected_damage(likelihood, impact)
    raise ValueError(rule)


def band_index(bands, value: float) -> int:
    """Upper bounds are inclusive (with room for floating-point rounding)."""
    for i, b in enumerate(bands):
        if value <= b.upper * (1 + 1e-9):
            return i
    return len(bands) - 1
