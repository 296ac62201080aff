"""What the portfolio and the class overview read from strategic-triangle
answers (see :class:`lst_kit.registry.ExerciseType`). Every answer is
restored with :meth:`Triangle.from_dict`, the view's own restore path, on its
own case; an answer whose case is unknown or broken is left out."""

from __future__ import annotations

import random
from collections import Counter

from ...content import Case, ContentError, case_ids, load_case
from ...i18n import number, t
from ...registry import ExerciseType, most_answered
from .figures import plot_class, plot_triangle, plot_triangles
from .model import CORNERS, HI, LO, OptionScore, Triangle, TriangleSpec, bottleneck, fit, parse_spec

__all__ = ["TYPE", "TriangleType", "worked_on"]


def _case_of(answer, loaded: dict[str, Case | None]) -> Case | None:
    """The case an answer was made on, when it loads; None for an odd answer
    or an unknown or broken case. ``loaded`` holds the cases one reading has
    looked up already (a class's answers share a few cases; a broken file is
    not parsed again for every answer)."""
    case_id = answer.get("case") if isinstance(answer, dict) else None
    if not isinstance(case_id, str):
        return None
    if case_id not in loaded:
        try:
            loaded[case_id] = load_case(case_id)
        except (ContentError, ValueError):
            loaded[case_id] = None
    return loaded[case_id]


def _restored(spec: TriangleSpec, answer, loaded: dict[str, Case | None]) -> Triangle | None:
    """The answer restored with the view's :meth:`Triangle.from_dict` on its own case, or None."""
    case = _case_of(answer, loaded)
    return None if case is None else Triangle.from_dict(spec, answer, {case.case_id: case})


def worked_on(spec: TriangleSpec, answer) -> list[Triangle]:
    """The answer read once per case the participant changed (options chosen
    or scored differently from a fresh start), the case shown last first;
    only that case when nothing was changed, [] for an odd answer."""
    loaded: dict[str, Case | None] = {}
    last = _restored(spec, answer, loaded)
    if last is None:
        return []
    saved = answer.get("cases") if isinstance(answer.get("cases"), dict) else {}
    out = []
    for case_id in [last.case.case_id, *sorted(k for k in saved if k != last.case.case_id)]:
        case = _case_of({"case": case_id}, loaded)
        if case is None:
            continue
        model = last if case_id == last.case.case_id else Triangle.from_dict(spec, {**answer, "case": case_id},
                                                                               {case_id: case})
        if model.entry() != Triangle.start(spec, case).entry():
            out.append(model)
    return out or [last]


class TriangleType(ExerciseType):
    name = "strategic_triangle"

    def parse_spec(self, root, exercise_id):
        """The spec, with its ``default_case`` checked against the course's cases."""
        spec = parse_spec(root, exercise_id)
        known = case_ids()
        if spec.default_case not in known:
            raise root.fail("default_case", t("strategic_triangle.allowed_case", cases=", ".join(known)),
                            spec.default_case)
        return spec

    def summarize(self, spec: TriangleSpec, answer) -> list[str]:
        """Per changed case its options, best fit first."""
        lines = []
        for model in worked_on(spec, answer):
            lines.append(t("strategic_triangle.sum_case", case=model.case.label, n=len(model.options)))
            for o in model.ranked():
                lines.append(t("strategic_triangle.sum_option", option=o.name, v=o.value, l=o.legitimacy,
                               c=o.capacity, fit=number(fit(o), 2), weakest=spec.corner(bottleneck(o)).label))
        return lines

    def plot_answer(self, spec: TriangleSpec, answer):
        """The triangles of every changed case."""
        models = worked_on(spec, answer)
        if not models:
            return None
        if len(models) == 1:
            return plot_triangle(spec, models[0].options)
        return plot_triangles(spec, [(m.case.label, m.options) for m in models])

    def class_picture(self, spec: TriangleSpec, answers: dict):
        """For the case most participants worked on: per option the mean score on
        each corner (with lowest and highest), the mean fit, and the weakest
        corner named most often."""
        loaded: dict[str, Case | None] = {}
        models = [m for m in (_restored(spec, a, loaded) for a in answers.values()) if m is not None]
        if not models:
            return None, [t("strategic_triangle.class_none")]
        case_id = most_answered(Counter(m.case.case_id for m in models))
        on_case = [m for m in models if m.case.case_id == case_id]
        per_option: dict[str, list[OptionScore]] = {}
        for model in on_case:
            for option in model.options:
                per_option.setdefault(option.id, []).append(option)
        lines = [t("strategic_triangle.class_case", case=on_case[0].case.label, n=len(on_case), total=len(models))]
        for scored in per_option.values():
            fits = [fit(o) for o in scored]
            weak = [bottleneck(o) for o in scored]
            most = max(CORNERS, key=lambda k: (weak.count(k), -CORNERS.index(k)))
            lines.append(t("strategic_triangle.class_option", option=scored[0].name, n=len(scored),
                           fit=number(sum(fits) / len(fits), 2), lo=number(min(fits), 2), hi=number(max(fits), 2),
                           weakest=spec.corner(most).label))
        return plot_class(spec, per_option), lines

    def demo_answer(self, spec: TriangleSpec, rng: random.Random) -> dict:
        """An invented participant (demo class only): mostly the start case, two
        to four of its options, and every score within one point of the case's
        own (illustrative) score."""
        ids = case_ids()
        case_id = spec.default_case
        if rng.random() >= 0.6 and ids:
            case_id = rng.choice(ids)
        try:
            case = load_case(case_id)
        except (ContentError, ValueError):  # a broken case file: the start case instead
            case = load_case(spec.default_case)
        model = Triangle.from_dict(spec, {"case": case.case_id}, {case.case_id: case})
        known = [i.id for i in case.interventions]
        lo, hi = spec.min_options, min(spec.max_options, len(known))
        if lo <= hi:
            n = rng.randint(lo, hi)
            model.select(sorted(rng.sample(known, n), key=known.index))
        for option_id in model.selected:
            item = model.intervention(option_id)
            for corner in CORNERS:
                start = getattr(item, corner)
                model.set_score(option_id, corner, min(HI, max(LO, start + rng.randint(-1, 1))))
        return model.to_dict()


TYPE = TriangleType()
