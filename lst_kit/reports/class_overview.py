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
from ..content.problems import course_problems
from ..i18n import t
from ..registry import SKIP
from ..workbook import EXERCISE_ID, SCHEMA_VERSION, WorkbookError, parse_workbook

__all__ = [
    "ClassOverview",
    "ClassState",
    "CollectError",
    "class_overview",
    "collect",
    "label_participants",
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
    problems: list[str] = field(default_factory=list)  # broken case/spec files, one line each (Dutch)


def pseudonym(name: str, length: int = 6) -> str:
    """A stable pseudonym: the same name gives the same pseudonym in every run."""
    digest = hashlib.sha256(_SALT + name.encode("utf-8")).hexdigest().upper()
    return t("classroom.pseudonym", code=digest[:length])


def label_participants(names: list[str], show_names: bool) -> dict[str, str]:
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


def _workbook_files(folder: Path) -> list[tuple[str, str]]:
    """``(path relative to folder with /, full path)`` of every ``*.json``
    under ``folder``, hidden files and folders left out (plain strings: a
    live refresh walks the whole folder every few seconds)."""
    out = []
    base = str(folder)
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, base)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        out.extend((prefix + f, os.path.join(root, f)) for f in sorted(files)
                   if f.endswith(".json") and not f.startswith("."))
    return out


@dataclass
class _File:
    """One file of the class folder as last read: its stat, and its
    participant and answers (or why it was skipped)."""

    stat: tuple[int, int, int]  # (mtime_ns, size, inode): a save replaces the file, so all three change
    name: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    problem: str = ""


def _stat_key(st: os.stat_result) -> tuple[int, int, int]:
    return st.st_mtime_ns, st.st_size, st.st_ino


def _read_file(path: str, stat: tuple[int, int, int]) -> _File:
    """Read and parse one file (plain read: no lock, no write, no rename)."""
    try:
        with open(path, "rb") as fh:
            stat = _stat_key(os.fstat(fh.fileno()))  # the stat of the bytes read, should the file change meanwhile
            data = fh.read()
    except OSError as exc:
        return _File(stat, problem=t("classroom.unreadable", error=exc.strerror or str(exc)))
    try:
        doc = parse_workbook(data)
    except WorkbookError:
        return _File(stat, problem=t("classroom.newer", supported=SCHEMA_VERSION))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _File(stat, problem=t("classroom.damaged"))
    except (ValueError, TypeError, KeyError):
        return _File(stat, problem=t("classroom.foreign"))
    name = doc.get("participant")
    if not isinstance(name, str) or not name.strip():
        name = os.path.splitext(os.path.basename(path))[0]
    answers = {k: v for k, v in doc["answers"].items() if isinstance(k, str) and EXERCISE_ID.match(k)}
    return _File(stat, name, answers)


class ClassState:
    """What one look at a class folder keeps for the next: per file its stat
    and parsed answers, per exercise its picture and the answers that went
    into it. A file whose stat has not changed is not read again; a picture
    whose answers are the same is not drawn again. ``collect`` starts from
    an empty state, the live overview keeps one: the same code either way.
    """

    def __init__(self, folder):
        self.folder = Path(folder)
        self.files: dict[str, _File] = {}
        self.pictures: dict[str, tuple[tuple, ExercisePicture]] = {}
        self.reads = 0  # files read and parsed, and pictures drawn, since the state was made
        self.draws = 0

    def read(self) -> tuple[dict[str, dict[str, Any]], list[str], list[Skipped]]:
        """See :func:`read_class`; unchanged files come from the state."""
        folder = self.folder
        if not folder.is_dir():
            raise CollectError(t("classroom.no_folder", folder=str(folder)))
        files: dict[str, _File] = {}
        for rel, path in _workbook_files(folder):
            try:
                stat = _stat_key(os.stat(path))
            except OSError as exc:
                files[rel] = _File((0, 0, 0), problem=t("classroom.unreadable", error=exc.strerror or str(exc)))
                continue
            known = self.files.get(rel)
            if known is None or known.stat != stat:
                known = _read_file(path, stat)
                self.reads += 1
            files[rel] = known
        self.files = files  # files that went away are forgotten
        per_exercise: dict[str, dict[str, Any]] = {}
        participants: list[str] = []
        taken: set[str] = set()
        skipped: list[Skipped] = []
        for rel, file in files.items():
            if file.name is None:
                skipped.append(Skipped(rel, file.problem))
                continue
            name = file.name if file.name not in taken else f"{file.name} ({rel})"
            taken.add(name)
            participants.append(name)
            for exercise_id, answer in file.answers.items():
                per_exercise.setdefault(exercise_id, {})[name] = answer
        return per_exercise, participants, skipped

    def overview(self, names: bool = False, with_images: bool = True, workers: int | None = None) -> ClassOverview:
        """The class overview as it is now; only what changed is read and drawn."""
        with steady_content():  # specs and cases are read once for the whole class, not once per answer
            per_exercise, participants, skipped = self.read()
            labels = label_participants(participants, names)
            overview = ClassOverview(str(self.folder), len(participants), names, skipped=skipped)
            overview.problems = [str(p) for p in course_problems()]  # broken case/spec files, named at the top
            groups = group_by_module(per_exercise)
            order = sorted(participants, key=labels.__getitem__)  # listed by pseudonym (or name)
            keys, tasks = {}, []
            for _, _, ids in groups:
                for exercise_id in ids:
                    given = per_exercise[exercise_id]
                    answers = {labels[n]: given[n] for n in order if n in given}
                    keys[exercise_id] = (with_images, answers)
                    known = self.pictures.get(exercise_id)
                    if known is None or known[0] != keys[exercise_id]:  # unchanged answers compare by identity
                        tasks.append((exercise_id, answers, with_images))
            for picture in _pictures(tasks, _workers(workers, len(tasks))):
                self.pictures[picture.exercise_id] = (keys[picture.exercise_id], picture)
            self.draws += len(tasks)
            for exercise_id in [e for e in self.pictures if e not in keys]:
                del self.pictures[exercise_id]
            for key, title, ids in groups:
                overview.modules.append((key, title, [self.pictures[e][1] for e in ids]))
        return overview


def read_class(folder) -> tuple[dict[str, dict[str, Any]], list[str], list[Skipped]]:
    """Read every ``*.json`` under ``folder`` (read-only).

    Returns ``(answers per exercise id -> {participant: answer}, participants,
    skipped files)``; participants are the names found in the workbooks,
    made unique with their relative path where two files claim the same name.
    """
    return ClassState(folder).read()


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
        problem="" if info.spec is not None else (
            t("classroom.removed") if info.problem == t("hooks.no_spec") else t("classroom.broken", problem=info.problem)),
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
    return ClassState(folder).overview(names, with_images, workers)


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
    ids = exercise_ids()
    usable = [e for e in ids if readings.has_reading(e, "demo_answer")]
    missing = [e for e in ids if e not in usable]
    people = demo_names()
    _check_demo_files(usable)  # a broken demo file is named before anything is written
    folder.mkdir(parents=True, exist_ok=True)
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


def class_overview(folder=None, names: bool = False, live: bool = False, refresh: float = 5):
    """The class overview as a widget for the teacher's notebook: pick a
    folder, show names or pseudonyms, and read the overview in place.

    ``live=True``: in a kernel it refreshes by itself every ``refresh``
    seconds (only the workbooks and pictures that changed), until the
    widget is closed; ``refresh()`` on the widget does the same by hand."""
    from .overview_view import ClassOverviewView
    from ..widgets import build_view

    return build_view(lambda: ClassOverviewView(Path(folder) if folder else default_class_folder(), names,
                                                live=live, refresh=refresh))
