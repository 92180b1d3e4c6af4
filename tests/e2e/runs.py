"""When a page's script runs are over, as Streamlit's WebSocket says it.

The browser asks for a run (a `BackMsg` with `rerun_script`); the server says when a run
starts (`ForwardMsg.new_session`, fragment runs too) and when it ends (`script_finished`).
A run that ends early for a rerun (`st.rerun()`, or a newer ask that stopped it) is
followed by another. A page's runs are over when every run it asked for has started and
the last one started has ended for good. Its app root then reads `notRunning`, but so it
does for a moment between the two runs of an `st.rerun()`: the messages tell the two apart,
where a look at the page alone could only wait for a quiet spell.

A fragment's own timer (`st.fragment(run_every=...)`) asks for runs the server may drop
(the fragment gone since): those asks are not waited for, their runs are.
"""

from weakref import WeakKeyDictionary

from playwright.sync_api import Page, WebSocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RERUN_FOLLOWS = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


class Runs:
    """The script runs of one page, followed from before it opens the app. Each field is
    the order number of the last message of its kind (0: none yet)."""

    def __init__(self, page: Page) -> None:
        self._order = 0
        self.asked = self.started = self.ended = 0
        self.socket: WebSocket | None = None
        page.on("websocket", self._follow)

    def _next(self) -> int:
        self._order += 1
        return self._order

    def _follow(self, socket: WebSocket) -> None:
        if socket.url.endswith("/_stcore/stream"):
            self.socket = socket
            socket.on("framesent", self._sent)
            socket.on("framereceived", self._received)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = BackMsg.FromString(payload)
        if message.WhichOneof("type") == "rerun_script" and not message.rerun_script.fragment_id:
            self.asked = self._next()

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.started = self._next()
        elif kind == "script_finished" and message.script_finished == RERUN_FOLLOWS:
            self.asked = self._next()  # the server starts the next run itself
        elif kind == "script_finished":
            self.ended = self._next()

    def over(self) -> bool:
        return self.asked < self.started < self.ended

    def wait(self, timeout_ms: float) -> None:
        """Return once the runs are over (at once if they are)."""
        if self.over():
            return
        if self.socket is None:
            raise AssertionError("the page has no Streamlit connection to wait on")
        self.socket.wait_for_event(
            "framereceived", predicate=lambda _: self.over(), timeout=timeout_ms
        )


FOLLOWED: "WeakKeyDictionary[Page, Runs]" = WeakKeyDictionary()


def follow(page: Page) -> Page:
    """Follow `page`'s script runs from now on (before it opens the app)."""
    FOLLOWED[page] = Runs(page)
    return page


def runs_of(page: Page) -> Runs:
    try:
        return FOLLOWED[page]
    except KeyError:
        raise AssertionError("open browser pages with tests.e2e.steps.new_page") from None
