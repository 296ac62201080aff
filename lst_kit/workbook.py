"""The participant's workbook: every answer, saved at once, never lost.

One JSON file per participant in the workbook folder::

    {"schema_version": 1, "participant": "anna", "answers": {"m1.tijdlijn": {...}}}

Each save takes a lock, re-reads the file, changes one key, writes a
temporary file, fsyncs it and renames it over the old one, so two kernels of
the same participant never overwrite each other's answers and a killed
process never leaves half a file. After every save a copy of the same
content is written to ``<name>.json.bak``: the last good copy. A file that
cannot be read is never overwritten: its bytes are moved aside to
``<name>.json.beschadigd-<hash>`` and work continues from the last good copy.
"""

from __future__ import annotations

import copy
import getpass
import hashlib
import json
import math
import os
import re
import secrets
from pathlib import Path
from typing import Any

from . import web
from .i18n import t
from .workbook_lock import Release, workbook_lock

__all__ = [
    "SCHEMA_VERSION",
    "Workbook",
    "WorkbookError",
    "default_folder",
    "open_workbook",
    "parse_workbook",
    "resolve_participant",
    "set_participant_name",
]

SCHEMA_VERSION = 1

#: Exercise ids are stable strings such as ``m3.risicomatrix``.
EXERCISE_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*(\.[a-z0-9][a-z0-9_\-]*)*$")
_FORBIDDEN_NAME_CHARS = set('/\\\0<>:"|?*')
_LOCK_TIMEOUT_S = 15.0
_UNREAD = object()  # cache key before the first read

# Upgrades from an older schema_version to the next one: {old: function}.
# Version 1 is the first published format, so the table is empty for now;
# _upgrade() runs whatever is registered here, in order.
UPGRADES: dict[int, Any] = {}


class WorkbookError(RuntimeError):
    """A workbook problem with a plain Dutch message for the participant."""


def default_folder() -> Path:
    """The folder used when neither the argument nor LST_WERKBOEK_DIR is set.

    ``~/LST-werkboek``: in the participant's home folder, where they (and on
    JupyterHub, the persistent home volume) can find it. In the browser
    (JupyterLite) the home folder vanishes on reload: there it is
    ``/drive/LST-werkboek``, in the browser's storage.
    """
    if web.in_browser():
        return web.default_folder()
    return Path.home() / "LST-werkboek"


def _check_participant(name: Any) -> str:
    if not isinstance(name, str):
        raise ValueError(t("workbook.name_invalid", name=repr(name)))
    bad = (
        name.strip() == ""
        or name != name.strip()
        or len(name) > 100
        or ".." in name
        or name.startswith(".")
        or any(ch in _FORBIDDEN_NAME_CHARS or ord(ch) < 32 for ch in name)
        or os.path.isabs(name)
    )
    if bad:
        raise ValueError(t("workbook.name_invalid", name=repr(name)))
    return name


def resolve_participant(participant: str | None = None, folder: str | os.PathLike | None = None) -> str:
    """The argument, else JUPYTERHUB_USER, else LST_DEELNEMER, else (in the
    browser) the name chosen with :func:`set_participant_name`, else the OS
    user (``web_user`` in the browser)."""
    if participant is None:
        participant = (
            os.environ.get("JUPYTERHUB_USER")
            or os.environ.get("LST_DEELNEMER")
            or (_chosen_name(_resolve_folder(folder)) if web.in_browser() else None)
            or getpass.getuser()
        )
    return _check_participant(participant)


def _resolve_folder(folder: str | os.PathLike | None) -> Path:
    if folder is not None:
        return Path(folder)
    env = os.environ.get("LST_WERKBOEK_DIR")
    return Path(env).expanduser() if env else default_folder()


def _chosen_name(folder: Path) -> str | None:
    """The name kept in the workbook folder, or None (missing or unusable)."""
    try:
        name = (folder / web.NAME_FILE).read_text(encoding="utf-8").strip()
        return _check_participant(name)
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _check_json(value: Any, where: str = "waarde") -> None:
    """Refuse anything that would not come back from JSON exactly as given."""
    if value is None or isinstance(value, (bool, str)):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(t("workbook.value_not_finite", where=where, value=repr(value)))
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_json(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(t("workbook.key_not_text", where=where, key=repr(key)))
            _check_json(item, f"{where}[{key!r}]")
        return
    raise TypeError(t("workbook.value_not_json", where=where, kind=type(value).__name__))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: Mode of a new workbook file before the umask: the owner writes, the group
#: reads, others get nothing. On JupyterHub the participant's folder is setgid
#: to the teachers' group, so the teacher's overview can read it (see
#: deploy/jupyterhub/jupyterhub_config.py); mkstemp's fixed 0600 would hide it.
FILE_MODE = 0o640


def _create_temp(path: Path) -> tuple[int, str]:
    """A new, unique temporary file beside ``path``, created with FILE_MODE."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, FILE_MODE), tmp
        except FileExistsError:
            continue
    raise FileExistsError(str(path.parent))


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _encode(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _upgrade(doc: dict) -> dict:
    version = doc["schema_version"]
    while version < SCHEMA_VERSION:
        doc = UPGRADES[version](doc)
        version += 1
        doc["schema_version"] = version
    return doc


def parse_workbook(data: bytes) -> dict:
    """Parse workbook bytes (read-only: for tools such as collect and export
    that read workbooks without opening them); upgraded to the current
    schema. Raises ValueError (or JSONDecodeError / UnicodeDecodeError) when
    the bytes are not a workbook, WorkbookError when the schema is newer."""
    doc = json.loads(data.decode("utf-8"))
    if not isinstance(doc, dict):
        raise ValueError("geen JSON-object")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("schema_version ontbreekt of is ongeldig")
    if version > SCHEMA_VERSION:
        raise WorkbookError(t("workbook.newer_version", version=version, supported=SCHEMA_VERSION))
    if not isinstance(doc.get("answers"), dict):
        raise ValueError("answers ontbreekt of is geen object")
    return _upgrade(doc)


class Workbook:
    """One participant's answers, kept in ``<folder>/<participant>.json``."""

    def __init__(self, participant: str, folder: Path):
        self.participant = _check_participant(participant)
        self.folder = Path(folder)
        self.path = self.folder / f"{self.participant}.json"
        self.backup_path = self.folder / f"{self.participant}.json.bak"
        self._lock = workbook_lock(self.folder / f".{self.participant}.json.lock")
        self._cache_key: object = _UNREAD
        self._cache: dict = {}
        #: Plain Dutch messages about recoveries, for the participant.
        self.notices: list[str] = []

    def __repr__(self) -> str:
        return f"Workbook(participant={self.participant!r}, path={str(self.path)!r})"

    # -- reading ---------------------------------------------------------
    def _stat_key(self) -> tuple | None:
        try:
            st = self.path.stat()
        except OSError:  # missing, or the folder is not usable (reported when locking)
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _read_locked(self) -> dict:
        """Read the file (lock held). Quarantine a damaged one and recover."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return self._recover(None)
        try:
            return parse_workbook(data)
        except WorkbookError:
            raise
        except (ValueError, UnicodeDecodeError):
            return self._recover(data)

    def _recover(self, damaged: bytes | None) -> dict:
        """Move damaged bytes aside and continue from the last good copy."""
        if damaged is not None:
            digest = hashlib.sha256(damaged).hexdigest()[:12]
            aside = self.folder / f"{self.participant}.json.beschadigd-{digest}"
            if aside.exists():
                self.path.unlink()  # exactly these bytes are already kept aside
            else:
                os.replace(self.path, aside)
            _fsync_dir(self.folder)
        doc = None
        try:
            doc = parse_workbook(self.backup_path.read_bytes())
        except FileNotFoundError:
            pass
        except (ValueError, UnicodeDecodeError):
            doc = None
        if damaged is not None:
            key = "workbook.recovered_from_backup" if doc is not None else "workbook.recovered_empty"
            self.notices.append(t(key, aside=aside.name))
        if doc is None:
            doc = {"schema_version": SCHEMA_VERSION, "participant": self.participant, "answers": {}}
        elif damaged is not None:
            _atomic_write(self.path, _encode(doc))
        return doc

    def _load(self) -> dict:
        key = self._stat_key()
        if key is not None and key == self._cache_key:
            return self._cache
        with self._locked():
            doc = self._read_locked()
            self._remember(doc)
        return doc

    def _remember(self, doc: dict) -> None:
        self._cache = doc
        self._cache_key = self._stat_key()

    def _locked(self):
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkbookError(t("workbook.folder_unusable", folder=str(self.folder), error=str(exc))) from exc
        if not self._lock.acquire(timeout=_LOCK_TIMEOUT_S):
            raise WorkbookError(t("workbook.lock_timeout", path=str(self.path)))
        return Release(self._lock)

    def answer(self, exercise_id: str, default: Any = None) -> Any:
        """The saved answer of one exercise (a copy), or ``default``."""
        _check_exercise_id(exercise_id)
        answers = self._load()["answers"]
        if exercise_id not in answers:
            return default
        return copy.deepcopy(answers[exercise_id])

    def answers(self) -> dict[str, Any]:
        """All saved answers, by exercise id (a copy)."""
        return copy.deepcopy(self._load()["answers"])

    # -- writing ---------------------------------------------------------
    def save_answer(self, exercise_id: str, value: Any) -> None:
        """Save one answer. On return it is on disk (fsynced), merged with
        whatever other kernels saved meanwhile."""
        _check_exercise_id(exercise_id)
        _check_json(value)
        encoded_value = json.loads(json.dumps(value))  # an independent copy
        with self._locked():
            doc = self._read_locked()
            doc["answers"][exercise_id] = encoded_value
            doc["participant"] = self.participant
            doc["schema_version"] = SCHEMA_VERSION
            data = _encode(doc)
            _atomic_write(self.path, data)
            self._remember(doc)
            _atomic_write(self.backup_path, data)

    def export_bytes(self) -> bytes:
        """The workbook as a file to download: the saved answers, encoded as on disk."""
        doc = self._load()
        return _encode({"schema_version": SCHEMA_VERSION, "participant": self.participant,
                        "answers": copy.deepcopy(doc["answers"])})

    def import_bytes(self, data: bytes) -> tuple[int, Path | None]:
        """Continue from an uploaded workbook: its answers replace the current
        ones. The upload passes the same checks as every save (a workbook,
        not newer than this kit, valid exercise ids, plain JSON values), else
        ValueError/WorkbookError and nothing changes. The current workbook is
        never lost: its bytes are first kept as
        ``<name>.json.voor-upload-<hash>``. Returns (number of answers, that
        backup or None when there was nothing to keep)."""
        try:
            doc = parse_workbook(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValueError(t("transfer.not_a_workbook", error=str(exc))) from None
        for exercise_id, value in doc["answers"].items():
            _check_exercise_id(exercise_id)
            _check_json(value, exercise_id)
        answers = json.loads(json.dumps(doc["answers"]))
        with self._locked():
            kept = None
            try:
                current = self.path.read_bytes()
            except FileNotFoundError:
                current = None
            if current is not None:
                digest = hashlib.sha256(current).hexdigest()[:12]
                kept = self.folder / f"{self.participant}.json.voor-upload-{digest}"
                if not kept.exists():
                    _atomic_write(kept, current)
            new = {"schema_version": SCHEMA_VERSION, "participant": self.participant, "answers": answers}
            encoded = _encode(new)
            _atomic_write(self.path, encoded)
            self._remember(new)
            _atomic_write(self.backup_path, encoded)
        return len(answers), kept


def _check_exercise_id(exercise_id: Any) -> None:
    if not isinstance(exercise_id, str) or not EXERCISE_ID.match(exercise_id) or len(exercise_id) > 120:
        raise ValueError(t("workbook.exercise_id_invalid", given=repr(exercise_id)))


def open_workbook(participant: str | None = None, folder: str | os.PathLike | None = None) -> Workbook:
    """Open (or start) a participant's workbook.

    Folder: the argument, else ``LST_WERKBOEK_DIR``, else ``~/LST-werkboek``.
    Participant: the argument, else ``JUPYTERHUB_USER``, else ``LST_DEELNEMER``,
    else the OS user. A name that could leave the folder is refused with a
    Dutch ``ValueError`` and nothing is written.
    """
    folder = _resolve_folder(folder)
    return Workbook(resolve_participant(participant, folder), folder)


def set_participant_name(name: str, folder: str | os.PathLike | None = None) -> Workbook:
    """Keep the participant's own name in the workbook folder (the browser's
    answer to an OS user that is always ``web_user``) and return their
    workbook under that name.

    Answers given before under the old name move along when the new name has
    no workbook yet; an existing workbook under the new name is never
    overwritten (then the old one stays where it is, untouched).
    """
    name = _check_participant(name.strip() if isinstance(name, str) else name)
    folder = _resolve_folder(folder)
    old = open_workbook(folder=folder)
    new = Workbook(name, folder)
    if old.participant != name and old.path.exists() and not new.path.exists():
        with new._locked(), old._locked():
            doc = old._read_locked()
            doc["participant"] = name
            data = _encode(doc)
            _atomic_write(new.path, data)
            _atomic_write(new.backup_path, data)
            for path in (old.path, old.backup_path):
                path.unlink(missing_ok=True)
            _fsync_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write(folder / web.NAME_FILE, (name + "\n").encode("utf-8"))
    return new
