"""What the portfolio and the class overview read from an intervention matrix."""

from __future__ import annotations

import random
from collections import Counter

from ...i18n import t
from ...registry import ExerciseType
from . import load_setup
from .figures import difference_parts, plot_class_agreement, plot_matrix, range_text
from .model import InterventionMatrix, MatrixSpec, level_range, parse_spec

__all__ = ["TYPE", "InterventionMatrixType"]


class InterventionMatrixType(ExerciseType):
    name = "intervention_matrix"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: MatrixSpec, answer) -> list[str]:
        setup = load_setup(spec)
        model = InterventionMatrix.from_dict(setup, answer)
        comp = model.comparison()
        lines = [t("intervention_matrix.sum_consistency", equal=comp.equal, total=comp.total,
                   share=round(100 * comp.consistency)),
                 t("intervention_matrix.sum_filled", filled=len(model.cells), total=comp.total)]
        for seg in spec.segments:
            lines.append(t("intervention_matrix.sum_segment", segment=f"{seg.key} {seg.label}",
                           levels=range_text(level_range(setup.catalogue, model.segment_mix(seg.key)))))
        for diff in comp.differences[:5]:
            lines.append(t("intervention_matrix.sum_diff", cell=diff.cell,
                           parts=difference_parts(setup.catalogue, diff)))
        return lines

    def plot_answer(self, spec: MatrixSpec, answer):
        setup = load_setup(spec)
        return plot_matrix(setup, InterventionMatrix.from_dict(setup, answer).cells)

    def class_picture(self, spec: MatrixSpec, answers: dict):
        """The class's most chosen set per cell and how far participants agree."""
        setup = load_setup(spec)
        models = [InterventionMatrix.from_dict(setup, a) for a in (answers or {}).values() if isinstance(a, dict)]
        if not models:
            return None, [t("intervention_matrix.class_none")]
        shares = [m.comparison().consistency for m in models]
        agreement, modal = {}, {}
        for cell in spec.cell_keys:
            counts = Counter(m.get(cell) for m in models)
            best = max(sorted(counts), key=counts.__getitem__)  # the most chosen; ties: the first in order
            modal[cell] = best
            agreement[cell] = counts[best] / len(models)
        lines = [t("intervention_matrix.class_consistency", n=len(models), mean=round(100 * sum(shares) / len(shares)),
                   lo=round(100 * min(shares)), hi=round(100 * max(shares)))]
        least = sorted(spec.cell_keys, key=lambda c: (agreement[c], c))
        lines.append(t("intervention_matrix.class_least", cells=", ".join(
            f"{c} ({round(100 * agreement[c])}%)" for c in least[:3])))
        return plot_class_agreement(setup, agreement, modal), lines

    def demo_answer(self, spec: MatrixSpec, rng: random.Random) -> dict:
        """A plausible matrix for the demo class: the reference with individual
        deviations (a lighter or heavier intervention here and there), a case
        cell and sometimes an aggravating factor."""
        setup = load_setup(spec)
        model = InterventionMatrix(setup)
        items = setup.catalogue.items
        for cell in spec.cell_keys:
            ids = list(setup.reference.get(cell))
            roll = rng.random()
            if roll < 0.2 and len(ids) > 1:
                ids.pop(rng.randrange(len(ids)))
            elif roll < 0.45:
                top = max((setup.catalogue.item(i).level for i in ids), default=1)
                near = [i.id for i in items if abs(i.level - top) <= 1 and i.id not in ids]
                if near:
                    ids.append(rng.choice(near))
            if rng.random() < 0.9:  # a few participants leave a cell open
                model.place(cell, ids)
        model.set_situation(rng.choice(spec.cell_keys))
        for factor in spec.aggravating:
            if rng.random() < 0.3:
                model.set_factor(factor.key, True)
        return model.to_dict()


TYPE = InterventionMatrixType()
