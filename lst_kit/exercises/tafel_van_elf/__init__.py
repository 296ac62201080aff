"""E4.1 Tafel van Elf profile and deterrence calculator.

Per target group of a case the participant scores the eleven dimensions of
the Tafel van Elf, starting from the case's own (illustrative) scores. The
view shows a radar of two target groups, an index per T11 group
(spontaneous compliance, control, sanction), the three weakest dimensions
with the intervention families that address them
(``data/reference/t11_interventies.yaml``, illustrative), and a stylised
deterrence calculator.

Spec: ``data/exercises/m4/tafel_van_elf.yaml`` (type ``tafel_van_elf``); the
answer format is in :mod:`.model`.
"""

from __future__ import annotations

from pathlib import Path

from ... import content
from .model import MAPPING_FILE, InterventionMapping, parse_mapping

__all__ = ["check_reference_file", "load_mapping", "tafel_van_elf"]


def load_mapping(path: Path | str = MAPPING_FILE) -> InterventionMapping:
    """``data/reference/t11_interventies.yaml`` (or ``path``), validated."""
    return content.load_reference(path, parse_mapping)


def check_reference_file(path: Path) -> list[str]:
    """Problems in a T11 intervention mapping (for ``lst-kit check``)."""
    return content.check_file(path, parse_mapping)


def tafel_van_elf(exercise_id: str = "m4.tafel_van_elf", workbook=None):
    """E4.1 as a widget."""
    from ...widgets import build_view
    from .view import T11View

    def build():
        spec = content.load_spec(exercise_id, "tafel_van_elf")
        cases, broken = content.load_cases()
        return T11View(spec, content.load_t11(), load_mapping(), cases, workbook, [str(b) for b in broken])

    return build_view(build)
