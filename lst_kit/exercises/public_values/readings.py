"""E5.1 readings: the summary and picture of one answer, where a class
diverges, and invented answers for the demo class (see
:class:`lst_kit.registry.ExerciseType`)."""

from __future__ import annotations

import logging
import random
import statistics

from ...content import Case, case_ids, load_cases
from ...i18n import t
from ...registry import ExerciseType, most_answered
from .figures import plot_class, plot_public_values, two_decimals
from .model import MAX_ACTORS, MIN_ACTORS, PublicValuesMap, PublicValuesSpec, norm_name, parse_spec

__all__ = ["TYPE", "PublicValuesType", "class_divergence", "offered_cases", "restore"]

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
        lo, hi = spec.scale.min, spec.scale.max
        strictness = rng.gauss(0.0, 0.4)  # some participants score everything a little higher
        for value in model.values():
            group = _demo_group(value)
            for actor in model.actors():
                mean = _DEMO_TENDENCY.get(actor.type, _DEMO_TENDENCY["other"])[group]
                if group == _PROTECT:
                    mean += 0.3 * actor.stance  # who resists the rules weighs protection less
                if _demo_cares(actor, group):
                    mean += 1.0  # e.g. the catering trade, whose interest is a level playing field
                x = lo + (mean + strictness + rng.gauss(0.0, 0.7)) / 5 * (hi - lo)
                model.set_weight(value, actor.id, int(min(hi, max(lo, round(x)))))
        return model.to_dict()


TYPE = PublicValuesType()


# -- demo tendencies ----------------------------------------------------------------------
#: Words that put a public value in a group, for the demo tendencies below.
#: The first group whose word occurs in a value's name is its group.
_DEMO_GROUPS = (
    ("protect", ("veilig", "gezond", "milieu", "integriteit", "toestemming", "zorg", "minderjarig", "kinderen",
                 "pedagogisch", "waardigheid", "eerlijk werk", "zekerheid", "opvang")),
    ("market", ("concurrentie", "speelveld", "ondernemerschap", "innovatie", "betaalbaar", "werkgeverschap")),
    ("trust", ("vertrouwen",)),
)
_PROTECT = 0
#: How much an invented participant thinks a type of stakeholder weighs each
#: group of values, on a 0-5 scale, in the order of _DEMO_GROUPS and then
#: any other value (protect, market, trust, other). Only for
#: demo answers: these are invented tendencies, not findings.
_DEMO_TENDENCY = {
    "inspectorate": (4.6, 2.4, 4.0, 3.0),
    "regulatee": (2.6, 4.5, 2.8, 2.8),
    "chain_partner": (2.6, 4.5, 3.4, 2.8),
    "policy": (3.6, 3.6, 3.8, 3.2),
    "parliament": (4.0, 3.0, 4.0, 3.0),
    "citizens": (4.0, 2.6, 3.8, 3.0),
    "ngo": (4.8, 1.6, 3.4, 3.2),
    "media": (3.2, 2.0, 3.0, 2.6),
    "other_supervisor": (4.0, 2.6, 3.6, 3.0),
    "other": (3.4, 3.0, 3.2, 3.0),
}


def _demo_group(value: str) -> int:
    name = norm_name(value)
    for index, (_, words) in enumerate(_DEMO_GROUPS):
        if any(w in name for w in words):
            return index
    return len(_DEMO_GROUPS)


def _demo_cares(actor, group: int) -> bool:
    """Whether the case says this stakeholder's interest is about this group of values."""
    interest = norm_name(actor.interest)
    return group < len(_DEMO_GROUPS) and any(w in interest for w in _DEMO_GROUPS[group][1])
