"""The intervention strategy matrix, pure: the spec (segments, consequence
classes, aggravating factors), the parsers of the intervention catalogue and
the reference matrix, and the participant's matrix with its answer format.

Saved answer::

    {"cells": {"A1": ["informatie", "overtuigen"], ...}, "situation": "B2", "factors": ["recidive"]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["LEVELS", "Aggravating", "Catalogue", "CatalogueItem", "Category", "Comparison", "ConsequenceClass",
           "Difference", "InterventionMatrix", "Level", "MatrixSetup", "MatrixSpec", "ReferenceMatrix",
           "ReferenceParser", "Segment", "compare_cells", "level_range", "parse_catalogue", "parse_spec"]

LEVELS = tuple(range(1, 7))
SEGMENT_KEY = re.compile(r"^[A-Z]$")
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*\.ya?ml$")


# -- the spec -----------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    english: str
    description: str


@dataclass(frozen=True)
class ConsequenceClass:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class Aggravating:
    key: str
    label: str
    description: str
    shift: int
    criminal: bool


@dataclass(frozen=True)
class MatrixSpec:
    exercise_id: str
    title: str
    intro: str
    segments: tuple[Segment, ...]
    classes: tuple[ConsequenceClass, ...]
    aggravating: tuple[Aggravating, ...]
    catalogue_file: str
    reference_file: str

    @cached_property
    def cell_keys(self) -> list[str]:
        """Row by row: A1, A2, ..., D4 (derived once from the frozen spec;
        a shared list: do not change it)."""
        return [f"{s.key}{c.key}" for s in self.segments for c in self.classes]

    def split(self, cell: str) -> tuple[Segment, ConsequenceClass]:
        seg = next(s for s in self.segments if cell.startswith(s.key))
        cls = next(c for c in self.classes if cell[len(seg.key):] == c.key)
        return seg, cls

    def cell_label(self, cell: str) -> str:
        seg, cls = self.split(cell)
        return t("intervention_matrix.cell_label", cell=cell, segment=seg.label, cls=cls.label)


def _file_name(root: Field, key: str, default: str) -> str:
    value = root.raw(key, default)
    if not isinstance(value, str) or not FILE_NAME.match(value):
        raise root.fail(key, t("intervention_matrix.allowed_file"), value)
    return value


def parse_spec(root: Field, exercise_id: str) -> MatrixSpec:
    segments = []
    for n in root.items("segments", 2, 8):
        key = n.raw("key")
        if not isinstance(key, str) or not SEGMENT_KEY.match(key):
            raise n.fail("key", t("intervention_matrix.allowed_segment_key"), key)
        segments.append(Segment(key, n.text("label"), n.text("english", default="", empty_ok=True),
                                n.text("description")))
    root.unique("segments", [s.key for s in segments])
    classes = []
    for n in root.items("classes", 2, 9):
        key = n.raw("key")
        if isinstance(key, bool) or str(key) not in [str(i) for i in range(1, 10)]:
            raise n.fail("key", t("intervention_matrix.allowed_class_key"), key)
        classes.append(ConsequenceClass(str(key), n.text("label"), n.text("description")))
    root.unique("classes", [c.key for c in classes])
    aggravating = tuple(
        Aggravating(n.key("key"), n.text("label"), n.text("description"), n.integer("shift", 0, len(segments) - 1),
                    n.boolean("criminal", default=False))
        for n in root.items("aggravating", 0, 8, default=[]))
    root.unique("aggravating", [a.key for a in aggravating])
    return MatrixSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                      tuple(segments), tuple(classes), aggravating,
                      _file_name(root, "catalogue", "interventiecatalogus.yaml"),
                      _file_name(root, "reference", "interventiematrix_referentie.yaml"))


# -- the catalogue and the reference (data/reference/) ---------------------------------------

@dataclass(frozen=True)
class Level:
    level: int
    label: str
    description: str


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    description: str
    beside_pyramid: bool


@dataclass(frozen=True)
class CatalogueItem:
    id: str
    label: str
    short: str
    level: int
    category: str
    description: str


@dataclass(frozen=True)
class Catalogue:
    file: str
    levels: tuple[Level, ...]
    categories: tuple[Category, ...]
    items: tuple[CatalogueItem, ...]

    @cached_property
    def by_id(self) -> dict[str, CatalogueItem]:
        """Id -> item (derived once; do not change it)."""
        return {i.id: i for i in self.items}

    @cached_property
    def ids(self) -> list[str]:
        """Every id in catalogue order (derived once; do not change it)."""
        return [i.id for i in self.items]

    def item(self, item_id: str) -> CatalogueItem:
        return self.by_id[item_id]

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def level(self, level: int) -> Level:
        return next(lv for lv in self.levels if lv.level == level)

    def in_order(self, ids) -> tuple[str, ...]:
        """The known ones of ``ids``, once each, in catalogue order."""
        wanted = set(ids)
        return tuple(i for i in self.ids if i in wanted)


def parse_catalogue(root: Field) -> Catalogue:
    if root.boolean("illustratief") is not True:
        raise root.fail("illustratief", "true", False)
    levels = tuple(Level(n.integer("level", 1, 6), n.text("label"), n.text("description"))
                   for n in root.items("levels", 6, 6))
    if [lv.level for lv in levels] != list(LEVELS):
        raise root.fail("levels", t("intervention_matrix.allowed_levels"), [lv.level for lv in levels])
    categories = tuple(Category(n.key("key"), n.text("label"), n.text("description"),
                                n.boolean("beside_pyramid", default=False))
                       for n in root.items("categories", 1, 12))
    root.unique("categories", [c.key for c in categories])
    keys = [c.key for c in categories]
    items = []
    for n in root.items("interventions", 1, 300):
        label = n.text("label")
        short = n.text("short", default=label)
        if len(short) > 24:
            raise n.fail("short", t("intervention_matrix.allowed_short"), short)
        items.append(CatalogueItem(n.key("id"), label, short, n.integer("level", 1, 6), n.choice("category", keys),
                                   n.text("description")))
    root.unique("interventions", [i.id for i in items])
    return Catalogue(root.file, levels, categories, tuple(items))


@dataclass(frozen=True)
class ReferenceMatrix:
    file: str
    title: str
    note: str
    cells: dict[str, tuple[str, ...]]

    def get(self, cell: str) -> tuple[str, ...]:
        return self.cells.get(cell, ())


@dataclass(frozen=True)
class ReferenceParser:
    """Parses a reference matrix against a catalogue and the spec's cells.
    A value (equal for the same catalogue and cells), so
    :func:`lst_kit.content.load_reference` keeps one parsed file per pair."""

    catalogue: Catalogue
    cell_keys: tuple[str, ...]

    def __call__(self, root: Field) -> ReferenceMatrix:
        catalogue, cell_keys = self.catalogue, list(self.cell_keys)
        if root.boolean("illustratief") is not True:
            raise root.fail("illustratief", "true", False)
        node = root.sub("cells")
        cells = {}
        for cell, ids in node.data.items():
            if str(cell) not in cell_keys:
                raise node.fail(str(cell), t("intervention_matrix.allowed_cell", cells=", ".join(cell_keys)), cell)
            if not isinstance(ids, list):
                raise node.fail(str(cell), t("intervention_matrix.allowed_id_list"), ids)
            for i, item_id in enumerate(ids):
                if item_id not in catalogue.by_id:
                    raise node.fail(f"{cell}[{i}]", t("intervention_matrix.allowed_catalogue_id",
                                                       file=catalogue.file), item_id)
            node.unique(str(cell), ids)
            cells[str(cell)] = catalogue.in_order(ids)
        return ReferenceMatrix(root.file, root.text("title", default=t("intervention_matrix.reference"),
                                                    empty_ok=True),
                               root.text("note", default="", empty_ok=True), cells)


@dataclass(frozen=True)
class MatrixSetup:
    """The spec with its validated catalogue and reference."""

    spec: MatrixSpec
    catalogue: Catalogue
    reference: ReferenceMatrix


# -- comparison ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    cell: str
    only_mine: tuple[str, ...]
    only_reference: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    equal: int
    total: int
    differences: tuple[Difference, ...]

    @property
    def consistency(self) -> float:
        """Share of cells whose interventions equal the reference (0..1)."""
        return self.equal / self.total if self.total else 0.0


def compare_cells(cell_keys: list[str], mine: dict[str, tuple[str, ...]], reference: ReferenceMatrix,
                  order: list[str]) -> Comparison:
    """Cell by cell: equal sets count as consistent; the rest are differences."""
    differences = []
    for cell in cell_keys:
        a, b = set(mine.get(cell, ())), set(reference.get(cell))
        if a != b:
            only_a, only_b = a - b, b - a
            differences.append(Difference(cell, tuple(i for i in order if i in only_a),
                                          tuple(i for i in order if i in only_b)))
    return Comparison(len(cell_keys) - len(differences), len(cell_keys), tuple(differences))


def level_range(catalogue: Catalogue, ids) -> tuple[int, int] | None:
    """(lowest, highest) pyramid level of the known ``ids``, or None."""
    levels = [catalogue.by_id[i].level for i in ids if i in catalogue.by_id]
    return (min(levels), max(levels)) if levels else None


# -- the participant's matrix ---------------------------------------------------------------

@dataclass
class InterventionMatrix:
    setup: MatrixSetup
    cells: dict[str, tuple[str, ...]] = field(default_factory=dict)
    situation: str = ""
    factors: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.situation not in self.spec.cell_keys:
            self.situation = self.spec.cell_keys[0]

    @property
    def spec(self) -> MatrixSpec:
        return self.setup.spec

    @property
    def catalogue(self) -> Catalogue:
        return self.setup.catalogue

    def _check_cell(self, cell: Any) -> str:
        if cell not in self.spec.cell_keys:
            raise InputError(t("intervention_matrix.field_cell"), ", ".join(self.spec.cell_keys), cell)
        return cell

    def place(self, cell: str, ids) -> None:
        """Put exactly these interventions in a cell (catalogue order)."""
        self._check_cell(cell)
        if isinstance(ids, str) or not isinstance(ids, (list, tuple, set, frozenset)):
            raise InputError(t("intervention_matrix.field_interventions", cell=cell),
                             t("intervention_matrix.allowed_id_list"), ids)
        unknown = [i for i in ids if i not in self.catalogue.by_id]
        if unknown:
            raise InputError(t("intervention_matrix.field_interventions", cell=cell),
                             t("intervention_matrix.allowed_catalogue_id", file=self.catalogue.file), unknown[0])
        chosen = self.catalogue.in_order(ids)
        if chosen:
            self.cells[cell] = chosen
        else:
            self.cells.pop(cell, None)

    def toggle(self, cell: str, item_id: str, on: bool) -> None:
        current = set(self.get(self._check_cell(cell)))
        if item_id not in self.catalogue.by_id:
            raise InputError(t("intervention_matrix.field_interventions", cell=cell),
                             t("intervention_matrix.allowed_catalogue_id", file=self.catalogue.file), item_id)
        (current.add if on else current.discard)(item_id)
        self.place(cell, current)

    def get(self, cell: str) -> tuple[str, ...]:
        return self.cells.get(cell, ())

    def level_range(self, cell: str, reference: bool = False) -> tuple[int, int] | None:
        ids = self.setup.reference.get(cell) if reference else self.get(cell)
        return level_range(self.catalogue, ids)

    # -- the situation and aggravating factors ------------------------------------
    def set_situation(self, cell: str) -> None:
        self.situation = self._check_cell(cell)

    def set_factor(self, key: str, on: bool) -> None:
        known = [a.key for a in self.spec.aggravating]
        if key not in known:
            raise InputError(t("intervention_matrix.field_factor"), ", ".join(known), key)
        if not isinstance(on, bool):
            raise InputError(t("intervention_matrix.field_factor"), t("intervention_matrix.allowed_bool"), on)
        self.factors = [k for k in known if (k in self.factors and k != key) or (k == key and on)]

    def suggested(self) -> str:
        """The situation's cell shifted towards heavier behaviour by the marked
        aggravating factors (capped at the last row)."""
        seg, cls = self.spec.split(self.situation)
        rows = [s.key for s in self.spec.segments]
        shift = sum(a.shift for a in self.spec.aggravating if a.key in self.factors)
        row = min(rows.index(seg.key) + shift, len(rows) - 1)
        return f"{rows[row]}{cls.key}"

    def criminal_track(self) -> bool:
        return any(a.criminal for a in self.spec.aggravating if a.key in self.factors)

    # -- comparison -------------------------------------------------------------
    def comparison(self) -> Comparison:
        return compare_cells(self.spec.cell_keys, self.cells, self.setup.reference, self.catalogue.ids)

    def segment_mix(self, segment_key: str) -> tuple[str, ...]:
        """Every intervention in a segment's row (catalogue order)."""
        return self.catalogue.in_order(i for c in self.spec.classes for i in self.get(f"{segment_key}{c.key}"))

    # -- workbook ---------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"cells": {cell: list(self.cells[cell]) for cell in self.spec.cell_keys if cell in self.cells},
                "situation": self.situation, "factors": list(self.factors)}

    @classmethod
    def from_dict(cls, setup: MatrixSetup, data) -> "InterventionMatrix":
        """Rebuild from a saved answer; unknown cells or interventions (a
        teacher may have changed the catalogue) are left out."""
        model = cls(setup)
        data = data if isinstance(data, dict) else {}
        cells = data.get("cells")
        for cell, ids in (cells if isinstance(cells, dict) else {}).items():
            if cell in setup.spec.cell_keys and isinstance(ids, list):
                model.place(cell, [i for i in ids if isinstance(i, str) and i in setup.catalogue.by_id])
        if data.get("situation") in setup.spec.cell_keys:
            model.situation = data["situation"]
        factors = data.get("factors")
        known = [a.key for a in setup.spec.aggravating]
        if isinstance(factors, list):
            model.factors = [k for k in known if k in factors]
        return model
