"""Fixtures shared by the test modules."""

import shutil

import pytest

from lst_kit.paths import data_dir


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private copy of data/ (LST_DATA_DIR points at it), for breaking or
    adding content files on purpose."""
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"
