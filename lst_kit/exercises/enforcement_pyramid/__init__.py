"""The enforcement pyramid (after Ayres & Braithwaite 1992): the
participant's intervention mix per behaviour segment drawn as a pyramid of
six levels, with the interventions on their level and escalation arrows.

Spec: ``data/exercises/m4/piramide.yaml`` (type ``enforcement_pyramid``); it
names the intervention matrix exercise whose catalogue and answer it reads.
The answer format is in :mod:`.model`.
"""

from __future__ import annotations

from ... import content
from ..intervention_matrix import load_matrix_setup
from .model import PyramidSpec

__all__ = ["enforcement_pyramid", "load_pyramid_setup"]


def load_pyramid_setup(spec: PyramidSpec):
    """The setup (spec, catalogue, reference) of the matrix the pyramid reads."""
    return load_matrix_setup(spec.matrix_id)


def enforcement_pyramid(exercise_id: str = "m4.piramide", workbook=None):
    """The enforcement pyramid as a widget."""
    from ...widgets import build_view
    from .view import PyramidView

    def build():
        spec = content.load_spec(exercise_id, "enforcement_pyramid")
        return PyramidView(spec, load_pyramid_setup(spec), workbook)

    return build_view(build)
