"""Where a warm rerun's time goes: yappi over 40 domain-filter changes in AppTest, the functions
that took the most CPU time, callees included. Run with `make profile`.

yappi rather than pyinstrument or py-spy: AppTest runs the page in a thread of its own, and
yappi is the profiler that follows every thread without a separate process."""

from __future__ import annotations

import io
import sys

import yappi
from streamlit.testing.v1 import AppTest

from benchmarks.common import quiet_streamlit
from benchmarks.rerun import FILTERS, PAGES

RERUNS = 40


def main(limit: int = 60) -> None:
    quiet_streamlit()
    app = AppTest.from_file(str(PAGES["dashboard"]), default_timeout=120)
    app.run()
    for chosen in FILTERS:  # warm, as in benchmarks/rerun.py
        app.multiselect(key="domain").set_value(chosen).run()
    yappi.set_clock_type("cpu")
    yappi.start()
    for turn in range(RERUNS):
        app.multiselect(key="domain").set_value(FILTERS[turn % len(FILTERS)]).run()
    yappi.stop()
    out = io.StringIO()
    stats = yappi.get_func_stats().sort("ttot")
    stats.print_all(out=out, columns={0: ("name", 100), 1: ("ncall", 8), 2: ("tsub", 8), 3: ("ttot", 8)})
    print(f"CPU seconds over {RERUNS} reruns (divide by {RERUNS} for one); tsub excludes callees, ttot includes them")
    print("\n".join(out.getvalue().splitlines()[: limit + 4]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
