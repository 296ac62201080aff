"""The enforcement pyramid, pure: the spec, what a pyramid of one segment
says, and the participant's pyramid with its answer format.

The mix per segment is read from the participant's own intervention matrix
(``m4.interventiematrix``) when it has placements; otherwise the participant
picks interventions here, from the same catalogue.

Saved answer::

    {"segment": "C", "source": "matrix", "own": {"A": ["informatie"], ...},
     "mix": {"A": [...], "B": [...], ...}}      # what was drawn, per segment

``mix`` makes the answer readable on its own: restored without the matrix
answer, a pyramid drawn from the matrix shows the rows as they were saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t
from ..intervention_matrix.model import LEVELS, InterventionMatrix, MatrixSetup, Segment

__all__ = ["SOURCES", "PyramidModel", "PyramidReading", "PyramidSpec", "parse_spec", "read_pyramid"]

SOURCES = ("matrix", "eigen")


@dataclass(frozen=True)
class PyramidSpec:
    exercise_id: str
    title: str
    intro: str
    matrix_id: str


def parse_spec(root: Field, exercise_id: str) -> PyramidSpec:
    """The spec; that the matrix exercise it names loads is checked by the
    type (:mod:`.readings`), which may read files."""
    matrix_id = root.raw("matrix", "m4.interventiematrix")
    if not isinstance(matrix_id, str) or "." not in matrix_id:
        raise root.fail("matrix", t("enforcement_pyramid.allowed_matrix"), matrix_id)
    return PyramidSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), matrix_id)


@dataclass(frozen=True)
class PyramidReading:
    """What a pyramid of one segment says."""

    by_level: dict[int, tuple[str, ...]]
    beside: tuple[str, ...]

    @property
    def used(self) -> list[int]:
        return [lv for lv in LEVELS if self.by_level.get(lv)]

    @property
    def gaps(self) -> list[int]:
        """Empty levels between the lowest and highest used level: an
        escalation there skips a step."""
        used = self.used
        return [lv for lv in range(used[0], used[-1] + 1) if lv not in used] if used else []

    @property
    def base(self) -> int | None:
        return self.used[0] if self.used else None

    @property
    def top(self) -> int | None:
        return self.used[-1] if self.used else None

    @property
    def count(self) -> int:
        """Interventions on the pyramid (not those beside it)."""
        return sum(len(v) for v in self.by_level.values())


def read_pyramid(setup: MatrixSetup, ids) -> PyramidReading:
    catalogue = setup.catalogue
    beside_cats = {c.key for c in catalogue.categories if c.beside_pyramid}
    by_level: dict[int, list[str]] = {lv: [] for lv in LEVELS}
    beside = []
    for item in catalogue.items:
        if item.id not in ids:
            continue
        if item.category in beside_cats:
            beside.append(item.id)
        else:
            by_level[item.level].append(item.id)
    return PyramidReading({lv: tuple(v) for lv, v in by_level.items()}, tuple(beside))


@dataclass
class PyramidModel:
    spec: PyramidSpec
    setup: MatrixSetup
    matrix_rows: dict[str, tuple[str, ...]] | None = None   # the mix per segment of the participant's matrix
    segment: str = ""
    source: str = "eigen"
    own: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        keys = self.segment_keys
        if self.segment not in keys:
            self.segment = keys[0]
        if self.matrix_rows is None and self.source == "matrix":
            self.source = "eigen"

    @property
    def segment_keys(self) -> list[str]:
        return [s.key for s in self.setup.spec.segments]

    def segment_obj(self, key: str | None = None) -> Segment:
        key = key or self.segment
        return next(s for s in self.setup.spec.segments if s.key == key)

    @property
    def has_matrix(self) -> bool:
        return self.matrix_rows is not None

    def set_matrix(self, matrix: InterventionMatrix | None) -> None:
        """Read the rows of the participant's matrix (None or an empty
        matrix: there is nothing to read, the pyramid uses its own choices)."""
        if matrix is not None and matrix.cells:
            self.matrix_rows = {k: matrix.segment_mix(k) for k in self.segment_keys}
        else:
            self.matrix_rows = None
            self.source = "eigen"

    def set_segment(self, key: str) -> None:
        if key not in self.segment_keys:
            raise InputError(t("enforcement_pyramid.field_segment"), ", ".join(self.segment_keys), key)
        self.segment = key

    def set_source(self, source: str) -> None:
        allowed = list(SOURCES) if self.has_matrix else ["eigen"]
        if source not in allowed:
            raise InputError(t("enforcement_pyramid.field_source"), ", ".join(allowed), source)
        self.source = source

    def toggle(self, item_id: str, on: bool, segment: str | None = None) -> None:
        segment = segment or self.segment
        if segment not in self.segment_keys:
            raise InputError(t("enforcement_pyramid.field_segment"), ", ".join(self.segment_keys), segment)
        catalogue = self.setup.catalogue
        if item_id not in catalogue.by_id:
            raise InputError(t("enforcement_pyramid.field_intervention"),
                             t("intervention_matrix.allowed_catalogue_id", file=catalogue.file), item_id)
        current = set(self.own.get(segment, ()))
        (current.add if on else current.discard)(item_id)
        self.own[segment] = catalogue.in_order(current)

    def mix(self, segment: str | None = None) -> tuple[str, ...]:
        segment = segment or self.segment
        if self.source == "matrix" and self.matrix_rows is not None:
            return self.matrix_rows.get(segment, ())
        return self.own.get(segment, ())

    def reading(self, segment: str | None = None) -> PyramidReading:
        return read_pyramid(self.setup, self.mix(segment))

    def to_dict(self) -> dict:
        return {"segment": self.segment, "source": self.source,
                "own": {k: list(self.own[k]) for k in self.segment_keys if self.own.get(k)},
                "mix": {k: list(self.mix(k)) for k in self.segment_keys}}

    @classmethod
    def from_dict(cls, spec: PyramidSpec, setup: MatrixSetup, data, matrix_answer=None) -> "PyramidModel":
        """Rebuild from a saved answer and, when given, the participant's
        matrix answer (the view passes it; its rows then replace the saved
        ones). Without it, a pyramid saved from the matrix keeps the rows it
        saved in ``mix``, so the portfolio and the class overview read what
        the participant saw. Unknown segments and interventions are left out."""
        data = data if isinstance(data, dict) else {}
        catalogue = setup.catalogue
        model = cls(spec, setup)
        own = data.get("own")
        for seg, ids in (own if isinstance(own, dict) else {}).items():
            if seg in model.segment_keys and isinstance(ids, list):
                model.own[seg] = catalogue.in_order(i for i in ids if isinstance(i, str) and i in catalogue.by_id)
        if data.get("segment") in model.segment_keys:
            model.segment = data["segment"]
        saved_mix = data.get("mix")
        if isinstance(matrix_answer, dict):
            model.set_matrix(InterventionMatrix.from_dict(setup, matrix_answer))
        elif data.get("source") != "eigen" and isinstance(saved_mix, dict):
            model.matrix_rows = {k: catalogue.in_order(i for i in saved_mix.get(k, ()) if isinstance(i, str)
                                                       and i in catalogue.by_id)
                                 if isinstance(saved_mix.get(k), list) else () for k in model.segment_keys}
        if model.has_matrix:
            model.source = "eigen" if data.get("source") == "eigen" else "matrix"
        return model
