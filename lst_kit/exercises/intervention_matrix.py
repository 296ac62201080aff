"""E4.2 Intervention strategy matrix: behaviour segments (rows) against
consequence classes (columns), in the style of the national enforcement
strategy (LHS 2014 / LHSO 2022).

The participant places interventions from a catalogue
(``data/reference/interventiecatalogus.yaml``) into cells, marks aggravating
factors that shift a case towards heavier interventions, and compares the
matrix with a reference (``data/reference/interventiematrix_referentie.yaml``).
Both files are illustrative and a teacher can replace them; the spec
(``data/exercises/m4/interventiematrix.yaml``, type ``intervention_matrix``)
names them and holds the rows, columns and aggravating factors.

Saved answer::

    {"cells": {"A1": ["informatie", "overtuigen"], ...}, "situation": "B2", "factors": ["recidive"]}
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..figures import svgplot
from ..paths import data_dir
from ..content import ContentError, Field, load_spec, rel_path, load_yaml
from ..errors import InputError
from ..i18n import t
from ..figures.style import PALETTE, SEQUENTIAL
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook


LEVELS = tuple(range(1, 7))
SEGMENT_KEY = re.compile(r"^[A-Z]$")
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*\.ya?ml$")
MAX_IN_CELL_LINES = 5


# -- content ---------------------------------------------------------------------

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
        """Row by row: A1, A2, ..., D4 (made once per spec, which is frozen;
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
    def _by_id(self) -> dict[str, CatalogueItem]:
        return {i.id: i for i in self.items}

    def item(self, item_id: str) -> CatalogueItem:
        return self._by_id[item_id]

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def level(self, level: int) -> Level:
        return next(lv for lv in self.levels if lv.level == level)

    @cached_property
    def ids(self) -> list[str]:
        """Every id in catalogue order (shared list: do not change it)."""
        return [i.id for i in self.items]


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


def parse_reference(root: Field, catalogue: Catalogue, cell_keys: list[str]) -> ReferenceMatrix:
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
            if item_id not in catalogue.ids:
                raise node.fail(f"{cell}[{i}]", t("intervention_matrix.allowed_catalogue_id",
                                                   file=catalogue.file), item_id)
        node.unique(str(cell), ids)
        cells[str(cell)] = tuple(sorted(ids, key=catalogue.ids.index))
    return ReferenceMatrix(root.file, root.text("title", default=t("intervention_matrix.reference"), empty_ok=True),
                           root.text("note", default="", empty_ok=True), cells)


@dataclass(frozen=True)
class MatrixSetup:
    """The spec with its validated catalogue and reference."""

    spec: MatrixSpec
    catalogue: Catalogue
    reference: ReferenceMatrix


_CACHE: dict[tuple, Any] = {}


def _cached(path: Path, extra: tuple, parse):
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size, *extra)
    if key not in _CACHE:
        _CACHE[key] = parse(Field(load_yaml(path), rel_path(path)))
    return _CACHE[key]


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The intervention catalogue, validated; cached until the file changes."""
    path = Path(path) if path is not None else data_dir() / "reference" / "interventiecatalogus.yaml"
    return _cached(path, (), parse_catalogue)


def load_reference(path: Path, catalogue: Catalogue, cell_keys: list[str]) -> ReferenceMatrix:
    """The reference matrix, checked against the catalogue and the cells."""
    return _cached(Path(path), (catalogue, tuple(cell_keys)),
                   lambda root: parse_reference(root, catalogue, cell_keys))


def load_setup(spec: MatrixSpec) -> MatrixSetup:
    folder = data_dir() / "reference"
    catalogue = load_catalogue(folder / spec.catalogue_file)
    reference = load_reference(folder / spec.reference_file, catalogue, spec.cell_keys)
    return MatrixSetup(spec, catalogue, reference)


def load_matrix_setup(exercise_id: str = "m4.interventiematrix") -> MatrixSetup:
    return load_setup(load_spec(exercise_id, "intervention_matrix"))


def check_reference_file(path: Path) -> list[str]:
    """Problems in the catalogue or a reference matrix (for ``lst-kit check``)."""
    path = Path(path)
    try:
        if "cells" in (load_yaml(path) or {}):
            spec = load_spec("m4.interventiematrix", "intervention_matrix")
            catalogue = load_catalogue(path.parent / spec.catalogue_file)
            load_reference(path, catalogue, spec.cell_keys)
        else:
            load_catalogue(path)
    except (ContentError, ValueError) as exc:
        return [str(exc)]
    return []


# -- model ------------------------------------------------------------------------

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
        order = self.catalogue.ids
        known = self.catalogue._by_id
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise InputError(t("intervention_matrix.field_interventions", cell=cell),
                             t("intervention_matrix.allowed_catalogue_id", file=self.catalogue.file), unknown[0])
        wanted = set(ids)
        chosen = tuple(i for i in order if i in wanted)
        if chosen:
            self.cells[cell] = chosen
        else:
            self.cells.pop(cell, None)

    def toggle(self, cell: str, item_id: str, on: bool) -> None:
        current = set(self.get(self._check_cell(cell)))
        if item_id not in self.catalogue.ids:
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
        ids = {i for c in self.spec.classes for i in self.get(f"{segment_key}{c.key}")}
        return tuple(i for i in self.catalogue.ids if i in ids)

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
                model.place(cell, [i for i in ids if i in setup.catalogue.ids])
        if data.get("situation") in setup.spec.cell_keys:
            model.situation = data["situation"]
        factors = data.get("factors")
        known = [a.key for a in setup.spec.aggravating]
        if isinstance(factors, list):
            model.factors = [k for k in known if k in factors]
        return model


def level_range(catalogue: Catalogue, ids) -> tuple[int, int] | None:
    known = catalogue._by_id
    levels = [known[i].level for i in ids if i in known]
    return (min(levels), max(levels)) if levels else None


def range_text(rng: tuple[int, int] | None) -> str:
    if rng is None:
        return "–"
    lo, hi = rng
    return t("intervention_matrix.level_one", level=lo) if lo == hi else t("intervention_matrix.level_range",
                                                                              lo=lo, hi=hi)


# -- plot ---------------------------------------------------------------------------

def _level_colours():
    cmap = svgplot.colormap(SEQUENTIAL).reversed()  # light = base of the pyramid, dark = top
    return {lv: cmap(0.08 + 0.84 * (lv - 1) / 5) for lv in LEVELS}


def _text_colour(rgba) -> str:
    r, g, b = rgba[:3]
    return "#000000" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#ffffff"


def _cell_lines(catalogue: Catalogue, ids, max_lines: int) -> list[str]:
    names = [catalogue.item(i).short for i in ids]
    if len(names) > max_lines:
        names = names[:max_lines - 1] + [t("intervention_matrix.more", n=len(names) - max_lines + 1)]
    return names


COLOUR_BAR = 0.55  # room right of the last matrix for the colour scale, in cell widths


def _draw_grid(ax, setup: MatrixSetup, cells: dict[str, tuple[str, ...]], title: str, differences: set[str] | None,
               situation: str | None, suggested: str | None, colour_bar: bool) -> None:
    """One matrix: rows are segments (A at the bottom: light lower-left, heavy
    upper-right, as in the LHS), columns the consequence classes; cells
    coloured by their highest level, ``differences`` (None: no marks, the
    reference itself) marked with ``≠`` and a dashed frame."""
    spec, catalogue = setup.spec, setup.catalogue
    nrows, ncols = len(spec.segments), len(spec.classes)
    colours = _level_colours()
    small = 7 if nrows <= 4 else 6
    max_lines = max(2, MAX_IN_CELL_LINES - max(0, nrows - 4))
    marks = differences is not None
    frames = []
    for r, seg in enumerate(spec.segments):
        for c, cls in enumerate(spec.classes):
            cell = f"{seg.key}{cls.key}"
            ids = cells.get(cell, ())
            rng = level_range(catalogue, ids)
            face = colours[rng[1]] if rng else "#ffffff"
            ax.add_patch(svgplot.Rectangle((c, r), 1, 1, facecolor=face, edgecolor="#888888", linewidth=0.8,
                                           hatch=None if rng else ".."))
            ink = _text_colour(face) if rng else "#444444"
            differs = marks and bool(ids) and cell in differences  # an empty cell is hatched: plain enough
            key = f"{cell}  ≠" if differs else (f"{cell}  =" if marks and ids else cell)
            ax.text(c + 0.05, r + 0.93, key, ha="left", va="top", fontsize=8, fontweight="bold", color=ink)
            ax.text(c + 0.95, r + 0.05, range_text(rng), ha="right", va="bottom", fontsize=6.5, color=ink)
            ax.text(c + 0.5, r + 0.47, "\n".join(_cell_lines(catalogue, ids, max_lines)), ha="center", va="center",
                    fontsize=small, color=ink)
            if differs:
                frames.append(svgplot.Rectangle((c + 0.03, r + 0.03), 0.94, 0.94, fill=False, edgecolor=ink,
                                                linestyle="--", linewidth=1.4))
    rows = [seg.key for seg in spec.segments]
    cols = [cls.key for cls in spec.classes]
    for cell, colour, style in ((situation, PALETTE[5], ":"), (suggested, PALETTE[3], "-")):
        if cell and cell in spec.cell_keys:
            seg, cls = spec.split(cell)
            frames.append(svgplot.Rectangle((cols.index(cls.key), rows.index(seg.key)), 1, 1, fill=False,
                                            edgecolor=colour, linestyle=style, linewidth=4))
    for frame in frames:  # on top of every cell
        ax.add_patch(frame)
    if colour_bar:  # the colour scale beside the matrix, one block per level, as a colour bar
        x0, width, step = ncols + 0.1, 0.1, nrows / len(LEVELS)
        for i, lv in enumerate(LEVELS):
            ax.add_patch(svgplot.Rectangle((x0, i * step), width, step, facecolor=colours[lv], edgecolor="#888888",
                                           linewidth=0.5))
            ax.text(x0 + width + 0.04, (i + 0.5) * step, str(lv), ha="left", va="center", fontsize=7)
        ax.text(x0 + width + 0.2, nrows / 2, t("intervention_matrix.colour_label"), ha="center", va="center",
                fontsize=8, rotation=90)
    ax.set_xlim(0, ncols + (COLOUR_BAR if colour_bar else 0))
    ax.set_ylim(0, nrows)
    ax.set_xticks([c + 0.5 for c in range(ncols)],
                  [f"{cls.key}\n" + textwrap.fill(cls.label, 16) for cls in spec.classes], fontsize=7.5)
    ax.set_yticks([r + 0.5 for r in range(nrows)],
                  [f"{seg.key}\n" + textwrap.fill(seg.label, 14, break_long_words=False) for seg in spec.segments],
                  fontsize=7.5)
    ax.set_xlabel(t("intervention_matrix.axis_classes"), fontsize=8.5)
    ax.set_ylabel(t("intervention_matrix.axis_segments"), fontsize=8.5)
    ax.set_title(title, fontsize=10)
    for side in ax.spines.values():
        side.set_visible(False)


def plot_matrix(setup: MatrixSetup, cells: dict[str, tuple[str, ...]], situation: str | None = None,
                suggested: str | None = None, show_reference: bool = False) -> svgplot.Figure:
    """The participant's matrix (and, if asked, the reference beside it):
    cells coloured by their highest pyramid level (cividis, readable in grey),
    the interventions written in the cells, ``≠`` and a dashed frame where a
    cell differs from the reference, the chosen cell dotted and the suggested
    cell (after aggravating factors) framed. An :mod:`lst_kit.figures.svgplot` figure:
    redrawn whole after every edit in a few ms."""
    ncols = len(setup.spec.classes)
    width = 1.75 * ncols + 1.6
    fig = svgplot.Figure(figsize=((width * 2 - 0.9 if show_reference else width), 5.6))
    comp = compare_cells(setup.spec.cell_keys, cells, setup.reference, setup.catalogue.ids)
    if show_reference:
        mine, ref = fig.subplots(1, 2, width_ratios=[ncols, ncols + COLOUR_BAR])
        _draw_grid(mine, setup, cells, t("intervention_matrix.plot_mine"), {d.cell for d in comp.differences},
                   situation, suggested, colour_bar=False)
        _draw_grid(ref, setup, dict(setup.reference.cells), setup.reference.title, None, situation, suggested,
                   colour_bar=True)
    else:
        _draw_grid(fig.add_subplot(), setup, cells, t("intervention_matrix.plot_mine"),
                   {d.cell for d in comp.differences}, situation, suggested, colour_bar=True)
    keys = [svgplot.Line2D(color="#222222", linestyle="--", linewidth=1.4, label=t("intervention_matrix.legend_diff"))]
    if situation:
        keys.append(svgplot.Line2D(color=PALETTE[5], linestyle=":", linewidth=3,
                                   label=t("intervention_matrix.legend_situation")))
    if suggested:
        keys.append(svgplot.Line2D(color=PALETTE[3], linestyle="-", linewidth=3,
                                   label=t("intervention_matrix.legend_suggested")))
    fig.legend(handles=keys, fontsize=7.5)
    return fig


# -- texts ---------------------------------------------------------------------------

def _names(catalogue: Catalogue, ids) -> str:
    return ", ".join(catalogue.item(i).label for i in ids) or t("intervention_matrix.empty")


def summary_text(model: InterventionMatrix) -> str:
    """Plain-text reading of the matrix picture (its caption)."""
    comp = model.comparison()
    filled = len(model.cells)
    return t("intervention_matrix.summary", filled=filled, total=comp.total, equal=comp.equal,
             share=round(100 * comp.consistency))


def situation_text(model: InterventionMatrix) -> list[str]:
    spec, catalogue = model.spec, model.catalogue
    suggested = model.suggested()
    lines = [t("intervention_matrix.situation", cell=spec.cell_label(model.situation))]
    if model.factors:
        names = ", ".join(a.label for a in spec.aggravating if a.key in model.factors)
        lines.append(t("intervention_matrix.shifted", factors=names, cell=spec.cell_label(suggested))
                     if suggested != model.situation else t("intervention_matrix.not_shifted", factors=names))
    if model.get(suggested):
        lines.append(t("intervention_matrix.yours_in", cell=suggested, names=_names(catalogue, model.get(suggested)),
                       levels=range_text(model.level_range(suggested))))
    else:
        lines.append(t("intervention_matrix.yours_in_empty", cell=suggested))
    ref = model.setup.reference.get(suggested)
    lines.append(t("intervention_matrix.reference_in", cell=suggested, names=_names(catalogue, ref),
                   levels=range_text(level_range(catalogue, ref))))
    if model.criminal_track():
        lines.append(t("intervention_matrix.criminal"))
    return lines


# -- optional hooks ------------------------------------------------------------------

def summarize(exercise_id: str, answer) -> list[str]:
    """Dutch plain-text lines about a saved answer (never raises)."""
    try:
        setup = load_matrix_setup(exercise_id)
        model = InterventionMatrix.from_dict(setup, answer)
        comp = model.comparison()
        lines = [t("intervention_matrix.sum_consistency", equal=comp.equal, total=comp.total,
                   share=round(100 * comp.consistency)),
                 t("intervention_matrix.sum_filled", filled=len(model.cells), total=comp.total)]
        for seg in setup.spec.segments:
            rng = level_range(setup.catalogue, model.segment_mix(seg.key))
            lines.append(t("intervention_matrix.sum_segment", segment=f"{seg.key} {seg.label}",
                           levels=range_text(rng)))
        for diff in comp.differences[:5]:
            lines.append(t("intervention_matrix.sum_diff", cell=diff.cell,
                           mine=_names(setup.catalogue, diff.only_mine),
                           ref=_names(setup.catalogue, diff.only_reference)))
        return lines
    except Exception:  # noqa: BLE001 - a hook never raises
        return []


def plot_answer(exercise_id: str, answer):
    try:
        setup = load_matrix_setup(exercise_id)
        model = InterventionMatrix.from_dict(setup, answer)
        return plot_matrix(setup, model.cells)
    except Exception:  # noqa: BLE001
        return None


def plot_class_agreement(setup: MatrixSetup, agreement: dict[str, float], modal: dict[str, tuple[str, ...]]):
    """Per cell: the class's most chosen set and how many chose it (an
    :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    spec = setup.spec
    fig = svgplot.Figure(figsize=(1.75 * len(spec.classes) + 1.6, 5.2))
    ax = fig.add_subplot()
    cmap = svgplot.colormap(SEQUENTIAL).reversed()
    for r, seg in enumerate(spec.segments):
        for c, cls in enumerate(spec.classes):
            cell = f"{seg.key}{cls.key}"
            share = agreement.get(cell, 0.0)
            face = cmap(0.1 + 0.8 * share)
            ax.add_patch(svgplot.Rectangle((c, r), 1, 1, facecolor=face, edgecolor="#888888"))
            ink = _text_colour(face)
            ax.text(c + 0.05, r + 0.93, f"{cell} · {round(100 * share)}%", ha="left", va="top", fontsize=7.5,
                    fontweight="bold", color=ink)
            ax.text(c + 0.5, r + 0.45, "\n".join(_cell_lines(setup.catalogue, modal.get(cell, ()), 4)) or "–",
                    ha="center", va="center", fontsize=6.5, color=ink)
    ax.set_xlim(0, len(spec.classes))
    ax.set_ylim(0, len(spec.segments))
    ax.set_xticks([c + 0.5 for c in range(len(spec.classes))], [cls.key for cls in spec.classes])
    ax.set_yticks([r + 0.5 for r in range(len(spec.segments))], [seg.key for seg in spec.segments])
    ax.set_title(t("intervention_matrix.class_title"))
    steps = [0.0, 0.25, 0.5, 0.75, 1.0]  # the colour scale, in place of a colour bar
    fig.legend(handles=[svgplot.Patch(facecolor=cmap(0.1 + 0.8 * x), edgecolor="#888888", label=f"{round(100 * x)}%")
                        for x in steps], ncols=len(steps), fontsize=8)
    return fig


def class_picture(exercise_id: str, answers: dict):
    """The class's most chosen set per cell and how far participants agree."""
    try:
        setup = load_matrix_setup(exercise_id)
        cell_keys = setup.spec.cell_keys
        # Per answer only its set per cell and its consistency are kept (not
        # the model: a thousand live models keep the garbage collector busy).
        chosen: dict[str, list[tuple[str, ...]]] = {cell: [] for cell in cell_keys}
        shares = []
        for a in (answers or {}).values():
            if isinstance(a, dict):
                m = InterventionMatrix.from_dict(setup, a)
                for cell in cell_keys:
                    chosen[cell].append(m.get(cell))
                shares.append(m.comparison().consistency)
        if not shares:
            return None, [t("intervention_matrix.class_none")]
        agreement, modal = {}, {}
        for cell in cell_keys:
            counts = Counter(chosen[cell])
            best = max(sorted(counts), key=counts.__getitem__)  # the most chosen; ties: the first in order
            modal[cell] = best
            agreement[cell] = counts[best] / len(shares)
        lines = [t("intervention_matrix.class_consistency", n=len(shares), mean=round(100 * sum(shares) / len(shares)),
                   lo=round(100 * min(shares)), hi=round(100 * max(shares)))]
        most = sorted(setup.spec.cell_keys, key=lambda c: (agreement[c], c))
        lines.append(t("intervention_matrix.class_least", cells=", ".join(
            f"{c} ({round(100 * agreement[c])}%)" for c in most[:3])))
        return plot_class_agreement(setup, agreement, modal), lines
    except Exception:  # noqa: BLE001
        return None, []


def demo_answer(exercise_id: str, rng) -> dict:
    """A plausible matrix for the demo class: the reference with individual
    deviations (a lighter or heavier intervention here and there), a case
    cell and sometimes an aggravating factor."""
    setup = load_matrix_setup(exercise_id)
    model = InterventionMatrix(setup)
    items = setup.catalogue.items
    for cell in setup.spec.cell_keys:
        ids = list(setup.reference.get(cell))
        roll = rng.random()
        if roll < 0.2 and len(ids) > 1:
            ids.pop(int(rng.integers(len(ids))))
        elif roll < 0.45:
            top = max((setup.catalogue.item(i).level for i in ids), default=1)
            near = [i.id for i in items if abs(i.level - top) <= 1 and i.id not in ids]
            if near:
                ids.append(near[int(rng.integers(len(near)))])
        if rng.random() < 0.9:  # a few participants leave a cell open
            model.place(cell, ids)
    model.set_situation(setup.spec.cell_keys[int(rng.integers(len(setup.spec.cell_keys)))])
    for factor in setup.spec.aggravating:
        if rng.random() < 0.3:
            model.set_factor(factor.key, True)
    return model.to_dict()


# -- view ------------------------------------------------------------------------------

class MatrixView(ExerciseFrame):
    def __init__(self, setup: MatrixSetup, workbook: Workbook | None = None):
        spec = setup.spec
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.setup = setup
        self.model = InterventionMatrix.from_dict(setup, self.saved())
        catalogue = setup.catalogue
        rows = "".join(f"<li><b>{esc(s.key)} {esc(s.label)}</b>"
                       + (f" <i>({esc(s.english)})</i>" if s.english else "") + f": {esc(s.description)}</li>"
                       for s in spec.segments)
        cols = "".join(f"<li><b>{esc(c.key)} {esc(c.label)}</b>: {esc(c.description)}</li>" for c in spec.classes)
        levels = "".join(f"<li><b>{lv.level} {esc(lv.label)}</b>: {esc(lv.description)}</li>" for lv in catalogue.levels)
        self.legend = widgets.HTML(
            f"<p style='color:#6b5200'><b>{esc(t('intervention_matrix.illustrative'))}</b></p>"
            f"<details><summary>{esc(t('intervention_matrix.explain'))}</summary>"
            f"<p><b>{esc(t('intervention_matrix.axis_segments'))}</b></p><ul>{rows}</ul>"
            f"<p><b>{esc(t('intervention_matrix.axis_classes'))}</b></p><ul>{cols}</ul>"
            f"<p><b>{esc(t('intervention_matrix.levels'))}</b></p><ul>{levels}</ul>"
            f"<p><small>{esc(t('intervention_matrix.labels_note'))}</small></p></details>")
        self.cell_dd = widgets.Dropdown(
            options=[(spec.cell_label(c), c) for c in spec.cell_keys], value=self.model.situation,
            description=t("intervention_matrix.field_cell"), tooltip=t("intervention_matrix.cell_tip"),
            style={"description_width": "initial"}, layout=widgets.Layout(width="40em"))
        self.cell_dd.observe(self.guard(lambda change: self._on_cell(change["new"])), names="value")
        self.checks: dict[str, widgets.Checkbox] = {}
        groups = []
        for lv in catalogue.levels:
            items = [i for i in catalogue.items if i.level == lv.level]
            if not items:
                continue
            boxes = []
            for item in items:
                box = widgets.Checkbox(
                    value=False, description=item.label, indent=False, style={"description_width": "initial"},
                    tooltip=f"{item.description} ({catalogue.category(item.category).label}; "
                            f"{t('intervention_matrix.level_one', level=item.level)})",
                    layout=widgets.Layout(width="auto"))
                box.observe(self.guard(lambda change, k=item.id: self._on_check(k, change["new"])), names="value")
                self.checks[item.id] = box
                boxes.append(box)
            groups.append(widgets.HTML(f"<b>{esc(t('intervention_matrix.level_one', level=lv.level))} · "
                                       f"{esc(lv.label)}</b>"))
            groups.append(widgets.GridBox(boxes, layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(25em, 1fr))", margin="0 0 4px 1em")))
        self.catalogue_box = widgets.VBox(groups)
        self.clear_button = widgets.Button(description=t("intervention_matrix.clear"), icon="eraser",
                                           tooltip=t("intervention_matrix.clear_tip"),
                                           layout=widgets.Layout(width="auto"))
        self.clear_button.on_click(self.guard(lambda _b: self._on_clear()))
        self.factor_checks: dict[str, widgets.Checkbox] = {}
        for a in spec.aggravating:
            box = widgets.Checkbox(value=a.key in self.model.factors, description=a.label, tooltip=a.description,
                                   indent=False, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=a.key: self._on_factor(k, change["new"])), names="value")
            self.factor_checks[a.key] = box
        factors = widgets.VBox([widgets.HTML(f"<b>{esc(t('intervention_matrix.factors'))}</b> "
                                             f"<small>{esc(t('intervention_matrix.factors_tip'))}</small>"),
                                widgets.HBox(list(self.factor_checks.values()))])
        self.show_reference = widgets.ToggleButton(value=False, description=t("intervention_matrix.show_reference"),
                                                   tooltip=t("intervention_matrix.show_reference_tip"),
                                                   icon="columns", layout=widgets.Layout(width="auto"))
        self.show_reference.observe(self.guard(lambda change: self._redraw()), names="value")
        self.cell_info = widgets.HTML()
        self.figure = FigureBox()
        self.situation_box = widgets.HTML()
        self.comparison_box = widgets.HTML()
        self.table = widgets.HTML()
        self._sync_checks()
        self._redraw()
        self.set_body(self.legend, self.cell_dd, self.cell_info, self.catalogue_box, widgets.HBox([self.clear_button]),
                      factors, widgets.HBox([self.show_reference]), self.figure, self.situation_box, self.comparison_box, self.table)

    def _sync_checks(self) -> None:
        with self.quietly():
            chosen = set(self.model.get(self.model.situation))
            for item_id, box in self.checks.items():
                box.value = item_id in chosen
            seg, cls = self.setup.spec.split(self.model.situation)
            self.cell_info.value = (f"<small>{esc(t('intervention_matrix.cell_info', segment=seg.label, sdesc=seg.description, cls=cls.label, cdesc=cls.description))}</small>")

    def _on_cell(self, cell) -> None:
        self.model.set_situation(cell)
        self._sync_checks()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_check(self, item_id: str, on: bool) -> None:
        if self._syncing:
            return
        self.model.toggle(self.model.situation, item_id, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_clear(self) -> None:
        self.model.place(self.model.situation, [])
        self._sync_checks()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_factor(self, key: str, on: bool) -> None:
        self.model.set_factor(key, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        model = self.model
        fig = plot_matrix(self.setup, model.cells, model.situation, model.suggested(), self.show_reference.value)
        self.figure.show(fig, alt=t("intervention_matrix.alt"), caption=summary_text(model))
        self.situation_box.value = "".join(f"<p style='margin:2px 0'>{esc(line)}</p>" for line in situation_text(model))
        self.comparison_box.value = self._comparison_html()
        self.table.value = self._table_html()

    def _comparison_html(self) -> str:
        comp = self.model.comparison()
        catalogue = self.setup.catalogue
        items = "".join(
            f"<li><b>{esc(d.cell)}</b>: {esc(t('intervention_matrix.only_mine'))} {esc(_names(catalogue, d.only_mine))}; "
            f"{esc(t('intervention_matrix.only_reference'))} {esc(_names(catalogue, d.only_reference))}</li>"
            for d in comp.differences)
        note = self.setup.reference.note
        return (f"<p><b>{esc(t('intervention_matrix.consistency', equal=comp.equal, total=comp.total, share=round(100 * comp.consistency)))}</b></p>"
                f"<p><small>{esc(t('intervention_matrix.reference_note', title=self.setup.reference.title))} {esc(note)}</small></p>"
                + (f"<details><summary>{esc(t('intervention_matrix.differences', n=len(comp.differences)))}</summary>"
                   f"<ul>{items}</ul></details>" if comp.differences else ""))

    def _table_html(self) -> str:
        spec, catalogue = self.setup.spec, self.setup.catalogue
        head = f"<tr><th scope='col'>{esc(t('intervention_matrix.col_segment'))}</th>" + "".join(
            f"<th scope='col'>{esc(c.key)} {esc(c.label)}</th>" for c in spec.classes) + "</tr>"
        body = ""
        for seg in reversed(spec.segments):
            body += f"<tr><th scope='row'>{esc(seg.key)} {esc(seg.label)}</th>"
            for cls in spec.classes:
                cell = f"{seg.key}{cls.key}"
                ids = self.model.get(cell)
                body += (f"<td>{esc(_names(catalogue, ids)) if ids else '–'}"
                         f"<br><small>{esc(range_text(self.model.level_range(cell)))}</small></td>")
            body += "</tr>"
        return (f"<details><summary>{esc(t('intervention_matrix.table'))}</summary>"
                f"<table style='border-collapse:collapse' border='1' cellpadding='3'>{head}{body}</table></details>")


def intervention_matrix(exercise_id: str = "m4.interventiematrix", workbook: Workbook | None = None):
    """E4.2 as a widget."""
    return build_view(lambda: MatrixView(load_matrix_setup(exercise_id), workbook))
