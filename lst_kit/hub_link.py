"""nbgitpuller links: open the course on a JupyterHub, with the newest content.

A participant who clicks the link gets their server started, the course's git
repository pulled into a folder of their home (cloned the first time, merged
after that) and the notebook opened. The link format (nbgitpuller's own link
generator builds the same)::

    <hub>/hub/user-redirect/git-pull?repo=<git url>&branch=<branch>
        &urlpath=lab/tree/<folder>/<notebook>&targetPath=<folder>

nbgitpuller merges with git's ``-Xours``: a participant's own edits win over
the teacher's in a line both changed; a file the participant deleted comes
back. Answers are not in the notebooks but in the workbook
(``LST_WERKBOEK_DIR``), which is outside the repository folder: a pull never
touches them.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from .i18n import t

__all__ = ["DEFAULT_NOTEBOOK", "git_pull_path", "hub_link", "target_folder"]

#: The first module: where a participant starts.
DEFAULT_NOTEBOOK = "notebooks/01_functies_van_toezicht.ipynb"


def target_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: its last path part, without ``.git``."""
    name = repo.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if name.endswith(".git"):
        name = name[: -len(".git")]
    if not name or name in (".", ".."):
        raise ValueError(t("hub.repo_invalid", repo=repr(repo)))
    return name


def git_pull_path(repo: str, branch: str = "main", urlpath: str | None = None,
                  target_path: str | None = None) -> str:
    """``/git-pull?...``, relative to a participant's server (for ``Spawner.default_url``)."""
    if not isinstance(repo, str) or not repo.strip() or any(ch.isspace() for ch in repo):
        raise ValueError(t("hub.repo_invalid", repo=repr(repo)))
    if not isinstance(branch, str) or not branch.strip():
        raise ValueError(t("hub.branch_invalid", branch=repr(branch)))
    folder = target_path or target_folder(repo)
    if urlpath is None:
        urlpath = f"lab/tree/{folder}/{DEFAULT_NOTEBOOK}"
    query = {"repo": repo, "branch": branch, "urlpath": urlpath.lstrip("/"), "targetPath": folder}
    return "/git-pull?" + urlencode(query)


def hub_link(hub_url: str, repo: str, branch: str = "main", urlpath: str | None = None,
             target_path: str | None = None) -> str:
    """The nbgitpuller link for ``hub_url`` (such as ``https://hub.example.nl``).

    ``urlpath``: what opens after the pull, relative to the participant's
    server (default: the first module in JupyterLab); ``target_path``: the
    folder in the participant's home (default: the repository's name).
    """
    parts = urlsplit(hub_url.strip() if isinstance(hub_url, str) else "")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(t("hub.url_invalid", url=repr(hub_url)))
    base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    return f"{base}/hub/user-redirect{git_pull_path(repo, branch, urlpath, target_path)}"
