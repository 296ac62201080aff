"""E5.2 the triage rule (pure): which route an observation takes.

Rule file: ``data/reference/signaal_triage.yaml``: ``routes``, an ordered
list of ``rules`` (``route``; ``all`` or ``any`` of conditions over the
fields frequency, severity, impact = frequency x severity, covered_by_law
and systemic; ``why``) of which the first match wins, and a ``default``.
:func:`parse_rule` turns the file's validated mapping into a
:class:`TriageRule`; reading the file is :func:`lst_kit.content.load_reference`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ...content import LAW_COVERAGE, MISSING, Field
from ...i18n import t

__all__ = ["MAX_ROUTES", "RULE_FIELDS", "Condition", "Route", "Rule", "Scored", "TriageRule", "field_label",
           "parse_rule"]

#: A rule names at most this many routes (each gets its own colour and marker).
MAX_ROUTES = 6
#: Fields a rule can test, with their kind and range.
RULE_FIELDS = {
    "frequency": ("int", 1, 5),
    "severity": ("int", 1, 5),
    "impact": ("int", 1, 25),
    "covered_by_law": ("choice", LAW_COVERAGE, None),
    "systemic": ("bool", None, None),
}


class Scored(Protocol):
    """What a rule reads of an observation."""

    def value(self, name: str) -> Any: ...


def field_label(name: str) -> str:
    """The Dutch name of an observation's field."""
    return t(f"signal_triage.field_{name}")


@dataclass(frozen=True)
class Condition:
    field: str
    lo: int | None = None
    hi: int | None = None
    options: tuple[str, ...] = ()
    flag: bool | None = None

    def matches(self, obs: Scored) -> bool:
        value = obs.value(self.field)
        if self.flag is not None:
            return value is self.flag
        if self.options:
            return value in self.options
        return (self.lo is None or value >= self.lo) and (self.hi is None or value <= self.hi)

    def describe(self) -> str:
        label = field_label(self.field)
        if self.flag is not None:
            return f"{label} = {t('signal_triage.word_yes') if self.flag else t('signal_triage.word_no')}"
        if self.options:
            return f"{label} = {' / '.join(self.options)}"
        if self.lo is not None and self.hi is not None:
            return f"{label} = {self.lo}" if self.lo == self.hi else f"{self.lo} ≤ {label} ≤ {self.hi}"
        return f"{label} ≥ {self.lo}" if self.lo is not None else f"{label} ≤ {self.hi}"


@dataclass(frozen=True)
class Rule:
    route: str
    mode: str  # "all" or "any"
    conditions: tuple[Condition, ...]
    why: str

    def matches(self, obs: Scored) -> bool:
        hits = (c.matches(obs) for c in self.conditions)
        return all(hits) if self.mode == "all" else any(hits)

    def describe(self) -> str:
        joiner = t("signal_triage.and") if self.mode == "all" else t("signal_triage.or")
        return f" {joiner} ".join(c.describe() for c in self.conditions)


@dataclass(frozen=True)
class Route:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class TriageRule:
    file: str
    routes: tuple[Route, ...]
    rules: tuple[Rule, ...]
    default_route: str
    default_why: str

    def route_of(self, obs: Scored) -> tuple[str, int | None, str]:
        """(route key, index of the first matching rule or None for the default, why)."""
        for i, rule in enumerate(self.rules):
            if rule.matches(obs):
                return rule.route, i, rule.why
        return self.default_route, None, self.default_why

    def keys(self) -> list[str]:
        return [r.key for r in self.routes]

    def label(self, key: str) -> str:
        return next((r.label for r in self.routes if r.key == key), key)

    def policy_route(self) -> str:
        """The route that feeds the signalement: ``signaleren`` if the rule
        has it, else the second route (the rule's convention)."""
        keys = self.keys()
        return "signaleren" if "signaleren" in keys else keys[min(1, len(keys) - 1)]


def _condition(node: Field, name: str) -> Condition:
    if name not in RULE_FIELDS:
        raise node.fail(name, t("content.allowed_choice", options=", ".join(RULE_FIELDS)), name)
    kind, lo, hi = RULE_FIELDS[name]
    raw = node.raw(name)
    if kind == "bool":
        return Condition(name, flag=node.boolean(name))
    if kind == "choice":
        if isinstance(raw, list):
            if not raw:
                raise node.fail(name, t("content.allowed_list", min=1, max=len(lo)), raw)
            holder = Field({f"{name}[{i}]": v for i, v in enumerate(raw)}, node.file, node.path)
            options = tuple(holder.choice(f"{name}[{i}]", lo) for i in range(len(raw)))
            node.unique(name, list(options))
            return Condition(name, options=options)
        return Condition(name, options=(node.choice(name, lo),))
    if isinstance(raw, dict):
        sub = node.sub(name)
        extra = sorted(set(sub.data) - {"min", "max"})
        if extra or not sub.data:
            raise sub.fail(extra[0] if extra else "min", t("signal_triage.allowed_range_keys"),
                           extra[0] if extra else None)
        low = sub.integer("min", lo, hi) if "min" in sub.data else None
        high = sub.integer("max", low if low is not None else lo, hi) if "max" in sub.data else None
        return Condition(name, lo=low, hi=high)
    value = node.integer(name, lo, hi)
    return Condition(name, lo=value, hi=value)


def parse_rule(root: Field) -> TriageRule:
    """The triage rule of a rule file's root mapping; a ContentError names file and field."""
    if root.boolean("illustratief") is not True:
        raise root.fail("illustratief", "true", False)
    routes = tuple(Route(n.key("key"), n.text("label"), n.text("description", default="", empty_ok=True))
                   for n in root.items("routes", 1, MAX_ROUTES))
    keys = [r.key for r in routes]
    root.unique("routes", keys)
    rules = []
    for n in root.items("rules", 0, 50):
        route = n.choice("route", keys)
        modes = [m for m in ("all", "any") if m in n.data]
        if len(modes) != 1:
            raise n.fail("all", t("signal_triage.allowed_mode"), modes or MISSING)
        mode = modes[0]
        conditions = n.sub(mode)
        if not conditions.data:
            raise n.fail(mode, t("signal_triage.allowed_conditions"), {})
        parsed = tuple(_condition(conditions, str(name)) for name in conditions.data)
        rules.append(Rule(route, mode, parsed, n.text("why")))
    default = root.sub("default")
    return TriageRule(root.file, routes, tuple(rules), default.choice("route", keys), default.text("why"))
