"""What the portfolio and the class overview read from an enforcement pyramid."""

from __future__ import annotations

import random

from ... import content
from ...i18n import t
from ...registry import ExerciseType
from . import load_pyramid_setup
from .figures import mean_text, plot_class_levels, plot_pyramid, segment_line
from .model import LEVELS, PyramidModel, PyramidSpec, parse_spec

__all__ = ["TYPE", "EnforcementPyramidType"]


class EnforcementPyramidType(ExerciseType):
    name = "enforcement_pyramid"

    def parse_spec(self, root, exercise_id):
        """The spec, and a check that the matrix exercise it names loads."""
        spec = parse_spec(root, exercise_id)
        try:
            content.load_spec(spec.matrix_id, "intervention_matrix")
        except (content.ContentError, ValueError) as exc:
            raise root.fail("matrix", t("enforcement_pyramid.allowed_matrix"), f"{spec.matrix_id} ({exc})") from None
        return spec

    def summarize(self, spec: PyramidSpec, answer) -> list[str]:
        setup = load_pyramid_setup(spec)
        model = PyramidModel.from_dict(spec, setup, answer)
        lines = [segment_line(f"{seg.key} {seg.label}", reading) for seg in setup.spec.segments
                 if (reading := model.reading(seg.key)).used]
        return lines or [t("enforcement_pyramid.none_placed")]

    def plot_answer(self, spec: PyramidSpec, answer):
        setup = load_pyramid_setup(spec)
        model = PyramidModel.from_dict(spec, setup, answer)
        seg = model.segment_obj()
        return plot_pyramid(setup, model.reading(), t("enforcement_pyramid.plot_title",
                                                      segment=f"{seg.key} {seg.label}"))

    def class_picture(self, spec: PyramidSpec, answers: dict):
        """Per segment: how many participants use each level, and the mean top."""
        setup = load_pyramid_setup(spec)
        models = [PyramidModel.from_dict(spec, setup, a) for a in (answers or {}).values() if isinstance(a, dict)]
        if not models:
            return None, [t("enforcement_pyramid.class_none")]
        segments = setup.spec.segments
        counts = {s.key: {lv: 0 for lv in LEVELS} for s in segments}
        tops: dict[str, list[int]] = {s.key: [] for s in segments}
        for model in models:
            for seg in segments:
                reading = model.reading(seg.key)
                for lv in reading.used:
                    counts[seg.key][lv] += 1
                if reading.top:
                    tops[seg.key].append(reading.top)
        lines = [t("enforcement_pyramid.class_n", n=len(models))]
        lines += [t("enforcement_pyramid.class_segment", segment=f"{seg.key} {seg.label}",
                    top=mean_text(tops[seg.key])) for seg in segments if tops[seg.key]]
        return plot_class_levels(setup, counts, len(models)), lines

    def demo_answer(self, spec: PyramidSpec, rng: random.Random) -> dict:
        """A plausible pyramid for the demo class: per segment the reference
        row of the matrix, with an intervention added or left out here and there."""
        setup = load_pyramid_setup(spec)
        model = PyramidModel(spec, setup)
        for seg in setup.spec.segments:
            ids = list(setup.catalogue.in_order(
                i for c in setup.spec.classes for i in setup.reference.get(f"{seg.key}{c.key}")))
            if len(ids) > 2 and rng.random() < 0.5:
                ids.pop(rng.randrange(len(ids)))
            if rng.random() < 0.3:
                ids.append(rng.choice([i.id for i in setup.catalogue.items if i.id not in ids]))
            for item_id in ids:
                model.toggle(item_id, True, seg.key)
        model.set_segment(rng.choice(model.segment_keys))
        return model.to_dict()


TYPE = EnforcementPyramidType()
