"""E5.2 Signal triage (the reflective function), the model: field
observations of a case, editable and extendable, are routed to enforcement,
a signal to policy or the public agenda by a rule a teacher can change
(:mod:`.rule`); counts per route; and a drafted *signalement* to policy that
the participant completes.

Spec: ``data/exercises/m5/signalen.yaml`` (type ``signal_triage``) with
``case`` (or ``default_case``), ``rule`` (a file in ``data/reference/``), the ``outline``
sections and the ``causes`` used in the draft.

The model receives its rule and the cases it may use; it reads no files.
The saved answer keeps the participant's work per case::

    {"case": "<case id>",
     "cases": {"<case id>": {"edits": {"<signal id>": {"frequency": 4, ...}},
                             "own": [{"id": "eigen_1", "observation": "...", ...}],
                             "outline": {"<section>": "<text the participant wrote>"}}},
     "routing": [{"id": ..., "observation": ..., "route": ..., "own": bool}]}

``routing`` is a snapshot of the current case as the participant last saw it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ...content import LAW_COVERAGE, Case, Field, opening_case
from ...errors import InputError
from ...i18n import t
from .rule import TriageRule, field_label

__all__ = ["DRAFTS", "EDITABLE", "MAX_OBSERVATION_CHARS", "MAX_OUTLINE_CHARS", "MAX_OWN", "MAX_WHO_CHARS",
           "CaseTriage", "Observation", "Section", "SignalTriage", "TriageSpec", "check_value", "parse_spec",
           "spec_case"]

MAX_OWN = 100
MAX_OBSERVATION_CHARS = 500
MAX_WHO_CHARS = 200
MAX_OUTLINE_CHARS = 20_000
EDITABLE = ("frequency", "severity", "covered_by_law", "systemic")
DRAFTS = ("problem", "evidence", "causes", "actors", "own_action", "none")


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
        return textwrap.shorten(self.observation, width=width, placeholder=" …")

    def to_dict(self) -> dict:
        return {"id": self.id, "observation": self.observation, "frequency": self.frequency,
                "severity": self.severity, "covered_by_law": self.covered_by_law, "systemic": self.systemic,
                "who_can_act": self.who_can_act}


def check_value(name: str, value, subject: str) -> Any:
    """Validate one editable field; raises InputError naming ``subject``."""
    if name not in EDITABLE:  # before its label is looked up: an unknown name has none
        raise InputError(t("signal_triage.field_field"), ", ".join(EDITABLE), name)
    label = f"{field_label(name)} ({subject})"
    if name in ("frequency", "severity"):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise InputError(label, t("signal_triage.allowed_score"), value)
    elif name == "covered_by_law":
        if value not in LAW_COVERAGE:
            raise InputError(label, t("content.allowed_choice", options=", ".join(LAW_COVERAGE)), value)
    elif not isinstance(value, bool):  # systemic
        raise InputError(label, t("content.allowed_bool"), value)
    return value


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


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


def parse_spec(root: Field, exercise_id: str, known_cases, broken=()) -> TriageSpec:
    """The spec (``known_cases``: the ids of the cases the course offers, ``broken``:
    those whose file does not load). That the rule file exists and is valid is
    checked by the caller, which reads it."""
    rule_name = root.key("rule")
    outline = tuple(Section(n.key("key"), n.text("label"), n.text("question"), n.choice("draft", DRAFTS))
                    for n in root.items("outline", 1, 10))
    root.unique("outline", [s.key for s in outline])
    causes_node = root.sub("causes")
    causes = {key: causes_node.text(key) for key in (*LAW_COVERAGE, "systemic")}
    return TriageSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                      spec_case(root, list(known_cases), broken), rule_name, outline, causes)


def spec_case(root: Field, known_cases: list[str], broken=()) -> str:
    """The spec's ``case:`` (or older ``default_case:``), one of ``known_cases``;
    when its file is ``broken`` the first case that loads instead, so the
    exercise still opens on the other cases (the view names the broken file)."""
    key = "case" if root.raw("case", None) is not None else "default_case"
    if isinstance(root.raw(key, None), str) and root.raw(key) in broken and known_cases:
        return known_cases[0]
    return root.choice(key, known_cases)


# -- model --------------------------------------------------------------------------
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
    rule: TriageRule
    cases: Mapping[str, Case]
    case_id: str = ""
    per_case: dict[str, CaseTriage] = field(default_factory=dict)

    def __post_init__(self):
        self.switch_case(self.case_id or self.start_case())

    def start_case(self) -> str:
        """The spec's case, or the first case on offer when its file does not load."""
        return opening_case(self.cases, self.spec.default_case)

    @property
    def case(self) -> Case:
        return self.cases[self.case_id]

    @property
    def state(self) -> CaseTriage:
        return self.per_case[self.case_id]

    def switch_case(self, case_id: str) -> None:
        if not isinstance(case_id, str) or case_id not in self.cases:
            raise InputError(t("signal_triage.field_case"), ", ".join(self.cases), case_id)
        self.case_id = case_id
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

    def add_own(self, text, frequency, severity, covered_by_law, systemic, who_can_act="",
                obs_id: str | None = None) -> Observation:
        """Add the participant's own observation; every field is checked first.
        ``obs_id`` (``eigen_<n>``, not yet used) keeps the id of a saved one."""
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
            raise InputError(name, t("signal_triage.allowed_not_duplicate"),
                             t("signal_triage.given_duplicate", id=same.id))
        subject = t("signal_triage.new_subject")
        for key, value in (("frequency", frequency), ("severity", severity), ("covered_by_law", covered_by_law),
                           ("systemic", systemic)):
            check_value(key, value, subject)
        who = " ".join((who_can_act if isinstance(who_can_act, str) else "").split())
        if len(who) > MAX_WHO_CHARS:
            raise InputError(field_label("who_can_act"), t("signal_triage.allowed_who", max=MAX_WHO_CHARS),
                             t("signal_triage.given_chars", n=len(who)))
        if len(self.state.own) >= MAX_OWN:
            raise InputError(name, t("signal_triage.allowed_max_own", n=MAX_OWN), text[:40])
        used = {o.id for o in self.state.own}
        if not (isinstance(obs_id, str) and re.fullmatch(r"eigen_\d+", obs_id) and obs_id not in used):
            n = 1 + max((int(m.group(1)) for o in used if (m := re.fullmatch(r"eigen_(\d+)", o))), default=0)
            obs_id = f"eigen_{n}"
        obs = Observation(obs_id, text, frequency, severity, covered_by_law, systemic, who, own=True)
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
        out = {key: 0 for key in self.rule.keys()}
        for _, route, _, _ in self.routed():
            out[route] = out.get(route, 0) + 1
        return out

    def in_route(self, route: str) -> list[Observation]:
        return [obs for obs, r, _, _ in self.routed() if r == route]

    def policy_route(self) -> str:
        return self.rule.policy_route()

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
        if key not in self.state.outline and text == self.draft(section):
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
    def from_dict(cls, spec: TriageSpec, data, rule: TriageRule, cases: Mapping[str, Case]) -> "SignalTriage":
        """Rebuild from a saved answer, every change through the method the
        view calls; what the current content no longer allows (a removed case
        or signal, a value out of range) is left out. ``routing`` is not read:
        the routes follow from the rule."""
        data = data if isinstance(data, dict) else {}
        model = cls(spec, rule, cases)
        saved_cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        for case_id, saved in saved_cases.items():
            if case_id in cases and isinstance(saved, dict):
                model.switch_case(case_id)
                model._restore_case(saved)
        current = data.get("case")
        model.switch_case(current if isinstance(current, str) and current in cases else model.start_case())
        return model

    def _restore_case(self, saved: dict) -> None:
        """The current case's edits, own observations and signalement from its
        saved part; what is not allowed is skipped."""
        edits = saved.get("edits") if isinstance(saved.get("edits"), dict) else {}
        signal_ids = {s.id for s in self.case.signals}
        for obs_id, changes in edits.items():
            if obs_id in signal_ids and isinstance(changes, dict):
                for name, value in changes.items():
                    _skip_refused(self.edit, obs_id, name, value)
        for item in saved.get("own") if isinstance(saved.get("own"), list) else []:
            if isinstance(item, dict):
                _skip_refused(self.add_own, item.get("observation"), item.get("frequency"), item.get("severity"),
                              item.get("covered_by_law"), item.get("systemic"), item.get("who_can_act", ""),
                              item.get("id"))
        texts = saved.get("outline") if isinstance(saved.get("outline"), dict) else {}
        for key, text in texts.items():
            _skip_refused(self.set_outline, key, text)


def _skip_refused(change, *args) -> None:
    """Apply one saved change; one the content no longer allows is left out."""
    try:
        change(*args)
    except InputError:
        pass
