"""The dashboard with each script run timed (see benchmarks/timing.py): `streamlit run` this file."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.timing import run_dashboard_timed  # noqa: E402  (the project root must be importable first)

run_dashboard_timed()
