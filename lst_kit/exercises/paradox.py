"""E1.3 The toezichtsparadox as a toy model (illustrative: it teaches
reasoning, it predicts nothing).

Supervision intensity S_t lies in [0, 1]. Each period an incident happens
with probability p_t = p0 * (1 - e * S_t). After an incident political
pressure raises S by a (capped at 1); after a calm period cost pressure lets
S decay by the factor d. Many seeded runs give a band around one example run.

Spec: ``data/exercises/m1/paradox.yaml`` (type ``paradox_model``) with a
``parameters`` block: per parameter its label, default, min, max and step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np

from ..figures import svgplot
from ..widgets.slider import FloatSlider, IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import safe_hook
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

#: Parameters of the model and their hard limits (a spec may narrow them).
LIMITS = {
    "p0": (0.0, 1.0),        # incident chance without supervision
    "e": (0.0, 1.0),         # effectiveness of supervision
    "a": (0.0, 1.0),         # rise of S after an incident
    "d": (0.0, 1.0),         # decay factor of S after a calm period
    "s0": (0.0, 1.0),        # intensity at the start
    "horizon": (5, 200),     # periods
}
INTEGER = {"horizon"}


@dataclass(frozen=True)
class ParamSpec:
    key: str
    label: str
    help: str
    default: float
    min: float
    max: float
    step: float


@dataclass(frozen=True)
class ParadoxSpec:
    exercise_id: str
    title: str
    intro: str
    parameters: tuple[ParamSpec, ...]
    runs: int
    seed: int

    def param(self, key: str) -> ParamSpec:
        return next(p for p in self.parameters if p.key == key)


def parse_spec(root: Field, exercise_id: str) -> ParadoxSpec:
    block = root.sub("parameters")
    params = []
    for key, (lo, hi) in LIMITS.items():
        node = block.sub(key)
        pmin = node.number("min", lo, hi)
        pmax = node.number("max", pmin, hi)
        default = node.number("default", pmin, pmax)
        step = node.number("step", 0.0001, max(pmax - pmin, 0.0001))
        if key in INTEGER and not all(float(v).is_integer() for v in (pmin, pmax, default, step)):
            raise node.fail("default", t("paradox.allowed_whole"), default)
        params.append(ParamSpec(key, node.text("label"), node.text("help", default="", empty_ok=True),
                                default, pmin, pmax, step))
    return ParadoxSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                       tuple(params), root.integer("runs", 10, 2000, default=200),
                       root.integer("seed", 0, 2**31 - 1, default=2013))


@dataclass(frozen=True)
class Simulation:
    intensity: np.ndarray   # runs x (horizon + 1)
    incidents: np.ndarray   # runs x horizon, bool

    @property
    def example(self) -> int:
        return 0

    def band(self, lo: float = 10, hi: float = 90) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (np.percentile(self.intensity, lo, axis=0), np.median(self.intensity, axis=0),
                np.percentile(self.intensity, hi, axis=0))

    def mean_incidents(self) -> float:
        return float(self.incidents.sum(axis=1).mean())

    def swing(self) -> float:
        """Mean over runs of the standard deviation of S over time."""
        return float(self.intensity[:, 1:].std(axis=1).mean())


@dataclass
class ParadoxModel:
    spec: ParadoxSpec
    values: dict[str, float] = field(default_factory=dict)
    draw: int = 0  # which seeded draw ("Nieuwe trekking" adds one)

    def __post_init__(self):
        for p in self.spec.parameters:
            self.values.setdefault(p.key, int(p.default) if p.key in INTEGER else p.default)

    def set(self, key: str, value) -> None:
        try:
            p = self.spec.param(key)
        except StopIteration:
            raise InputError(t("paradox.field_param"), ", ".join(LIMITS), key) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not p.min <= value <= p.max:
            raise InputError(p.label, t("paradox.allowed_range", lo=_fmt(p.min), hi=_fmt(p.max)), value)
        self.values[key] = int(value) if key in INTEGER else float(value)

    def next_draw(self) -> None:
        self.draw += 1

    def simulate(self) -> Simulation:
        return simulate(self.values, runs=self.spec.runs, seed=self.spec.seed + self.draw)

    def to_dict(self) -> dict:
        return {"parameters": {k: self.values[k] for k in LIMITS}, "draw": self.draw}

    @classmethod
    def from_dict(cls, spec: ParadoxSpec, data) -> "ParadoxModel":
        model = cls(spec)
        params = data.get("parameters") if isinstance(data, dict) else None
        for key, value in (params if isinstance(params, dict) else {}).items():
            try:
                model.set(key, value)
            except InputError:
                pass
        draw = data.get("draw") if isinstance(data, dict) else None
        if isinstance(draw, int) and not isinstance(draw, bool) and 0 <= draw < 10**6:
            model.draw = draw
        return model


def _fmt(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def simulate(values: dict, runs: int, seed: int) -> Simulation:
    """Run the toy model ``runs`` times with one seeded generator."""
    p0, e, a, d, s0 = (float(values[k]) for k in ("p0", "e", "a", "d", "s0"))
    horizon = int(values["horizon"])
    rng = np.random.default_rng(seed)
    draws = rng.random((runs, horizon))
    s = np.empty((runs, horizon + 1))
    s[:, 0] = s0
    incidents = np.zeros((runs, horizon), dtype=bool)
    for step in range(horizon):
        current = s[:, step]
        hit = draws[:, step] < p0 * (1.0 - e * current)
        incidents[:, step] = hit
        s[:, step + 1] = np.where(hit, np.minimum(1.0, current + a), current * d)
    return Simulation(s, incidents)


def plot_paradox(sim: Simulation) -> svgplot.Figure:
    """Intensity over time: the band over all runs, one example run, and the
    example run's incidents (SVG)."""
    horizon = sim.incidents.shape[1]
    x = list(range(horizon + 1))
    low, mid, high = (band.tolist() for band in sim.band())
    fig = svgplot.Figure(figsize=(8.5, 4.0))
    ax = fig.add_subplot()
    ax.fill_between(x, low, high, color=PALETTE[4], alpha=0.35, label=t("paradox.band"))
    ax.plot(x, mid, color=PALETTE[0], linestyle="--", linewidth=1.5, label=t("paradox.median"))
    ax.plot(x, sim.intensity[sim.example].tolist(), color=PALETTE[1], linewidth=2, label=t("paradox.example"))
    hits = (np.flatnonzero(sim.incidents[sim.example]) + 1).tolist()
    ax.scatter(hits, [1.04] * len(hits), marker="v", color=PALETTE[5], s=45,  # s: as large as matplotlib's s=28
               label=t("paradox.incident"))
    ax.set_xlim(0, horizon)
    ax.set_ylim(0, 1.08)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])  # no tick at the incidents' row above 1
    ax.set_xlabel(t("paradox.axis_time"))
    ax.set_ylabel(t("paradox.axis_intensity"))
    ax.set_title(t("paradox.plot_title"))
    style_axes(ax)
    fig.legend(ncols=4, fontsize=8)
    return fig


class ParadoxView(ExerciseFrame):
    def __init__(self, spec: ParadoxSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = ParadoxModel.from_dict(spec, self.saved())
        self.label = widgets.HTML(f"<p style='background:#fff6d6;padding:4px 8px;border-radius:4px'>"
                                  f"<b>{esc(t('paradox.illustrative'))}</b></p>")
        self.controls: dict[str, widgets.ValueWidget] = {}
        rows = []
        for p in spec.parameters:
            if p.key in INTEGER:
                control = IntSlider(value=int(self.model.values[p.key]), min=int(p.min), max=int(p.max),
                                            step=int(p.step), description=p.label, continuous_update=False)
            else:
                control = FloatSlider(value=self.model.values[p.key], min=p.min, max=p.max, step=p.step,
                                              description=p.label, continuous_update=False, readout_format=".2f")
            control.label_width = "16em"
            control.tooltip = p.help
            control.observe(self.guard(lambda change, key=p.key: self._on_param(key, change["new"])), names="value")
            self.controls[p.key] = control
            rows.append(control)
        self.redraw_button = widgets.Button(description=t("paradox.new_draw"), icon="refresh",
                                            tooltip=t("paradox.new_draw_tip"))
        self.redraw_button.on_click(self.guard(lambda _: self._on_new_draw()))
        self.figure = FigureBox()
        self._redraw()
        self.set_body(self.label, *rows, self.redraw_button, self.figure)

    def _on_param(self, key: str, value) -> None:
        self.model.set(key, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_new_draw(self) -> None:
        self.model.next_draw()
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        sim = self.model.simulate()
        text = _sim_summary(self.model, sim)
        self.figure.show(plot_paradox(sim), alt=t("paradox.alt"), caption=text)


def paradox_model(exercise_id: str = "m1.paradox", workbook: Workbook | None = None):
    """E1.3 as a widget."""
    return build_view(lambda: ParadoxView(load_spec(exercise_id, "paradox_model"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

def _sim_summary(model: ParadoxModel, sim: Simulation) -> str:
    return t("paradox.summary", runs=model.spec.runs, horizon=int(model.values["horizon"]),
             incidents=_fmt(round(sim.mean_incidents(), 1)), swing=_fmt(round(sim.swing(), 2)),
             final=_fmt(round(float(np.median(sim.intensity[:, -1])), 2)))


@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The settings chosen and what the simulation showed with them."""
    spec = load_spec(exercise_id, "paradox_model")
    model = ParadoxModel.from_dict(spec, answer)
    lines = [t("paradox.illustrative"), _sim_summary(model, model.simulate())]
    lines += [t("hooks.paradox_param", label=p.label, value=_fmt(model.values[p.key])) for p in spec.parameters]
    return lines


def plot_answer(exercise_id: str, answer):
    try:
        model = ParadoxModel.from_dict(load_spec(exercise_id, "paradox_model"), answer)
        return plot_paradox(model.simulate())
    except Exception:  # noqa: BLE001 - hooks never raise
        return None


def class_values(spec: ParadoxSpec, answers: dict) -> dict[str, list[float]]:
    """Per parameter the values the participants settled on (defaults where they left one alone)."""
    values: dict[str, list[float]] = {p.key: [] for p in spec.parameters}
    for answer in answers.values():
        if not isinstance(answer, dict) or not isinstance(answer.get("parameters"), dict):
            continue
        model = ParadoxModel.from_dict(spec, answer)
        for p in spec.parameters:
            values[p.key].append(float(model.values[p.key]))
    return values


def plot_class_parameters(spec: ParadoxSpec, values: dict[str, list[float]]) -> svgplot.Figure:
    """One row per parameter, each running from its slider's minimum (left) to
    its maximum (right): how many chose each value (circle size), the median
    (diamond) and the spec's starting value (open square). Drawn as SVG."""
    params = spec.parameters
    n = len(params)
    fig = svgplot.Figure(figsize=(8.5, 1.1 + 0.55 * n))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    biggest = 1
    rows = []
    for p in params:
        xs = np.asarray(values[p.key], dtype=float)
        span = (p.max - p.min) or 1.0
        uniq, counts = (np.unique(np.round(xs, 6), return_counts=True) if xs.size
                        else (np.array([]), np.array([], dtype=int)))
        biggest = max(biggest, int(counts.max()) if counts.size else 1)
        rows.append((p, xs, span, uniq, counts))
    for yi, (p, xs, span, uniq, counts) in zip(y, rows):
        ax.plot([0, 1], [yi, yi], color="#bbbbbb", linewidth=1)  # drawn in this order: line, circles, markers
        if xs.size:
            ax.scatter((uniq - p.min) / span, np.full(uniq.shape, yi), s=30 + 330 * counts / biggest, color=PALETTE[4],
                       alpha=0.6, edgecolor=PALETTE[0], linewidths=0.5)
            ax.scatter([(np.median(xs) - p.min) / span], [yi], marker="D", s=55, color=PALETTE[1],
                       edgecolor="#222222")
        ax.scatter([(p.default - p.min) / span], [yi], marker="s", s=70, color="none", edgecolor="#222222")
        ax.text(-0.03, yi, _fmt(p.min), ha="right", va="center", fontsize=8, color="#444444")
        ax.text(1.03, yi, _fmt(p.max), ha="left", va="center", fontsize=8, color="#444444")
    ax.set_yticks(y, [p.label for p in params], fontsize=8)
    ax.set_xticks([])
    ax.set_xlim(-0.12, 1.12)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(t("hooks.paradox_class_axis"), fontsize=8)
    ax.set_title(t("hooks.paradox_class_title"))
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    keys = [svgplot.Line2D(color="#222222", linestyle="", marker="D", markersize=55 ** 0.5,
                           markerfacecolor=PALETTE[1], label=t("hooks.paradox_median")),
            svgplot.Line2D(color="#222222", linestyle="", marker="s", markersize=70 ** 0.5, markerfacecolor="none",
                           label=t("hooks.paradox_default"))]
    fig.legend(handles=keys, ncols=2, fontsize=8)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The parameter settings the class chose: median and range per parameter."""
    spec = load_spec(exercise_id, "paradox_model")
    values = class_values(spec, answers)
    who = len(next(iter(values.values()), []))
    if not who:
        return None, [t("hooks.nobody")]
    lines = [t("hooks.paradox_class", n=who)]
    for p in spec.parameters:
        xs = values[p.key]
        lines.append(t("hooks.paradox_class_line", label=p.label, median=_fmt(float(np.median(xs))),
                       lo=_fmt(min(xs)), hi=_fmt(max(xs)), default=_fmt(p.default)))
    return plot_class_parameters(spec, values), lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Settings scattered around the defaults, on the sliders' steps; sometimes a new draw."""
    spec = load_spec(exercise_id, "paradox_model")
    model = ParadoxModel(spec)
    for p in spec.parameters:
        if rng.random() < 0.3:
            continue  # left at the default
        raw = rng.normal(p.default, (p.max - p.min) / 5)
        steps = round((min(p.max, max(p.min, raw)) - p.min) / p.step)
        value = min(p.max, p.min + steps * p.step)
        model.set(p.key, int(round(value)) if p.key in INTEGER else round(float(value), 6))
    model.draw = int(rng.integers(0, 3))
    return model.to_dict()
