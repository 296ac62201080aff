"""What the portfolio and the class overview read from a Tafel van Elf answer."""

from __future__ import annotations

import random
from collections import Counter
from statistics import mean

from ... import content
from ...content import T11_KEYS
from ...i18n import t
from ...registry import ExerciseType, most_answered
from . import load_mapping
from .figures import deterrence_summary, dim_labels, num, plot_class, plot_radar, plot_radars, shown_profiles
from .model import (SCALE_MAX, SCALE_MIN, Deterrence, T11Profile, T11Spec, parse_spec, weakest_dimensions,
                    with_default_case)

__all__ = ["TYPE", "TafelVanElfType", "worked_on"]


def _changed_groups(model: T11Profile, case_id: str, case) -> list[str]:
    """The target groups of ``case`` whose saved scores differ from the case's own."""
    saved = model.scores.get(case_id, {})
    return [g.id for g in case.target_groups
            if any(saved.get(g.id, {}).get(d, g.t11[d].score) != g.t11[d].score for d in T11_KEYS)]


def _calculator_changed(model: T11Profile, case_id: str, case, spec: T11Spec) -> bool:
    calc = model.deterrence.get(case_id)
    if calc is None:
        return False
    src = case.deterrence or spec.deterrence
    own = Deterrence(src.gain, src.detection, src.sanction, src.fine, getattr(src, "report", spec.deterrence.report))
    return calc.to_dict() != own.to_dict()


def worked_on(spec: T11Spec, answer) -> list[T11Profile]:
    """The answer read once per case the participant changed (scores or
    calculator differ from the case's own): the case shown last first, as
    saved; each other case with its first changed group in focus. Only the
    last case when nothing was changed."""
    cases = content.load_cases()[0]
    reference, mapping = content.load_t11(), load_mapping()
    last = T11Profile.from_dict(spec, reference, mapping, answer, cases)
    out = []
    for case_id, case in cases.items():
        changed = _changed_groups(last, case_id, case)
        if not changed and not _calculator_changed(last, case_id, case, spec):
            continue
        if case_id == last.case.case_id:
            out.insert(0, last)
            continue
        data = {k: v for k, v in answer.items() if k not in ("focus", "compare")}
        data["case"] = case_id
        if changed:
            data["focus"] = changed[0]
        out.append(T11Profile.from_dict(spec, reference, mapping, data, cases))
    return out or [last]


class TafelVanElfType(ExerciseType):
    name = "tafel_van_elf"

    def parse_spec(self, root, exercise_id):
        """The spec, checked against its default case (which must load)."""
        spec = parse_spec(root, exercise_id)
        root.choice("default_case", content.case_ids())
        try:
            case = content.load_case(spec.default_case)
        except (content.ContentError, ValueError) as exc:
            raise root.fail("default_case", t("tafel_van_elf.allowed_loadable_case"),
                            f"{spec.default_case} ({exc})") from None
        return with_default_case(root, spec, case)

    def summarize(self, spec: T11Spec, answer) -> list[str]:
        """Per changed case its groups' indices and weakest dimensions and the
        calculator; with several cases, first one line per case (the
        learning plan shows the first lines)."""
        models = worked_on(spec, answer if isinstance(answer, dict) else {})
        if len(models) == 1:
            return self._case_lines(models[0])
        lines = []
        for model in models:
            labels = dim_labels(model.reference)
            weak = ", ".join(f"{d} {labels[d]} ({s})" for d, s, _ in model.weakest(model.focus))
            lines.append(t("tafel_van_elf.sum_case_weakest", case=model.case.label,
                           group=model.group(model.focus).name, weakest=weak))
        for model in models:
            lines += self._case_lines(model)
        return lines

    def _case_lines(self, model: T11Profile) -> list[str]:
        labels = dim_labels(model.reference)
        lines = [t("tafel_van_elf.sum_case", case=model.case.label)]
        for gid in (model.focus, model.compare):
            if not gid:
                continue
            idx = model.indices(gid)
            ix = ", ".join(f"{g.label} {num(idx[g.key])}" for g in model.reference.groups if g.key in idx)
            lines.append(t("tafel_van_elf.sum_indices", group=model.group(gid).name, indices=ix))
            weak = "; ".join(f"{d} {labels[d]} ({s}): {' · '.join(fam)}" for d, s, fam in model.weakest(gid))
            lines.append(t("tafel_van_elf.sum_weakest", weakest=weak))
        lines.append(deterrence_summary(model.calculator()))
        return lines

    def plot_answer(self, spec: T11Spec, answer):
        """The radar of the saved focus and comparison groups, per changed case."""
        models = worked_on(spec, answer if isinstance(answer, dict) else {})
        if len(models) == 1:
            return plot_radar(models[0].reference, shown_profiles(models[0]))
        return plot_radars(models[0].reference, [(m.case.label, shown_profiles(m)) for m in models])

    def class_picture(self, spec: T11Spec, answers: dict):
        """Spread of the class's own scores for the case most participants chose."""
        cases, reference, mapping = content.load_cases()[0], content.load_t11(), load_mapping()
        models = [T11Profile.from_dict(spec, reference, mapping, a, cases) for a in (answers or {}).values()
                  if isinstance(a, dict)]
        if not models:
            return None, [t("tafel_van_elf.class_none")]
        per_case = Counter(m.case.case_id for m in models)
        case = cases[most_answered(per_case)]
        labels = dim_labels(reference)
        rows = []
        lines = [t("tafel_van_elf.class_case", case=case.label, n=per_case[case.case_id])]
        for group in case.target_groups[:4]:
            values: dict[str, list[int]] = {d: [] for d in T11_KEYS}
            for model in models:  # the scores participants set themselves, not the case's own
                for d, v in model.scores.get(case.case_id, {}).get(group.id, {}).items():
                    values[d].append(v)
            n = max(len(v) for v in values.values())
            if not n:
                continue
            rows.append((group.name, values))
            means = {d: mean(v) for d, v in values.items() if v}
            weak = weakest_dimensions({d: means.get(d, SCALE_MAX) for d in T11_KEYS}, 3)
            spread = max(T11_KEYS, key=lambda d: (max(values[d]) - min(values[d])) if values[d] else -1)
            lines.append(t("tafel_van_elf.class_group", group=group.name, n=n,
                           weakest=", ".join(f"{d} {labels[d]} ({num(means[d])})" for d in weak if d in means),
                           spread=f"{spread} {labels[spread]}"))
        return (plot_class(reference, rows) if rows else None), lines

    def demo_answer(self, spec: T11Spec, rng: random.Random) -> dict:
        """A plausible answer for the demo class: the default case, each target
        group scored around the case's own scores, a calculator somewhat changed."""
        model = T11Profile(spec, content.load_t11(), load_mapping(), content.load_case(spec.default_case))
        for group in model.case.target_groups:
            for dim in T11_KEYS:
                value = round(group.t11[dim].score + rng.gauss(0, 0.9))
                model.set_score(group.id, dim, min(SCALE_MAX, max(SCALE_MIN, value)))
        calc = model.calculator()
        model.set_deterrence("detection", round(min(1.0, calc.detection * rng.choice([1, 2, 5, 10])), 3))
        model.set_deterrence("use_report", rng.random() < 0.3)
        if model.compare is not None and rng.random() < 0.2:
            model.set_compare(None)
        return model.to_dict()


TYPE = TafelVanElfType()
