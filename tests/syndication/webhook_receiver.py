"""A real webhook receiver for the tests: http.server on 127.0.0.1, an ephemeral port, a thread.

It records every request (method, path, lower-cased headers, raw body) and answers
with the status codes it is told, in order, then 200, and with `body`. Nothing is
mocked: the code under test opens a real TCP connection to it. It takes POST and
PURGE (a cache purge endpoint stands in for Varnish, Fastly or Cloudflare too).
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


class Receiver:
    def __init__(self, port=0, body=b"ok"):
        self.body = body
        self.requests = []
        self.codes = []
        self.lock = threading.Lock()
        self.held = None  # an Event: while set up and not set, the next request hangs
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {key.lower(): value for key, value in self.headers.items()}
                with receiver.lock:
                    receiver.requests.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "headers": headers,
                            "body": body,
                        }
                    )
                    code = receiver.codes.pop(0) if receiver.codes else 200
                    held, receiver.held = receiver.held, None
                if held is not None:
                    held.wait(10)
                self.send_response(code)
                if 300 <= code < 400:
                    self.send_header("Location", f"{receiver.base}/elsewhere")
                self.send_header("Content-Length", str(len(receiver.body)))
                self.end_headers()
                self.wfile.write(receiver.body)

            do_PURGE = do_POST

            def handle(self):
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender went away (e.g. a killed worker)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = f"{self.base}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def answer(self, *codes):
        """Answer the next requests with these codes (then 200)."""
        with self.lock:
            self.codes.extend(codes)

    def hold_next(self):
        """Leave the next request unanswered until `release()` (a sender that hangs or dies)."""
        self.held = self._hold = threading.Event()

    def release(self):
        if getattr(self, "_hold", None) is not None:
            self._hold.set()

    def verified(self, secret):
        """Every request's payload, after checking its Standard Webhooks signature."""
        return [
            Webhook(secret).verify(request["body"], request["headers"]) for request in self.requests
        ]

    def ids(self):
        return [request["headers"]["webhook-id"] for request in self.requests]

    def sequences(self):
        return [json.loads(request["body"])["data"]["sequence"] for request in self.requests]

    def close(self):
        self.release()
        self.server.shutdown()
        self.server.server_close()
