"""A real SMTP server in this process (aiosmtpd) that keeps what it receives, for tests
that read the messages the app sends: headers, language, links, attachments."""

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER, PASSWORD = "planner", "s3cret word"


class Inbox:
    """What the server received, as parsed messages, in the order they came."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.busy = False  # True: every message is answered 451 (try again later)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address.startswith("refused@"):  # a mailbox the server does not take
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.busy:
            return "451 4.3.0 Temporary failure, try later"
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(name="smtp_server")
def smtp_server_fixture():
    """(inbox, port): an SMTP server on 127.0.0.1 taking a login (USER, PASSWORD) without
    TLS, and any sender without a login; it refuses mail to refused@…"""
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=_authenticate,
        auth_require_tls=False,
    )
    controller.start()
    yield inbox, controller.port
    controller.stop()
