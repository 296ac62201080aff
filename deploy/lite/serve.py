"""Serve the built site (_site/) on this machine only: a check before publishing.

    .venv/bin/python deploy/lite/serve.py [--port 8000] [--dir _site]

Then open http://127.0.0.1:8000/ (loopback: the browser treats it as a secure
context, so JupyterLite's service worker, which keeps the files in the
browser's storage, runs; on any other host the site needs https). Any static
web server will do for publishing; it needs these MIME types.
"""

from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: The types a static server must send (older servers lack the first three).
MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".whl": "application/zip",
              ".js": "text/javascript", ".json": "application/json", ".ipynb": "application/json",
              ".zip": "application/zip", ".webmanifest": "application/manifest+json"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if getattr(self.server, "quiet", False):
            return
        super().log_message(format, *args)


def make_server(directory: Path, port: int = 0, quiet: bool = False) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1 (port 0: any free one), not yet serving."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(directory)))
    server.quiet = quiet
    return server


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default=str(REPO / "_site"))
    args = parser.parse_args(argv)
    server = make_server(Path(args.dir), args.port)
    print(f"http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stopt)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
