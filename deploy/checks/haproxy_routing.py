"""Runs the real HAProxy with deploy/compose/haproxy.cfg in front of three stand-in nodes on 127.0.0.1 and checks that
traffic follows their readiness: a node whose /actuator/health/readiness answers 503 gets nothing while another is
ready, every live node gets traffic when none is ready (a shared outage), a node that becomes ready gets traffic,
and the portal's affinity cookie is set. The stand-ins are small HTTP servers, not
Harbormaster; the configuration under test is the committed one with only the addresses, the check interval and the
Docker resolver changed for loopback.

    python3 haproxy_routing.py        (needs /usr/sbin/haproxy; bounded to about a minute)
"""

import http.client
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "compose" / "haproxy.cfg"


class Node:
    """A stand-in node: answers its name on every path, and 200 or 503 on the readiness path."""

    def __init__(self, name):
        self.name, self.ready = name, False
        node = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/actuator/health/readiness":
                    status, body = (200, b'{"status":"UP"}') if node.ready else (503, b'{"status":"DOWN"}')
                else:
                    status, body = 200, node.name.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # HAProxy's health checks hang up once they have the status line

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loopback_config(nodes, port):
    text = CONFIG.read_text()
    text, binds = re.subn(r"^(\s*)bind :8080$", rf"\1bind 127.0.0.1:{port}", text, flags=re.MULTILINE)
    text, checks = re.subn(r"check inter 5s fall 3 rise 2 resolvers docker init-addr last,libc,none",
                           "check inter 300ms fall 3 rise 2", text)
    for node in nodes:
        text, found = re.subn(rf"^(\s*server {node.name}) {node.name}:8080", rf"\1 127.0.0.1:{node.port}", text,
                              flags=re.MULTILINE)
        assert found == 2, f"no server line for {node.name} in each backend of {CONFIG}"
    assert binds == 1 and checks == 2, f"{CONFIG} changed shape: update this test with it"
    # Logs to stdout would fill the pipe nobody reads.
    return text.replace("log stdout format raw local0", "").replace("log global", "")


def served_by(port, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/api/whoever", headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read().decode(), response.getheader("Set-Cookie")
    finally:
        connection.close()


def wait_for(description, condition, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass  # HAProxy not listening yet
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {description}")


def only(port, name):
    """The next 12 requests (round robin over three) all reach name."""
    return all(served_by(port)[1] == name for _ in range(12))


def main():
    nodes = [Node(f"harbormaster-{i}") for i in (1, 2, 3)]
    port = free_port()
    with tempfile.TemporaryDirectory() as directory:
        config = Path(directory) / "haproxy.cfg"
        config.write_text(loopback_config(nodes, port))
        haproxy = subprocess.Popen(["haproxy", "-db", "-f", str(config)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        try:
            # No node ready (a shared outage): the live nodes still get the requests, to answer them themselves.
            wait_for("with no node ready, every live node gets traffic",
                     lambda: {served_by(port)[1] for _ in range(12)} == {n.name for n in nodes})
            nodes[0].ready = True
            wait_for("only the ready node harbormaster-1 gets traffic", lambda: only(port, "harbormaster-1"))
            status, body, cookie = served_by(port)
            assert cookie and cookie.startswith("HMNODE=hm1"), f"no affinity cookie: {cookie!r}"

            nodes[1].ready = True
            nodes[0].ready = False
            wait_for("traffic moves to harbormaster-2 once it is ready and harbormaster-1 is not",
                     lambda: only(port, "harbormaster-2"))
            # A browser pinned to a node that left the pool is sent to a ready one, not to the unready node.
            assert served_by(port, "HMNODE=hm1")[1] == "harbormaster-2", "a pinned browser still reaches an unready node"

            nodes[2].ready = True
            wait_for("both ready nodes share the traffic",
                     lambda: {served_by(port)[1] for _ in range(12)} == {"harbormaster-2", "harbormaster-3"})
            assert all(served_by(port, "HMNODE=hm3")[1] == "harbormaster-3" for _ in range(6)), \
                "the affinity cookie does not keep a browser on its node"
        finally:
            haproxy.terminate()
            try:
                _, errors = haproxy.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                haproxy.kill()
                errors = ""
            for node in nodes:
                node.server.shutdown()
        if haproxy.returncode not in (0, -15, 143):
            print(errors, file=sys.stderr)
    print("ok haproxy.cfg routes by readiness (real HAProxy, stand-in nodes on 127.0.0.1)")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL haproxy routing: {e}")
        sys.exit(1)
