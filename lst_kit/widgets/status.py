"""The box at the top of every module notebook: where the participant's
answers are kept, and how many there are."""

from __future__ import annotations

import ipywidgets as widgets

from .. import web
from ..i18n import t
from ..workbook import open_workbook
from .frame import build_view
from .parts import ErrorBanner, esc

__all__ = ["workbook_status"]


def workbook_status(participant: str | None = None, folder=None) -> widgets.Widget:
    """Where this participant's answers are kept, and how many there are.

    The first cell of every module notebook calls it, so a participant knows
    their work is saved (and a damaged workbook is found and recovered
    before the first exercise).
    """

    def build():
        wb = open_workbook(participant, folder)
        count = len(wb.answers())
        lines = [t("status.where", path=str(wb.path)), t("status.who", participant=wb.participant),
                 t("status.count", n=count), t("status.hint")]
        box = widgets.VBox([widgets.HTML(
            f"<div style='border-left:4px solid #0072B2;padding:2px 10px'><b>{esc(t('status.title'))}</b><br>"
            + "<br>".join(esc(line) for line in lines) + "</div>")])
        if wb.notices:
            banner = ErrorBanner()
            banner.show("\n".join(wb.notices), kind="info", source="workbook")
            box.children += (banner,)
        if web.in_browser():  # JupyterLite: choose a name, take the workbook along
            from .transfer import TransferPanel

            box.children += (TransferPanel(wb),)
        return box

    return build_view(build)
