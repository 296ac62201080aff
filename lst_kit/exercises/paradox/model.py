"""E1.3 The toezichtsparadox as a toy model, the model (illustrative: it
teaches reasoning, it predicts nothing).

Supervision intensity S_t lies in [0, 1]. Each period an incident happens
with probability p_t = p0 * (1 - e * S_t). After an incident political
pressure raises S by a (capped at 1); after a calm period cost pressure lets
S decay by the factor d. Many seeded runs give a band around one example run.

Pure Python (``random.Random`` with string seeds, ``statistics``): the kit
runs in the browser without numpy. Run ``r`` of draw ``k`` with spec seed
``s`` draws from ``random.Random(f"{s}/{k}/{r}")``, so a run does not change
when the number of runs does.

Spec: ``data/exercises/m1/paradox.yaml`` (type ``paradox_model``) with a
``parameters`` block: per parameter its label, default, min, max and step.

Saved answer: ``{"parameters": {key: value}, "draw": int}``.
"""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import number, t

__all__ = ["INTEGER", "LIMITS", "ParadoxModel", "ParadoxSpec", "ParamSpec", "Simulation", "format_number",
           "parse_spec", "percentile", "simulate"]

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


def format_number(x: float) -> str:
    """A parameter value as the reader writes it: no trailing zeros, the
    language's decimal sign (``0,25`` in Dutch, ``0.25`` in English)."""
    return number(x, 6, strip=True)


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


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of ``values``, interpolated linearly
    between the two nearest ranks (the common definition, numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


@dataclass(frozen=True)
class Simulation:
    intensity: list[list[float]]   # per run: S_0 .. S_horizon
    incidents: list[list[bool]]    # per run: an incident in period 1 .. horizon

    @property
    def example(self) -> int:
        """The run drawn as the example."""
        return 0

    @property
    def horizon(self) -> int:
        return len(self.incidents[0])

    def column(self, step: int) -> list[float]:
        """S at ``step`` across all runs."""
        return [run[step] for run in self.intensity]

    def band(self, lo: float = 10, hi: float = 90) -> tuple[list[float], list[float], list[float]]:
        """Per step: the lo-th percentile, the median and the hi-th percentile of S over the runs."""
        columns = [self.column(step) for step in range(self.horizon + 1)]
        return ([percentile(c, lo) for c in columns], [statistics.median(c) for c in columns],
                [percentile(c, hi) for c in columns])

    def example_hits(self) -> list[int]:
        """The periods (1 .. horizon) in which the example run had an incident."""
        return [step + 1 for step, hit in enumerate(self.incidents[self.example]) if hit]

    def mean_incidents(self) -> float:
        return statistics.fmean(sum(run) for run in self.incidents)

    def swing(self) -> float:
        """Mean over runs of the (population) standard deviation of S over time, S_0 left out."""
        return statistics.fmean(statistics.pstdev(run[1:]) for run in self.intensity)

    def final_median(self) -> float:
        """The median of S at the last step."""
        return statistics.median(self.column(self.horizon))


def simulate(values: dict, runs: int, seed: int, draw: int = 0) -> Simulation:
    """Run the toy model ``runs`` times, run ``r`` with its own generator
    seeded ``f"{seed}/{draw}/{r}"``."""
    p0, e, a, d, s0 = (float(values[k]) for k in ("p0", "e", "a", "d", "s0"))
    horizon = int(values["horizon"])
    intensity, incidents = [], []
    for run in range(runs):
        rng = random.Random(f"{seed}/{draw}/{run}")
        s, path, hits = s0, [s0], []
        for _ in range(horizon):
            hit = rng.random() < p0 * (1.0 - e * s)
            s = min(1.0, s + a) if hit else s * d
            path.append(s)
            hits.append(hit)
        intensity.append(path)
        incidents.append(hits)
    return Simulation(intensity, incidents)


@dataclass
class ParadoxModel:
    spec: ParadoxSpec
    values: dict[str, float] = field(default_factory=dict)
    draw: int = 0  # which seeded draw ("Nieuwe trekking" adds one)
    #: Whether the answer it was restored from held settings (the class overview counts those).
    answered: bool = field(default=False, compare=False)

    def __post_init__(self):
        for p in self.spec.parameters:
            self.values.setdefault(p.key, int(p.default) if p.key in INTEGER else p.default)

    def set(self, key: str, value) -> None:
        try:
            p = self.spec.param(key)
        except StopIteration:
            raise InputError(t("paradox.field_param"), ", ".join(LIMITS), key) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not p.min <= value <= p.max:
            raise InputError(p.label, t("paradox.allowed_range", lo=format_number(p.min), hi=format_number(p.max)),
                             value)
        self.values[key] = int(value) if key in INTEGER else float(value)

    def next_draw(self) -> None:
        self.draw += 1

    def simulate(self) -> Simulation:
        return simulate(self.values, runs=self.spec.runs, seed=self.spec.seed, draw=self.draw)

    def to_dict(self) -> dict:
        return {"parameters": {k: self.values[k] for k in LIMITS}, "draw": self.draw}

    @classmethod
    def from_dict(cls, spec: ParadoxSpec, data) -> "ParadoxModel":
        model = cls(spec)
        if not isinstance(data, dict):
            return model
        params = data.get("parameters")
        model.answered = isinstance(params, dict)
        for key, value in (params if isinstance(params, dict) else {}).items():
            try:
                model.set(key, value)
            except InputError:
                pass  # a value outside the (changed) limits keeps the default
        draw = data.get("draw")
        if isinstance(draw, int) and not isinstance(draw, bool) and 0 <= draw < 10**6:
            model.draw = draw
        return model
