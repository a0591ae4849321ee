"""Folded content that is built only while it is open.

A closed expander or popover still runs its content on every rerun and sends it to the browser.
These ones track their state instead: opening one reruns the page, and only then is the content
drawn. A filter change therefore never pays for tables and downloads nobody is looking at.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def folded(label: str, key: str, draw: Callable[[], None]) -> None:
    """An expander whose content ``draw`` runs only while it is open."""
    _draw_while_open(st.expander(label, key=key, on_change="rerun"), draw)


def popover(label: str, key: str, draw: Callable[[], None]) -> None:
    """A popover whose content ``draw`` runs only while it is open."""
    _draw_while_open(st.popover(label, key=key, on_change="rerun"), draw)


def _draw_while_open(box, draw: Callable[[], None]) -> None:
    with box:
        if box.open:
            draw()
