"""Serve the dashboard: ``python -m components.serve [options of streamlit run]``.

Streamlit runs no code of the app before its first viewer arrives, so that viewer would wait for
the imports, the data check and the default view. This starts them in a background thread, then
hands over to ``streamlit run dashboard.py`` in the same process: the server (and its health
check) answers at once, and the first viewer finds the default view built."""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

from components.warm_up import start_warm_up

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


def main(options: list[str]) -> None:
    start_warm_up()
    sys.argv = ["streamlit", "run", str(DASHBOARD), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
