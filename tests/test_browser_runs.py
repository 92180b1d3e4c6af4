"""tests/e2e/runs.py: when a page's script runs are over, from the messages its
Streamlit WebSocket carries (made here as Streamlit makes them; no browser)."""

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.runs import Runs

STATUS = ForwardMsg.ScriptFinishedStatus


class Emitter:
    def __init__(self, url: str = "") -> None:
        self.url = url
        self.handlers: dict = {}

    def on(self, event: str, handler) -> None:
        self.handlers[event] = handler

    def emit(self, event: str, payload) -> None:
        self.handlers[event](payload)


def opened() -> tuple[Runs, Emitter]:
    page, socket = Emitter(), Emitter("ws://127.0.0.1:8501/_stcore/stream")
    runs = Runs(page)
    page.emit("websocket", socket)
    return runs, socket


def ask(socket: Emitter, fragment: str = "") -> None:
    message = BackMsg()
    message.rerun_script.fragment_id = fragment
    socket.emit("framesent", message.SerializeToString())


def start(socket: Emitter) -> None:
    message = ForwardMsg()
    message.new_session.SetInParent()
    socket.emit("framereceived", message.SerializeToString())


def end(socket: Emitter, status=STATUS.FINISHED_SUCCESSFULLY) -> None:
    message = ForwardMsg()
    message.script_finished = status
    socket.emit("framereceived", message.SerializeToString())


def test_a_run_asked_for_is_over_once_it_has_started_and_ended():
    runs, socket = opened()
    assert not runs.over()  # nothing has run yet
    ask(socket)
    assert not runs.over()
    start(socket)
    assert not runs.over()
    end(socket)
    assert runs.over()


def test_between_the_two_runs_of_a_rerun_it_is_not_over():
    runs, socket = opened()
    ask(socket)
    start(socket)
    end(socket, STATUS.FINISHED_EARLY_FOR_RERUN)  # st.rerun(): the page reads notRunning
    assert not runs.over()
    start(socket)
    assert not runs.over()
    end(socket)
    assert runs.over()


def test_an_ask_while_a_run_ends_waits_for_the_run_it_asked_for():
    runs, socket = opened()
    ask(socket)
    start(socket)
    ask(socket)  # a click while the first run finishes
    end(socket)
    assert not runs.over()
    start(socket)
    end(socket)
    assert runs.over()


def test_asks_queued_before_a_run_starts_are_served_by_it():
    runs, socket = opened()
    ask(socket)
    ask(socket)
    start(socket)
    end(socket)
    assert runs.over()


def test_a_fragments_timer_is_not_waited_for_but_its_run_is():
    runs, socket = opened()
    ask(socket)
    start(socket)
    end(socket)
    ask(socket, fragment="progress")  # the server may drop it: not waited for
    assert runs.over()
    start(socket)
    assert not runs.over()
    end(socket, STATUS.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
    assert runs.over()


def test_other_sockets_and_text_frames_are_ignored():
    page = Emitter()
    runs = Runs(page)
    other = Emitter("ws://127.0.0.1:8501/api/ballot/events")
    page.emit("websocket", other)
    assert runs.socket is None and "framesent" not in other.handlers
    runs, socket = opened()
    socket.emit("framereceived", "text")
    socket.emit("framesent", "text")
    assert (runs.asked, runs.started, runs.ended) == (0, 0, 0)
