"""The class overview: read every workbook in a folder and show, per
exercise, the picture of the class (for the discussion in the room).

    lst-kit collect /pad/naar/werkboeken --out klasoverzicht.html [--names]
    lst-kit demo-class /tmp/demoklas --participants 20 --seed 1

Workbooks are only read: never locked, repaired or written. A file that is
not a readable workbook (damaged, or a JSON file of something else) is
skipped and named in the overview. Participants are pseudonymised with a
stable hash of their name ("Deelnemer 3F9A2C") unless names are asked for;
that is pseudonymisation, not anonymisation: whoever knows the names can
recompute the hashes.

Per exercise the picture comes from the ``class_picture`` hook of the module
that serves it (found through the spec's ``type``); an exercise without one
gets a generic count. Each exercise's picture is drawn once for the whole
class.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import readings
from ..paths import steady_content
from ..content.course import group_by_module
from ..i18n import t
from ..registry import SKIP
from ..workbook import EXERCISE_ID, SCHEMA_VERSION, WorkbookError, parse_workbook

__all__ = [
    "ClassOverview",
    "CollectError",
    "class_overview",
    "collect",
    "make_demo_class",
    "pseudonym",
    "read_class",
    "render_overview",
    "write_overview",
]

_SALT = b"lst-kit klasoverzicht v1:"


class CollectError(RuntimeError):
    """A plain Dutch reason why the overview could not be made."""


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class ExercisePicture:
    exercise_id: str
    title: str
    n: int
    known: bool
    lines: list[str]
    image: bytes | None = None  # the picture as SVG (or PNG) bytes
    alt: str = ""
    problem: str = ""


@dataclass
class ClassOverview:
    folder: str
    participants: int
    names: bool
    modules: list[tuple[str, str, list[ExercisePicture]]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def pseudonym(name: str, length: int = 6) -> str:
    """A stable pseudonym: the same name gives the same pseudonym in every run."""
    digest = hashlib.sha256(_SALT + name.encode("utf-8")).hexdigest().upper()
    return t("classroom.pseudonym", code=digest[:length])


def _label_participants(names: list[str], show_names: bool) -> dict[str, str]:
    """Participant name -> label shown; pseudonyms lengthened where two collide."""
    if show_names:
        return {n: n for n in names}
    labels = {n: pseudonym(n) for n in names}
    seen: dict[str, list[str]] = {}
    for name, label in labels.items():
        seen.setdefault(label, []).append(name)
    for label, group in seen.items():
        if len(group) > 1:
            for name in group:
                labels[name] = pseudonym(name, 16)
    return labels


def _workbook_files(folder: Path) -> list[Path]:
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / f for f in sorted(files) if f.endswith(".json") and not f.startswith("."))
    return out


def read_class(folder) -> tuple[dict[str, dict[str, Any]], list[str], list[Skipped]]:
    """Read every ``*.json`` under ``folder`` (read-only).

    Returns ``(answers per exercise id -> {participant: answer}, participants,
    skipped files)``; participants are the names found in the workbooks,
    made unique with their relative path where two files claim the same name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CollectError(t("classroom.no_folder", folder=str(folder)))
    per_exercise: dict[str, dict[str, Any]] = {}
    participants: list[str] = []
    taken: set[str] = set()
    skipped: list[Skipped] = []
    for path in _workbook_files(folder):
        rel = os.path.relpath(path, folder).replace(os.sep, "/")
        try:
            with open(path, "rb") as fh:  # plain read: no lock, no write, no rename
                data = fh.read()
        except OSError as exc:
            skipped.append(Skipped(rel, t("classroom.unreadable", error=exc.strerror or str(exc))))
            continue
        try:
            doc = parse_workbook(data)
        except WorkbookError:
            skipped.append(Skipped(rel, t("classroom.newer", supported=SCHEMA_VERSION)))
            continue
        except (UnicodeDecodeError, json.JSONDecodeError):
            skipped.append(Skipped(rel, t("classroom.damaged")))
            continue
        except (ValueError, TypeError, KeyError):
            skipped.append(Skipped(rel, t("classroom.foreign")))
            continue
        name = doc.get("participant")
        if not isinstance(name, str) or not name.strip():
            name = path.stem
        if name in taken:
            name = f"{name} ({rel})"
        taken.add(name)
        participants.append(name)
        for exercise_id, answer in doc["answers"].items():
            if isinstance(exercise_id, str) and EXERCISE_ID.match(exercise_id):
                per_exercise.setdefault(exercise_id, {})[name] = answer
    return per_exercise, participants, skipped


def _picture(exercise_id: str, answers: dict, with_images: bool) -> ExercisePicture:
    """The class picture of one exercise: its lines and the rendered figure,
    drawn once for the class as SVG (text stays text: sharp when printed).
    Everything about the exercise (its spec, its module) is loaded here, so
    that forked workers share that work too."""
    from ..figures.style import svg_bytes  # matplotlib only for a matplotlib figure

    info = readings.exercise_info(exercise_id)
    fig, lines = readings.class_picture(exercise_id, answers)
    image = None
    if with_images and fig is not None:
        try:
            image = svg_bytes(fig)
        except Exception:  # noqa: BLE001 - a picture that fails to render is left out
            image = None
    return ExercisePicture(
        exercise_id, info.title, len(answers), readings.has_reading(exercise_id, "class_picture"), lines, image=image,
        alt=t("classroom.alt", title=info.title) if image else "",
        problem="" if info.spec is not None else t("classroom.removed"),
    )


_TASKS: list[tuple[str, dict, bool]] = []  # handed to forked workers by inheritance, not by pickling


def _picture_task(index: int) -> tuple[int, ExercisePicture]:
    return index, _picture(*_TASKS[index])


def _workers(requested: int | None, tasks: int) -> int:
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1  # fork shares the loaded answers cheaply, but only a single-threaded process may fork safely
    if requested is not None:
        return max(1, min(requested, tasks))
    if tasks < 3:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8, tasks))


def _pictures(tasks: list[tuple[str, dict, bool]], workers: int) -> list[ExercisePicture]:
    """Every exercise's picture, in parallel processes when that helps."""
    if workers <= 1:
        return [_picture(*task) for task in tasks]
    import multiprocessing

    global _TASKS
    _TASKS = tasks
    results: list = [None] * len(tasks)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for index, picture in pool.imap_unordered(_picture_task, range(len(tasks))):
                results[index] = picture
    except (OSError, RuntimeError):  # no processes to be had: do it here
        return [_picture(*task) for task in tasks]
    finally:
        _TASKS = []
    return results


def collect(folder, names: bool = False, with_images: bool = True, workers: int | None = None) -> ClassOverview:
    """The class overview of every workbook under ``folder``.

    ``workers``: processes for drawing the pictures (default: one per CPU, on
    Linux and in a single-threaded process such as ``lst-kit collect``, where
    forked workers share the loaded answers; elsewhere, or with 1, serially).
    """
    collecting = gc.isenabled()
    gc.disable()  # with a whole class in memory every full collection walks it (60-90 ms each), to find nothing
    try:
        with steady_content():  # specs and cases are read once for the whole class, not once per answer
            return _collect(folder, names, with_images, workers)
    finally:
        if collecting:
            gc.enable()


def _collect(folder, names: bool, with_images: bool, workers: int | None) -> ClassOverview:
    per_exercise, participants, skipped = read_class(folder)
    labels = _label_participants(participants, names)
    overview = ClassOverview(str(folder), len(participants), names, skipped=skipped)
    groups = group_by_module(per_exercise)
    order = sorted(participants, key=labels.__getitem__)  # listed by pseudonym (or name)
    tasks = []
    for _, _, ids in groups:
        for exercise_id in ids:
            given = per_exercise[exercise_id]
            tasks.append((exercise_id, {labels[n]: given[n] for n in order if n in given}, with_images))
    drawn = iter(_pictures(tasks, _workers(workers, len(tasks))))
    for key, title, ids in groups:
        overview.modules.append((key, title, [next(drawn) for _ in ids]))
    return overview


def render_overview(overview: ClassOverview) -> str:
    """The overview as one self-contained HTML page (no scripts, print CSS)."""
    from .render import render

    return render("klasoverzicht.html.j2", o=overview)


def write_overview(folder, out, names: bool = False) -> Path:
    out = Path(out)
    if not out.parent.is_dir():
        raise CollectError(t("classroom.no_out_folder", folder=str(out.parent)))
    html = render_overview(collect(folder, names))
    out.write_text(html, encoding="utf-8")
    return out


# -- demo class -------------------------------------------------------------------------------

def make_demo_class(folder, participants: int, seed: int) -> tuple[list[str], list[str]]:
    """Write ``participants`` invented, varied workbooks covering every
    exercise that has a spec and a ``demo_answer`` hook (through
    :mod:`lst_kit.workbook`). Returns (participant names, exercise ids
    skipped for lack of a hook). Refuses a folder that already holds workbooks."""
    from ..content import exercise_ids
    from ..content.demo import demo_names
    from ..workbook import open_workbook

    folder = Path(folder)
    if participants < 1 or participants > 100_000:
        raise CollectError(t("classroom.demo_count"))
    if folder.exists() and any(folder.glob("*.json")):
        raise CollectError(t("classroom.demo_not_empty", folder=str(folder)))
    folder.mkdir(parents=True, exist_ok=True)
    ids = exercise_ids()
    usable = [e for e in ids if readings.has_reading(e, "demo_answer")]
    missing = [e for e in ids if e not in usable]
    people = demo_names()
    _check_demo_files(usable)  # a broken demo file is named before anything is written
    names: list[str] = []
    taken: set[str] = set()
    name_rng = random.Random(f"{seed}/names")
    for index in range(participants):
        name = people.name(name_rng, taken)
        rng = random.Random(f"{seed}/{index}")
        wb = open_workbook(name, folder)
        for exercise_id in usable:
            if index > 0 and exercise_id != usable[0] and rng.random() < 0.08:
                continue  # not everybody does everything (but every workbook holds something)
            answer = readings.demo_answer(exercise_id, rng)
            if answer is not SKIP:
                wb.save_answer(exercise_id, answer)
        names.append(name)
    return names, missing


def _check_demo_files(exercise_ids: list[str]) -> None:
    """Load the demo prose of every type in the demo class (``data/demo/``):
    a mistake in one is a ContentError naming file and field, raised here
    rather than logged per answer while the exercise quietly drops out."""
    from ..content.demo import demo_sentences, load_demo

    demo_sentences()
    kinds = {readings.exercise_info(e).kind for e in exercise_ids}
    for kind in sorted((k for k in kinds if k is not None and k.has("parse_demo")), key=lambda k: k.name):
        load_demo(kind.name, kind.parse_demo)


# -- the teacher's widget ---------------------------------------------------------------------

def default_class_folder() -> Path:
    """``LST_KLAS_DIR`` if set, else the workbook folder (``LST_WERKBOEK_DIR`` or ``~/LST-werkboek``)."""
    from ..workbook import default_folder

    for var in ("LST_KLAS_DIR", "LST_WERKBOEK_DIR"):
        value = os.environ.get(var)
        if value:
            return Path(value).expanduser()
    return default_folder()


def class_overview(folder=None, names: bool = False):
    """The class overview as a widget for the teacher's notebook: pick a
    folder, show names or pseudonyms, and read the overview in place."""
    from .overview_view import ClassOverviewView
    from ..widgets import build_view

    return build_view(lambda: ClassOverviewView(Path(folder) if folder else default_class_folder(), names))
