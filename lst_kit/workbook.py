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

from filelock import FileLock, Timeout

from .i18n import t

__all__ = [
    "SCHEMA_VERSION",
    "Workbook",
    "WorkbookError",
    "default_folder",
    "open_workbook",
    "parse_workbook",
    "resolve_participant",
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
    JupyterHub, the persistent home volume) can find it.
    """
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


def resolve_participant(participant: str | None = None) -> str:
    """The argument, else JUPYTERHUB_USER, else LST_DEELNEMER, else the OS user."""
    if participant is None:
        participant = (
            os.environ.get("JUPYTERHUB_USER")
            or os.environ.get("LST_DEELNEMER")
            or getpass.getuser()
        )
    return _check_participant(participant)


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
        self._lock = FileLock(str(self.folder / f".{self.participant}.json.lock"), timeout=_LOCK_TIMEOUT_S)
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
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise WorkbookError(t("workbook.lock_timeout", path=str(self.path))) from exc
        return _Release(self._lock)

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


class _Release:
    def __init__(self, lock: FileLock):
        self._lock = lock

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._lock.release()


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
    name = resolve_participant(participant)
    if folder is None:
        env = os.environ.get("LST_WERKBOEK_DIR")
        folder = Path(env).expanduser() if env else default_folder()
    return Workbook(name, Path(folder))
