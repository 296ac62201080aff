# JupyterHub for one class on one machine (The Littlest JupyterHub style):
# JupyterHub + configurable-http-proxy, one Jupyter server per participant,
# the lst-kit installed in the environment JupyterHub itself runs from.
#
#     jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# `make hub` runs it on 127.0.0.1 with demo accounts (see the README, "Een klas
# op JupyterHub"); tests/hub/test_hub_smoke.py runs it with throwaway OS users.
# Every setting an operator may want to change comes from an environment
# variable (LST_HUB_*), with the default in brackets:
#
#   LST_HUB_IP [127.0.0.1]   LST_HUB_PORT [8000]     where participants connect
#   LST_HUB_HUB_PORT [8081]  LST_HUB_PROXY_API_PORT [8001]   internal, loopback only
#   LST_HUB_COHORT [cohort1]         name of this cohort's class folder
#   LST_HUB_CLASS_ROOT [/srv/lst]    the class folders: <root>/<cohort>/<user>/<user>.json
#   LST_HUB_STATE_DIR [/srv/jupyterhub]  the hub's database and cookie secret
#   LST_HUB_AUTH [native]    native | lti13 | demo   (demo: ONE SHARED PASSWORD, never for a class)
#   LST_HUB_SPAWNER [system] system: every participant is a real OS user (the
#                            hub runs as root); single: everyone runs as the
#                            hub's own account, NO isolation (make hub, trying out)
#   LST_HUB_TEACHERS [docent]         hub user names of the teachers (comma-separated)
#   LST_HUB_TEACHER_GROUP [lst-docent] OS group of the teachers: may read the class folder
#   LST_HUB_USERS []         participants allowed in (comma-separated; demo auth;
#                            with native auth they sign up and the admin approves)
#   LST_HUB_ADMINS []        hub admins (the operator, not the teacher)
#   LST_HUB_DEMO_PASSWORD    the shared password of LST_HUB_AUTH=demo (>= 8 characters)
#   LST_HUB_CONTENT_REPO []  git URL of the course: when set, every server opens
#                            through nbgitpuller (content updates); else the
#                            notebooks of this checkout are copied once per user
#   LST_HUB_CONTENT_BRANCH [main]
#   LST_HUB_HOME_ROOT [<state dir>/home]  homes of the `single` spawner
#   LST_HUB_PYTHON [the hub's own]  the Python every server and kernel runs: it
#                            must have the kit installed and be readable by the
#                            participants' OS users (e.g. /opt/lst-kit/bin/python)
#   LST_HUB_RUN_ID []        a label put in every server's environment, so a test
#                            (or an operator) can find every process of this hub
#
# Permissions of the class folder (LST_HUB_SPAWNER=system; set again at every
# server start by prepare_class_folder below, so a chmod does not stick):
#
#   <root>/                     root:root          0755
#   <root>/<cohort>/            root:<teachers>    0751  teachers list it; participants
#                                                         may pass through, not list it
#   <root>/<cohort>/<user>/     <user>:<teachers>  2750  setgid: new files get the
#                                                         teacher group
#   .../<user>/<user>.json      <user>:<teachers>  0640  (the kit creates workbook
#                                                         files 0640 minus the umask)
#
# So a participant's server writes only its own folder, the teachers' servers
# read every workbook of the cohort (lst_kit.class_overview, `lst-kit collect`),
# and a participant can neither list the cohort nor open another's workbook.
# The teacher's own workbook stays in the teacher's home (~/LST-werkboek), so it
# does not show up in the class overview; LST_KLAS_DIR points the teacher's
# overview at the cohort.

import grp
import os
import pwd
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

REPO = Path(__file__).resolve().parents[2]


def env(name, default=""):
    value = os.environ.get(name, "").strip()
    return value if value else default


def names(value):
    return [n.strip() for n in value.split(",") if n.strip()]


IP = env("LST_HUB_IP", "127.0.0.1")
PORT = int(env("LST_HUB_PORT", "8000"))
COHORT = env("LST_HUB_COHORT", "cohort1")
CLASS_ROOT = Path(env("LST_HUB_CLASS_ROOT", "/srv/lst"))
COHORT_DIR = CLASS_ROOT / COHORT
STATE_DIR = Path(env("LST_HUB_STATE_DIR", "/srv/jupyterhub"))
AUTH = env("LST_HUB_AUTH", "native")
SPAWNER = env("LST_HUB_SPAWNER", "system")
TEACHERS = set(names(env("LST_HUB_TEACHERS", "docent")))
TEACHER_GROUP = env("LST_HUB_TEACHER_GROUP", "lst-docent")
USERS = set(names(env("LST_HUB_USERS")))
ADMINS = set(names(env("LST_HUB_ADMINS")))
CONTENT_REPO = env("LST_HUB_CONTENT_REPO")
CONTENT_BRANCH = env("LST_HUB_CONTENT_BRANCH", "main")
# The course folder in each participant's home: nbgitpuller clones into it
# (targetPath) or, without a content repo, the notebooks of this checkout are
# copied into it.
COURSE_FOLDER = "lst-kit"
FIRST_NOTEBOOK = "notebooks/01_functies_van_toezicht.ipynb"
TEACHER_NOTEBOOK = "exercises/docent_klasoverzicht.ipynb"

if AUTH not in ("native", "lti13", "demo"):
    raise ValueError(f"LST_HUB_AUTH={AUTH!r}: use native, lti13 or demo")
if SPAWNER not in ("system", "single"):
    raise ValueError(f"LST_HUB_SPAWNER={SPAWNER!r}: use system or single")

# -- network: the public port, and the hub and proxy API on loopback ---------------------------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("LST_HUB_HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(env('LST_HUB_PROXY_API_PORT', '8001'))}"
# configurable-http-proxy from this repo's node_modules (make hub / make test
# install it there, pinned in package.json); else the one on PATH.
_chp = REPO / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [str(_chp) if _chp.exists() else "configurable-http-proxy"]

# -- the hub's own state ---------------------------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE_DIR / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE_DIR / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every participant's server

# -- who may log in ----------------------------------------------------------------------------
if AUTH == "native":
    # NativeAuthenticator (pip install jupyterhub-nativeauthenticator): participants
    # sign up at /hub/signup with their own password; an admin (LST_HUB_ADMINS)
    # approves them at /hub/authorize. Use it for a class without an LMS.
    c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
    c.NativeAuthenticator.check_common_password = True
    c.NativeAuthenticator.minimum_password_length = 10
    c.NativeAuthenticator.allowed_failed_logins = 5
    c.Authenticator.allow_all = True  # everyone who signed up AND was approved
elif AUTH == "lti13":
    # LTI13Authenticator (pip install jupyterhub-ltiauthenticator): participants
    # come in from the Academie's learning environment (Canvas, Brightspace,
    # Moodle...) through an LTI 1.3 launch; no password on the hub at all.
    # The LMS's registration values go into LST_HUB_LTI_* (see the tool's docs).
    c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
    c.LTI13Authenticator.issuer = env("LST_HUB_LTI_ISSUER")
    c.LTI13Authenticator.client_id = names(env("LST_HUB_LTI_CLIENT_ID"))
    c.LTI13Authenticator.authorize_url = env("LST_HUB_LTI_AUTHORIZE_URL")
    c.LTI13Authenticator.jwks_endpoint = env("LST_HUB_LTI_JWKS_URL")
    c.LTI13Authenticator.username_key = "sub"
    c.Authenticator.allow_all = True  # the LMS decides who takes part
else:
    # DEMO ONLY: every allowed name logs in with ONE SHARED PASSWORD. For
    # `make hub` on 127.0.0.1 and for the tests; never for a real class.
    from lst_kit.i18n import t

    if len(env("LST_HUB_DEMO_PASSWORD")) < 8:
        raise ValueError("LST_HUB_AUTH=demo needs LST_HUB_DEMO_PASSWORD (at least 8 characters)")
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = env("LST_HUB_DEMO_PASSWORD")
    c.Authenticator.allowed_users = USERS | TEACHERS
    _banner = t("hub.demo_banner", password=env("LST_HUB_DEMO_PASSWORD"),
                users=", ".join(sorted(USERS | TEACHERS)), url=f"http://{IP}:{PORT}")
    print(f"\n{'!' * 78}\n{_banner}\n{'!' * 78}\n", file=sys.stderr, flush=True)
c.Authenticator.admin_users = ADMINS

# -- each participant's server ----------------------------------------------------------------
# The kit is installed in the environment the hub runs from (or LST_HUB_PYTHON):
# every server and kernel runs that Python.
PYTHON = Path(env("LST_HUB_PYTHON", sys.executable))
_bin = PYTHON.parent
c.Spawner.cmd = [str(PYTHON), "-m", "jupyterhub.singleuser"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
if SPAWNER == "system":
    # A real OS user per participant (created by the operator, e.g. useradd):
    # the hub runs as root and starts each server as that user, in its home.
    c.JupyterHub.spawner_class = "localprocess"
else:
    # One OS account for everyone: fine for trying the kit on one's own laptop,
    # NOT for a class (every participant could read every file of the others).
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(
        Path(env("LST_HUB_HOME_ROOT", str(STATE_DIR / "home"))) / "{username}")
    if os.geteuid() == 0:
        c.Spawner.args = ["--allow-root"]


def is_teacher(name):
    return name in TEACHERS


# The workbook folder of a participant, through the environment (the kit reads
# LST_WERKBOEK_DIR; the participant's name is JUPYTERHUB_USER, set by the hub).
# A teacher's is empty (the kit then uses ~/LST-werkboek) and LST_KLAS_DIR
# points the teacher's class overview at the cohort.
c.Spawner.environment = {
    "LST_WERKBOEK_DIR": lambda spawner: "" if is_teacher(spawner.user.name) else str(COHORT_DIR / spawner.user.name),
    "LST_KLAS_DIR": lambda spawner: str(COHORT_DIR) if is_teacher(spawner.user.name) else "",
    "LST_LANG": "nl",
    "PATH": f"{_bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
}
if env("LST_HUB_RUN_ID"):
    c.Spawner.environment["LST_HUB_RUN_ID"] = env("LST_HUB_RUN_ID")


def content_url(folder=COURSE_FOLDER, notebook=FIRST_NOTEBOOK):
    """The server's start page: the first module (through nbgitpuller if a content repo is set)."""
    if CONTENT_REPO:
        from lst_kit.hub_link import git_pull_path

        return git_pull_path(CONTENT_REPO, CONTENT_BRANCH, f"lab/tree/{folder}/{notebook}", target_path=folder)
    return f"/lab/tree/{folder}/{notebook}"


c.Spawner.default_url = content_url()


def _check_name(name):
    """A hub user name is used as a folder and file name: refuse anything else."""
    if not name or name in (".", "..") or name.startswith(".") or "/" in name or "\0" in name:
        raise ValueError(f"user name {name!r} cannot be a folder name")


def prepare_class_folder(name, owner_uid=None, teacher_gid=None):
    """Create the cohort and ``<cohort>/<name>`` with the documented owners and modes.

    With ``owner_uid``/``teacher_gid`` None (the single-account spawner) only the
    folders are made: there is no OS user to give them to.
    """
    _check_name(name)
    COHORT_DIR.mkdir(parents=True, exist_ok=True)
    if teacher_gid is not None:
        os.chown(COHORT_DIR, 0, teacher_gid)
        os.chmod(COHORT_DIR, 0o751)
    if name in TEACHERS:
        return None
    mine = COHORT_DIR / name
    mine.mkdir(exist_ok=True)
    if owner_uid is not None:
        os.chown(mine, owner_uid, teacher_gid)
        os.chmod(mine, 0o2750)
    return mine


def copy_course(home, uid=None, gid=None):
    """Without nbgitpuller: the course notebooks of this checkout, copied once
    into ``~/lst-kit`` (a participant's edits are never overwritten)."""
    target = Path(home) / COURSE_FOLDER
    if CONTENT_REPO or target.exists():
        return
    target.mkdir(parents=True)
    for folder in ("notebooks", "exercises"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    if uid is not None:
        for path in [target, *target.rglob("*")]:
            os.chown(path, uid, gid, follow_symlinks=False)


def pre_spawn_hook(spawner):
    name = spawner.user.name
    if SPAWNER == "system":
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            raise RuntimeError(f"no OS user {name!r}: create it first (useradd -m {name})") from None
        try:
            teachers = grp.getgrnam(TEACHER_GROUP)
        except KeyError:
            raise RuntimeError(f"no OS group {TEACHER_GROUP!r}: create it first (groupadd {TEACHER_GROUP})") from None
        prepare_class_folder(name, user.pw_uid, teachers.gr_gid)
        copy_course(user.pw_dir, user.pw_uid, user.pw_gid)
        if is_teacher(name) and teachers.gr_gid not in os.getgrouplist(name, user.pw_gid):
            spawner.log.warning("teacher %s is not in OS group %s: the class overview cannot read the cohort",
                                name, TEACHER_GROUP)
    else:
        prepare_class_folder(name)
        copy_course(spawner.home_dir)
    if is_teacher(name):
        spawner.default_url = content_url(notebook=TEACHER_NOTEBOOK)


c.Spawner.pre_spawn_hook = pre_spawn_hook
