"""The warm-up at a server start: it builds every shared result the first viewer's page reads (so
that page builds none), and the launcher hands over to Streamlit without waiting for it."""

from __future__ import annotations

import sys
import threading

from streamlit.testing.v1 import AppTest

from components import memo, serve, warm_up
from tests.support.data_files import DATA, ROOT


def recorded_builds(monkeypatch) -> list[str]:
    """A fresh store of shared results; the names of the builders run from now on."""
    results, built = memo.SharedResults(), []
    original = results.get

    def get(key, build):
        def recorded():
            built.append(key[0].rsplit(".", 1)[-1])
            return build()

        return original(key, recorded)

    monkeypatch.setattr(results, "get", get)
    monkeypatch.setattr(memo, "RESULTS", results)
    return built


def test_after_the_warm_up_the_first_page_builds_nothing(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA))
    built = recorded_builds(monkeypatch)
    warm_up.build_default_views(DATA)
    assert {
        "_chart",
        "_narrative",
        "_chart_data_html",
        "kpis_html",
        "summary",
        "_practice_map",
        "_practice_lists",
        "_citywide_practices",
        "figures_table",
        "article",
    } <= set(built)
    built.clear()
    for query in ({"lang": "zh"}, {"lang": "en"}):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(query)
        at.run()
        assert not at.exception
    assert built == [], "the first page found every result built"


def test_the_launcher_serves_without_waiting_for_the_warm_up(monkeypatch):
    release, started = threading.Event(), []
    monkeypatch.setattr(warm_up, "build_default_views", lambda folder: release.wait(30))
    monkeypatch.setattr(serve.cli, "main", lambda prog_name: started.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["components.serve"])
    serve.main(["--server.port", "8599"])
    warming = next(thread for thread in threading.enumerate() if thread.name == "warm-up")
    assert started == [["streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", "8599"]]
    assert warming.is_alive() and warming.daemon, "Streamlit started while the warm-up was still building"
    release.set()
    warming.join(30)
    assert not warming.is_alive()
