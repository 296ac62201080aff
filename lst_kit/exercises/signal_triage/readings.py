"""E5.2 readings: the summary and picture of one answer, how a class routed
the observations, and invented answers for the demo class (see
:class:`lst_kit.registry.ExerciseType`)."""

from __future__ import annotations

import logging
import random
import re
import string
import textwrap
from dataclasses import dataclass, field

from ...content import LAW_COVERAGE, Case, Field, case_ids, load_cases
from ...content.demo import load_demo
from ...errors import InputError
from ...i18n import t
from ...registry import ExerciseType, meaningful_keys
from . import load_rule, rule_path
from .figures import caption, one_decimal, plot_class, plot_triage, plot_triages
from .model import MAX_OBSERVATION_CHARS, MAX_WHO_CHARS, SignalTriage, TriageSpec, parse_spec

__all__ = ["TYPE", "DemoObservation", "SignalTriageType", "TriageDemo", "offered_cases", "parse_demo", "restore",
           "worked_on"]

log = logging.getLogger("lst_kit")


def offered_cases() -> dict[str, Case]:
    """Every case of the course whose file loads (see content.load_cases)."""
    return load_cases()[0]


def restore(spec: TriageSpec, answer, cases: dict[str, Case]) -> SignalTriage | None:
    """The model of a saved answer (through :meth:`SignalTriage.from_dict`),
    or None when it is no answer of this exercise or its case is unknown or broken."""
    if not isinstance(answer, dict) or not isinstance(answer.get("cases"), dict):
        return None
    if isinstance(answer.get("case"), str) and answer["case"] not in cases:
        return None
    return SignalTriage.from_dict(spec, answer, load_rule(spec.rule_name), cases)


def _seen(model: SignalTriage) -> tuple:
    """What the participant sees of the current case: observations, routes and signalement."""
    return model.routed(), [model.outline_text(s.key) for s in model.spec.outline]


def worked_on(spec: TriageSpec, answer, cases: dict[str, Case]) -> list[SignalTriage]:
    """The answer once per case the participant changed (observations edited
    or added, the signalement written: other than a fresh triage of that
    case), the case shown last first; only that case when none was changed,
    [] for an odd answer."""
    last = restore(spec, answer, cases)
    if last is None:
        return []
    out = []
    for case_id in [last.case_id, *sorted(c for c in last.per_case if c != last.case_id)]:
        model = last if case_id == last.case_id else SignalTriage(spec, last.rule, cases, case_id, last.per_case)
        if _seen(model) != _seen(SignalTriage(spec, last.rule, cases, case_id)):
            out.append(model)
    return out or [last]


def _one_line(text: str, width: int = 300) -> str:
    lines = [re.sub(r"^[-*•]\s*", "", line).strip() for line in text.splitlines()]
    return textwrap.shorten(" ".join(x for x in lines if x), width=width, placeholder=" …")


def _snapshot_signal(answer) -> str | None:
    """The first policy signal in the answer's ``routing`` snapshot, if any."""
    routing = answer.get("routing") if isinstance(answer, dict) else None
    policy = [r for r in routing if isinstance(r, dict) and r.get("route") == "signaleren"] \
        if isinstance(routing, list) else []
    text = policy[0].get("observation") if policy else None
    return text if isinstance(text, str) and text.strip() else None


def _case_lines(spec: TriageSpec, model: SignalTriage) -> list[str]:
    """One case's summary, its signal to policy first."""
    problem = next((s for s in spec.outline if s.draft == "problem"), None)
    top = model.top_signal()
    if problem is not None and model.is_edited(problem.key) and model.outline_text(problem.key).strip():
        first = t("signal_triage.sum_signal", signal=_one_line(model.outline_text(problem.key)))
    elif top is not None:
        first = t("signal_triage.sum_signal", signal=top.observation)
    else:
        first = t("signal_triage.sum_no_signal")
    lines = [first, t("signal_triage.sum_case", case=model.case.label, caption=caption(model))]
    for section in spec.outline:
        if section.draft == "problem" and lines[0] != t("signal_triage.sum_no_signal"):
            continue
        text = model.outline_text(section.key).strip()
        if text:
            lines.append(f"{section.label}: {_one_line(text)}")
    if model.state.own:
        lines.append(t("signal_triage.sum_own", n=len(model.state.own)))
    return lines


class SignalTriageType(ExerciseType):
    name = "signal_triage"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        cases = offered_cases()
        spec = parse_spec(root, exercise_id, cases, broken=[c for c in case_ids() if c not in cases])
        if not rule_path(spec.rule_name).is_file():
            raise root.fail("rule", t("signal_triage.allowed_rule"), spec.rule_name)
        load_rule(spec.rule_name)  # a broken rule file is reported when the exercise loads
        return spec

    def summarize(self, spec: TriageSpec, answer) -> list[str]:
        """Dutch lines; the FIRST line is always the participant's signal to
        policy (Module 6's learning plan takes it from here). An answer the
        current content cannot rebuild still yields the signal of its snapshot."""
        models = worked_on(spec, answer, offered_cases())
        if not models:
            text = _snapshot_signal(answer)
            return [t("signal_triage.sum_signal", signal=_one_line(text))] if text else []
        if len(models) == 1:
            return _case_lines(spec, models[0])
        blocks = [_case_lines(spec, m) for m in models]
        lines = [t("signal_triage.sum_case_signal", case=m.case.label, line=b[0]) for m, b in zip(models, blocks)]
        return lines + [line for b in blocks for line in b[1:]]

    def plot_answer(self, spec: TriageSpec, answer):
        """The figure of every changed case, one below the other."""
        models = worked_on(spec, answer, offered_cases())
        if len(models) <= 1:
            return plot_triage(models[0]) if models else None
        return plot_triages(models, [m.case.label for m in models])

    def class_picture(self, spec: TriageSpec, answers: dict):
        """How the class routed the observations, per case a meaningful share of
        the class chose (largest first): per route the mean count, and the
        observations the class split on most; the figure of the largest."""
        cases = offered_cases()
        models = [m for _, a in sorted(answers.items()) if (m := restore(spec, a, cases)) is not None]
        if not models:
            return None, [t("signal_triage.class_none")]
        tally: dict[str, int] = {}
        for m in models:
            tally[m.case_id] = tally.get(m.case_id, 0) + 1
        lines: list[str] = []
        figure = None
        for case_id in meaningful_keys(tally):  # each case a meaningful part of the group chose; the figure: the largest
            chosen = [m for m in models if m.case_id == case_id]
            rule = chosen[0].rule
            counts: dict[str, list[int]] = {key: [] for key in rule.keys()}
            per_signal: dict[str, dict[str, int]] = {}
            for m in chosen:
                for route, n in m.counts().items():
                    counts.setdefault(route, []).append(n)
                for obs, route, _, _ in m.routed():
                    if not obs.own:
                        per_signal.setdefault(obs.id, {}).setdefault(route, 0)
                        per_signal[obs.id][route] += 1
            label = cases[case_id].label
            lines.append(t("signal_triage.class_case", case=label, n=len(chosen), total=len(models)))
            for route in rule.routes:
                xs = counts.get(route.key, [])
                if xs:
                    lines.append(t("signal_triage.class_route", route=route.label,
                                   mean=one_decimal(sum(xs) / len(xs)), lo=min(xs), hi=max(xs)))
            split = sorted(((sid, r) for sid, r in per_signal.items() if len(r) > 1),
                           key=lambda kv: (-len(kv[1]), -min(kv[1].values()), kv[0]))
            texts = {s.id: s.observation for s in cases[case_id].signals}
            for sid, routes in split[:3]:
                spread = ", ".join(f"{rule.label(k)} {n}×" for k, n in routes.items())
                lines.append(t("signal_triage.class_split",
                               obs=textwrap.shorten(texts.get(sid, sid), 70, placeholder=" …"), spread=spread))
            if figure is None:
                figure = plot_class(rule, label, counts)
        return figure, lines

    def demo_answer(self, spec: TriageSpec, rng: random.Random) -> dict:
        """An invented participant (demo class only): mostly the start case, a few
        frequency and severity scores moved by one point, sometimes an own
        observation, and a short signalement built on the top policy signal."""
        cases = offered_cases()
        model = SignalTriage(spec, load_rule(spec.rule_name), cases)
        if rng.random() >= 0.6:
            model.switch_case(rng.choice(list(cases)))
        for signal in model.case.signals:
            if rng.random() < 0.35:
                name = rng.choice(("frequency", "severity"))
                value = getattr(signal, name) + (1 if rng.random() < 0.5 else -1)
                model.edit(signal.id, name, int(min(5, max(1, value))))
        demo = load_demo(self.name, self.parse_demo)
        own = demo.own.get(model.case_id, ())
        if own and rng.random() < 0.4:
            obs = rng.choice(own)
            try:
                model.add_own(obs.text, obs.frequency, obs.severity, obs.covered_by_law, obs.systemic, obs.who)
            except InputError:
                pass  # a teacher put the same observation in the case
        top = model.top_signal()
        observations = model.observations()
        if top is None and observations:
            top = rng.choice(observations)
        values = model.case.public_values
        for section in spec.outline:
            if section.draft == "problem" and top is not None and rng.random() < 0.85:
                template = rng.choice(demo.problems) if demo.problems else "{obs}"
                value = values[0 if len(values) < 2 or rng.random() < 0.7 else 1] if values else ""
                cause = spec.causes.get(top.covered_by_law, "")
                if ("{value}" in template and not value) or ("{cause}" in template and not cause):
                    template = "{obs}"
                model.set_outline(section.key, template.format(obs=top.observation, value=value, cause=cause))
            elif section.draft in ("own_action", "none") and demo.own_action and rng.random() < 0.4:
                model.set_outline(section.key, rng.choice(demo.own_action))
        return model.to_dict()

    def parse_demo(self, root: Field) -> TriageDemo:
        return parse_demo(root)


TYPE = SignalTriageType()


# -- demo prose (data/demo/signal_triage.yaml) ---------------------------------------------

@dataclass(frozen=True)
class DemoObservation:
    """An own observation an invented participant may add, with the participant's scores."""

    text: str
    frequency: int
    severity: int
    covered_by_law: str
    systemic: bool
    who: str = ""


@dataclass(frozen=True)
class TriageDemo:
    """Own observations per case, problem statements ({obs}, {value}, {cause})
    and texts for the inspectorate's own action."""

    own: dict[str, tuple[DemoObservation, ...]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    own_action: tuple[str, ...] = ()


#: The placeholders a problem statement may use.
PLACEHOLDERS = ("obs", "value", "cause")


def _observation(item: Field) -> DemoObservation:
    text = item.text("text")
    if len(text) > MAX_OBSERVATION_CHARS:
        raise item.fail("text", t("signal_triage.allowed_text", max=MAX_OBSERVATION_CHARS), text)
    who = item.text("who", "", empty_ok=True)
    if len(who) > MAX_WHO_CHARS:
        raise item.fail("who", t("signal_triage.allowed_who", max=MAX_WHO_CHARS), who)
    return DemoObservation(text, item.integer("frequency", 1, 5), item.integer("severity", 1, 5),
                           item.choice("covered_by_law", LAW_COVERAGE), item.boolean("systemic"), who)


def _template(root: Field, key: str, index: int, text: str) -> str:
    """A problem statement whose placeholders are all known ({obs}, {value}, {cause})."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        names = ["{"]
    if any(name not in PLACEHOLDERS for name in names):
        raise root.fail(f"{key}[{index}]", t("signal_triage.allowed_demo_template",
                                             names=", ".join(f"{{{n}}}" for n in PLACEHOLDERS)), text)
    return text


def parse_demo(root: Field) -> TriageDemo:
    """``own_observations`` (case id -> list), ``problem_statements`` and ``own_action``; all optional."""
    cases = root.sub("own_observations", default={})
    own = {case_id: tuple(_observation(item) for item in cases.items(case_id)) for case_id in cases.keys()}
    problems = tuple(_template(root, "problem_statements", i, text)
                     for i, text in enumerate(root.texts("problem_statements", default=[])))
    return TriageDemo(own, problems, tuple(root.texts("own_action", default=[])))
