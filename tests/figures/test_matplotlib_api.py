"""svgplot's promise, "the same API as matplotlib", as a test: every figure
the kit draws (in a view, in the portfolio, in the class overview) also
renders through real matplotlib when the figure code gets matplotlib's
classes instead of svgplot's. A teacher who prefers matplotlib can use it.

svgplot's one extension beyond matplotlib is ``PolarAxes.set_frame("circle"
| "polygon")`` (a radar's web); under matplotlib the frame stays round."""

import importlib
import io
import pkgutil
import random
import types

import pytest

import lst_kit
import lst_kit.exercises
from lst_kit.content import exercise_ids
from lst_kit.figures import svgplot
from lst_kit.registry import EXERCISE_TYPES, SKIP
from lst_kit.reports import readings
from lst_kit.workbook import open_workbook

pytestmark = pytest.mark.slow


def matplotlib_as_svgplot():
    """A stand-in for the svgplot module built from matplotlib's own classes
    (the drawing API) and svgplot's pure helpers (no drawing)."""
    import matplotlib
    from matplotlib import lines, patches
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

    if not hasattr(PolarAxes, "set_frame"):
        PolarAxes.set_frame = lambda self, shape: None  # svgplot's extension: a round frame stays round
    return types.SimpleNamespace(
        Figure=Figure, Line2D=lines.Line2D, Rectangle=patches.Rectangle, Polygon=patches.Polygon,
        Patch=patches.Patch, colormap=lambda name: matplotlib.colormaps[name],
        text_width=svgplot.text_width, nice_ticks=svgplot.nice_ticks, DPI=svgplot.DPI)


@pytest.fixture
def matplotlib_figures(monkeypatch):
    """Every exercise module that draws gets matplotlib in place of svgplot."""
    shim = matplotlib_as_svgplot()
    patched = []
    for info in pkgutil.walk_packages(lst_kit.exercises.__path__, "lst_kit.exercises."):
        module = importlib.import_module(info.name)
        if getattr(module, "svgplot", None) is svgplot:
            monkeypatch.setattr(module, "svgplot", shim)
            patched.append(info.name)
    assert patched
    return patched


def rendered(fig):
    from matplotlib.figure import Figure

    assert isinstance(fig, Figure), type(fig)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


IDS = [e for e in exercise_ids()]


@pytest.mark.parametrize("exercise_id", IDS)
def test_readings_draw_with_matplotlib(exercise_id, matplotlib_figures):
    info = readings.exercise_info(exercise_id)
    assert info.kind is not None, info.problem
    rng = random.Random(f"mpl/{exercise_id}")
    answers = {f"p{i}": info.kind.demo_answer(info.spec, rng) for i in range(4)}
    answers = {k: v for k, v in answers.items() if v is not SKIP}
    figures = [info.kind.plot_answer(info.spec, answer) for answer in answers.values()]  # raises if the API differs
    if answers:
        fig, lines = info.kind.class_picture(info.spec, answers)
        assert lines
        figures.append(fig)
    assert all(rendered(fig) for fig in figures if fig is not None)


ENTRY = {kind: kind for kind in EXERCISE_TYPES}


@pytest.mark.parametrize("exercise_id", IDS)
def test_views_draw_with_matplotlib(exercise_id, matplotlib_figures, tmp_path):
    """The view's own figures, at its first drawing."""
    info = readings.exercise_info(exercise_id)
    view = getattr(lst_kit, info.type)(exercise_id, workbook=open_workbook("mpl", tmp_path))
    assert not type(view).__name__ == "ErrorBanner", view.value
    pictures = [w.value for w in walk(view) if type(w).__name__ == "FigureBox" and w.draws]
    assert all(drawn_by_matplotlib(p) for p in pictures)


def drawn_by_matplotlib(html: str) -> bool:
    """A FigureBox's image: matplotlib's PNG, or an SVG matplotlib wrote."""
    import base64
    import re

    kind, data = re.search(r'src="data:image/(png|svg\+xml);base64,([^"]+)"', html).groups()
    raw = base64.b64decode(data)
    return raw.startswith(b"\x89PNG") if kind == "png" else raw.startswith(b"<?xml") and b"<!DOCTYPE svg" in raw[:300]


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)
