"""Workbook files are created 0640 minus the umask (not mkstemp's fixed 0600):
on JupyterHub the teachers' group must be able to read them (see
deploy/jupyterhub/jupyterhub_config.py), and others never can."""

import os
import stat

import pytest

from lst_kit.workbook import open_workbook


@pytest.mark.parametrize("umask, expected", [(0o022, 0o640), (0o027, 0o640), (0o077, 0o600), (0o002, 0o640)])
def test_workbook_and_backup_modes_follow_the_umask(tmp_path, umask, expected):
    old = os.umask(umask)
    try:
        wb = open_workbook("anna", tmp_path)
        wb.save_answer("m1.reflectie", {"text": "eerste"})
        wb.save_answer("m1.reflectie", {"text": "tweede"})  # replaced by rename: the new file's mode counts
    finally:
        os.umask(old)
    assert stat.S_IMODE(wb.path.stat().st_mode) == expected
    assert stat.S_IMODE(wb.backup_path.stat().st_mode) == expected
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
