"""E5.1 Public values map: the stakeholders of a case weigh its public
values; a heat map shows where their views diverge, and a divergence index
per value (the population standard deviation of the weights across the
chosen stakeholders) ranks the values from most to least contested.

Spec: ``data/exercises/m5/publieke_waarden.yaml`` (type ``public_values``)
with ``default_case``, the weight ``scale`` (min, max, neutral ``start``),
``default_actors`` per case (2 to 8 actor ids; a case without an entry
starts with its first ``default_actor_count`` actors) and ``extra_values``
offered as suggestions next to the case's own ``public_values``.

The saved answer keeps the participant's choices per case::

    {"case": "<case id>",
     "cases": {"<case id>": {"actors": [...], "extra_values": [...],
                             "weights": {"<value>": {"<actor id>": 0..5}}}}}
"""

from __future__ import annotations

import functools

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content.cases import Case, case_ids, load_case
from ..content import Field, load_spec
from ..errors import InputError
from ..i18n import number, t
from ..figures.style import PALETTE, SEQUENTIAL, style_axes, wrap_label as _wrap
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

MIN_ACTORS, MAX_ACTORS = 2, 8
MAX_EXTRA_VALUES = 30
MAX_VALUE_CHARS = 80

_fmt = functools.partial(number, digits=2)  # decimal comma in Dutch


# -- spec -------------------------------------------------------------------------
@dataclass(frozen=True)
class WeightScale:
    min: int
    max: int
    start: int
    low: str
    high: str


@dataclass(frozen=True)
class PublicValuesSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    scale: WeightScale
    default_actors: dict[str, tuple[str, ...]]
    default_actor_count: int
    extra_values: tuple[str, ...]

    def actors_for(self, case: Case) -> list[str]:
        """The actor ids a participant starts with in ``case``."""
        if case.case_id in self.default_actors:
            return list(self.default_actors[case.case_id])
        return [a.id for a in case.actors[: max(MIN_ACTORS, min(self.default_actor_count, MAX_ACTORS))]]


def parse_spec(root: Field, exercise_id: str) -> PublicValuesSpec:
    known = case_ids()
    default_case = root.choice("default_case", known)
    node = root.sub("scale")
    lo = node.integer("min", 0, 10)
    hi = node.integer("max", lo + 1, 10)
    scale = WeightScale(lo, hi, node.integer("start", lo, hi), node.text("low"), node.text("high"))
    chosen = root.sub("default_actors", default={})
    defaults: dict[str, tuple[str, ...]] = {}
    for case_id, ids in chosen.data.items():
        if case_id not in known:
            raise chosen.fail(str(case_id), t("content.allowed_choice", options=", ".join(known)), case_id)
        actor_ids = [a.id for a in load_case(case_id).actors]
        if not isinstance(ids, list) or not MIN_ACTORS <= len(ids) <= MAX_ACTORS:
            raise chosen.fail(case_id, t("content.allowed_list", min=MIN_ACTORS, max=MAX_ACTORS), ids)
        for i, actor in enumerate(ids):
            if actor not in actor_ids:
                raise chosen.fail(f"{case_id}[{i}]", t("content.allowed_choice", options=", ".join(actor_ids)), actor)
        chosen.unique(case_id, ids)
        defaults[case_id] = tuple(ids)
    extra = root.texts("extra_values", default=[], max_len=MAX_EXTRA_VALUES)
    root.unique("extra_values", [_norm(v) for v in extra])
    return PublicValuesSpec(
        exercise_id=exercise_id, title=root.text("title"), intro=root.text("intro", default="", empty_ok=True),
        default_case=default_case, scale=scale, default_actors=defaults,
        default_actor_count=root.integer("default_actor_count", MIN_ACTORS, MAX_ACTORS, default=5),
        extra_values=tuple(extra),
    )


# -- model ------------------------------------------------------------------------
def _clean(name: str) -> str:
    return " ".join(name.split())


def _norm(name: str) -> str:
    return _clean(name).casefold()


def _is_weight(weight, lo: int, hi: int) -> bool:
    """A whole number from ``lo`` to ``hi`` (not a bool)."""
    return not isinstance(weight, bool) and isinstance(weight, int) and lo <= weight <= hi


def divergence_index(weights) -> float:
    """Population standard deviation of the weights (0 when all agree).

    >>> divergence_index([2, 4, 4, 4, 5, 5, 7, 9])
    2.0
    >>> divergence_index([3, 3, 3])
    0.0
    """
    return _pstdev(tuple(float(w) for w in weights))


@functools.lru_cache(maxsize=4096)
def _pstdev(values: tuple[float, ...]) -> float:
    """``statistics.pstdev`` (exact, so slow) remembered per row of weights:
    the answers of a class repeat the same rows many times."""
    return statistics.pstdev(values) if values else 0.0


@dataclass
class CaseWeights:
    """The participant's choices for one case."""

    actors: list[str]
    extra_values: list[str] = field(default_factory=list)
    weights: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class PublicValuesMap:
    """Weights per stakeholder and public value, kept per case."""

    spec: PublicValuesSpec
    case_id: str = ""
    per_case: dict[str, CaseWeights] = field(default_factory=dict)
    _case: Case | None = field(default=None, repr=False)

    def __post_init__(self):
        self.switch_case(self.case_id or self.spec.default_case)

    # -- the case ----------------------------------------------------------
    @property
    def case(self) -> Case:
        return self._case

    def switch_case(self, case_id: str) -> None:
        known = case_ids()
        if case_id not in known:
            raise InputError(t("public_values.field_case"), ", ".join(known), case_id)
        case = load_case(case_id)
        self._case, self.case_id = case, case_id
        if case_id not in self.per_case:
            self.per_case[case_id] = CaseWeights(self.spec.actors_for(case))

    @property
    def state(self) -> CaseWeights:
        return self.per_case[self.case_id]

    # -- rows and columns --------------------------------------------------
    def values(self) -> list[str]:
        """Row labels: the case's public values, then the added ones."""
        return list(self.case.public_values) + list(self.state.extra_values)

    def actors(self):
        """The chosen stakeholders, in the order of the case."""
        chosen = set(self.state.actors)
        return [a for a in self.case.actors if a.id in chosen]

    def is_added(self, value: str) -> bool:
        return value in self.state.extra_values

    def suggestions(self) -> list[str]:
        """Extra values from the spec that are not yet a row."""
        present = {_norm(v) for v in self.values()}
        return [v for v in self.spec.extra_values if _norm(v) not in present]

    def select_actors(self, actor_ids) -> None:
        def problem(given) -> InputError:  # the texts only when needed: restoring a class selects thousands of times
            return InputError(t("public_values.field_actors"),
                              t("public_values.allowed_actors", lo=MIN_ACTORS, hi=MAX_ACTORS), given)

        ids = list(actor_ids)
        known = {a.id for a in self.case.actors}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise problem(", ".join(map(str, unknown)))
        if not MIN_ACTORS <= len(set(ids)) <= MAX_ACTORS:
            raise problem(t("public_values.given_actors", n=len(set(ids))))
        order = [a.id for a in self.case.actors]
        self.state.actors = sorted(set(ids), key=order.index)

    def add_value(self, name) -> str:
        """Add a public value by name; returns the cleaned name."""
        def problem(given, allowed=None) -> InputError:  # the texts only when needed
            return InputError(t("public_values.field_new_value"),
                              t("public_values.allowed_new_value", max=MAX_VALUE_CHARS) if allowed is None else allowed,
                              given)

        if not isinstance(name, str) or not _clean(name):
            raise problem("''" if isinstance(name, str) else repr(name))
        cleaned = _clean(name)
        if len(cleaned) > MAX_VALUE_CHARS:
            raise problem(t("public_values.given_chars", n=len(cleaned)))
        existing = {_norm(v): v for v in self.values()}
        if _norm(cleaned) in existing:
            raise problem(t("public_values.given_duplicate", name=cleaned, existing=existing[_norm(cleaned)]),
                          t("public_values.allowed_not_duplicate"))
        if len(self.state.extra_values) >= MAX_EXTRA_VALUES:
            raise problem(cleaned, t("public_values.allowed_max_values", n=MAX_EXTRA_VALUES))
        self.state.extra_values.append(cleaned)
        return cleaned

    def remove_value(self, name: str) -> None:
        if name not in self.state.extra_values:
            raise InputError(t("public_values.field_remove"), t("public_values.allowed_remove"), name)
        self.state.extra_values.remove(name)
        self.state.weights.pop(name, None)

    # -- weights -----------------------------------------------------------
    def weight(self, value: str, actor_id: str) -> int:
        return self.state.weights.get(value, {}).get(actor_id, self.spec.scale.start)

    def set_weight(self, value: str, actor_id: str, weight) -> None:
        values, names = self.values(), {a.id: a.name for a in self.case.actors}
        if value not in values:
            raise InputError(t("public_values.field_value"), ", ".join(values), value)
        if actor_id not in names:
            raise InputError(t("public_values.field_actor"), ", ".join(names), actor_id)
        lo, hi = self.spec.scale.min, self.spec.scale.max
        if not _is_weight(weight, lo, hi):
            raise InputError(t("public_values.field_weight", value=value, actor=names[actor_id]),
                             t("public_values.allowed_weight", lo=lo, hi=hi), weight)
        self.state.weights.setdefault(value, {})[actor_id] = weight

    def _restore_weights(self, weights: dict) -> None:
        """Every weight of a saved ``{value: {actor id: weight}}`` that
        :meth:`set_weight` would accept, set as it would; the others skipped.
        The rows, columns and scale are looked up once, not once per weight."""
        values, actor_ids = set(self.values()), {a.id for a in self.case.actors}
        lo, hi = self.spec.scale.min, self.spec.scale.max
        store = self.state.weights
        for value, row in weights.items():
            if not isinstance(row, dict) or value not in values:
                continue
            target = None
            for actor_id, weight in row.items():
                # type(weight) is int: the usual case, decided without the call
                if actor_id in actor_ids and (lo <= weight <= hi if type(weight) is int else _is_weight(weight, lo, hi)):
                    if target is None:
                        target = store.setdefault(value, {})
                    target[actor_id] = weight

    def matrix(self) -> list[list[int]]:
        """Weights as rows (values) by columns (chosen stakeholders): :meth:`weight` of each cell."""
        ids = [a.id for a in self.actors()]
        weights, start = self.state.weights, self.spec.scale.start
        return [[row.get(i, start) for i in ids] for row in (weights.get(v, {}) for v in self.values())]

    def divergence(self) -> list[tuple[str, float]]:
        """(value, divergence index) in row order."""
        return [(v, divergence_index(row)) for v, row in zip(self.values(), self.matrix())]

    def ranked(self) -> list[tuple[str, float]]:
        """Values from most to least divergent (ties keep row order)."""
        return sorted(self.divergence(), key=lambda vi: -round(vi[1], 9))

    def extremes(self, value: str) -> tuple[list[str], int, list[str], int]:
        """(lowest names, lowest weight, highest names, highest weight) for one value."""
        actors = self.actors()
        weights = [self.weight(value, a.id) for a in actors]
        lo, hi = min(weights), max(weights)
        return ([a.name for a, w in zip(actors, weights) if w == lo], lo,
                [a.name for a, w in zip(actors, weights) if w == hi], hi)

    # -- workbook ----------------------------------------------------------
    def to_dict(self) -> dict:
        out = {}
        for case_id, state in self.per_case.items():
            out[case_id] = {
                "actors": list(state.actors),
                "extra_values": list(state.extra_values),
                "weights": {v: dict(sorted(row.items())) for v, row in state.weights.items() if row},
            }
        return {"case": self.case_id, "cases": out}

    @classmethod
    def from_dict(cls, spec: PublicValuesSpec, data) -> "PublicValuesMap":
        """Rebuild from a saved answer; anything the current content no longer
        allows (a removed case, actor or value, a weight out of range) is left out."""
        data = data if isinstance(data, dict) else {}
        model = cls(spec)
        cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        for case_id, saved in cases.items():
            if case_id not in case_ids() or not isinstance(saved, dict):
                continue
            try:
                model.switch_case(case_id)
            except (InputError, ValueError):
                continue
            if isinstance(saved.get("actors"), list):
                try:
                    model.select_actors([a for a in saved["actors"] if isinstance(a, str)])
                except InputError:
                    pass
            for name in saved.get("extra_values", []) if isinstance(saved.get("extra_values"), list) else []:
                try:
                    model.add_value(name)
                except InputError:
                    pass
            model._restore_weights(saved.get("weights") if isinstance(saved.get("weights"), dict) else {})
        current = data.get("case")
        try:
            model.switch_case(current if isinstance(current, str) else spec.default_case)
        except (InputError, ValueError):
            model.switch_case(spec.default_case)
        return model


# -- plots --------------------------------------------------------------------------
def plot_public_values(model: PublicValuesMap):
    """Heat map of the weights (cividis, numbers in the cells) with the
    values ranked from most to least divergent, and beside each row a bar
    with its divergence index (an SVG figure)."""
    ranked = model.ranked()
    values = [v for v, _ in ranked]
    actors = model.actors()
    matrix = [[model.weight(v, a.id) for a in actors] for v in values]
    scale = model.spec.scale
    n_rows, n_cols = len(values), len(actors)
    row_labels = [_wrap(v, 24) for v in values]
    col_labels = [_wrap(a.name, 18) for a in actors]

    # Size in inches: [row labels | heat map | bars], rows as tall as their labels.
    row_w = max((svgplot.text_width(label, 8) for label in row_labels), default=0) / svgplot.DPI
    row_lines = max((label.count("\n") + 1 for label in row_labels), default=1)
    col_w = max((svgplot.text_width(label, 8) for label in col_labels), default=0) / svgplot.DPI
    col_lines = max((label.count("\n") + 1 for label in col_labels), default=1)
    slant = math.radians(30)
    bottom = max(col_w * math.sin(slant) + col_lines * 8 * 1.3 / 72 * math.cos(slant) + 0.15, 0.6)
    cell_h = max(0.34, row_lines * 8 * 1.3 / 72 + 0.08)
    height = 0.7 + bottom + cell_h * n_rows
    left = max(row_w + 0.2, col_w * math.cos(slant) - 0.2)
    heat = min(0.95 * max(n_cols, 3), 6.2)
    bars = 2.3
    fig = svgplot.Figure(figsize=(left + heat + bars + 0.2, height))
    ax, bx = fig.subplots(1, 2, width_ratios=[left + heat, bars], sharey=True)

    cmap = svgplot.colormap(SEQUENTIAL)
    span = (scale.max - scale.min) or 1
    mid = (scale.min + scale.max) / 2
    for i, row in enumerate(matrix):
        for j, w in enumerate(row):
            ax.add_patch(svgplot.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=cmap((w - scale.min) / span),
                                           edgecolor="white", linewidth=1.5))
            ax.text(j, i, str(w), ha="center", va="center", fontsize=9, color="white" if w < mid else "black")
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(range(n_cols), col_labels, fontsize=8, rotation=30)
    ax.set_yticks(range(n_rows), row_labels, fontsize=8)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(t("public_values.plot_heatmap") + "\n" + t("public_values.plot_scale", lo=scale.min, low=scale.low,
                                                            hi=scale.max, high=scale.high),
                 loc="left", fontsize=9.5)

    scores = [x for _, x in ranked]
    bx.barh(range(n_rows), scores, color=PALETTE[0], height=0.6)
    most = max((scale.max - scale.min) / 2, max(scores, default=0))
    for y, x in enumerate(scores):
        bx.text(x + most * 0.03, y, _fmt(x), va="center", fontsize=8)
    bx.set_ylim(n_rows - 0.5, -0.5)
    bx.set_yticks([])
    bx.set_xlim(0, most * 1.05)
    ticks = range(0, int(math.floor(most)) + 1)
    bx.set_xticks(list(ticks), [str(x) for x in ticks], fontsize=8)
    bx.set_xlabel(t("public_values.axis_divergence"), fontsize=8)
    bx.set_title(t("public_values.plot_ranked"), loc="left", fontsize=9.5)
    style_axes(bx)
    bx.grid(axis="x")
    bx.spines["left"].set_visible(False)
    return fig


def _ranked_table(model: PublicValuesMap) -> str:
    head = "".join(f"<th scope='col' style='text-align:left'>{esc(t(k))}</th>" for k in (
        "public_values.col_rank", "public_values.col_value", "public_values.col_index",
        "public_values.col_lowest", "public_values.col_highest"))
    rows = []
    for rank, (value, index) in enumerate(model.ranked(), start=1):
        low_names, low, high_names, high = model.extremes(value)
        if index == 0:
            low_cell = high_cell = esc(t("public_values.all_agree", w=low))
        else:
            low_cell = f"{low}: {esc(', '.join(low_names))}"
            high_cell = f"{high}: {esc(', '.join(high_names))}"
        rows.append(f"<tr><td>{rank}</td><td>{esc(value)}</td><td>{_fmt(index)}</td>"
                    f"<td>{low_cell}</td><td>{high_cell}</td></tr>")
    return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{esc(t('public_values.table_caption'))}</caption><tr>{head}</tr>{''.join(rows)}</table>")


def _caption(model: PublicValuesMap) -> str:
    ranked = model.ranked()
    if not ranked or ranked[0][1] == 0:
        return t("public_values.caption_none")
    most, idx = ranked[0]
    least, low = ranked[-1]
    return t("public_values.caption", most=most, index=_fmt(idx), least=least, low=_fmt(low))


# -- view ---------------------------------------------------------------------------
class PublicValuesView(ExerciseFrame):
    def __init__(self, spec: PublicValuesSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = PublicValuesMap.from_dict(spec, self.saved())
        options = [(load_case(c).label, c) for c in case_ids()]
        self.case_choice = widgets.Dropdown(options=options, value=self.model.case_id,
                                            description=t("public_values.field_case"),
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="auto"))
        self.case_choice.observe(self.guard(self._on_case), names="value")
        self.case_info = widgets.HTML()
        self.actor_boxes: dict[str, widgets.Checkbox] = {}
        self.actor_panel = widgets.Box(layout=widgets.Layout(display="flex", flex_flow="row wrap"))
        self.new_value = widgets.Combobox(placeholder=t("public_values.new_value_placeholder"),
                                          description=t("public_values.field_new_value"), ensure_option=False,
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="28em"))
        self.add_button = widgets.Button(description=t("public_values.add"), icon="plus",
                                         tooltip=t("public_values.add_tip"), layout=widgets.Layout(width="auto"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.remove_choice = widgets.Dropdown(description=t("public_values.field_remove"),
                                              style={"description_width": "initial"},
                                              layout=widgets.Layout(width="28em"))
        self.remove_button = widgets.Button(description=t("public_values.remove"), icon="trash",
                                            tooltip=t("public_values.remove_tip"), layout=widgets.Layout(width="auto"))
        self.remove_button.on_click(self.guard(lambda _: self._on_remove()))
        self.cells: dict[tuple[str, str], widgets.IntText] = {}
        self.row_index: dict[str, widgets.HTML] = {}
        self.grid = widgets.GridBox()
        self.figure = FigureBox()
        self.table = widgets.HTML()
        scale = spec.scale
        self.scale_note = widgets.HTML(
            f"<p style='margin:4px 0'>{esc(t('public_values.scale_note', lo=scale.min, low=scale.low, hi=scale.max, high=scale.high, start=scale.start))}</p>")
        self._build_case()
        self.set_body(
            self.case_choice, self.case_info,
            widgets.HTML(f"<b>{esc(t('public_values.heading_actors', lo=MIN_ACTORS, hi=MAX_ACTORS))}</b>"),
            self.actor_panel,
            widgets.HTML(f"<b>{esc(t('public_values.heading_values'))}</b>"),
            widgets.HBox([self.new_value, self.add_button]),
            widgets.HBox([self.remove_choice, self.remove_button]),
            widgets.HTML(f"<b>{esc(t('public_values.heading_weights'))}</b>"), self.scale_note,
            self.grid, self.figure, self.table,
        )

    # -- building ------------------------------------------------------------
    def _build_case(self) -> None:
        case = self.model.case
        self.case_info.value = (f"<p style='margin:2px 0 6px 0'>{esc(case.summary)}</p>"
                                f"<p style='margin:0 0 6px 0;color:#555'><i>{esc(t('public_values.illustrative'))}</i></p>")
        self.actor_boxes = {}
        chosen = set(self.model.state.actors)
        for actor in case.actors:
            box = widgets.Checkbox(value=actor.id in chosen, description=actor.name, indent=False,
                                   tooltip=f"{actor.role}. {actor.interest}",
                                   layout=widgets.Layout(width="17em"))
            box.observe(self.guard(lambda change, a=actor.id: self._on_actor(a, change)), names="value")
            self.actor_boxes[actor.id] = box
        self.actor_panel.children = tuple(self.actor_boxes.values())
        self._build_values()

    def _build_values(self) -> None:
        """The value controls and the weight grid (after any change of rows or columns)."""
        self.new_value.options = tuple(self.model.suggestions())
        added = list(self.model.state.extra_values)
        self.remove_choice.options = added
        self.remove_choice.value = added[0] if added else None
        self.remove_choice.disabled = self.remove_button.disabled = not added
        actors = self.model.actors()
        cells: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(t('public_values.col_value'))}</b>")]
        cells += [widgets.HTML(f"<div lang='nl' style='font-size:85%;line-height:1.15;overflow-wrap:anywhere;"
                               f"hyphens:auto'><b>{esc(a.name)}</b></div>",
                               layout=widgets.Layout(width="auto")) for a in actors]
        cells.append(widgets.HTML(f"<b>{esc(t('public_values.col_index'))}</b>"))
        self.cells, self.row_index = {}, {}
        for value in self.model.values():
            label = esc(value) + (f" <small>({esc(t('public_values.added'))})</small>" if self.model.is_added(value) else "")
            cells.append(widgets.HTML(label))
            for actor in actors:
                # The description names the cell for screen readers; at zero width it takes no room.
                cell = widgets.IntText(value=self.model.weight(value, actor.id), layout=widgets.Layout(width="5em"),
                                       description=t("public_values.field_weight", value=value, actor=actor.name),
                                       style={"description_width": "0px"})
                cell.observe(self.guard(lambda change, v=value, a=actor.id, w=cell: self._on_weight(v, a, w, change)),
                             names="value")
                self.cells[(value, actor.id)] = cell
                cells.append(cell)
            self.row_index[value] = widgets.HTML()
            cells.append(self.row_index[value])
        self.grid.children = tuple(cells)
        self.grid.layout = widgets.Layout(
            grid_template_columns=f"minmax(10em, 16em) repeat({len(actors)}, minmax(5.5em, 8em)) 6em",
            grid_gap="2px 6px", align_items="center")
        self._redraw()

    # -- handlers -----------------------------------------------------------
    def _on_case(self, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(self.case_choice, lambda: self.model.case_id):
            self.model.switch_case(change["new"])
        self.save(self.model.to_dict())
        self._build_case()

    def _on_actor(self, actor_id: str, change) -> None:
        if self._syncing:
            return
        chosen = set(self.model.state.actors)
        chosen = chosen | {actor_id} if change["new"] else chosen - {actor_id}
        with self.refused_puts_back(self.actor_boxes[actor_id], lambda: change["old"]):
            self.model.select_actors(chosen)
        self.save(self.model.to_dict())
        self._build_values()

    def _on_weight(self, value: str, actor_id: str, widget, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: self.model.weight(value, actor_id)):
            self.model.set_weight(value, actor_id, change["new"])
        self.save(self.model.to_dict())
        self._redraw()

    def _on_add(self) -> None:
        name = self.model.add_value(self.new_value.value)
        self.save(self.model.to_dict())
        self.new_value.value = ""
        self._build_values()
        return name

    def _on_remove(self) -> None:
        self.model.remove_value(self.remove_choice.value)
        self.save(self.model.to_dict())
        self._build_values()

    def _redraw(self) -> None:
        for value, index in self.model.divergence():
            self.row_index[value].value = f"<span title='{esc(t('public_values.col_index'))}'>{_fmt(index)}</span>"
        # SVG keeps the numbers in the cells as text: sharp, and half the time of a PNG
        self.figure.show(plot_public_values(self.model), alt=t("public_values.alt"), caption=_caption(self.model),
                         fmt="svg")
        self.table.value = _ranked_table(self.model)


def public_values(exercise_id: str = "m5.publieke_waarden", workbook: Workbook | None = None):
    """E5.1 as a widget."""
    return build_view(lambda: PublicValuesView(load_spec(exercise_id, "public_values"), workbook))


# -- optional hooks (portfolio, class overview, learning plan) ----------------------
def _model_from_answer(exercise_id: str, answer) -> PublicValuesMap | None:
    try:
        spec = load_spec(exercise_id, "public_values")
        if not isinstance(answer, dict) or not isinstance(answer.get("cases"), dict):
            return None
        return PublicValuesMap.from_dict(spec, answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None


def summarize(exercise_id: str, answer) -> list[str]:
    """Dutch lines: the most contested values first, then the case and the
    stakeholders, the values everyone agrees on and the values added."""
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        return []
    lines = []
    ranked = model.ranked()
    for rank, (value, index) in enumerate(ranked[:3]):
        if index == 0:
            break
        low_names, low, high_names, high = model.extremes(value)
        lines.append(t("public_values.sum_top" if rank == 0 else "public_values.sum_next", value=value,
                       index=_fmt(index), low=low, low_names=", ".join(low_names), high=high,
                       high_names=", ".join(high_names)))
    if not lines:
        lines.append(t("public_values.caption_none"))
    lines.append(t("public_values.sum_case", case=model.case.label, n=len(model.actors()),
                   actors=", ".join(a.name for a in model.actors())))
    agreed = [v for v, x in ranked if x == 0]
    if agreed and len(agreed) < len(ranked):
        lines.append(t("public_values.sum_agree", values=", ".join(agreed)))
    if model.state.extra_values:
        lines.append(t("public_values.sum_added", values=", ".join(model.state.extra_values)))
    return lines


def plot_answer(exercise_id: str, answer):
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        return None
    try:
        return plot_public_values(model)
    except Exception:  # noqa: BLE001
        return None


def class_divergence(exercise_id: str, answers: dict) -> tuple[str | None, dict[str, list[float]]]:
    """The most chosen case in the class, and per value of that case the
    divergence index each participant arrived at (participants who chose
    that case only)."""
    models = {}
    for who, answer in (answers or {}).items():
        model = _model_from_answer(exercise_id, answer)
        if model is not None:
            models[who] = model
    if not models:
        return None, {}
    counts = Counter(m.case_id for m in models.values())
    case_id = sorted(counts, key=lambda c: (-counts[c], c))[0]
    per_value: dict[str, list[float]] = {}
    for who in sorted(models):
        model = models[who]
        if model.case_id != case_id:
            continue
        for value, index in model.divergence():
            per_value.setdefault(value, []).append(index)
    return case_id, per_value


def plot_class(case_label: str, per_value: dict[str, list[float]]):
    """Per value the divergence index of each participant (dots) and the class
    mean (bar); an SVG figure for the class overview."""
    order = sorted(per_value, key=lambda v: -statistics.fmean(per_value[v]))
    fig = svgplot.Figure(figsize=(8.6, max(3.0, 1.4 + 0.4 * len(order))))
    ax = fig.add_subplot()
    for y, value in enumerate(order[::-1]):
        xs = per_value[value]
        ax.barh(y, statistics.fmean(xs), color=PALETTE[4], height=0.55, alpha=0.8)
        offsets = [((i % 5) - 2) * 0.06 for i in range(len(xs))]
        ax.scatter(xs, [y + o for o in offsets], color=PALETTE[7], s=14, zorder=3)
    ax.set_yticks(range(len(order)), [_wrap(v, 26) for v in order[::-1]], fontsize=8)
    ax.set_xlabel(t("public_values.axis_divergence") + " · " + t("public_values.class_legend"))
    ax.set_title(t("public_values.plot_class", case=case_label))
    style_axes(ax)
    return fig


def class_picture(exercise_id: str, answers: dict):
    """Where values diverge in the class: per value of the most chosen case,
    the mean divergence index across participants, most contested first."""
    try:
        case_id, per_value = class_divergence(exercise_id, answers)
        if case_id is None or not per_value:
            return None, [t("public_values.class_none")]
        label = load_case(case_id).label
        n = max(len(x) for x in per_value.values())
        lines = [t("public_values.class_case", case=label, n=n)]
        ranked = sorted(per_value.items(), key=lambda kv: -statistics.fmean(kv[1]))
        for value, xs in ranked:
            spread = statistics.pstdev(xs) if len(xs) > 1 else 0.0
            lines.append(t("public_values.class_value", value=value, mean=_fmt(statistics.fmean(xs)),
                           lo=_fmt(min(xs)), hi=_fmt(max(xs)), spread=_fmt(spread)))
        return plot_class(label, per_value), lines
    except Exception:  # noqa: BLE001 - hooks never raise
        return None, []


# -- demo answers (``lst-kit demo-class``) -------------------------------------------
#: Words that put a public value in a group, for the demo tendencies below.
#: The first group whose word occurs in a value's name is its group.
_DEMO_GROUPS = (
    ("protect", ("veilig", "gezond", "milieu", "integriteit", "toestemming", "zorg", "minderjarig", "kinderen",
                 "pedagogisch", "waardigheid", "eerlijk werk", "zekerheid", "opvang")),
    ("market", ("concurrentie", "speelveld", "ondernemerschap", "innovatie", "betaalbaar", "werkgeverschap")),
    ("trust", ("vertrouwen",)),
)
_PROTECT = 0
#: How much an invented participant thinks a type of stakeholder weighs each
#: group of values, on a 0-5 scale, in the order of _DEMO_GROUPS and then
#: any other value (protect, market, trust, other). Only for
#: demo answers: these are invented tendencies, not findings.
_DEMO_TENDENCY = {
    "inspectorate": (4.6, 2.4, 4.0, 3.0),
    "regulatee": (2.6, 4.5, 2.8, 2.8),
    "chain_partner": (2.6, 4.5, 3.4, 2.8),
    "policy": (3.6, 3.6, 3.8, 3.2),
    "parliament": (4.0, 3.0, 4.0, 3.0),
    "citizens": (4.0, 2.6, 3.8, 3.0),
    "ngo": (4.8, 1.6, 3.4, 3.2),
    "media": (3.2, 2.0, 3.0, 2.6),
    "other_supervisor": (4.0, 2.6, 3.6, 3.0),
    "other": (3.4, 3.0, 3.2, 3.0),
}


def _demo_group(value: str) -> int:
    name = _norm(value)
    for index, (_, words) in enumerate(_DEMO_GROUPS):
        if any(w in name for w in words):
            return index
    return len(_DEMO_GROUPS)


def _demo_cares(actor, group: int) -> bool:
    """Whether the case says this stakeholder's interest is about this group of values."""
    interest = _norm(actor.interest)
    return group < len(_DEMO_GROUPS) and any(w in interest for w in _DEMO_GROUPS[group][1])


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant (demo class only): mostly the start case with
    its default stakeholders (sometimes one more or one fewer, sometimes an
    added value), and weights that follow the kind of stakeholder and its
    stance in the case, with the participant's own variation."""
    spec = load_spec(exercise_id, "public_values")
    model = PublicValuesMap(spec)
    ids = case_ids()
    if rng.random() >= 0.6 and ids:
        model.switch_case(ids[int(rng.integers(len(ids)))])
    chosen = list(model.state.actors)
    others = [a.id for a in model.case.actors if a.id not in chosen]
    roll = rng.random()
    if roll < 0.2 and len(chosen) > MIN_ACTORS:
        chosen.pop(int(rng.integers(len(chosen))))
    elif roll < 0.4 and others and len(chosen) < MAX_ACTORS:
        chosen.append(others[int(rng.integers(len(others)))])
    model.select_actors(chosen)
    suggestions = model.suggestions()
    if suggestions and rng.random() < 0.3:
        model.add_value(suggestions[int(rng.integers(len(suggestions)))])
    lo, hi = spec.scale.min, spec.scale.max
    strictness = rng.normal(0.0, 0.4)  # some participants score everything a little higher
    for value in model.values():
        group = _demo_group(value)
        for actor in model.actors():
            mean = _DEMO_TENDENCY.get(actor.type, _DEMO_TENDENCY["other"])[group]
            if group == _PROTECT:
                mean += 0.3 * actor.stance  # who resists the rules weighs protection less
            if _demo_cares(actor, group):
                mean += 1.0  # e.g. the catering trade, whose interest is a level playing field
            x = lo + (mean + strictness + rng.normal(0.0, 0.7)) / 5 * (hi - lo)
            model.set_weight(value, actor.id, int(min(hi, max(lo, round(x)))))
    return model.to_dict()


__all__ = ["PublicValuesMap", "PublicValuesSpec", "class_picture", "demo_answer", "divergence_index", "parse_spec",
           "plot_answer", "plot_public_values", "public_values", "summarize"]
