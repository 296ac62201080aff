"""E6.3 Wat neem je mee? A personal learning plan, pre-filled from the
participant's earlier answers in their workbook, with text areas for personal
goals and next steps (saved as typed, debounced like a reflection). Also the
button that writes the participant's portfolio.

Spec: ``data/exercises/m6/wat_neem_je_mee.yaml`` (type ``learning_plan``)::

    type: learning_plan
    title: "..."
    intro: "..."
    max_lines: 4                     # summary lines shown per earlier exercise
    sections:                        # pre-filled from earlier answers
      - {key: probleem, label: "...", exercises: [m2.sparrow]}
    fields:                          # the participant's own text areas
      - {key: leerdoelen, label: "...", prompt: "...", placeholder: "..."}

Each section uses the ``summarize`` hook of the module that serves its
exercises (found through the spec's ``type``); an exercise that does not exist
yet, or that the participant has not done, shows "nog niet ingevuld in module N".
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets

from ..figures import svgplot
from ..reports.demo import demo_text
from ..content import ContentError, Field, load_spec
from ..errors import InputError
from ..content import module_key
from ..registry import safe_hook
from ..reports.readings import exercise_info
from ..reports.readings import summarize as summarize_answer
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import Debouncer, ErrorBanner, ExerciseFrame, build_view, esc
from ..workbook import EXERCISE_ID, Workbook, WorkbookError, open_workbook
from .reflection import MAX_CHARS, word_count


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class TextField:
    key: str
    label: str
    prompt: str
    placeholder: str


@dataclass(frozen=True)
class PlanSpec:
    exercise_id: str
    title: str
    intro: str
    max_lines: int
    sections: tuple[Section, ...]
    fields: tuple[TextField, ...]


def parse_spec(root: Field, exercise_id: str) -> PlanSpec:
    sections = []
    for n in root.items("sections", 1, 20):
        ids = n.raw("exercises")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 5:
            raise n.fail("exercises", t("content.allowed_list", min=1, max=5), ids)
        for i, value in enumerate(ids):
            if not isinstance(value, str) or not EXERCISE_ID.match(value) or not module_key(value):
                raise ContentError(n.file, f"{n.path}.exercises[{i}]", t("learning_plan.allowed_id"), value)
        sections.append(Section(n.key("key"), n.text("label"), tuple(ids)))
    root.unique("sections", [s.key for s in sections])
    fields = tuple(TextField(n.key("key"), n.text("label"), n.text("prompt"),
                             n.text("placeholder", default="", empty_ok=True))
                   for n in root.items("fields", 1, 6))
    root.unique("fields", [f.key for f in fields])
    return PlanSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                    root.integer("max_lines", 1, 20, default=4), tuple(sections), fields)


def module_number(exercise_id: str) -> str:
    """``m3.risicomatrix`` -> ``3``."""
    return module_key(exercise_id)[1:]


@dataclass(frozen=True)
class Prefill:
    """One pre-filled section: the lines taken over, or why there are none."""

    section: Section
    lines: tuple[str, ...]
    missing: tuple[str, ...]  # exercise ids without an answer

    @property
    def filled(self) -> bool:
        return bool(self.lines)

    def note(self) -> str:
        """The friendly Dutch line shown for what is not there yet."""
        modules = sorted({module_number(e) for e in self.missing}, key=lambda m: int(m) if m.isdigit() else 0)
        return t("learning_plan.not_yet", modules=t("learning_plan.and").join(modules))


def prefill(spec: PlanSpec, answers: dict) -> list[Prefill]:
    """Per section the summary of the earlier answers it draws on (pure: the
    answers come in, lines come out; missing exercises are named)."""
    out = []
    for section in spec.sections:
        lines: list[str] = []
        missing: list[str] = []
        for exercise_id in section.exercises:
            if exercise_id not in answers:
                missing.append(exercise_id)
                continue
            summary = [line for line in summarize_answer(exercise_id, answers[exercise_id]) if line.strip()]
            summary = summary[: spec.max_lines]
            if len(section.exercises) > 1 and summary:
                title = exercise_info(exercise_id).title
                lines.append(f"{title}:")
                lines.extend(f"  {line}" for line in summary)
            else:
                lines.extend(summary)
        out.append(Prefill(section, tuple(lines), tuple(missing)))
    return out


@dataclass
class LearningPlan:
    """The participant's own texts, and the pre-filled sections as last seen."""

    spec: PlanSpec
    texts: dict[str, str] = field(default_factory=dict)
    snapshot: dict[str, dict] = field(default_factory=dict)

    def set_text(self, key: str, text) -> None:
        labels = {f.key: f.label for f in self.spec.fields}
        if key not in labels:
            raise InputError(t("learning_plan.field"), ", ".join(labels), key)
        if not isinstance(text, str):
            raise InputError(labels[key], t("reflection.allowed", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(labels[key], t("reflection.allowed", max=MAX_CHARS),
                             t("reflection.given_chars", n=len(text)))
        self.texts[key] = text

    def take_over(self, prefilled: list[Prefill]) -> None:
        self.snapshot = {
            p.section.key: {"label": p.section.label, "lines": list(p.lines) if p.filled else [p.note()],
                            "filled": p.filled}
            for p in prefilled
        }

    def to_dict(self) -> dict:
        return {"fields": {f.key: self.texts[f.key] for f in self.spec.fields if f.key in self.texts},
                "prefill": self.snapshot}

    @classmethod
    def from_dict(cls, spec: PlanSpec, data) -> "LearningPlan":
        model = cls(spec)
        texts = data.get("fields") if isinstance(data, dict) else None
        for key, text in (texts if isinstance(texts, dict) else {}).items():
            try:
                model.set_text(key, text)
            except InputError:
                pass  # a field the teacher has since removed
        snapshot = data.get("prefill") if isinstance(data, dict) else None
        if isinstance(snapshot, dict):
            model.snapshot = {str(k): v for k, v in snapshot.items() if isinstance(v, dict)}
        return model


def prefill_html(prefilled: list[Prefill]) -> str:
    rows = []
    for p in prefilled:
        if p.filled:
            body = "<br>".join(esc(line).replace("  ", "&nbsp;&nbsp;") for line in p.lines)
            rows.append(f"<dt><b>{esc(p.section.label)}</b></dt><dd style='margin:2px 0 8px 1.5em'>{body}</dd>")
        else:
            rows.append(f"<dt><b>{esc(p.section.label)}</b></dt>"
                        f"<dd style='margin:2px 0 8px 1.5em;color:#555'><i>{esc(p.note())}</i></dd>")
    return f"<dl style='margin:4px 0'>{''.join(rows)}</dl>"


class LearningPlanView(ExerciseFrame):
    def __init__(self, spec: PlanSpec, workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = LearningPlan.from_dict(spec, self.saved())
        self.earlier = widgets.HTML()
        self.refresh_button = widgets.Button(description=t("learning_plan.refresh"), icon="refresh",
                                             tooltip=t("learning_plan.refresh_tip"))
        self.refresh_button.on_click(self.guard(lambda _: self._on_refresh()))
        self.prefilled: list[Prefill] = []
        self._load_earlier()
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.text_areas: dict[str, widgets.Textarea] = {}
        self.counts: dict[str, widgets.HTML] = {}
        rows = []
        for f in spec.fields:
            area = widgets.Textarea(value=self.model.texts.get(f.key, ""), placeholder=f.placeholder or None,
                                    description=f.label, continuous_update=True, rows=6,
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
            area.observe(self.guard(lambda change, key=f.key: self._on_text(key, change["new"])), names="value")
            count = widgets.HTML()
            self.text_areas[f.key] = area
            self.counts[f.key] = count
            self._show_count(f.key)
            rows.append(widgets.VBox([widgets.HTML(f"<p style='margin:8px 0 2px 0'><b>{esc(f.label)}</b>. "
                                                   f"{esc(f.prompt)}</p>"), area, count]))
        heading = widgets.HTML(f"<h4 style='margin:6px 0 2px 0'>{esc(t('learning_plan.earlier'))}</h4>")
        own = widgets.HTML(f"<h4 style='margin:10px 0 2px 0'>{esc(t('learning_plan.own'))}</h4>")
        self.set_body(heading, self.earlier, self.refresh_button, own, *rows)

    def _load_earlier(self) -> None:
        try:
            answers = self.workbook.answers()
        except WorkbookError as exc:
            self.banner.show(str(exc), source="workbook")
            answers = {}
        answers.pop(self.exercise_id, None)
        self.prefilled = prefill(self.spec, answers)
        self.model.take_over(self.prefilled)
        self.earlier.value = prefill_html(self.prefilled)

    def _on_refresh(self) -> None:
        self._load_earlier()
        self.save(self.model.to_dict())

    def _show_count(self, key: str) -> None:
        n = word_count(self.model.texts.get(key, ""))
        self.counts[key].value = f"<span style='color:#555'>{esc(t('reflection.count', n=n))}</span>"

    def _on_text(self, key: str, text) -> None:
        self.model.set_text(key, text)
        self._show_count(key)
        self.indicator.set("pending")
        self._debounce.request()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()


def learning_plan(exercise_id: str = "m6.wat_neem_je_mee", workbook: Workbook | None = None):
    """E6.3 as a widget."""
    return build_view(lambda: LearningPlanView(load_spec(exercise_id, "learning_plan"), workbook))


# -- the portfolio button ---------------------------------------------------------------

def portfolio_path(workbook: Workbook) -> Path:
    """``<workbook folder>/<participant>-portfolio.html``: next to the workbook."""
    return workbook.folder / f"{workbook.participant}-portfolio.html"


class PortfolioButton(widgets.VBox):
    """A button that writes the participant's portfolio next to their workbook
    and shows where it is, with a download link."""

    def __init__(self, workbook: Workbook):
        super().__init__()
        self.add_class("lst-exercise")
        self.workbook = workbook
        self.button = widgets.Button(description=t("portfolio.button"), icon="file-text", button_style="primary",
                                     tooltip=t("portfolio.button_tip"), layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML()
        self.banner = ErrorBanner()
        self.path: Path | None = None
        self.button.on_click(self._on_click)
        self.children = (widgets.HTML(f"<p>{esc(t('portfolio.explain'))}</p>"), self.button, self.result,
                         self.banner)

    def _on_click(self, _=None) -> None:
        from .. import widgets as ui
        from ..reports.portfolio import ExportError, write_portfolio

        try:
            ui.flush_pending()  # text typed in the last second counts too
            out = portfolio_path(self.workbook)
            write_portfolio(self.workbook.participant, self.workbook.folder, out)
        except (ExportError, OSError, WorkbookError, ValueError) as exc:
            self.banner.show(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the participant must not see a traceback
            self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
            return
        self.banner.clear()
        self.path = out
        data = base64.b64encode(out.read_bytes()).decode("ascii")
        self.result.value = (
            f"<p role='status'>{esc(t('portfolio.written', path=str(out)))}<br>"
            f"<a download='{esc(out.name)}' href='data:text/html;base64,{data}'>"
            f"{esc(t('portfolio.download'))}</a> · <small>{esc(t('portfolio.print_hint'))}</small></p>"
        )


def portfolio_button(participant: str | None = None, folder=None):
    """The button that writes this participant's portfolio (HTML) next to their workbook."""
    return build_view(lambda: PortfolioButton(open_workbook(participant, folder)))


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The participant's goals and next steps first, then what was taken over."""
    spec = load_spec(exercise_id, "learning_plan")
    model = LearningPlan.from_dict(spec, answer)
    lines = [f"{f.label}: {' '.join(model.texts[f.key].split())}" for f in spec.fields
             if model.texts.get(f.key, "").strip()]
    for section in spec.sections:
        entry = model.snapshot.get(section.key)
        if isinstance(entry, dict) and entry.get("filled") and isinstance(entry.get("lines"), list):
            taken = "; ".join(" ".join(str(x).split()) for x in entry["lines"])
            lines.append(f"{section.label}: {taken}")
    return lines or [t("learning_plan.empty")]


def plot_answer(exercise_id: str, answer):
    """A learning plan is text: no plot."""
    return None


def plot_class_coverage(spec: PlanSpec, shares: list[float], n: int) -> svgplot.Figure:
    """Per pre-filled section: the share of participants whose plan drew on earlier answers (SVG)."""
    fig = svgplot.Figure(figsize=(8.4, 1.2 + 0.45 * len(spec.sections)))
    ax = fig.add_subplot()
    y = list(range(len(spec.sections)))[::-1]
    ax.barh(y, [100 * s for s in shares], color=PALETTE[0], height=0.55)
    for yi, share in zip(y, shares):
        ax.text(100 * share + 1, yi, f"{round(100 * share)}%", va="center", fontsize=8)  # SVG drops a leading space
    ax.set_yticks(y, [s.label for s in spec.sections], fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel(t("learning_plan.class_axis", n=n))
    fig.suptitle(t("learning_plan.class_title"), fontweight="bold", fontsize=11)
    style_axes(ax)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The goals and next steps listed by pseudonym, and how often each section could be pre-filled."""
    spec = load_spec(exercise_id, "learning_plan")
    models = {who: LearningPlan.from_dict(spec, a) for who, a in answers.items()}
    if not models:
        return None, [t("hooks.nobody")]
    lines = [t("learning_plan.class_intro", n=len(models))]
    for f in spec.fields:
        for who, model in models.items():
            text = " ".join(model.texts.get(f.key, "").split())
            if text:
                lines.append(f"{who} · {f.label}: {text}")
    with_snapshot = [m for m in models.values() if m.snapshot]
    fig = None
    if with_snapshot:
        shares = [sum(1 for m in with_snapshot if m.snapshot.get(s.key, {}).get("filled")) / len(with_snapshot)
                  for s in spec.sections]
        fig = plot_class_coverage(spec, shares, len(with_snapshot))
    return fig, lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Invented goals and next steps (the pre-filled part is computed when the plan is opened)."""
    spec = load_spec(exercise_id, "learning_plan")
    model = LearningPlan(spec)
    for f in spec.fields:
        if rng.random() < 0.9:
            model.set_text(f.key, demo_text(_py_random(rng), (1, 3)))
    return model.to_dict()


def _py_random(rng):
    """TRANSITIONAL: the numpy generator of the old demo hooks as a random.Random."""
    import random

    return rng if isinstance(rng, random.Random) else random.Random(int(rng.integers(2**62)))
