"""A class on a real JupyterHub, on loopback: deploy/jupyterhub/jupyterhub_config.py
with configurable-http-proxy from node_modules, the demo (shared-password)
authenticator and a local process spawner.

Three participants log in through the hub's REST API (name and password; the
hub hands out a token), start their servers, and each answers a reflection
question by typing into the real exercise view in their own kernel. The
teacher's server then reads the class folder (``lst_kit.reports.class_overview.collect``
and ``lst-kit collect``) and sees exactly those three workbooks.

Isolation: as root (here and in CI) every participant and the teacher is a
throwaway OS user (useradd, removed again afterwards) and the hub starts each
server as that user (LocalProcessSpawner); the test checks that one
participant's kernel can neither open another's workbook nor list the cohort,
nor write into another's folder, while the teacher's kernel reads them all.
Where the venv's interpreter is out of other users' reach (a pyenv under
/root, as on this machine and in CI), the servers run a small venv of the
system's Python with this venv's packages (``_hub.bridge_python``).
Not as root (or where other OS users cannot run the kit from this checkout),
everyone runs as the same OS account (SimpleLocalProcessSpawner):
then nothing separates the participants' files, and the isolation test is
skipped with that reason; the rest runs the same.

``LST_HUB_TEST_MODE=single`` runs the single-account path also as root.

Bounded in time (HUB_TEST_SECONDS overall); every process it started is
stopped at the end, also after a failure, and checked to be gone.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from _hub import CHP, REPO, Deadline, Hub, bridge_python, remove_tree, run, runs_as

pytestmark = pytest.mark.slow  # a hub, a proxy, four servers and their kernels

HUB_TEST_SECONDS = 180
EXERCISE = "m1.reflectie_wrr"


def _needs():
    if not CHP.exists():
        reason = f"configurable-http-proxy is not installed in {CHP.parent} (make test installs it with npm)"
        if os.environ.get("CI"):
            pytest.fail(reason)  # in CI the hub test must run, not vanish
        pytest.skip(reason)


@pytest.fixture(scope="module")
def hub():
    _needs()
    deadline = Deadline(HUB_TEST_SECONDS)
    base = Path(tempfile.mkdtemp(prefix="lst-hub-test-"))
    base.chmod(0o755)  # the participants' servers run as other users: they must reach their homes
    python, single_because = sys.executable, None
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        single_because = "not root, so no throwaway OS users"
    elif os.environ.get("LST_HUB_TEST_MODE") == "single":  # to try the single-account path as root too
        single_because = "LST_HUB_TEST_MODE=single"
    elif not runs_as("nobody", python):
        try:
            bridge = bridge_python(base)
        except BaseException:
            remove_tree(base)
            raise
        if bridge is not None and runs_as("nobody", bridge):
            python = bridge
        else:
            single_because = f"other OS users cannot run the kit at {REPO} (a folder on the way is closed to them)"
    tag = secrets.token_hex(3)
    users = [f"lst{tag}d{i}" for i in (1, 2, 3)]
    teacher = f"lst{tag}doc"
    group = f"lst{tag}klas"
    created_users: list[str] = []
    created_group = False
    system = single_because is None
    h = Hub(base, "system" if system else "single", users, teacher, group, secrets.token_urlsafe(12), deadline)
    h.python, h.single_because = python, single_because

    def clean_up() -> list[int]:
        left = h.stop()
        for name in created_users:
            subprocess.run(["userdel", "--remove", name], capture_output=True, timeout=30)
        if created_group:
            subprocess.run(["groupdel", group], capture_output=True, timeout=30)
        remove_tree(base)
        return left

    try:
        if system:
            (base / "home").mkdir()
            (base / "home").chmod(0o755)
            run("groupadd", group)
            created_group = True
            for name in [*users, teacher]:
                extra = ["-G", group] if name == teacher else []
                run("useradd", "--create-home", "--home-dir", str(base / "home" / name), "--shell", "/bin/sh",
                    *extra, name)
                created_users.append(name)
        h.start()
    except BaseException:
        clean_up()
        raise
    yield h
    left = clean_up()
    assert left == [], f"processes of the hub test were still running and had to be killed: {left}"


@pytest.fixture(scope="module")
def answered(hub):
    """Everyone logged in and started; each participant answered in their own kernel."""
    for name in [*hub.users, hub.teacher]:
        status, body = hub.login(name)
        assert status in (200, 201), f"login of {name}: {status} {body}"
        hub.start_server(name)
    kernels = {}
    for name in [*hub.users, hub.teacher]:
        hub.wait_ready(name)
        kernels[name] = hub.start_kernel(name)
    texts = {name: f"Antwoord van {name}: de WRR-kritiek geldt nog, zie ons jaarverslag." for name in hub.users}
    saved = {}
    for name in hub.users:
        out = hub.execute(name, kernels[name], f"""
import json, os, lst_kit
view = lst_kit.reflection({EXERCISE!r})
view.text.value = {texts[name]!r}   # what typing in the text box does
view.flush()                       # the save the debounce would do a second later
wb = lst_kit.open_workbook()
print(json.dumps({{"participant": wb.participant, "path": str(wb.path), "answer": wb.answer({EXERCISE!r}),
                  "uid": os.getuid()}}))
""")
        saved[name] = json.loads(out)
    return kernels, texts, saved


def test_a_wrong_password_gets_no_token(hub):
    status, _ = hub.login(hub.users[0], password="niet-het-wachtwoord")
    assert status == 403
    assert hub.users[0] not in hub.tokens


def test_each_participant_saves_into_their_own_class_folder(hub, answered):
    _, texts, saved = answered
    for name in hub.users:
        got = saved[name]
        assert got["participant"] == name  # JUPYTERHUB_USER, set by the hub
        assert got["path"] == str(hub.cohort_dir / name / f"{name}.json")  # LST_WERKBOEK_DIR from the spawner
        assert got["answer"] == {"text": texts[name]}
        on_disk = json.loads((hub.cohort_dir / name / f"{name}.json").read_text(encoding="utf-8"))
        assert on_disk["answers"][EXERCISE] == {"text": texts[name]}
        if hub.mode == "system":
            assert got["uid"] == pwd.getpwnam(name).pw_uid  # the server ran as the participant


def test_each_server_opens_the_course_and_the_teacher_the_overview(hub, answered):
    for name in hub.users:
        assert hub.redirect(f"/user/{name}/", hub.tokens[name]).endswith(
            f"/user/{name}/lab/tree/lst-kit/notebooks/01_functies_van_toezicht.ipynb")
        status, nb = hub.request("GET", f"/user/{name}/api/contents/lst-kit/notebooks/01_functies_van_toezicht.ipynb"
                                 "?content=0", token=hub.tokens[name])
        assert status == 200 and nb["type"] == "notebook"  # copied into the participant's home
    assert hub.redirect(f"/user/{hub.teacher}/", hub.tokens[hub.teacher]).endswith(
        f"/user/{hub.teacher}/lab/tree/lst-kit/exercises/docent_klasoverzicht.ipynb")


def test_the_teacher_sees_exactly_the_three_workbooks(hub, answered):
    kernels, texts, _ = answered
    out = hub.execute(hub.teacher, kernels[hub.teacher], """
import json, os, subprocess, sys
from lst_kit.reports.class_overview import collect, default_class_folder, read_class
folder = os.environ["LST_KLAS_DIR"]
assert str(default_class_folder()) == folder  # what lst_kit.class_overview() in the teacher's notebook reads
overview = collect(folder, names=True, with_images=False, workers=1)
per_exercise, people, skipped = read_class(folder)
cli = subprocess.run([sys.executable, "-m", "lst_kit.cli", "collect", folder, "--out", os.path.expanduser("~/klasoverzicht.html")],
                     capture_output=True, text=True)
print(json.dumps({"folder": folder, "participants": overview.participants, "people": sorted(people),
                  "skipped": [s.path for s in skipped], "answers": per_exercise,
                  "counts": {p.exercise_id: p.n for _, _, pictures in overview.modules for p in pictures},
                  "cli": [cli.returncode, cli.stdout, cli.stderr],
                  "werkboek": os.environ.get("LST_WERKBOEK_DIR", "")}))
""")
    got = json.loads(out)
    assert got["folder"] == str(hub.cohort_dir)
    assert got["participants"] == 3
    assert got["people"] == sorted(hub.users)
    assert got["skipped"] == []
    assert got["answers"] == {EXERCISE: {name: {"text": texts[name]} for name in hub.users}}
    assert got["counts"] == {EXERCISE: 3}
    assert got["cli"][0] == 0, got["cli"]
    assert "3 werkboeken" in got["cli"][1]
    assert got["werkboek"] == ""  # the teacher's own workbook stays out of the class folder


def test_participants_cannot_read_each_other(hub, answered):
    if hub.mode != "system":
        pytest.skip(f"single-account mode ({hub.single_because}): every server runs as the same OS account "
                    "(SimpleLocalProcessSpawner), so nothing separates one participant's workbook from another's")
    kernels, _, _ = answered
    me, other = hub.users[0], hub.users[1]
    target = hub.cohort_dir / other
    out = hub.execute(me, kernels[me], f"""
import json, os
tries = {{}}
def attempt(label, action):
    try:
        action()
        tries[label] = "allowed"
    except PermissionError:
        tries[label] = "refused"
attempt("read", lambda: open({str(target / f"{other}.json")!r}, "rb").read())
attempt("list_other", lambda: os.listdir({str(target)!r}))
attempt("list_cohort", lambda: os.listdir({str(hub.cohort_dir)!r}))
attempt("write_other", lambda: open({str(target / "van-een-ander.json")!r}, "w").close())
attempt("own", lambda: open(os.path.join(os.environ["LST_WERKBOEK_DIR"], {me + ".json"!r}), "rb").read())
print(json.dumps(tries))
""")
    assert json.loads(out) == {"read": "refused", "list_other": "refused", "list_cohort": "refused",
                               "write_other": "refused", "own": "allowed"}
    assert not (target / "van-een-ander.json").exists()


def test_the_class_folder_has_the_documented_owners_and_modes(hub, answered):
    if hub.mode != "system":
        pytest.skip(f"single-account mode ({hub.single_because}): the spawner cannot give folders to participants "
                    "or a teacher group")
    teachers = grp.getgrnam(hub.group).gr_gid
    cohort = hub.cohort_dir.stat()
    assert (cohort.st_uid, cohort.st_gid, stat.S_IMODE(cohort.st_mode)) == (0, teachers, 0o751)
    for name in hub.users:
        uid = pwd.getpwnam(name).pw_uid
        folder = (hub.cohort_dir / name).stat()
        assert (folder.st_uid, folder.st_gid, stat.S_IMODE(folder.st_mode)) == (uid, teachers, 0o2750)
        workbook = (hub.cohort_dir / name / f"{name}.json").stat()
        assert (workbook.st_uid, workbook.st_gid) == (uid, teachers)
        assert stat.S_IMODE(workbook.st_mode) & 0o047 == 0o040  # the teachers read; others nothing
    assert not (hub.cohort_dir / hub.teacher).exists()  # a teacher has no workbook in the class


def test_nbgitpuller_in_a_participants_server_brings_the_course_and_leaves_answers_alone(hub, answered):
    """The git-pull endpoint of nbgitpuller (what a hub-link opens) in a real
    server: the course lands in the participant's home; the workbook is not touched."""
    me = hub.users[0]
    course = hub.base / "cursus"
    (course / "notebooks").mkdir(parents=True)
    (course / "notebooks" / "01_test.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, '
                                                       '"nbformat_minor": 5}\n')
    git = ["git", "-c", "user.name=docent", "-c", "user.email=docent@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "cursus"]):
        subprocess.run([*git, *args], cwd=course, check=True, capture_output=True, timeout=30)
    if hub.mode == "system":  # git refuses a repository owned by someone else ("dubious ownership")
        owner = pwd.getpwnam(me)
        for path in [course, *course.rglob("*")]:
            os.chown(path, owner.pw_uid, owner.pw_gid, follow_symlinks=False)
    workbook = hub.cohort_dir / me / f"{me}.json"
    before = workbook.read_bytes()
    query = urlencode({"repo": str(course), "branch": "main", "targetpath": "cursus"})
    status, body = hub.request_text("GET", f"/user/{me}/git-pull/api?{query}", token=hub.tokens[me], timeout=60)
    assert status == 200 and '"phase": "finished"' in body, body
    status, listing = hub.request("GET", f"/user/{me}/api/contents/cursus/notebooks", token=hub.tokens[me])
    assert status == 200 and [c["name"] for c in listing["content"]] == ["01_test.ipynb"]
    assert workbook.read_bytes() == before
