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
from ...registry import ExerciseType, most_answered
from .figures import plot_class, plot_public_values, two_decimals
from .model import MAX_ACTORS, MIN_ACTORS, PublicValuesMap, PublicValuesSpec, norm_name, parse_spec

__all__ = ["TYPE", "DemoGroup", "PublicValuesDemo", "PublicValuesType", "class_divergence", "offered_cases",
           "parse_demo", "restore"]

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


def class_divergence(spec: PublicValuesSpec, answers: dict,
                     cases: dict[str, Case]) -> tuple[str | None, dict[str, list[float]]]:
    """The most chosen case in the class, and per value of that case the
    divergence index each participant arrived at (participants who chose
    that case only)."""
    models = {who: m for who, a in answers.items() if (m := restore(spec, a, cases)) is not None}
    if not models:
        return None, {}
    counts: dict[str, int] = {}
    for model in models.values():
        counts[model.case_id] = counts.get(model.case_id, 0) + 1
    case_id = most_answered(counts)
    per_value: dict[str, list[float]] = {}
    for who in sorted(models):
        if models[who].case_id == case_id:
            for value, index in models[who].divergence():
                per_value.setdefault(value, []).append(index)
    return case_id, per_value


class PublicValuesType(ExerciseType):
    name = "public_values"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        cases = offered_cases()
        return parse_spec(root, exercise_id, cases, broken=[c for c in case_ids() if c not in cases])

    def summarize(self, spec: PublicValuesSpec, answer) -> list[str]:
        """Dutch lines: the most contested values first, then the case and the
        stakeholders, the values everyone agrees on and the values added."""
        model = restore(spec, answer, offered_cases())
        if model is None:
            return []
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

    def plot_answer(self, spec: PublicValuesSpec, answer):
        model = restore(spec, answer, offered_cases())
        return None if model is None else plot_public_values(model)

    def class_picture(self, spec: PublicValuesSpec, answers: dict):
        """Where values diverge in the class: per value of the most chosen case,
        the mean divergence index across participants, most contested first."""
        cases = offered_cases()
        case_id, per_value = class_divergence(spec, answers, cases)
        if case_id is None or not per_value:
            return None, [t("public_values.class_none")]
        label = cases[case_id].label
        n = max(len(x) for x in per_value.values())
        lines = [t("public_values.class_case", case=label, n=n)]
        for value, xs in sorted(per_value.items(), key=lambda kv: -statistics.fmean(kv[1])):
            spread = statistics.pstdev(xs) if len(xs) > 1 else 0.0
            lines.append(t("public_values.class_value", value=value, mean=two_decimals(statistics.fmean(xs)),
                           lo=two_decimals(min(xs)), hi=two_decimals(max(xs)), spread=two_decimals(spread)))
        return plot_class(label, per_value), lines

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
