"""The participant's portfolio: everything they answered, module by module,
with the plots, as one self-contained HTML file (or Markdown).

    lst-kit export anna --out anna-portfolio.html
    lst-kit export anna --folder /pad/naar/werkboeken --out anna.md

Per exercise the portfolio uses the hooks of the module that serves it
(``summarize`` for the text, ``plot_answer`` for the picture); an exercise
without hooks, or whose spec is gone, is shown as a generic reading of its
JSON answer (mappings as definition lists, lists of rows as tables, text as
paragraphs). Participant text is always escaped. The output carries no
timestamp: the same workbook gives the same file.

The workbook is only read: the export never locks, repairs or writes it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import readings
from .render import mime
from ..content.course import group_by_module
from ..i18n import t
from ..registry import generic_lines
from ..workbook import Workbook, default_folder, open_workbook, parse_workbook

__all__ = ["ExportError", "Portfolio", "build_portfolio", "render_html", "render_markdown", "write_portfolio"]


class ExportError(RuntimeError):
    """A plain Dutch reason why no portfolio could be made."""


@dataclass
class Entry:
    exercise_id: str
    title: str
    question: str
    known: bool              # the exercise's own summary is used (else the generic reading)
    lines: list[str]
    answer: Any
    image: bytes | None = None  # the picture as SVG or PNG bytes
    alt: str = ""
    problem: str = ""


@dataclass
class ModuleSection:
    key: str
    title: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Portfolio:
    participant: str
    modules: list[ModuleSection]
    notices: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(m.entries) for m in self.modules)


def _folder(folder) -> Path:
    if folder is not None:
        return Path(folder)
    env = os.environ.get("LST_WERKBOEK_DIR")
    return Path(env).expanduser() if env else default_folder()


def read_answers(participant: str | None, folder=None) -> tuple[Workbook, dict, list[str]]:
    """The saved answers of one participant, read without locking or writing.
    A damaged file falls back to the last good copy (``.bak``), with a notice."""
    try:
        wb = open_workbook(participant, _folder(folder))
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    if not wb.folder.is_dir():
        raise ExportError(t("portfolio.no_folder", folder=str(wb.folder)))
    if not wb.path.is_file():
        known = sorted(p.stem for p in wb.folder.glob("*.json"))
        hint = t("portfolio.known", names=", ".join(known[:10]) + (" …" if len(known) > 10 else "")) if known else ""
        raise ExportError(t("portfolio.no_participant", participant=wb.participant, folder=str(wb.folder), hint=hint))
    notices = []
    try:
        doc = parse_workbook(wb.path.read_bytes())
    except Exception:  # noqa: BLE001 - damaged bytes, a newer schema, anything: try the backup
        try:
            doc = parse_workbook(wb.backup_path.read_bytes())
        except Exception:  # noqa: BLE001
            raise ExportError(t("portfolio.damaged", path=str(wb.path))) from None
        notices.append(t("portfolio.used_backup", path=wb.backup_path.name))
    return wb, doc["answers"], notices


def _question(spec: Any) -> str:
    for name in ("prompt", "question"):
        value = getattr(spec, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def build_portfolio(participant: str | None = None, folder=None, with_images: bool = True) -> Portfolio:
    """Collect what one participant answered, grouped and ordered by module."""
    from ..figures.style import png_bytes, svg_bytes

    wb, answers, notices = read_answers(participant, folder)
    modules = []
    for key, title, ids in group_by_module(answers):
        section = ModuleSection(key, title)
        for exercise_id in ids:
            answer = answers[exercise_id]
            info = readings.exercise_info(exercise_id)
            known = readings.has_reading(exercise_id, "summarize")
            entry = Entry(
                exercise_id=exercise_id, title=info.title, question=_question(info.spec), known=known,
                lines=readings.summarize(exercise_id, answer) if known else generic_lines(answer),
                answer=answer,
                problem="" if info.spec is not None else (t("portfolio.removed") if info.type is None
                                                          else t("portfolio.spec_problem")),
            )
            if with_images:
                fig = readings.plot_answer(exercise_id, answer)
                if fig is not None:
                    try:
                        # an lst_kit.figures.svgplot figure writes itself as SVG; a matplotlib one as PNG
                        entry.image = svg_bytes(fig) if hasattr(fig, "to_svg") else png_bytes(fig)
                        entry.alt = t("portfolio.alt", title=info.title)
                    except Exception:  # noqa: BLE001 - a picture that fails to render is left out
                        entry.image = None
            section.entries.append(entry)
        modules.append(section)
    return Portfolio(wb.participant, modules, notices)


def render_html(portfolio: Portfolio) -> str:
    """One self-contained HTML page (images embedded, print CSS, no scripts)."""
    from .render import render

    return render("portfolio.html.j2", p=portfolio)


# -- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_escape(text: Any) -> str:
    """Text that a Markdown renderer shows literally: HTML special characters
    as entities (a typed ``<script>`` stays text), Markdown punctuation escaped."""
    out = []
    for line in str(text).split("\n"):
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        line = _MD_SPECIAL.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        out.append(line)
    return "  \n".join(out)


def _md_generic(value: Any, depth: int = 0) -> list[str]:
    indent = "  " * depth
    from .render import is_scalar, scalar, table_columns

    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if is_scalar(item) and not (isinstance(item, str) and "\n" in item):
                lines.append(f"{indent}- **{md_escape(key)}**: {md_escape(scalar(item))}")
            else:
                lines.append(f"{indent}- **{md_escape(key)}**:")
                lines.extend(_md_generic(item, depth + 1))
        return lines
    if isinstance(value, list):
        columns = table_columns(value)
        if columns and depth == 0:
            head = "| " + " | ".join(md_escape(c) for c in columns) + " |"
            rule = "|" + "|".join(" --- " for _ in columns) + "|"
            rows = ["| " + " | ".join(md_escape(scalar(row.get(c))).replace("  \n", " ") for c in columns) + " |"
                    for row in value]
            return [head, rule, *rows]
        lines = []
        for item in value:
            if is_scalar(item):
                lines.append(f"{indent}- {md_escape(scalar(item))}")
            else:
                lines.append(f"{indent}-")
                lines.extend(_md_generic(item, depth + 1))
        return lines
    text = md_escape(scalar(value)).replace("  \n", "  \n" + indent)
    return [f"{indent}{text}" if depth else text]


def render_markdown(portfolio: Portfolio, image_dir: str | None = None) -> tuple[str, dict[str, bytes]]:
    """The portfolio as Markdown, and the images to write beside it
    (``{relative path: PNG bytes}``). With ``image_dir=None`` the images are
    left out and only their text alternative remains."""
    out = [f"# {md_escape(t('portfolio.title', participant=portfolio.participant))}", "",
           md_escape(t("portfolio.subtitle")), "", md_escape(t("portfolio.count", n=portfolio.count)), ""]
    for notice in portfolio.notices:
        out += [f"*{md_escape(notice)}*", ""]
    images: dict[str, bytes] = {}
    for module in portfolio.modules:
        out += [f"## {md_escape(module.title)}", ""]
        for e in module.entries:
            out += [f"### {md_escape(e.title)}", ""]
            if e.question:
                out += [f"*{md_escape(e.question)}*", ""]
            if e.problem:
                out += [md_escape(e.problem), ""]
            if e.known:
                for line in e.lines:
                    out += [md_escape(line), ""]
            else:
                out += _md_generic(e.answer) + [""]
            if e.image:
                if image_dir is not None:
                    rel = f"{image_dir}/{e.exercise_id}.{'svg' if mime(e.image) == 'image/svg+xml' else 'png'}"
                    images[rel] = e.image
                    out += [f"![{md_escape(e.alt)}]({rel})", ""]
                else:
                    out += [f"*{md_escape(t('portfolio.image_left_out', alt=e.alt))}*", ""]
    return "\n".join(out).rstrip("\n") + "\n", images


def write_portfolio(participant: str | None, folder, out) -> Path:
    """Write the portfolio to ``out``: HTML, or Markdown when it ends in ``.md``
    (images as PNG files in ``<name>-afbeeldingen/`` beside it)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(t("portfolio.no_out_folder", folder=str(out.parent)))
    portfolio = build_portfolio(participant, folder)
    if out.suffix.lower() == ".md":
        image_dir = f"{out.stem}-afbeeldingen"
        text, images = render_markdown(portfolio, image_dir)
        if images:
            (out.parent / image_dir).mkdir(exist_ok=True)
            for rel, data in images.items():
                (out.parent / rel).write_bytes(data)
        out.write_text(text, encoding="utf-8")
    else:
        out.write_text(render_html(portfolio), encoding="utf-8")
    return out
