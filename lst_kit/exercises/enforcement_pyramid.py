"""The enforcement pyramid (after Ayres & Braithwaite 1992): the
participant's intervention mix per behaviour segment drawn as a pyramid of
six levels, with the interventions on their level and escalation arrows.

The mix is read from the participant's saved intervention matrix
(``m4.interventiematrix``) in the same workbook when it has any placements;
otherwise the participant picks interventions here, from the same catalogue.

Spec: ``data/exercises/m4/piramide.yaml`` (type ``enforcement_pyramid``).
Saved answer::

    {"segment": "C", "source": "matrix", "own": {"A": ["informatie"], ...},
     "mix": {"A": [...], "B": [...], ...}}      # what was drawn, per segment

``mix`` makes the answer readable on its own (portfolio, class overview).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content import ContentError, Field, load_spec
from ..errors import InputError
from ..i18n import t
from ..figures.style import PALETTE, style_axes, styled
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook, WorkbookError
from .intervention_matrix import (LEVELS, InterventionMatrix, MatrixSetup, _level_colours, _text_colour,
                                  load_matrix_setup)

SOURCES = ("matrix", "eigen")


@dataclass(frozen=True)
class PyramidSpec:
    exercise_id: str
    title: str
    intro: str
    matrix_id: str


def parse_spec(root: Field, exercise_id: str) -> PyramidSpec:
    matrix_id = root.raw("matrix", "m4.interventiematrix")
    if not isinstance(matrix_id, str) or "." not in matrix_id:
        raise root.fail("matrix", t("enforcement_pyramid.allowed_matrix"), matrix_id)
    try:
        load_spec(matrix_id, "intervention_matrix")
    except (ContentError, ValueError) as exc:
        raise root.fail("matrix", t("enforcement_pyramid.allowed_matrix"), f"{matrix_id} ({exc})") from None
    return PyramidSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), matrix_id)


# -- model --------------------------------------------------------------------------

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
    matrix: InterventionMatrix | None = None   # the participant's saved matrix, if it has placements
    segment: str = ""
    source: str = "eigen"
    own: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        keys = self.segment_keys
        if self.segment not in keys:
            self.segment = keys[0]
        if self.matrix is None and self.source == "matrix":
            self.source = "eigen"

    @property
    def segment_keys(self) -> list[str]:
        return [s.key for s in self.setup.spec.segments]

    def segment_obj(self, key: str | None = None):
        key = key or self.segment
        return next(s for s in self.setup.spec.segments if s.key == key)

    @property
    def has_matrix(self) -> bool:
        return self.matrix is not None

    def set_matrix(self, matrix: InterventionMatrix | None) -> None:
        self.matrix = matrix if matrix is not None and matrix.cells else None
        if self.matrix is None:
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
        order = self.setup.catalogue.ids
        if item_id not in order:
            raise InputError(t("enforcement_pyramid.field_intervention"),
                             t("intervention_matrix.allowed_catalogue_id", file=self.setup.catalogue.file), item_id)
        current = set(self.own.get(segment, ()))
        (current.add if on else current.discard)(item_id)
        self.own[segment] = tuple(i for i in order if i in current)

    def mix(self, segment: str | None = None) -> tuple[str, ...]:
        segment = segment or self.segment
        if self.source == "matrix" and self.matrix is not None:
            return self.matrix.segment_mix(segment)
        return self.own.get(segment, ())

    def reading(self, segment: str | None = None) -> PyramidReading:
        return read_pyramid(self.setup, self.mix(segment))

    def to_dict(self) -> dict:
        return {"segment": self.segment, "source": self.source,
                "own": {k: list(self.own[k]) for k in self.segment_keys if self.own.get(k)},
                "mix": {k: list(self.mix(k)) for k in self.segment_keys}}

    @classmethod
    def from_dict(cls, spec: PyramidSpec, setup: MatrixSetup, data, matrix_answer=None) -> "PyramidModel":
        matrix = InterventionMatrix.from_dict(setup, matrix_answer) if isinstance(matrix_answer, dict) else None
        model = cls(spec, setup, matrix if matrix is not None and matrix.cells else None)
        data = data if isinstance(data, dict) else {}
        own = data.get("own")
        for seg, ids in (own if isinstance(own, dict) else {}).items():
            if seg in model.segment_keys and isinstance(ids, list):
                for item_id in ids:
                    if item_id in setup.catalogue.ids:
                        model.toggle(item_id, True, seg)
        if data.get("segment") in model.segment_keys:
            model.segment = data["segment"]
        if model.has_matrix:
            model.source = "eigen" if data.get("source") == "eigen" else "matrix"
        return model


def _mix_from_answer(setup: MatrixSetup, answer) -> dict[str, tuple[str, ...]]:
    """The drawn mix per segment from a saved pyramid answer."""
    mix = answer.get("mix") if isinstance(answer, dict) else None
    out = {}
    for seg in setup.spec.segments:
        ids = mix.get(seg.key) if isinstance(mix, dict) else None
        out[seg.key] = tuple(i for i in setup.catalogue.ids if isinstance(ids, list) and i in ids)
    return out


# -- plot ------------------------------------------------------------------------------

PYRAMID_SIZE = (7.8, 5.4)
TOP_WIDTH, BASE_WIDTH = 1.1, 6.6
MAX_NAMES = 8
NOTE_Y = -0.95  # the explanation of the arrows, below the pyramid


def _half(y: float) -> float:
    """Half the width of the pyramid at height y (levels are 1 high)."""
    return (BASE_WIDTH - (BASE_WIDTH - TOP_WIDTH) * y / len(LEVELS)) / 2


def _level_text(setup: MatrixSetup, ids, width_chars: int) -> str:
    catalogue = setup.catalogue
    shown = list(ids[:MAX_NAMES])
    more = len(ids) - len(shown)
    names = [catalogue.item(i).label for i in shown]
    body = textwrap.fill(", ".join(names), width_chars, break_long_words=False)
    if body.count("\n") > 1:
        names = [catalogue.item(i).short for i in shown]
        body = textwrap.fill(", ".join(names), width_chars, break_long_words=False)
    if more:
        body += "\n" + t("intervention_matrix.more", n=more)
    return body


def plot_pyramid(setup: MatrixSetup, reading: PyramidReading, title: str) -> svgplot.Figure:
    """Six trapezoid levels (widest at the base); each level names its
    interventions; arrows on the right show escalation between used levels
    (a jump over an empty level is dashed and marked), a dotted arrow the way
    back to the base when cooperation returns. An :mod:`lst_kit.figures.svgplot`
    figure: redrawn whole after every edit in a few ms."""
    catalogue = setup.catalogue
    colours = _level_colours()
    fig = svgplot.Figure(figsize=PYRAMID_SIZE)
    fig.suptitle(title, fontsize=11)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(-BASE_WIDTH / 2 - 3.4, BASE_WIDTH / 2 + 3.6)
    ax.set_ylim(NOTE_Y - 0.05, len(LEVELS) + 0.2)
    half = _half
    for lv in LEVELS:
        y0, y1 = lv - 1, lv
        ax.text(-half(lv - 0.5) - 0.15, lv - 0.5, f"{lv} · {catalogue.level(lv).label}", ha="right", va="center",
                fontsize=8, color="#222222")
        ids = reading.by_level.get(lv, ())
        face = colours[lv] if ids else "#f4f4f4"
        ax.add_patch(svgplot.Polygon([(-half(y0), y0), (half(y0), y0), (half(y1), y1), (-half(y1), y1)],
                                     facecolor=face, edgecolor="#666666", linewidth=1, hatch=None if ids else ".."))
        ink = _text_colour(face) if ids else "#555555"
        body = _level_text(setup, ids, max(10, int(2 * half(y1) * 8))) if ids else t("enforcement_pyramid.empty_level")
        ax.text(0, y0 + 0.5, body, ha="center", va="center", fontsize=7.5 if lv < 5 else 6.5, color=ink,
                style="normal" if ids else "italic", bbox=None if ids else {
                    "boxstyle": "round,pad=0.2", "facecolor": "#f4f4f4", "edgecolor": "none"})
    used = reading.used
    for a, b in zip(used, used[1:]):
        jump = b - a > 1
        ya, yb = a - 0.5, b - 0.5
        ax.annotate("", xy=(half(yb) + 0.2, yb), xytext=(half(ya) + 0.2, ya), arrowprops={
            "arrowstyle": "-|>", "connectionstyle": "arc3,rad=0.35", "mutation_scale": 12,
            "color": PALETTE[5] if jump else PALETTE[0], "linewidth": 1.6, "linestyle": "--" if jump else "-"})
        if jump:
            ym = (ya + yb) / 2
            ax.text(half(ym) + 0.2 + 0.22 * (yb - ya), ym, t("enforcement_pyramid.jump"), fontsize=7.5,
                    color=PALETTE[5], ha="left", va="center")
    back_x = BASE_WIDTH / 2 + 1.5
    if len(used) > 1:
        ax.text(half(used[-1] - 0.5) + 0.45, used[-1] - 0.1, t("enforcement_pyramid.escalate"), ha="left",
                va="bottom", fontsize=8, color=PALETTE[0])
        ax.annotate("", xy=(back_x, used[0] - 0.5), xytext=(back_x, used[-1] - 0.5), arrowprops={
            "arrowstyle": "-|>", "mutation_scale": 11, "color": "#555555", "linewidth": 1.2, "linestyle": ":"})
        ax.text(back_x + 0.12, (used[0] + used[-1]) / 2 - 0.5, t("enforcement_pyramid.back"), ha="left",
                va="center", fontsize=7.5, color="#444444")
    if reading.beside:
        beside = "\n".join(catalogue.item(i).label for i in reading.beside[:MAX_NAMES])
        if len(reading.beside) > MAX_NAMES:
            beside += "\n" + t("intervention_matrix.more", n=len(reading.beside) - MAX_NAMES)
        ax.text(back_x + 0.1, -0.05, f"{t('enforcement_pyramid.beside')}\n{beside}", ha="left", va="bottom",
                fontsize=7.5, color="#222222", bbox={"boxstyle": "round,pad=0.4", "facecolor": "#ffffff",
                                                     "edgecolor": "#888888", "linestyle": "--"})
    ax.text(0.1, NOTE_Y, textwrap.fill(t("enforcement_pyramid.legend"), 115), ha="center", va="bottom", fontsize=7.5,
            color="#222222")
    return fig


def reading_lines(setup: MatrixSetup, reading: PyramidReading) -> list[str]:
    """Plain Dutch reading of one pyramid (its text alternative)."""
    catalogue = setup.catalogue
    if not reading.used:
        return [t("enforcement_pyramid.none_placed")]
    lines = [t("enforcement_pyramid.levels_line", level=lv, label=catalogue.level(lv).label,
               names=", ".join(catalogue.item(i).label for i in reading.by_level[lv])) for lv in reading.used]
    lines.append(t("enforcement_pyramid.base_top", base=reading.base, top=reading.top))
    if reading.gaps:
        lines.append(t("enforcement_pyramid.gaps", levels=", ".join(map(str, reading.gaps))))
    else:
        lines.append(t("enforcement_pyramid.no_gaps"))
    if reading.base and reading.base > 1:
        lines.append(t("enforcement_pyramid.no_base"))
    if reading.top and reading.top < 4:
        lines.append(t("enforcement_pyramid.low_top"))
    if reading.beside:
        lines.append(t("enforcement_pyramid.beside_line",
                       names=", ".join(catalogue.item(i).label for i in reading.beside)))
    return lines


# -- optional hooks ------------------------------------------------------------------------

def _setup_for(exercise_id: str) -> tuple[PyramidSpec, MatrixSetup]:
    spec = load_spec(exercise_id, "enforcement_pyramid")
    return spec, load_matrix_setup(spec.matrix_id)


def summarize(exercise_id: str, answer) -> list[str]:
    try:
        spec, setup = _setup_for(exercise_id)
        mix = _mix_from_answer(setup, answer)
        lines = []
        for seg in setup.spec.segments:
            reading = read_pyramid(setup, mix[seg.key])
            if reading.used:
                gaps = t("enforcement_pyramid.sum_gaps", levels=", ".join(map(str, reading.gaps))) if reading.gaps else ""
                lines.append(t("enforcement_pyramid.sum_segment", segment=f"{seg.key} {seg.label}",
                               base=reading.base, top=reading.top, n=sum(len(v) for v in reading.by_level.values()),
                               gaps=gaps))
        return lines or [t("enforcement_pyramid.none_placed")]
    except Exception:  # noqa: BLE001 - a hook never raises
        return []


def plot_answer(exercise_id: str, answer):
    try:
        spec, setup = _setup_for(exercise_id)
        mix = _mix_from_answer(setup, answer)
        segment = answer.get("segment") if isinstance(answer, dict) else None
        seg = next((s for s in setup.spec.segments if s.key == segment), setup.spec.segments[0])
        return plot_pyramid(setup, read_pyramid(setup, mix[seg.key]),
                            t("enforcement_pyramid.plot_title", segment=f"{seg.key} {seg.label}"))
    except Exception:  # noqa: BLE001
        return None


def plot_class_levels(setup: MatrixSetup, counts: dict[str, dict[int, int]], n: int):
    """Per segment: how many participants use each pyramid level (an SVG
    figure for the class overview)."""
    fig = svgplot.Figure(figsize=(8.6, 3.9))
    ax = fig.add_subplot()
    segments = setup.spec.segments
    width = 0.8 / max(len(segments), 1)
    hatches = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
    for i, seg in enumerate(segments):
        xs = [lv + (i - (len(segments) - 1) / 2) * width for lv in LEVELS]
        ax.bar(xs, [counts[seg.key][lv] for lv in LEVELS], width=width, color=PALETTE[i % len(PALETTE)],
               hatch=hatches[i % len(hatches)], edgecolor="white", label=f"{seg.key} {seg.label}")
    ax.set_xticks(list(LEVELS), [f"{lv}\n{textwrap.fill(setup.catalogue.level(lv).label, 14, break_long_words=False)}" for lv in LEVELS],
                  fontsize=7)
    ax.integer_ticks("y")
    ax.set_ylabel(t("enforcement_pyramid.axis_participants", n=n))
    ax.set_title(t("enforcement_pyramid.class_title"))
    style_axes(ax)
    ax.legend(fontsize=7.5)
    return fig


def class_picture(exercise_id: str, answers: dict):
    try:
        spec, setup = _setup_for(exercise_id)
        valid = [a for a in (answers or {}).values() if isinstance(a, dict)]
        if not valid:
            return None, [t("enforcement_pyramid.class_none")]
        counts = {s.key: {lv: 0 for lv in LEVELS} for s in setup.spec.segments}
        tops = {s.key: [] for s in setup.spec.segments}
        readings: dict[tuple[str, ...], tuple[list[int], int | None]] = {}  # a mix's (used, top), read once
        for answer in valid:
            mix = _mix_from_answer(setup, answer)
            for seg in setup.spec.segments:
                ids = mix[seg.key]
                if ids not in readings:
                    reading = read_pyramid(setup, ids)
                    readings[ids] = (reading.used, reading.top)
                used, top = readings[ids]
                for lv in used:
                    counts[seg.key][lv] += 1
                if top:
                    tops[seg.key].append(top)
        lines = [t("enforcement_pyramid.class_n", n=len(valid))]
        for seg in setup.spec.segments:
            if tops[seg.key]:
                lines.append(t("enforcement_pyramid.class_segment", segment=f"{seg.key} {seg.label}",
                               top=f"{sum(tops[seg.key]) / len(tops[seg.key]):.1f}".replace(".", ",")))
        return plot_class_levels(setup, counts, len(valid)), lines
    except Exception:  # noqa: BLE001
        return None, []


def demo_answer(exercise_id: str, rng) -> dict:
    """A plausible pyramid for the demo class: per segment the reference
    row of the matrix, with an intervention added or left out here and there."""
    spec, setup = _setup_for(exercise_id)
    model = PyramidModel(spec, setup)
    for seg in setup.spec.segments:
        ids = sorted({i for c in setup.spec.classes for i in setup.reference.get(f"{seg.key}{c.key}")},
                     key=setup.catalogue.ids.index)
        if len(ids) > 2 and rng.random() < 0.5:
            ids.pop(int(rng.integers(len(ids))))
        if rng.random() < 0.3:
            extra = [i.id for i in setup.catalogue.items if i.id not in ids]
            ids.append(extra[int(rng.integers(len(extra)))])
        for item_id in ids:
            model.toggle(item_id, True, seg.key)
    model.set_segment(model.segment_keys[int(rng.integers(len(model.segment_keys)))])
    return model.to_dict()


# -- view -----------------------------------------------------------------------------------

class PyramidView(ExerciseFrame):
    def __init__(self, spec: PyramidSpec, setup: MatrixSetup, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.setup = setup
        self.model = PyramidModel.from_dict(spec, setup, self.saved(), self._matrix_answer())
        catalogue = setup.catalogue
        self.source = widgets.ToggleButtons(
            options=[(t("enforcement_pyramid.source_matrix"), "matrix"), (t("enforcement_pyramid.source_own"), "eigen")],
            value=self.model.source, description=t("enforcement_pyramid.field_source"),
            tooltips=[t("enforcement_pyramid.source_matrix_tip"), t("enforcement_pyramid.source_own_tip")],
            style={"description_width": "initial", "button_width": "auto"})
        self.source.observe(self.guard(lambda change: self._on_source(change["new"])), names="value")
        self.reload_button = widgets.Button(description=t("enforcement_pyramid.reload"), icon="refresh",
                                            tooltip=t("enforcement_pyramid.reload_tip"),
                                            layout=widgets.Layout(width="auto"))
        self.reload_button.on_click(self.guard(lambda _b: self._on_reload()))
        self.source_note = widgets.HTML()
        self.segment_dd = widgets.Dropdown(
            options=[(f"{s.key} · {s.label}", s.key) for s in setup.spec.segments], value=self.model.segment,
            description=t("enforcement_pyramid.field_segment"), tooltip=t("enforcement_pyramid.segment_tip"),
            style={"description_width": "initial"}, layout=widgets.Layout(width="28em"))
        self.segment_dd.observe(self.guard(lambda change: self._on_segment(change["new"])), names="value")
        self.checks: dict[str, widgets.Checkbox] = {}
        boxes = []
        for item in catalogue.items:
            box = widgets.Checkbox(value=False, description=item.label, indent=False,
                                   style={"description_width": "initial"},
                                   tooltip=f"{item.description} ({t('intervention_matrix.level_one', level=item.level)})",
                                   layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=item.id: self._on_check(k, change["new"])), names="value")
            self.checks[item.id] = box
            boxes.append(box)
        self.own_box = widgets.VBox([
            widgets.HTML(f"<b>{esc(t('enforcement_pyramid.own_title'))}</b>"),
            widgets.GridBox(boxes, layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(25em, 1fr))"))])
        self.figure = FigureBox()
        self.reading_box = widgets.HTML()
        self._sync()
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('enforcement_pyramid.illustrative'))}</b></p>"),
                      widgets.HBox([self.source, self.reload_button]), self.source_note, self.segment_dd,
                      self.own_box, self.figure, self.reading_box)

    def _matrix_answer(self):
        try:
            return self.workbook.answer(self.spec.matrix_id)
        except WorkbookError as exc:
            self.banner.show(str(exc), source="workbook")
            return None

    def _sync(self) -> None:
        model = self.model
        with self.quietly():
            self.source.value = model.source
            self.source.disabled = not model.has_matrix
            self.segment_dd.value = model.segment
            own = set(model.own.get(model.segment, ()))
            for item_id, box in self.checks.items():
                box.value = item_id in own
            self.own_box.layout.display = None if model.source == "eigen" else "none"
            note = "source_note_matrix" if model.source == "matrix" else (
                "source_note_own" if model.has_matrix else "source_note_no_matrix")
            self.source_note.value = f"<small>{esc(t('enforcement_pyramid.' + note, matrix=self.spec.matrix_id))}</small>"

    def _changed(self) -> None:
        self._sync()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_source(self, value) -> None:
        if self._syncing:
            return
        self.model.set_source(value)
        self._changed()

    def _on_segment(self, value) -> None:
        if self._syncing:
            return
        self.model.set_segment(value)
        self._changed()

    def _on_check(self, item_id: str, on: bool) -> None:
        if self._syncing:
            return
        self.model.toggle(item_id, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_reload(self) -> None:
        answer = self._matrix_answer()
        matrix = InterventionMatrix.from_dict(self.setup, answer) if isinstance(answer, dict) else None
        had = self.model.has_matrix
        self.model.set_matrix(matrix)
        if self.model.has_matrix and not had:
            self.model.source = "matrix"
        self._changed()

    def _redraw(self) -> None:
        seg = self.model.segment_obj()
        reading = self.model.reading()
        title = t("enforcement_pyramid.plot_title", segment=f"{seg.key} {seg.label}")
        lines = reading_lines(self.setup, reading)
        if reading.used:
            caption = " ".join([t("enforcement_pyramid.base_top", base=reading.base, top=reading.top),
                                t("enforcement_pyramid.gaps", levels=", ".join(map(str, reading.gaps)))
                                if reading.gaps else t("enforcement_pyramid.no_gaps")])
        else:
            caption = lines[0]
        self.figure.show(plot_pyramid(self.setup, reading, title), alt=t("enforcement_pyramid.alt"),
                         caption=caption)
        self.reading_box.value = "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"


def enforcement_pyramid(exercise_id: str = "m4.piramide", workbook: Workbook | None = None):
    """The enforcement pyramid as a widget."""

    def build():
        spec = load_spec(exercise_id, "enforcement_pyramid")
        return PyramidView(spec, load_matrix_setup(spec.matrix_id), workbook)

    return build_view(build)
