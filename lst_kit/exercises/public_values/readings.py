"""E5.1 readings: the summary and picture of one answer, where a class
diverges, and invented answers for the demo class (see
:class:`lst_kit.registry.ExerciseType`)."""

from __future__ import annotations

import logging
import random
import statistics
from dataclasses import dataclass, field

from ...content import ACTOR_TYPES, Case, Field, case_ids, load_cases
from ...content.demo import load_demo
from ...i18n import t
from ...registry import ExerciseType, meaningful_keys
from .figures import plot_class, plot_public_values, plot_public_values_cases, two_decimals
from .model import MAX_ACTORS, MIN_ACTORS, PublicValuesMap, PublicValuesSpec, norm_name, parse_spec

__all__ = ["TYPE", "DemoGroup", "PublicValuesDemo", "PublicValuesType", "class_divergence", "offered_cases",
           "parse_demo", "restore", "worked_on"]

log = logging.getLogger("lst_kit")


def offered_cases() -> dict[str, Case]:
    """Every case of the course whose file loads (see content.load_cases)."""
    return load_cases()[0]


def restore(spec: PublicValuesSpec, answer, cases: dict[str, Case]) -> PublicValuesMap | None:
    """The model of a saved answer (through :meth:`PublicValuesMap.from_dict`),
    or None when it is no answer of this exercise or its case is unknown or broken."""
    if not isinstance(answer, dict) or not isinstance(answer.get("cases"), dict):
        return None
    if isinstance(answer.get("case"), str) and answer["case"] not in cases:
        return None
    return PublicValuesMap.from_dict(spec, answer, cases)


def _seen(model: PublicValuesMap) -> tuple:
    """What the participant sees of the current case: rows, columns, weights."""
    return model.values(), [a.id for a in model.actors()], model.matrix()


def worked_on(spec: PublicValuesSpec, answer, cases: dict[str, Case]) -> list[PublicValuesMap]:
    """The answer once per case the participant changed (stakeholders, values
    or weights other than a fresh map of that case), the case shown last
    first; only that case when none was changed, [] for an odd answer."""
    last = restore(spec, answer, cases)
    if last is None:
        return []
    out = []
    for case_id in [last.case_id, *sorted(c for c in last.per_case if c != last.case_id)]:
        model = last if case_id == last.case_id else PublicValuesMap(spec, cases, case_id, last.per_case)
        if _seen(model) != _seen(PublicValuesMap(spec, cases, case_id)):
            out.append(model)
    return out or [last]


def class_divergence(spec: PublicValuesSpec, answers: dict,
                     cases: dict[str, Case]) -> tuple[dict[str, int], dict[str, dict[str, list[float]]]]:
    """How many participants worked last on each case, and per case a
    meaningful share of the class chose (largest first) per value of that
    case the divergence index each participant who chose it arrived at."""
    models = {who: m for who, a in answers.items() if (m := restore(spec, a, cases)) is not None}
    counts: dict[str, int] = {}
    for model in models.values():
        counts[model.case_id] = counts.get(model.case_id, 0) + 1
    out: dict[str, dict[str, list[float]]] = {}
    for case_id in meaningful_keys(counts) if counts else []:
        per_value = out.setdefault(case_id, {})
        for who in sorted(models):
            if models[who].case_id == case_id:
                for value, index in models[who].divergence():
                    per_value.setdefault(value, []).append(index)
    return counts, out


def _case_lines(model: PublicValuesMap) -> list[str]:
    """One case's summary: its most contested values (or that all agree),
    the case and stakeholders, the values all agree on, the values added."""
    lines = []
    ranked = model.ranked()
    for rank, (value, index) in enumerate(ranked[:3]):
        if index == 0:
            break
        low_names, low, high_names, high = model.extremes(value)
        lines.append(t("public_values.sum_top" if rank == 0 else "public_values.sum_next", value=value,
                       index=two_decimals(index), low=low, low_names=", ".join(low_names), high=high,
                       high_names=", ".join(high_names)))
    if not lines:
        lines.append(t("public_values.caption_none"))
    lines.append(t("public_values.sum_case", case=model.case.label, n=len(model.actors()),
                   actors=", ".join(a.name for a in model.actors())))
    agreed = [v for v, x in ranked if x == 0]
    if agreed and len(agreed) < len(ranked):
        lines.append(t("public_values.sum_agree", values=", ".join(agreed)))
    if model.state.extra_values:
        lines.append(t("public_values.sum_added", values=", ".join(model.state.extra_values)))
    return lines


class PublicValuesType(ExerciseType):
    name = "public_values"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        cases = offered_cases()
        return parse_spec(root, exercise_id, cases, broken=[c for c in case_ids() if c not in cases])

    def summarize(self, spec: PublicValuesSpec, answer) -> list[str]:
        """Dutch lines: the most contested values first, then the case and the
        stakeholders, the values everyone agrees on and the values added; with
        more than one changed case, first each case's most contested value."""
        models = worked_on(spec, answer, offered_cases())
        if len(models) <= 1:
            return [line for model in models for line in _case_lines(model)]
        lines = [t("public_values.sum_case_top", case=m.case.label, line=_case_lines(m)[0]) for m in models]
        for model in models:
            lines += _case_lines(model)[1:]
        return lines

    def plot_answer(self, spec: PublicValuesSpec, answer):
        """The heat map of every changed case, one below the other."""
        models = worked_on(spec, answer, offered_cases())
        if len(models) <= 1:
            return plot_public_values(models[0]) if models else None
        return plot_public_values_cases(models, [m.case.label for m in models])

    def class_picture(self, spec: PublicValuesSpec, answers: dict):
        """Where values diverge in the class: per case a meaningful share of the
        class chose, per value the mean divergence index across participants,
        most contested first; the figure of the largest."""
        cases = offered_cases()
        counts, per_case = class_divergence(spec, answers, cases)
        per_case = {c: v for c, v in per_case.items() if v}
        if not per_case:
            return None, [t("public_values.class_none")]
        lines = []
        for case_id, per_value in per_case.items():
            lines.append(t("public_values.class_case", case=cases[case_id].label, n=counts[case_id],
                           total=sum(counts.values())))
            for value, xs in sorted(per_value.items(), key=lambda kv: -statistics.fmean(kv[1])):
                spread = statistics.pstdev(xs) if len(xs) > 1 else 0.0
                lines.append(t("public_values.class_value", value=value, mean=two_decimals(statistics.fmean(xs)),
                               lo=two_decimals(min(xs)), hi=two_decimals(max(xs)), spread=two_decimals(spread)))
        case_id, per_value = next(iter(per_case.items()))
        return plot_class(cases[case_id].label, per_value), lines

    def demo_answer(self, spec: PublicValuesSpec, rng: random.Random) -> dict:
        """An invented participant (demo class only): mostly the start case with
        its default stakeholders (sometimes one more or one fewer, sometimes an
        added value), and weights that follow the kind of stakeholder and its
        stance in the case, with the participant's own variation."""
        cases = offered_cases()
        model = PublicValuesMap(spec, cases)
        if rng.random() >= 0.6:
            model.switch_case(rng.choice(list(cases)))
        chosen = list(model.state.actors)
        others = [a.id for a in model.case.actors if a.id not in chosen]
        roll = rng.random()
        if roll < 0.2 and len(chosen) > MIN_ACTORS:
            chosen.pop(rng.randrange(len(chosen)))
        elif roll < 0.4 and others and len(chosen) < MAX_ACTORS:
            chosen.append(rng.choice(others))
        model.select_actors(chosen)
        suggestions = model.suggestions()
        if suggestions and rng.random() < 0.3:
            model.add_value(rng.choice(suggestions))
        demo = load_demo(self.name, self.parse_demo)
        lo, hi = spec.scale.min, spec.scale.max
        strictness = rng.gauss(0.0, 0.4)  # some participants score everything a little higher
        for value in model.values():
            group = demo.group_of(value)
            for actor in model.actors():
                mean = demo.tendency(actor.type, group)
                if group is not None:
                    mean += group.stance * actor.stance  # e.g. who resists the rules weighs protection less
                    if group.matches(actor.interest):
                        mean += 1.0  # e.g. the catering trade, whose interest is a level playing field
                x = lo + (mean + strictness + rng.gauss(0.0, 0.7)) / 5 * (hi - lo)
                model.set_weight(value, actor.id, int(min(hi, max(lo, round(x)))))
        return model.to_dict()

    def parse_demo(self, root: Field) -> PublicValuesDemo:
        return parse_demo(root)


TYPE = PublicValuesType()


# -- demo tendencies (data/demo/public_values.yaml) -----------------------------------------

#: The weight of the values no group holds, in a row of ``tendencies``.
OTHER_VALUES = "other_values"
#: The weight when the demo file says nothing: the middle of the 0-5 scale.
MIDDLE = 2.5


@dataclass(frozen=True)
class DemoGroup:
    """A group of public values, recognised by words in a value's name; ``stance``
    is how much a stakeholder's stance in the case moves its weight."""

    key: str
    words: tuple[str, ...]
    stance: float = 0.0

    def matches(self, text: str) -> bool:
        name = norm_name(text)
        return any(w in name for w in self.words)


@dataclass(frozen=True)
class PublicValuesDemo:
    """How much an invented participant thinks each type of stakeholder weighs
    each group of values (0-5). Invented tendencies, not findings."""

    groups: tuple[DemoGroup, ...] = ()
    tendencies: dict[str, dict[str, float]] = field(default_factory=dict)

    def group_of(self, value: str) -> DemoGroup | None:
        """The first group one of whose words occurs in the value's name."""
        return next((g for g in self.groups if g.matches(value)), None)

    def tendency(self, actor_type: str, group: DemoGroup | None) -> float:
        """The weight for this type (else the type ``other``) and group (else ``other_values``)."""
        row = self.tendencies.get(actor_type, self.tendencies.get("other"))
        return MIDDLE if row is None else row[OTHER_VALUES if group is None else group.key]


def parse_demo(root: Field) -> PublicValuesDemo:
    """``groups`` (key, words, stance) and ``tendencies`` (stakeholder type ->
    weight per group key and ``other_values``); both optional."""
    groups = tuple(DemoGroup(g.key("key"), tuple(norm_name(w) for w in g.texts("words", min_len=1)),
                             g.number("stance", -2.0, 2.0, default=0.0)) for g in root.items("groups", default=[]))
    keys = [g.key for g in groups]
    root.unique("groups", keys)
    rows = root.sub("tendencies", default={})
    tendencies = {}
    for actor_type in rows.keys():
        if actor_type not in ACTOR_TYPES:
            raise rows.fail(actor_type, t("content.allowed_choice", options=", ".join(ACTOR_TYPES)), actor_type)
        row = rows.sub(actor_type)
        tendencies[actor_type] = {key: row.number(key, 0.0, 5.0) for key in (*keys, OTHER_VALUES)}
    return PublicValuesDemo(groups, tendencies)
