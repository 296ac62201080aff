"""Test set-up shared by pytest and nbval (the kernels nbval starts inherit
this environment): workbooks go to a temporary folder, never into the repo.

Tests under tests/ run on their own fixture course (tests/conftest.py sets
LST_DATA_DIR); notebooks (nbval) and the browser tests run the shipped
notebooks on the shipped content, data/.
"""

import os
import tempfile
from pathlib import Path

_WORKBOOKS = tempfile.mkdtemp(prefix="lst-werkboek-test-")
os.environ["LST_WERKBOEK_DIR"] = _WORKBOOKS
os.environ["LST_DEELNEMER"] = "testdeelnemer"
os.environ.pop("JUPYTERHUB_USER", None)
os.environ.pop("LST_LANG", None)
os.environ.pop("LST_DATA_DIR", None)
os.environ["MPLBACKEND"] = "Agg"

_ROOT = Path(__file__).resolve().parent
_FIXTURE_COURSE = _ROOT / "tests" / "fixtures" / "course" / "data"
_SHIPPED_ITEMS = (_ROOT / "notebooks", _ROOT / "exercises", _ROOT / "tests" / "browser")


def pytest_runtest_setup(item):
    """Shipped content for nbval and browser tests, the fixture course for the rest."""
    path = Path(str(item.fspath)).resolve()
    if any(path.is_relative_to(root) for root in _SHIPPED_ITEMS):
        os.environ.pop("LST_DATA_DIR", None)
    else:
        os.environ["LST_DATA_DIR"] = str(_FIXTURE_COURSE)
