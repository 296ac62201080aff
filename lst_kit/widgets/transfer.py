"""Take the workbook along: download it, download the portfolio, upload a
workbook to continue elsewhere, and (in the browser) choose one's own name.

In JupyterLite the workbook lives in the browser's storage: on another
machine or browser it is not there. One click downloads the workbook (JSON)
or the portfolio (HTML); uploading a workbook continues from it, after the
current one is kept aside (:meth:`lst_kit.workbook.Workbook.import_bytes`).
A teacher collects the downloaded workbooks in one folder and runs
``lst-kit collect`` on it, without a hub.

A download is made in the page itself (a small anywidget: the file is sent
from the kernel and saved with an ``<a download>`` link to a blob), so it
needs no server and works in JupyterLab, Voilà and JupyterLite alike.
"""

from __future__ import annotations

import logging
from typing import Callable

import anywidget
import ipywidgets as widgets
import traitlets

from .. import web
from ..i18n import t
from .debounce import flush_pending
from .frame import build_view
from .parts import ErrorBanner, esc
from ..workbook import Workbook, WorkbookError, open_workbook, set_participant_name

__all__ = ["DownloadButton", "NameField", "TransferPanel", "workbook_transfer"]

log = logging.getLogger("lst_kit")

_ESM = r"""
function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-widgets jupyter-button widget-button lst-download";
  button.style.cssText = "width:auto;padding:0 1em;margin:2px 4px 2px 0;";
  const sync = () => {
    button.textContent = model.get("description");
    button.title = model.get("tooltip");
  };
  button.addEventListener("click", () => {
    button.disabled = true;
    model.send({ event: "prepare" });
  });
  const onMessage = (msg, buffers) => {
    if (!msg || msg.event !== "file") return;
    button.disabled = false;
    if (!msg.ok) return;
    const blob = new Blob([buffers[0]], { type: msg.mime });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = msg.filename;
    link.style.display = "none";
    el.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 2000);
  };
  model.on("msg:custom", onMessage);
  model.on("change", sync);
  sync();
  el.append(button);
  return () => { model.off("msg:custom", onMessage); model.off("change", sync); };
}
export default { render };
"""


class DownloadButton(anywidget.AnyWidget):
    """A button that saves a file made by ``make()`` -> (filename, mime type,
    bytes) in the participant's browser, in one click."""

    _esm = _ESM
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)

    def __init__(self, make: Callable[[], tuple[str, str, bytes]], on_error: Callable[[Exception], None],
                 **kwargs):
        super().__init__(**kwargs)
        self._make = make
        self._on_error = on_error
        #: How many files were handed to the browser (for tests and the status).
        self.downloads = 0
        self.on_msg(self._handle)

    def prepare(self) -> tuple[str, str, bytes]:
        return self._make()

    def _handle(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict) or content.get("event") != "prepare":
            return
        try:
            filename, mime, data = self.prepare()
        except Exception as exc:  # noqa: BLE001 - shown as a Dutch message, never a traceback
            log.warning("lst-kit: download mislukt: %s", exc)
            self.send({"event": "file", "ok": False})
            self._on_error(exc)
            return
        self.downloads += 1
        self.send({"event": "file", "ok": True, "filename": filename, "mime": mime}, [data])


class NameField(widgets.VBox):
    """In the browser the computer's user name is ``web_user``: the
    participant types their own name once; it is kept next to the workbook."""

    def __init__(self, workbook: Workbook, on_change: Callable[[Workbook], None] | None = None):
        super().__init__()
        self.add_class("lst-name")
        self.workbook = workbook
        self._on_change = on_change
        self.text = widgets.Text(value="" if workbook.participant == "web_user" else workbook.participant,
                                 description=t("transfer.name_label"), placeholder=t("transfer.name_placeholder"),
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="28em"))
        self.button = widgets.Button(description=t("transfer.name_button"), layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML()
        self.banner = ErrorBanner()
        self.button.on_click(self._save)
        self.children = (widgets.HBox([self.text, self.button]), self.result, self.banner)

    def _save(self, _=None) -> None:
        try:
            flush_pending()
            self.workbook = set_participant_name(self.text.value, self.workbook.folder)
        except (ValueError, WorkbookError, OSError) as exc:
            self.banner.show(str(exc))
            return
        self.banner.clear()
        self.result.value = f"<p role='status'>{esc(t('transfer.name_saved', participant=self.workbook.participant))}</p>"
        if self._on_change is not None:
            self._on_change(self.workbook)


class TransferPanel(widgets.VBox):
    """Download the workbook and the portfolio; upload a workbook."""

    def __init__(self, workbook: Workbook, with_name: bool | None = None):
        super().__init__()
        self.add_class("lst-transfer")
        self.workbook = workbook
        self.banner = ErrorBanner()
        self.result = widgets.HTML()
        self.download_workbook = DownloadButton(self._workbook_file, self._show_error,
                                                description=t("transfer.download_workbook"),
                                                tooltip=t("transfer.download_workbook_tip"))
        self.download_portfolio = DownloadButton(self._portfolio_file, self._show_error,
                                                 description=t("transfer.download_portfolio"),
                                                 tooltip=t("transfer.download_portfolio_tip"))
        self.upload = widgets.FileUpload(accept=".json,application/json", multiple=False,
                                         description=t("transfer.upload"), layout=widgets.Layout(width="auto"))
        self.upload.observe(self._uploaded, names="value")
        parts = [widgets.HTML(f"<b>{esc(t('transfer.title'))}</b><br><small>{esc(t('transfer.explain'))}</small>")]
        if web.in_browser() if with_name is None else with_name:
            self.name = NameField(workbook, self._renamed)
            parts.append(self.name)
        parts += [widgets.HBox([self.download_workbook, self.download_portfolio, self.upload]), self.result,
                  self.banner]
        self.children = tuple(parts)

    def _renamed(self, workbook: Workbook) -> None:
        self.workbook = workbook

    def _show_error(self, exc: Exception) -> None:
        from ..reports.portfolio import ExportError

        known = (ExportError, WorkbookError, OSError, ValueError)
        message = str(exc) if isinstance(exc, known) else t("ui.unexpected", error=f"{type(exc).__name__}: {exc}")
        self.banner.show(message)

    def _workbook_file(self) -> tuple[str, str, bytes]:
        flush_pending()  # text typed in the last second counts too
        data = self.workbook.export_bytes()
        self.banner.clear()
        return f"{self.workbook.participant}.json", "application/json", data

    def _portfolio_file(self) -> tuple[str, str, bytes]:
        from ..reports.portfolio import build_portfolio, render_html

        flush_pending()
        if not self.workbook.path.exists():
            self.workbook.export_bytes()  # reads (and so recovers) the workbook first
            raise ValueError(t("transfer.nothing_yet"))
        html = render_html(build_portfolio(self.workbook.participant, self.workbook.folder))
        self.banner.clear()
        return f"{self.workbook.participant}-portfolio.html", "text/html", html.encode("utf-8")

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        try:
            count, kept = self.workbook.import_bytes(bytes(upload["content"]))
        except (ValueError, TypeError, WorkbookError, OSError) as exc:
            self.result.value = ""
            self.banner.show(t("transfer.upload_refused", name=upload.get("name", ""), error=str(exc)))
        else:
            self.banner.clear()
            key = "transfer.upload_done_kept" if kept is not None else "transfer.upload_done"
            message = t(key, n=count, name=upload.get("name", ""), kept=kept.name if kept else "")
            self.result.value = f"<p role='status'>{esc(message)}</p>"
        finally:
            self.upload.value = ()  # the same file can be uploaded again (this handler ignores the reset)


def workbook_transfer(participant: str | None = None, folder=None, with_name: bool | None = None):
    """Download workbook and portfolio, upload a workbook; in the browser also
    the participant's own name (``with_name`` forces it on or off)."""
    return build_view(lambda: TransferPanel(open_workbook(participant, folder), with_name))
