"""Fixtures shared by the test modules.

The tests run on content of their own, ``tests/fixtures/course`` (a complete
course as the tests expect it), never on ``data/``, which teachers are told
to edit: a teacher's valid change must not turn ``make test`` red. Only the
tests that check the shipped content itself (and nbval and the browser tests,
which run the shipped notebooks) read ``data/``; see the root conftest.py.
"""

import os
import shutil
from pathlib import Path

import pytest

from lst_kit.paths import data_dir

FIXTURE_COURSE = Path(__file__).resolve().parent / "fixtures" / "course" / "data"
SHIPPED_COURSE = Path(__file__).resolve().parent.parent / "data"

# Set at import, so code that runs while test modules are collected sees it too.
os.environ["LST_DATA_DIR"] = str(FIXTURE_COURSE)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private copy of the fixture course (LST_DATA_DIR points at it), for
    breaking or adding content files on purpose."""
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def shipped(monkeypatch):
    """The course as shipped in data/, for tests of properties every valid
    course has (never exact texts or counts a teacher may change)."""
    monkeypatch.setenv("LST_DATA_DIR", str(SHIPPED_COURSE))
    return SHIPPED_COURSE
