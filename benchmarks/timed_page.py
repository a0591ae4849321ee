"""A page with each script run timed (see benchmarks/timing.py): `streamlit run` this file, with
$BENCH_PAGE naming the page (the dashboard by default) and $BENCH_TIMINGS the log."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.timing import run_page_timed  # noqa: E402  (the project root must be importable first)

run_page_timed()
