"""lst_kit.hub_link and ``lst-kit hub-link``: the nbgitpuller link, and what
nbgitpuller (the real package) does to a participant's edited notebook when
the teacher publishes a fix, as the README promises."""

import json
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

from lst_kit.cli import main
from lst_kit.hub_link import git_pull_path, hub_link, target_folder

REPO_URL = "https://github.com/academie/lst-kit.git"


def test_link_has_nbgitpullers_format():
    link = hub_link("https://hub.academie.nl/", REPO_URL, "cohort-2027")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.academie.nl", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {
        "repo": [REPO_URL],
        "branch": ["cohort-2027"],
        "urlpath": ["lab/tree/lst-kit/notebooks/01_functies_van_toezicht.ipynb"],
        "targetPath": ["lst-kit"],
    }


def test_hub_under_a_path_and_own_folder_and_notebook():
    link = hub_link("https://academie.nl/jupyter", "git@example.org:academie/cursus", urlpath="lab/tree/x/a.ipynb",
                    target_path="x")
    assert link.startswith("https://academie.nl/jupyter/hub/user-redirect/git-pull?")
    assert parse_qs(urlsplit(link).query)["targetPath"] == ["x"]
    assert target_folder("git@example.org:academie/cursus") == "cursus"
    assert git_pull_path("https://e.org/a/b", "main").startswith("/git-pull?repo=https%3A%2F%2Fe.org%2Fa%2Fb&branch=main")


@pytest.mark.parametrize("hub, repo, branch", [
    ("hub.academie.nl", REPO_URL, "main"),          # no scheme
    ("ftp://hub.academie.nl", REPO_URL, "main"),
    ("https://hub.academie.nl/?x=1", REPO_URL, "main"),
    ("https://hub.academie.nl", "", "main"),
    ("https://hub.academie.nl", "https://e.org/a b", "main"),
    ("https://hub.academie.nl", REPO_URL, " "),
])
def test_bad_input_is_refused_in_dutch(hub, repo, branch):
    with pytest.raises(ValueError, match="kan niet"):
        hub_link(hub, repo, branch)


def test_cli_prints_the_link(capsys):
    assert main(["hub-link", "https://hub.academie.nl", REPO_URL, "--branch", "b1",
                 "--notebook", "exercises/docent_klasoverzicht.ipynb"]) == 0
    link = capsys.readouterr().out.strip()
    assert link == hub_link("https://hub.academie.nl", REPO_URL, "b1",
                            "lab/tree/lst-kit/exercises/docent_klasoverzicht.ipynb", "lst-kit")
    assert main(["hub-link", "hub.academie.nl", REPO_URL]) == 2
    assert "volledig adres" in capsys.readouterr().err


# -- nbgitpuller's merge, as the README describes it ------------------------------------------------

def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=docent", "-c", "user.email=docent@example.org", *args], cwd=cwd,
                   check=True, capture_output=True, timeout=30)


def _notebook(lines):
    return json.dumps({"cells": [{"cell_type": "markdown", "id": f"c{i}", "metadata": {}, "source": [line]}
                                 for i, line in enumerate(lines)],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def _pull(url, target):
    from nbgitpuller.pull import GitPuller

    for _ in GitPuller(url, str(target), branch="main", depth=0).pull():
        pass


# nbgitpuller's execute_cmd leaves the pipe of a finished git command to the garbage collector
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.slow  # runs git
def test_nbgitpuller_keeps_the_participants_edit_and_brings_the_fix(tmp_path):
    pytest.importorskip("nbgitpuller")
    teacher = tmp_path / "cursus"
    (teacher / "notebooks").mkdir(parents=True)
    nb = teacher / "notebooks" / "01.ipynb"
    nb.write_text(_notebook(["Titel", "Opdracht: lees de tekst", "Bron: WRR 2013"]))
    (teacher / "notebooks" / "02.ipynb").write_text(_notebook(["Module 2"]))
    _git(teacher, "init", "-q", "-b", "main")
    _git(teacher, "add", ".")
    _git(teacher, "commit", "-q", "-m", "cursus")

    home = tmp_path / "home" / "cursus"
    _pull(teacher.as_uri(), home)
    mine = home / "notebooks" / "01.ipynb"
    # the participant writes in a cell, and deletes module 2 to start it over
    mine.write_text(mine.read_text().replace("Opdracht: lees de tekst", "Opdracht: lees de tekst. MIJN AANTEKENING"))
    (home / "notebooks" / "02.ipynb").unlink()
    # the teacher fixes the same cell differently and another cell, and adds a notebook
    nb.write_text(_notebook(["Titel", "Opdracht: lees de hele tekst", "Bron: WRR-rapport 89 (2013)"]))
    (teacher / "notebooks" / "03.ipynb").write_text(_notebook(["Module 3"]))
    _git(teacher, "add", ".")
    _git(teacher, "commit", "-q", "-m", "fix")

    _pull(teacher.as_uri(), home)
    cells = ["".join(c["source"]) for c in json.loads(mine.read_text())["cells"]]
    assert cells == ["Titel", "Opdracht: lees de tekst. MIJN AANTEKENING", "Bron: WRR-rapport 89 (2013)"]
    assert (home / "notebooks" / "02.ipynb").exists()  # deleted by the participant: back from the course
    assert (home / "notebooks" / "03.ipynb").exists()  # new in the course
