"""A Streamlit websocket client for benchmarks: opens a session on loopback, asks for the page as a
browser does (optionally with changed widget values) and waits for the server's "script finished"."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PAGE_TIMEOUT_S = 120


@dataclass
class Session:
    """One open session: its socket, how its last page run went, and the multiselects it was sent
    (widget id: options as shown), so a benchmark can change one as a person would."""

    socket: websockets.ClientConnection
    seconds: float = float("nan")
    error: str = ""
    multiselects: dict[str, list[str]] = field(default_factory=dict)
    texts: list[str] | None = None  # set to a list to collect each page run's texts (see element_text)


async def connect(base_url: str) -> Session:
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    return Session(await websockets.connect(ws_url, subprotocols=["streamlit"], origin=base_url, max_size=None))


async def run_page(session: Session, query: str = "", multiselect: tuple[str, list[str]] | None = None) -> Session:
    """Ask for a page run (with ``multiselect`` = (widget id, chosen options) set) and read its
    messages until the script has finished or failed; ``session.seconds`` is the time it took."""
    request = BackMsg()
    request.rerun_script.query_string = query
    if multiselect:
        state = request.rerun_script.widget_states.widgets.add()
        state.id = multiselect[0]
        state.string_array_value.data.extend(multiselect[1])
    start = time.perf_counter()
    session.error = ""
    session.texts = None if session.texts is None else []
    await session.socket.send(request.SerializeToString())
    try:
        async with asyncio.timeout(PAGE_TIMEOUT_S):
            async for frame in session.socket:
                if _finished(session, ForwardMsg.FromString(frame)):
                    break
    except (TimeoutError, websockets.ConnectionClosed) as problem:
        session.error = repr(problem)
    session.seconds = time.perf_counter() - start
    return session


def _finished(session: Session, message: ForwardMsg) -> bool:
    kind = message.WhichOneof("type")
    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element
        if element.WhichOneof("type") == "exception":
            session.error = element.exception.message or "exception"
        elif element.WhichOneof("type") == "multiselect":
            session.multiselects[element.multiselect.id] = list(element.multiselect.options)
        if session.texts is not None and (text := element_text(element)) is not None:
            session.texts.append(text)
    if kind == "script_finished":
        if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            session.texts = None if session.texts is None else []  # the next run sends its page again
            return False  # the run that follows is the one asked for
        if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
            session.error = session.error or ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
        return True
    return False


TEXT_ELEMENTS = ("heading", "markdown", "html", "plotly_chart")


def element_text(element) -> str | None:
    """What an element shows as text, prefixed by its kind ("heading: ...", "markdown: ...",
    "html: ...", "plotly_chart: <the figure's JSON>"), or None for other elements (widgets, blocks)."""
    kind = element.WhichOneof("type")
    if kind not in TEXT_ELEMENTS:
        return None
    body = element.plotly_chart.spec if kind == "plotly_chart" else getattr(element, kind).body
    return f"{kind}: {body}"


async def open_page(base_url: str, query: str = "") -> Session:
    """Connect and draw the page; ``seconds`` counts from the connection."""
    start = time.perf_counter()
    session = await run_page(await connect(base_url), query)
    session.seconds = time.perf_counter() - start
    return session


async def close_all(sessions: list[Session]) -> None:
    await asyncio.gather(*(session.socket.close() for session in sessions))
