"""Small widget parts every exercise view uses: the error banner, the saved
indicator and the figure box (and ``esc`` for the HTML they hold)."""

from __future__ import annotations


import ipywidgets as widgets

from ..figures.style import data_uri, esc
from ..i18n import t

__all__ = ["ErrorBanner", "FigureBox", "SavedIndicator", "esc", "labelled_layout"]


def labelled_layout() -> dict:
    """Keyword arguments that give a control a readable description column."""
    return {"style": {"description_width": "initial"}, "layout": widgets.Layout(width="auto")}


class ErrorBanner(widgets.HTML):
    """A Dutch message shown inside the widget (hidden while empty)."""

    def __init__(self, **kwargs):
        super().__init__(value="", **kwargs)
        self.message = ""
        self.kind = ""
        self.source = ""
        self.layout.display = "none"
        self.add_class("lst-banner")

    def show(self, message: str, kind: str = "error", source: str = "input") -> None:
        """Show a message; ``source`` ("input", "save", "workbook") says what
        may clear it again."""
        self.message = message
        self.kind = kind
        self.source = source
        colours = {"error": ("#fdecea", "#8a1c1c"), "info": ("#e8f1fb", "#0b3d6e")}
        bg, fg = colours.get(kind, colours["error"])
        role = "alert" if kind == "error" else "status"
        self.value = (
            f'<div role="{role}" style="background:{bg};color:{fg};padding:6px 10px;'
            f'border-radius:4px;white-space:pre-wrap">{esc(message)}</div>'
        )
        self.layout.display = None

    def clear(self) -> None:
        self.message = ""
        self.kind = ""
        self.source = ""
        self.value = ""
        self.layout.display = "none"

    def clear_from(self, source: str) -> None:
        if self.source == source:
            self.clear()


class SavedIndicator(widgets.HTML):
    """Tells the participant whether their answer is in the workbook."""

    STATES = ("empty", "loaded", "pending", "saved", "failed")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("lst-saved")
        self.set("empty")

    def set(self, state: str) -> None:
        if state not in self.STATES:
            raise ValueError(state)
        self.state = state
        colour = {"failed": "#8a1c1c", "saved": "#0b5d3b", "pending": "#6b5200"}.get(state, "#555555")
        self.value = f'<span role="status" aria-live="polite" style="color:{colour}">{esc(t("saved." + state))}</span>'


class FigureBox(widgets.HTML):
    """A matplotlib figure as an image with a text alternative.

    The PNG travels inside the widget's HTML, so it shows in JupyterLab and
    Voilà alike, and headless tests can read what was drawn.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.alt = ""
        self.draws = 0

    def show(self, fig, alt: str, caption: str = "", fmt: str = "png") -> None:
        """Show ``fig`` as PNG, or as SVG (``fmt="svg"``: faster for large
        drawings full of text, such as the system map)."""
        self.alt = alt
        uri = data_uri(fig, fmt)
        cap = f'<figcaption style="font-size:90%;color:#333">{esc(caption)}</figcaption>' if caption else ""
        self.value = (
            f'<figure style="margin:0"><img src="{uri}" alt="{esc(alt)}" '
            f'style="max-width:100%;height:auto">{cap}</figure>'
        )
        self.draws += 1
