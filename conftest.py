"""Test set-up shared by pytest and nbval (the kernels nbval starts inherit
this environment): workbooks go to a temporary folder, never into the repo."""

import os
import tempfile

_WORKBOOKS = tempfile.mkdtemp(prefix="lst-werkboek-test-")
os.environ["LST_WERKBOEK_DIR"] = _WORKBOOKS
os.environ["LST_DEELNEMER"] = "testdeelnemer"
os.environ.pop("JUPYTERHUB_USER", None)
os.environ.pop("LST_LANG", None)
os.environ.pop("LST_DATA_DIR", None)
os.environ["MPLBACKEND"] = "Agg"
