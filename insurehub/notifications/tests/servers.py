"""Real peers for the notification tests: an SMTP server (aiosmtpd) and an Africa's Talking
stand-in that answers as its public SMS API does."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    def __init__(self):
        self.messages: list[dict] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        self.messages.append(
            {"from": envelope.mail_from, "to": envelope.rcpt_tos, "data": envelope.content.decode("utf8", "replace")}
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def messages(self):
        return self.handler.messages


class AfricasTalkingStandIn:
    """POST /version1/messaging (form: username, to, message[, from]; header apiKey)."""

    def __init__(self, *, api_key="at-test-key", status_code=101, http_status=201):
        self.requests: list[dict] = []
        self.api_key = api_key
        self.status_code = status_code
        self.http_status = http_status
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                stand_in.requests.append({"path": self.path, "headers": dict(self.headers), "form": form})
                if self.path != "/version1/messaging":
                    return self._answer(404, {"error": "not found"})
                if self.headers.get("apiKey") != stand_in.api_key:
                    return self._answer(401, "The supplied authentication is invalid")
                if stand_in.http_status >= 500:
                    return self._answer(stand_in.http_status, "Internal Server Error")
                number = form["to"][0]
                status_names = {
                    101: "Success",
                    403: "InvalidPhoneNumber",
                    405: "InsufficientBalance",
                    500: "InternalServerError",
                }
                ok = stand_in.status_code in (100, 101, 102)
                recipient = {
                    "statusCode": stand_in.status_code,
                    "number": number,
                    "status": status_names.get(stand_in.status_code, "Failed"),
                    "cost": "KES 0.8000" if ok else "0",
                    "messageId": "ATXid_4f2b9c" if ok else "None",
                }
                return self._answer(
                    stand_in.http_status,
                    {
                        "SMSMessageData": {
                            "Message": f"Sent to {int(ok)}/1 Total Cost: KES 0.8000",
                            "Recipients": [recipient],
                        }
                    },
                )

            def _answer(self, status, body):
                payload = json.dumps(body).encode() if isinstance(body, dict) else str(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if isinstance(body, dict) else "text/plain")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
