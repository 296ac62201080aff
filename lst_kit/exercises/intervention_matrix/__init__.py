"""E4.3 Intervention strategy matrix: behaviour segments (rows) against
consequence classes (columns), in the style of the national enforcement
strategy (LHS 2014 / LHSO 2022).

The participant places interventions from a catalogue
(``data/reference/interventiecatalogus.yaml``) into cells, marks aggravating
factors that shift a case towards heavier interventions, and compares the
matrix with a reference (``data/reference/interventiematrix_referentie.yaml``).
Both files are illustrative and a teacher can replace them; the spec
(``data/exercises/m4/interventiematrix.yaml``, type ``intervention_matrix``)
names them and holds the rows, columns and aggravating factors. The answer
format is in :mod:`.model`.
"""

from __future__ import annotations

from pathlib import Path

from ... import content
from .model import MatrixSetup, MatrixSpec, ReferenceParser, parse_catalogue

__all__ = ["check_reference_file", "intervention_matrix", "load_matrix_setup", "load_setup"]


def load_setup(spec: MatrixSpec, folder: Path | None = None) -> MatrixSetup:
    """The spec with its catalogue and reference, read from ``data/reference/``
    (or ``folder``) and validated; a problem is a ContentError naming file and field."""
    def where(name: str):
        return name if folder is None else Path(folder) / name

    catalogue = content.load_reference(where(spec.catalogue_file), parse_catalogue)
    reference = content.load_reference(where(spec.reference_file), ReferenceParser(catalogue, tuple(spec.cell_keys)))
    return MatrixSetup(spec, catalogue, reference)


def load_matrix_setup(exercise_id: str = "m4.interventiematrix") -> MatrixSetup:
    """The setup of the intervention matrix exercise ``exercise_id``."""
    return load_setup(content.load_spec(exercise_id, "intervention_matrix"))


def check_reference_file(path: Path) -> list[str]:
    """Problems in the catalogue or a reference matrix (for ``lst-kit check``).
    A reference matrix is checked against the cells of ``m4.interventiematrix``
    and the catalogue beside it."""
    path = Path(path)
    try:
        doc = content.load_yaml(path)
        if not (isinstance(doc, dict) and "cells" in doc):
            return content.check_file(path, parse_catalogue)
        spec = content.load_spec("m4.interventiematrix", "intervention_matrix")
        catalogue = content.load_reference(path.parent / spec.catalogue_file, parse_catalogue)
    except (content.ContentError, ValueError) as exc:
        return [str(exc)]
    return content.check_file(path, ReferenceParser(catalogue, tuple(spec.cell_keys)))


def intervention_matrix(exercise_id: str = "m4.interventiematrix", workbook=None):
    """E4.3 as a widget."""
    from ...widgets import build_view
    from .view import MatrixView

    return build_view(lambda: MatrixView(load_matrix_setup(exercise_id), workbook))
