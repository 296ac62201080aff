"""E5.2 Signal triage (the reflective function): field observations of a
case, editable and extendable, are routed to enforcement, a signal to policy
or the public agenda by a rule a teacher can change; counts per route; and a
drafted *signalement* to policy that the participant completes.

Spec: ``data/exercises/m5/signalen.yaml`` (type ``signal_triage``) with
``default_case``, ``rule`` (a file in ``data/reference/``), the ``outline``
sections and the ``causes`` used in the draft.

Rule: ``data/reference/signaal_triage.yaml``: ``routes``, an ordered list of
``rules`` (``route``; ``all`` or ``any`` of conditions over the fields
frequency, severity, impact = frequency x severity, covered_by_law and
systemic; ``why``) of which the first match wins, and a ``default``.

The saved answer keeps the participant's work per case::

    {"case": "<case id>",
     "cases": {"<case id>": {"edits": {"<signal id>": {"frequency": 4, ...}},
                             "own": [{"id": "eigen_1", "observation": "...", ...}],
                             "outline": {"<section>": "<text the participant wrote>"}}},
     "routing": [{"id": ..., "observation": ..., "route": ..., "own": bool}]}

``routing`` is a snapshot of the current case as the participant last saw it.
"""

from __future__ import annotations

import functools

import math
import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import Any

import ipywidgets as widgets

from ..figures import svgplot
from ..paths import data_dir, steady
from ..content.cases import LAW_COVERAGE, Case, case_ids, load_case
from ..content import MISSING, KEY, ContentError, Field, load_spec, rel_path, load_yaml
from ..errors import InputError
from ..i18n import number, t
from ..figures.style import PALETTE, style_axes, wrap_label as _wrap
from ..widgets import Debouncer, ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

MAX_OWN = 100
MAX_OBSERVATION_CHARS = 500
MAX_WHO_CHARS = 200
MAX_OUTLINE_CHARS = 20_000
EDITABLE = ("frequency", "severity", "covered_by_law", "systemic")
#: Fields a rule can test, with their kind and range.
RULE_FIELDS = {
    "frequency": ("int", 1, 5),
    "severity": ("int", 1, 5),
    "impact": ("int", 1, 25),
    "covered_by_law": ("choice", LAW_COVERAGE, None),
    "systemic": ("bool", None, None),
}
DRAFTS = ("problem", "evidence", "causes", "actors", "own_action", "none")
MARKERS = ("o", "s", "^", "D", "v", "P")

_fmt = functools.partial(number, digits=1)  # decimal comma in Dutch


# -- observations -------------------------------------------------------------------
@dataclass(frozen=True)
class Observation:
    id: str
    observation: str
    frequency: int
    severity: int
    covered_by_law: str
    systemic: bool
    who_can_act: str = ""
    own: bool = False

    @property
    def impact(self) -> int:
        return self.frequency * self.severity

    def value(self, name: str):
        return self.impact if name == "impact" else getattr(self, name)

    def short(self, width: int = 70) -> str:
        return _shorten(self.observation, width)

    def to_dict(self) -> dict:
        return {"id": self.id, "observation": self.observation, "frequency": self.frequency,
                "severity": self.severity, "covered_by_law": self.covered_by_law, "systemic": self.systemic,
                "who_can_act": self.who_can_act}


@functools.lru_cache(maxsize=4096)
def _shorten(text: str, width: int) -> str:
    """``textwrap.shorten`` remembered: the drafts of a class shorten the
    same observations of a case again and again (a pure function of its inputs)."""
    return textwrap.shorten(text, width=width, placeholder=" …")


def _field_label(name: str) -> str:
    return t(f"signal_triage.field_{name}")


def check_value(name: str, value, subject: str) -> Any:
    """Validate one editable field; raises InputError naming ``subject``."""
    if name not in EDITABLE:  # before its label is looked up: an unknown name has none
        raise InputError(t("signal_triage.field_field"), ", ".join(EDITABLE), name)
    label = f"{_field_label(name)} ({subject})"
    if name in ("frequency", "severity"):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise InputError(label, t("signal_triage.allowed_score"), value)
    elif name == "covered_by_law":
        if value not in LAW_COVERAGE:
            raise InputError(label, t("content.allowed_choice", options=", ".join(LAW_COVERAGE)), value)
    elif name == "systemic":
        if not isinstance(value, bool):
            raise InputError(label, t("content.allowed_bool"), value)
    else:
        raise InputError(t("signal_triage.field_field"), ", ".join(EDITABLE), name)
    return value


# -- the rule -----------------------------------------------------------------------
@dataclass(frozen=True)
class Condition:
    field: str
    lo: int | None = None
    hi: int | None = None
    options: tuple[str, ...] = ()
    flag: bool | None = None

    def matches(self, obs: Observation) -> bool:
        value = obs.value(self.field)
        if self.flag is not None:
            return value is self.flag
        if self.options:
            return value in self.options
        return (self.lo is None or value >= self.lo) and (self.hi is None or value <= self.hi)

    def describe(self) -> str:
        label = _field_label(self.field)
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

    def matches(self, obs: Observation) -> bool:
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
    #: route_of per (frequency, severity, covered_by_law, systemic): the rule is
    #: frozen, so its answer for the same scores never changes (not part of
    #: init, so ``dataclasses.replace`` gives a new rule a memory of its own).
    _routes_memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def route_of(self, obs: Observation) -> tuple[str, int | None, str]:
        """(route key, index of the matching rule or None for the default, why)."""
        f, s, c, y = obs.frequency, obs.severity, obs.covered_by_law, obs.systemic
        if type(f) is not int or type(s) is not int or type(c) is not str or type(y) is not bool:
            return self._route_of(obs)  # only validated values are remembered (1 == True, but not for `is`)
        key = (f, s, c, y)
        found = self._routes_memo.get(key)
        if found is None:
            found = self._routes_memo[key] = self._route_of(obs)
        return found

    def _route_of(self, obs: Observation) -> tuple[str, int | None, str]:
        for i, rule in enumerate(self.rules):
            if rule.matches(obs):
                return rule.route, i, rule.why
        return self.default_route, None, self.default_why

    def label(self, key: str) -> str:
        return next((r.label for r in self.routes if r.key == key), key)

    def colour(self, key: str) -> str:
        keys = [r.key for r in self.routes]
        return PALETTE[keys.index(key) % len(PALETTE)] if key in keys else "#777777"

    def marker(self, key: str) -> str:
        keys = [r.key for r in self.routes]
        return MARKERS[keys.index(key) % len(MARKERS)] if key in keys else "x"


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
            raise sub.fail(extra[0] if extra else "min", t("signal_triage.allowed_range_keys"), extra[0] if extra else None)
        low = sub.integer("min", lo, hi) if "min" in sub.data else None
        high = sub.integer("max", low if low is not None else lo, hi) if "max" in sub.data else None
        return Condition(name, lo=low, hi=high)
    value = node.integer(name, lo, hi)
    return Condition(name, lo=value, hi=value)


def parse_rule(root: Field) -> TriageRule:
    if root.boolean("illustratief") is not True:
        raise root.fail("illustratief", "true", False)
    routes = tuple(Route(n.key("key"), n.text("label"), n.text("description", default="", empty_ok=True))
                   for n in root.items("routes", 1, len(MARKERS)))
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


def rule_path(name: str):
    if not isinstance(name, str) or not KEY.match(name):
        raise ValueError(t("signal_triage.rule_invalid", given=repr(name)))
    return data_dir() / "reference" / f"{name}.yaml"


_RULE_CACHE: dict[tuple, TriageRule] = {}


@steady
def load_rule(name: str = "signaal_triage", path=None) -> TriageRule:
    """Load and validate a triage rule; cached until the file changes."""
    path = path or rule_path(name)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _RULE_CACHE:
        _RULE_CACHE[key] = parse_rule(Field(load_yaml(path), rel_path(path)))
    return _RULE_CACHE[key]


def check_rule_file(path) -> list[str]:
    """Problems in one triage-rule file (for ``lst-kit check``)."""
    try:
        load_rule(path=path)
    except ContentError as exc:
        return [str(exc)]
    return []


# -- spec ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Section:
    key: str
    label: str
    question: str
    draft: str


@dataclass(frozen=True)
class TriageSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    rule_name: str
    outline: tuple[Section, ...]
    causes: dict[str, str]

    @property
    def rule(self) -> TriageRule:
        return load_rule(self.rule_name)


def parse_spec(root: Field, exercise_id: str) -> TriageSpec:
    rule_name = root.key("rule")
    if not rule_path(rule_name).is_file():
        raise root.fail("rule", t("signal_triage.allowed_rule"), rule_name)
    load_rule(rule_name)  # a broken rule file is reported when the exercise loads
    outline = tuple(Section(n.key("key"), n.text("label"), n.text("question"), n.choice("draft", DRAFTS))
                    for n in root.items("outline", 1, 10))
    root.unique("outline", [s.key for s in outline])
    causes_node = root.sub("causes")
    causes = {key: causes_node.text(key) for key in (*LAW_COVERAGE, "systemic")}
    return TriageSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                      root.choice("default_case", case_ids()), rule_name, outline, causes)


# -- model --------------------------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class CaseTriage:
    edits: dict[str, dict[str, Any]] = field(default_factory=dict)
    own: list[Observation] = field(default_factory=list)
    outline: dict[str, str] = field(default_factory=dict)


@dataclass
class SignalTriage:
    """Observations of a case (with the participant's edits and own ones),
    their routes, and the participant's signalement, kept per case."""

    spec: TriageSpec
    rule: TriageRule | None = None
    case_id: str = ""
    per_case: dict[str, CaseTriage] = field(default_factory=dict)
    _case: Case | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.rule is None:
            self.rule = self.spec.rule
        self.switch_case(self.case_id or self.spec.default_case)

    @property
    def case(self) -> Case:
        return self._case

    @property
    def state(self) -> CaseTriage:
        return self.per_case[self.case_id]

    def switch_case(self, case_id: str) -> None:
        known = case_ids()
        if case_id not in known:
            raise InputError(t("signal_triage.field_case"), ", ".join(known), case_id)
        self._case, self.case_id = load_case(case_id), case_id
        self.per_case.setdefault(case_id, CaseTriage())

    # -- observations --------------------------------------------------------
    def _signal_observation(self, s) -> Observation:
        """A signal of the case as an observation, with the participant's edits."""
        obs = Observation(s.id, s.observation, s.frequency, s.severity, s.covered_by_law, s.systemic, s.who_can_act)
        edits = self.state.edits.get(s.id)
        return replace(obs, **edits) if edits else obs

    def observations(self) -> list[Observation]:
        return [self._signal_observation(s) for s in self.case.signals] + list(self.state.own)

    def observation(self, obs_id: str) -> Observation:
        """The first of :meth:`observations` with this id (only that one is built)."""
        signal = next((s for s in self.case.signals if s.id == obs_id), None)
        if signal is not None:
            return self._signal_observation(signal)
        found = next((o for o in self.state.own if o.id == obs_id), None)
        if found is None:
            raise InputError(t("signal_triage.field_observation"), t("signal_triage.allowed_observation"), obs_id)
        return found

    def edit(self, obs_id: str, name: str, value) -> None:
        obs = self.observation(obs_id)
        check_value(name, value, obs.short(40))
        if obs.own:
            self.state.own = [replace(o, **{name: value}) if o.id == obs_id else o for o in self.state.own]
            return
        signal = next(s for s in self.case.signals if s.id == obs_id)
        edits = self.state.edits.setdefault(obs_id, {})
        if getattr(signal, name) == value:
            edits.pop(name, None)
            if not edits:
                self.state.edits.pop(obs_id)
        else:
            edits[name] = value

    def add_own(self, text, frequency, severity, covered_by_law, systemic, who_can_act="") -> Observation:
        """Add the participant's own observation; every field is checked first."""
        name = t("signal_triage.field_new")
        if not isinstance(text, str) or not text.strip():
            raise InputError(name, t("signal_triage.allowed_text", max=MAX_OBSERVATION_CHARS),
                             "''" if isinstance(text, str) else repr(text))
        text = " ".join(text.split())
        if len(text) > MAX_OBSERVATION_CHARS:
            raise InputError(name, t("signal_triage.allowed_text", max=MAX_OBSERVATION_CHARS),
                             t("signal_triage.given_chars", n=len(text)))
        same = next((o for o in self.observations() if _norm(o.observation) == _norm(text)), None)
        if same is not None:
            raise InputError(name, t("signal_triage.allowed_not_duplicate"), t("signal_triage.given_duplicate", id=same.id))
        subject = t("signal_triage.new_subject")
        for key, value in (("frequency", frequency), ("severity", severity), ("covered_by_law", covered_by_law),
                           ("systemic", systemic)):
            check_value(key, value, subject)
        who = who_can_act if isinstance(who_can_act, str) else ""
        who = " ".join(who.split())
        if len(who) > MAX_WHO_CHARS:
            raise InputError(_field_label("who_can_act"), t("signal_triage.allowed_who", max=MAX_WHO_CHARS),
                             t("signal_triage.given_chars", n=len(who)))
        if len(self.state.own) >= MAX_OWN:
            raise InputError(name, t("signal_triage.allowed_max_own", n=MAX_OWN), text[:40])
        used = {o.id for o in self.state.own}
        n = 1 + max((int(m.group(1)) for o in used if (m := re.fullmatch(r"eigen_(\d+)", o))), default=0)
        while f"eigen_{n}" in used:
            n += 1
        obs = Observation(f"eigen_{n}", text, frequency, severity, covered_by_law, systemic, who, own=True)
        self.state.own.append(obs)
        return obs

    def remove_own(self, obs_id: str) -> None:
        if not any(o.id == obs_id for o in self.state.own):
            raise InputError(t("signal_triage.field_remove"), t("signal_triage.allowed_remove"), obs_id)
        self.state.own = [o for o in self.state.own if o.id != obs_id]

    # -- routing -------------------------------------------------------------
    def routed(self) -> list[tuple[Observation, str, int | None, str]]:
        return [(obs, *self.rule.route_of(obs)) for obs in self.observations()]

    def counts(self) -> dict[str, int]:
        out = {r.key: 0 for r in self.rule.routes}
        for _, route, _, _ in self.routed():
            out[route] = out.get(route, 0) + 1
        return out

    def in_route(self, route: str) -> list[Observation]:
        return [obs for obs, r, _, _ in self.routed() if r == route]

    def policy_route(self) -> str:
        """The route that feeds the signalement: ``signaleren`` if the rule
        has it, else the second route (the rule's convention)."""
        keys = [r.key for r in self.rule.routes]
        return "signaleren" if "signaleren" in keys else keys[min(1, len(keys) - 1)]

    def top_signal(self) -> Observation | None:
        """The policy-routed observation with the largest impact (ties: list order)."""
        routed = self.in_route(self.policy_route())
        return max(routed, key=lambda o: o.impact) if routed else None

    # -- the signalement -----------------------------------------------------
    def draft(self, section: Section) -> str:
        policy = self.in_route(self.policy_route())
        lines: list[str] = []
        if section.draft == "problem":
            lines = [f"- {o.observation}" for o in policy]
        elif section.draft == "evidence":
            lines = [t("signal_triage.draft_evidence", obs=o.short(60), f=o.frequency, s=o.severity, i=o.impact,
                       systemic=t("signal_triage.word_yes") if o.systemic else t("signal_triage.word_no"),
                       covered=o.covered_by_law,
                       source=t("signal_triage.source_own") if o.own else t("signal_triage.source_case"))
                     for o in policy]
        elif section.draft == "causes":
            for o in policy:
                parts = [self.spec.causes[o.covered_by_law]]
                if o.systemic:
                    parts.append(self.spec.causes["systemic"])
                lines.append(f"- {o.short(60)}: " + "; ".join(parts) + ".")
        elif section.draft == "actors":
            lines = [f"- {o.short(60)}: {o.who_can_act or t('signal_triage.who_unknown')}" for o in policy]
        elif section.draft == "own_action":
            for route in self.rule.routes:
                if route.key == self.policy_route():
                    continue
                lines += [t("signal_triage.draft_own", route=route.label, obs=o.short(60))
                          for o in self.in_route(route.key)]
        if not lines and section.draft not in ("none", "own_action"):
            lines = [t("signal_triage.draft_none")]
        return "\n".join(lines)

    def section(self, key: str) -> Section:
        found = next((s for s in self.spec.outline if s.key == key), None)
        if found is None:
            raise InputError(t("signal_triage.field_section"), ", ".join(s.key for s in self.spec.outline), key)
        return found

    def is_edited(self, key: str) -> bool:
        return key in self.state.outline

    def outline_text(self, key: str) -> str:
        """The participant's text for a section, or the current draft."""
        return self.state.outline[key] if key in self.state.outline else self.draft(self.section(key))

    def set_outline(self, key: str, text) -> None:
        section = self.section(key)
        if not isinstance(text, str) or len(text) > MAX_OUTLINE_CHARS:
            given = t("signal_triage.given_chars", n=len(text)) if isinstance(text, str) else type(text).__name__
            raise InputError(section.label, t("reflection.allowed", max=MAX_OUTLINE_CHARS), given)
        if text == self.draft(section) and key not in self.state.outline:
            return
        self.state.outline[key] = text

    def reset_outline(self, key: str) -> None:
        self.section(key)
        self.state.outline.pop(key, None)

    # -- workbook ------------------------------------------------------------
    def to_dict(self) -> dict:
        cases = {}
        for case_id, state in self.per_case.items():
            cases[case_id] = {
                "edits": {k: dict(v) for k, v in state.edits.items() if v},
                "own": [o.to_dict() for o in state.own],
                "outline": dict(state.outline),
            }
        routing = [{"id": o.id, "observation": o.observation, "route": r, "own": o.own}
                   for o, r, _, _ in self.routed()]
        return {"case": self.case_id, "cases": cases, "routing": routing}

    @classmethod
    def from_dict(cls, spec: TriageSpec, data, rule: TriageRule | None = None) -> "SignalTriage":
        """Rebuild from a saved answer; what the current content no longer
        allows (a removed case or signal, a value out of range) is left out."""
        return cls._from_dict(spec, data, rule)

    @classmethod
    def routing_from_dict(cls, spec: TriageSpec, data, rule: TriageRule | None = None) -> "SignalTriage":
        """A lighter :meth:`from_dict` for the class overview: the same case,
        observations and routes (and it fails where from_dict fails), but the
        signalement is left out: restoring it only compares each text with a
        fresh draft, which never changes an observation or a route."""
        return cls._from_dict(spec, data, rule, routing_only=True)

    @classmethod
    def _from_dict(cls, spec: TriageSpec, data, rule: TriageRule | None = None,
                   routing_only: bool = False) -> "SignalTriage":
        data = data if isinstance(data, dict) else {}
        model = cls(spec, rule)
        cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        current = data.get("case")
        for case_id, saved in cases.items():
            if case_id not in case_ids() or not isinstance(saved, dict):
                continue
            try:
                model.switch_case(case_id)
            except (InputError, ValueError):
                continue
            model._restore_case(saved, outline=not routing_only)
        try:
            model.switch_case(current if isinstance(current, str) else spec.default_case)
        except (InputError, ValueError):
            model.switch_case(spec.default_case)
        return model

    def _restore_case(self, saved: dict, outline: bool = True) -> None:
        """Restore the current case's edits, own observations and (if
        ``outline``) signalement from its saved part; what is not allowed is skipped."""
        edits = saved.get("edits") if isinstance(saved.get("edits"), dict) else {}
        signal_ids = {s.id for s in self.case.signals}
        for obs_id, changes in edits.items():
            if obs_id not in signal_ids or not isinstance(changes, dict):
                continue
            for name, value in changes.items():
                try:
                    self.edit(obs_id, name, value)
                except InputError:
                    pass
        for item in saved.get("own", []) if isinstance(saved.get("own"), list) else []:
            if not isinstance(item, dict):
                continue
            try:
                obs = self.add_own(item.get("observation"), item.get("frequency"), item.get("severity"),
                                   item.get("covered_by_law"), item.get("systemic"), item.get("who_can_act", ""))
            except InputError:
                continue
            saved_id = item.get("id")
            if isinstance(saved_id, str) and re.fullmatch(r"eigen_\d+", saved_id) and \
                    saved_id not in {o.id for o in self.state.own}:
                self.state.own[-1] = replace(obs, id=saved_id)
        if not outline:
            return
        texts = saved.get("outline") if isinstance(saved.get("outline"), dict) else {}
        for key, text in texts.items():
            try:
                self.set_outline(key, text)
            except InputError:
                pass


# -- plots --------------------------------------------------------------------------
def plot_triage(model: SignalTriage):
    """Left: the number of observations per route. Right: every observation
    by frequency and severity, marked by its route (an SVG figure)."""
    rule = model.rule
    counts = model.counts()
    routes = list(rule.routes)
    fig = svgplot.Figure(figsize=(9.6, 3.6))
    ax, bx = fig.subplots(1, 2, width_ratios=[1.0, 1.25])
    ys = list(range(len(routes)))[::-1]
    for y, route in zip(ys, routes):
        n = counts.get(route.key, 0)
        ax.barh(y, n, color=rule.colour(route.key), height=0.6)
        ax.text(n + 0.1, y, str(n), va="center", fontsize=9)
    ax.set_yticks(ys, [_wrap(r.label, 18) for r in routes], fontsize=8)
    ax.set_ylim(-0.5, len(routes) - 0.5)
    most = max(counts.values(), default=0)
    ax.set_xlim(0, max(most, 1) * 1.2 + 0.5)
    step = max(1, math.ceil(most / 6))
    ax.set_xticks(range(0, most + step + 1, step), [str(x) for x in range(0, most + step + 1, step)], fontsize=8)
    ax.set_xlabel(t("signal_triage.axis_count"), fontsize=8)
    ax.set_title(t("signal_triage.plot_counts"), loc="left", fontsize=9.5)
    style_axes(ax)
    ax.grid(axis="x")

    seen: dict[tuple[int, int], int] = {}
    points: dict[str, tuple[list[float], list[float]]] = {}
    for obs, route, _, _ in model.routed():
        spot = (obs.frequency, obs.severity)
        k = seen.get(spot, 0)
        seen[spot] = k + 1
        angle = 2.1 * k
        dx, dy = (0.0, 0.0) if k == 0 else (0.2 * math.cos(angle), 0.2 * math.sin(angle))
        xs, ys_ = points.setdefault(route, ([], []))
        xs.append(obs.frequency + dx)
        ys_.append(obs.severity + dy)
        bx.text(obs.frequency + dx + 0.09, obs.severity + dy + 0.06, obs.id, fontsize=7, color="#333333")
    for route, (xs, ys_) in points.items():
        bx.scatter(xs, ys_, marker=rule.marker(route), s=46, color=rule.colour(route), edgecolors="black",
                   linewidths=0.5)
    bx.set_xlim(0.5, 5.6)
    bx.set_ylim(0.5, 5.6)
    bx.set_xticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=8)
    bx.set_yticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=8)
    bx.set_xlabel(t("signal_triage.axis_frequency"), fontsize=8)
    bx.set_ylabel(t("signal_triage.axis_severity"), fontsize=8)
    bx.set_title(t("signal_triage.plot_scatter"), loc="left", fontsize=9.5)
    style_axes(bx)
    handles = [svgplot.Line2D(linestyle="", marker=rule.marker(r.key), markersize=7, color=rule.colour(r.key),
                              markerfacecolor=rule.colour(r.key), markeredgecolor="black", label=_wrap(r.label, 16))
               for r in routes]
    bx.legend(handles=handles, fontsize=7.5)
    return fig


def _caption(model: SignalTriage) -> str:
    counts = model.counts()
    parts = ", ".join(f"{model.rule.label(k)}: {n}" for k, n in counts.items())
    return t("signal_triage.caption", n=sum(counts.values()), parts=parts)


# -- view ---------------------------------------------------------------------------
class SignalTriageView(ExerciseFrame):
    def __init__(self, spec: TriageSpec, workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = SignalTriage.from_dict(spec, self.saved())
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.case_choice = widgets.Dropdown(options=[(load_case(c).label, c) for c in case_ids()],
                                            value=self.model.case_id, description=t("signal_triage.field_case"),
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="auto"))
        self.case_choice.observe(self.guard(self._on_case), names="value")
        self.case_info = widgets.HTML()
        self.rule_info = widgets.HTML(self._rule_html())
        self.table = widgets.GridBox()
        self.controls: dict[tuple[str, str], widgets.ValueWidget] = {}
        self.route_cells: dict[str, widgets.HTML] = {}
        self.remove_buttons: dict[str, widgets.Button] = {}
        # the form for an own observation
        wide = {"style": {"description_width": "10em"}}
        self.new_text = widgets.Textarea(description=t("signal_triage.field_new"), rows=2,
                                         placeholder=t("signal_triage.new_placeholder"),
                                         layout=widgets.Layout(width="95%"), **wide)
        self.new_frequency = widgets.IntText(value=3, description=_field_label("frequency") + " (1–5)",
                                             layout=widgets.Layout(width="16em"), **wide)
        self.new_severity = widgets.IntText(value=3, description=_field_label("severity") + " (1–5)",
                                            layout=widgets.Layout(width="16em"), **wide)
        self.new_covered = widgets.Dropdown(options=list(LAW_COVERAGE), value="nee",
                                            description=_field_label("covered_by_law"),
                                            layout=widgets.Layout(width="16em"), **wide)
        self.new_systemic = widgets.Checkbox(value=False, description=_field_label("systemic"), indent=False)
        self.new_who = widgets.Text(description=_field_label("who_can_act"), layout=widgets.Layout(width="95%"),
                                    placeholder=t("signal_triage.who_placeholder"), **wide)
        self.add_button = widgets.Button(description=t("signal_triage.add"), icon="plus",
                                         tooltip=t("signal_triage.add_tip"), layout=widgets.Layout(width="auto"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.figure = FigureBox()
        # the signalement
        self.sections: dict[str, widgets.Textarea] = {}
        self.section_notes: dict[str, widgets.HTML] = {}
        self.reset_buttons: dict[str, widgets.Button] = {}
        outline_rows = []
        for section in spec.outline:
            area = widgets.Textarea(value="", rows=4, continuous_update=True,
                                    layout=widgets.Layout(width="100%"), description="",
                                    placeholder=t("signal_triage.section_placeholder"))
            area.observe(self.guard(lambda change, k=section.key: self._on_section(k, change)), names="value")
            reset = widgets.Button(description=t("signal_triage.reset"), icon="undo",
                                   tooltip=t("signal_triage.reset_tip"), layout=widgets.Layout(width="auto"))
            reset.on_click(self.guard(lambda _, k=section.key: self._on_reset(k)))
            note = widgets.HTML()
            self.sections[section.key], self.reset_buttons[section.key], self.section_notes[section.key] = area, reset, note
            outline_rows += [widgets.HTML(f"<p style='margin:8px 0 2px 0'><b>{esc(section.label)}</b> · "
                                          f"<span style='color:#444'>{esc(section.question)}</span></p>"),
                             area, widgets.HBox([reset, note])]
        self.outline_heading = widgets.HTML()
        self._build_case()
        self.set_body(
            self.case_choice, self.case_info, self.rule_info,
            widgets.HTML(f"<b>{esc(t('signal_triage.heading_table'))}</b>"), self.table,
            widgets.HTML(f"<p style='margin:10px 0 2px 0'><b>{esc(t('signal_triage.heading_new'))}</b></p>"),
            widgets.VBox([self.new_text, widgets.HBox([self.new_frequency, self.new_severity, self.new_covered,
                                                       self.new_systemic]), self.new_who, self.add_button]),
            self.figure, self.outline_heading, *outline_rows,
        )

    # -- building ------------------------------------------------------------
    def _rule_html(self) -> str:
        rule = self.model.rule
        items = "".join(f"<li><b>{esc(rule.label(r.route))}</b> {esc(t('signal_triage.if'))} {esc(r.describe())}"
                        f"<br><small>{esc(r.why)}</small></li>" for r in rule.rules)
        items += (f"<li><b>{esc(rule.label(rule.default_route))}</b> {esc(t('signal_triage.otherwise'))}"
                  f"<br><small>{esc(rule.default_why)}</small></li>")
        routes = "".join(f"<li><b>{esc(r.label)}</b>: {esc(r.description)}</li>" for r in rule.routes)
        return (f"<details><summary>{esc(t('signal_triage.rule_summary'))}</summary>"
                f"<p>{esc(t('signal_triage.rule_intro', file=rule.file))}</p><ol>{items}</ol>"
                f"<p>{esc(t('signal_triage.routes'))}</p><ul>{routes}</ul></details>")

    def _build_case(self) -> None:
        case = self.model.case
        self.case_info.value = (f"<p style='margin:2px 0 6px 0'>{esc(case.summary)}</p>"
                                f"<p style='margin:0 0 6px 0;color:#555'><i>{esc(t('signal_triage.illustrative'))}</i></p>")
        self._build_table()
        self._refresh_outline()

    def _build_table(self) -> None:
        heads = ["observation", "frequency", "severity", "covered_by_law", "systemic", "route"]
        cells: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(_field_label(h))}</b>") for h in heads]
        cells.append(widgets.HTML(""))
        self.controls, self.route_cells, self.remove_buttons = {}, {}, {}
        for obs in self.model.observations():
            tag = f" <small>({esc(t('signal_triage.own'))})</small>" if obs.own else ""
            who = f"<br><small style='color:#555'>{esc(_field_label('who_can_act'))}: {esc(obs.who_can_act)}</small>" \
                if obs.who_can_act else ""
            cells.append(widgets.HTML(f"<div style='line-height:1.25'><b>{esc(obs.id)}</b> {esc(obs.observation)}{tag}{who}</div>"))
            subject = obs.short(40)
            for name in EDITABLE:
                # The description names the control for screen readers; at zero width it takes no room.
                named = {"description": f"{_field_label(name)} ({subject})", "style": {"description_width": "0px"}}
                if name in ("frequency", "severity"):
                    control = widgets.IntText(value=obs.value(name), layout=widgets.Layout(width="4.5em"), **named)
                elif name == "covered_by_law":
                    control = widgets.Dropdown(options=list(LAW_COVERAGE), value=obs.covered_by_law,
                                               layout=widgets.Layout(width="6.5em"), **named)
                else:
                    control = widgets.Dropdown(options=[(t("signal_triage.word_yes"), True),
                                                        (t("signal_triage.word_no"), False)],
                                               value=obs.systemic, layout=widgets.Layout(width="5.5em"), **named)
                control.observe(self.guard(lambda change, o=obs.id, n=name, w=control: self._on_edit(o, n, w, change)),
                                names="value")
                self.controls[(obs.id, name)] = control
                cells.append(control)
            self.route_cells[obs.id] = widgets.HTML()
            cells.append(self.route_cells[obs.id])
            if obs.own:
                button = widgets.Button(description="", icon="trash", tooltip=t("signal_triage.remove_tip"),
                                        layout=widgets.Layout(width="3em"))
                button.on_click(self.guard(lambda _, o=obs.id: self._on_remove(o)))
                self.remove_buttons[obs.id] = button
                cells.append(button)
            else:
                cells.append(widgets.HTML(""))
        self.table.children = tuple(cells)
        self.table.layout = widgets.Layout(grid_template_columns="minmax(16em, 1fr) 5em 5em 7em 6em 13em 3.5em",
                                           grid_gap="4px 6px", align_items="center")
        self._redraw()

    def _route_badge(self, route: str, why: str) -> str:
        colour = self.model.rule.colour(route)
        return (f"<span title='{esc(why)}' style='border-left:6px solid {colour};padding-left:6px'>"
                f"{esc(self.model.rule.label(route))}</span>")

    def _refresh_outline(self) -> None:
        """Show each section: the participant's text, or the current draft."""
        policy = self.model.rule.label(self.model.policy_route())
        self.outline_heading.value = (f"<h4 style='margin:14px 0 2px 0'>{esc(t('signal_triage.heading_outline'))}</h4>"
                                      f"<p style='margin:0'>{esc(t('signal_triage.outline_intro', route=policy))}</p>")
        for section in self.spec.outline:
            area = self.sections[section.key]
            text = self.model.outline_text(section.key)
            if area.value != text:
                self.set_quietly(area, text)
            area.rows = min(12, max(3, text.count("\n") + 2))
            edited = self.model.is_edited(section.key)
            self.reset_buttons[section.key].disabled = not edited
            draft = self.model.draft(section)
            if edited and draft != text:
                self.section_notes[section.key].value = (
                    f"<details><summary style='color:#555'>{esc(t('signal_triage.draft_changed'))}</summary>"
                    f"<pre style='white-space:pre-wrap;font-size:90%'>{esc(draft)}</pre></details>")
            else:
                self.section_notes[section.key].value = ""

    # -- handlers -------------------------------------------------------------
    def _on_case(self, change) -> None:
        if self._syncing:
            return
        self.flush()
        with self.refused_puts_back(self.case_choice, lambda: self.model.case_id):
            self.model.switch_case(change["new"])
        self.save(self.model.to_dict())
        self._build_case()

    def _on_edit(self, obs_id: str, name: str, widget, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: self.model.observation(obs_id).value(name)):
            self.model.edit(obs_id, name, change["new"])
        self.save(self.model.to_dict())
        self._refresh_outline()  # first: the draft reaches the browser before the slower redraw
        self._redraw()

    def _on_add(self) -> None:
        self.model.add_own(self.new_text.value, self.new_frequency.value, self.new_severity.value,
                           self.new_covered.value, self.new_systemic.value, self.new_who.value)
        self.save(self.model.to_dict())
        self.new_text.value = ""
        self.new_who.value = ""
        self._refresh_outline()
        self._build_table()

    def _on_remove(self, obs_id: str) -> None:
        self.model.remove_own(obs_id)
        self.save(self.model.to_dict())
        self._refresh_outline()
        self._build_table()

    def _on_section(self, key: str, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(self.sections[key], lambda: self.model.outline_text(key)):
            self.model.set_outline(key, change["new"])
        self.reset_buttons[key].disabled = not self.model.is_edited(key)
        self.indicator.set("pending")
        self._debounce.request()

    def _on_reset(self, key: str) -> None:
        self.model.reset_outline(key)
        self.save(self.model.to_dict())
        self._refresh_outline()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()

    def _redraw(self) -> None:
        for obs, route, _, why in self.model.routed():
            if obs.id in self.route_cells:
                self.route_cells[obs.id].value = self._route_badge(route, why)
        self.figure.show(plot_triage(self.model), alt=t("signal_triage.alt"), caption=_caption(self.model), fmt="svg")


def signal_triage(exercise_id: str = "m5.signalen", workbook: Workbook | None = None):
    """E5.2 as a widget."""
    return build_view(lambda: SignalTriageView(load_spec(exercise_id, "signal_triage"), workbook))


# -- optional hooks (portfolio, class overview, learning plan) ----------------------
def _model_from_answer(exercise_id: str, answer, routing_only: bool = False) -> SignalTriage | None:
    """The model of a saved answer, or None; ``routing_only``: the lighter
    reading the class overview needs (see :meth:`SignalTriage.routing_from_dict`)."""
    try:
        if not isinstance(answer, dict) or not isinstance(answer.get("cases"), dict):
            return None
        spec = load_spec(exercise_id, "signal_triage")
        return SignalTriage.routing_from_dict(spec, answer) if routing_only else SignalTriage.from_dict(spec, answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None


def _one_line(text: str, width: int = 300) -> str:
    lines = [re.sub(r"^[-*•]\s*", "", line).strip() for line in text.splitlines()]
    return textwrap.shorten(" ".join(x for x in lines if x), width=width, placeholder=" …")


def summarize(exercise_id: str, answer) -> list[str]:
    """Dutch lines; the FIRST line is always the participant's signal to
    policy (Module 6's learning plan takes it from here)."""
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        routing = answer.get("routing") if isinstance(answer, dict) else None
        policy = [r for r in routing if isinstance(r, dict) and r.get("route") == "signaleren"] \
            if isinstance(routing, list) else []
        text = policy[0].get("observation") if policy and isinstance(policy[0].get("observation"), str) else None
        return [t("signal_triage.sum_signal", signal=_one_line(text))] if text else []
    problem = next((s for s in model.spec.outline if s.draft == "problem"), None)
    top = model.top_signal()
    if problem is not None and model.is_edited(problem.key) and model.outline_text(problem.key).strip():
        first = t("signal_triage.sum_signal", signal=_one_line(model.outline_text(problem.key)))
    elif top is not None:
        first = t("signal_triage.sum_signal", signal=top.observation)
    else:
        first = t("signal_triage.sum_no_signal")
    lines = [first, t("signal_triage.sum_case", case=model.case.label, caption=_caption(model))]
    for section in model.spec.outline:
        if section.draft == "problem" and lines[0] != t("signal_triage.sum_no_signal"):
            continue
        text = model.outline_text(section.key).strip()
        if text:
            lines.append(f"{section.label}: {_one_line(text)}")
    if model.state.own:
        lines.append(t("signal_triage.sum_own", n=len(model.state.own)))
    return lines


def plot_answer(exercise_id: str, answer):
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        return None
    try:
        return plot_triage(model)
    except Exception:  # noqa: BLE001
        return None


def plot_class(rule: TriageRule, case_label: str, counts: dict[str, list[int]]):
    """Mean number of observations per route in the class, with each
    participant's count as a dot (an SVG figure for the class overview)."""
    routes = list(rule.routes)
    fig = svgplot.Figure(figsize=(7.6, 3.0))
    ax = fig.add_subplot()
    ys = list(range(len(routes)))[::-1]
    for y, route in zip(ys, routes):
        xs = counts.get(route.key, [])
        if not xs:
            continue
        ax.barh(y, sum(xs) / len(xs), color=rule.colour(route.key), height=0.6, alpha=0.85)
        ax.scatter(xs, [y + ((i % 5) - 2) * 0.06 for i in range(len(xs))], color="black", s=12, zorder=3)
    ax.set_yticks(ys, [_wrap(r.label, 20) for r in routes], fontsize=8)
    top = max((max(xs) for xs in counts.values() if xs), default=0)
    if top <= 10:  # a tick at every count, where the dots are
        ax.set_xticks(range(top + 1))
    else:
        ax.integer_ticks("x")
    ax.set_xlabel(t("signal_triage.axis_count") + " · " + t("signal_triage.class_legend"))
    ax.set_title(t("signal_triage.plot_class", case=case_label), loc="left", fontsize=10)
    style_axes(ax)
    return fig


def class_picture(exercise_id: str, answers: dict):
    """How the class routed the observations of the most chosen case: per
    route the mean count, and the observations the class split on most."""
    try:
        models = {who: m for who, a in sorted((answers or {}).items())
                  if (m := _model_from_answer(exercise_id, a, routing_only=True)) is not None}
        if not models:
            return None, [t("signal_triage.class_none")]
        tally: dict[str, int] = {}
        for m in models.values():
            tally[m.case_id] = tally.get(m.case_id, 0) + 1
        case_id = sorted(tally, key=lambda c: (-tally[c], c))[0]
        chosen = [m for m in models.values() if m.case_id == case_id]
        rule = chosen[0].rule
        counts: dict[str, list[int]] = {r.key: [] for r in rule.routes}
        per_signal: dict[str, dict[str, int]] = {}
        for m in chosen:
            routed = m.routed()  # once per participant; m.counts() would route everything again
            mine = {r.key: 0 for r in rule.routes}
            for _, route, _, _ in routed:
                mine[route] = mine.get(route, 0) + 1
            for route, n in mine.items():
                counts.setdefault(route, []).append(n)
            for obs, route, _, _ in routed:
                if not obs.own:
                    per_signal.setdefault(obs.id, {}).setdefault(route, 0)
                    per_signal[obs.id][route] += 1
        label = chosen[0].case.label
        lines = [t("signal_triage.class_case", case=label, n=len(chosen))]
        for route in rule.routes:
            xs = counts.get(route.key, [])
            if xs:
                lines.append(t("signal_triage.class_route", route=route.label, mean=_fmt(sum(xs) / len(xs)),
                               lo=min(xs), hi=max(xs)))
        split = sorted(((sid, r) for sid, r in per_signal.items() if len(r) > 1),
                       key=lambda kv: (-len(kv[1]), -min(kv[1].values()), kv[0]))
        texts = {s.id: s.observation for s in chosen[0].case.signals}
        for sid, routes in split[:3]:
            spread = ", ".join(f"{rule.label(k)} {n}×" for k, n in routes.items())
            lines.append(t("signal_triage.class_split", obs=textwrap.shorten(texts.get(sid, sid), 70, placeholder=" …"),
                           spread=spread))
        return plot_class(rule, label, counts), lines
    except Exception:  # noqa: BLE001 - hooks never raise
        return None, []


# -- demo answers (``lst-kit demo-class``) -------------------------------------------
#: Own observations an invented participant may add, per case: each restates
#: something the (fictional) case file itself says, with the participant's
#: own scores (frequency, severity, covered_by_law, systemic, who can act).
_DEMO_OWN = {
    "nvwa_maaltijdplatforms": (
        ("Consumenten gaan ervan uit dat de veiligheid van maaltijden in de apps gecontroleerd is.",
         3, 3, "nvt", True, "Platforms en NVWA (informatie in de app)"),
        ("Klachten over maaltijden komen bij het platform terecht en bereiken de NVWA zelden.",
         4, 3, "deels", True, "Platforms en ministerie"),
    ),
    "igj_cosmetische_injectables": (
        ("Behandelingen in salons en op thuisfeestjes vallen buiten het gewone zicht van de IGJ.",
         3, 4, "deels", True, "IGJ met politie / Openbaar Ministerie"),
        ("Aanbieders met een boete kunnen onder een andere naam doorgaan.",
         2, 4, "ja", False, "IGJ"),
    ),
    "ilt_ontgassen_binnenvaart": (
        ("Ontgassen tijdens het varen, 's nachts, is moeilijk te bewijzen.",
         4, 4, "deels", True, "ILT met de beheerder van het sensornetwerk"),
        ("Legale ontgassingsinstallaties zijn schaars, rekenen een vergoeding en leveren wachttijd op.",
         4, 3, "nvt", True, "Verladers en ministerie"),
    ),
    "kinderopvang_bso_personeelstekort": (
        ("Het tekort aan personeel op de arbeidsmarkt lost handhaving alleen niet op.",
         5, 3, "nvt", True, "Ministerie van SZW"),
    ),
    "nla_uitzendwerk_arbeidsmigranten": (
        ("Werknemers klagen zelden; huisvesting, vervoer en verzekering zijn vaak aan de baan gekoppeld.",
         4, 4, "deels", True, "Ministerie van SZW en gemeenten"),
        ("Lange diensten en vermoeidheid vergroten de kans op ongevallen in de distributiecentra.",
         3, 4, "ja", False, "NLA en opdrachtgevers"),
    ),
}
#: Short problem statements; {value} is one of the case's public values and
#: {cause} the spec's cause hypothesis for how far the law covers the observation.
_DEMO_PROBLEM = (
    "{obs} Dit raakt het publieke belang '{value}'. Met handhaving alleen lossen we dit niet op.",
    "Wij signaleren: {obs} Vermoedelijke oorzaak: {cause}.",
    "{obs} Daardoor komt '{value}' in het geding. Wij vragen het ministerie dit op te pakken.",
)
_DEMO_OWN_ACTION = (
    "De inspectie blijft handhaven waar de regels het gedrag dekken, en deelt haar gegevens met het ministerie.",
    "Binnen ons mandaat gaan we door met gerichte controles; de oplossing van het structurele probleem ligt "
    "bij beleid.",
    "We bespreken het signaal eerst met de ketenpartners en volgen over een half jaar of het beeld verandert.",
)


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant (demo class only): mostly the start case, a few
    frequency and severity scores moved by one point, sometimes an own
    observation, and a short signalement built on the top policy signal."""
    spec = load_spec(exercise_id, "signal_triage")
    model = SignalTriage(spec)
    ids = case_ids()
    if rng.random() >= 0.6 and ids:
        model.switch_case(ids[int(rng.integers(len(ids)))])
    for signal in model.case.signals:
        if rng.random() < 0.35:
            name = ("frequency", "severity")[int(rng.integers(2))]
            value = getattr(signal, name) + (1 if rng.random() < 0.5 else -1)
            model.edit(signal.id, name, int(min(5, max(1, value))))
    own = _DEMO_OWN.get(model.case_id, ())
    if own and rng.random() < 0.4:
        text, frequency, severity, covered, systemic, who = own[int(rng.integers(len(own)))]
        try:
            model.add_own(text, frequency, severity, covered, systemic, who)
        except InputError:
            pass  # a teacher put the same observation in the case
    top = model.top_signal()
    observations = model.observations()
    if top is None and observations:
        top = observations[int(rng.integers(len(observations)))]
    values = model.case.public_values
    for section in spec.outline:
        if section.draft == "problem" and top is not None and rng.random() < 0.85:
            template = _DEMO_PROBLEM[int(rng.integers(len(_DEMO_PROBLEM)))]
            value = values[0 if len(values) < 2 or rng.random() < 0.7 else 1] if values else ""
            cause = spec.causes.get(top.covered_by_law, "")
            if ("{value}" in template and not value) or ("{cause}" in template and not cause):
                template = "{obs}"
            model.set_outline(section.key, template.format(obs=top.observation, value=value, cause=cause))
        elif section.draft in ("own_action", "none") and rng.random() < 0.4:
            model.set_outline(section.key, _DEMO_OWN_ACTION[int(rng.integers(len(_DEMO_OWN_ACTION)))])
    return model.to_dict()
