"""Runs deploy/bin/hm-ready (the container's HEALTHCHECK and systemd's readiness wait) against a stand-in node on
127.0.0.1 whose /actuator/health/readiness answers 200 or 503, and checks its exit codes and port choice. The
script ran against the real packaged platform once by hand (docs/operations.md says so); here a stand-in keeps the
check fast.

    python3 hm_ready_check.py
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from haproxy_routing import Node

HM_READY = Path(__file__).resolve().parent.parent / "bin" / "hm-ready"


def run(*args, **environment):
    env = {key: value for key, value in os.environ.items()
           if key not in ("HM_READY_PORT", "MANAGEMENT_SERVER_PORT", "HARBORMASTER_PORT")}
    env.update(environment)
    started = time.monotonic()
    code = subprocess.run([str(HM_READY), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=60).returncode
    return code, time.monotonic() - started


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def main():
    node = Node("stand-in")
    port = str(node.port)
    failures = []

    def expect(what, actual, wanted):
        if actual != wanted:
            failures.append(f"{what}: exit {actual}, expected {wanted}")

    expect("unready node (503)", run(HM_READY_PORT=port)[0], 1)
    expect("nothing listening", run(HM_READY_PORT=closed_port())[0], 1)
    expect("bad arguments", run("--wait", "soon", HM_READY_PORT=port)[0], 2)
    code, took = run("--wait", "3", HM_READY_PORT=port)
    expect("--wait 3 on a node that stays unready", code, 1)
    if not 2.5 <= took <= 10:
        failures.append(f"--wait 3 gave up after {took:.1f} s")
    node.ready = True
    expect("ready node (200)", run(HM_READY_PORT=port)[0], 0)
    expect("MANAGEMENT_SERVER_PORT is where the actuator is", run(MANAGEMENT_SERVER_PORT=port,
                                                                  HARBORMASTER_PORT=closed_port())[0], 0)
    expect("HARBORMASTER_PORT when actuator shares the port", run(HARBORMASTER_PORT=port)[0], 0)
    node.ready = False
    threading.Timer(3, lambda: setattr(node, "ready", True)).start()
    code, took = run("--wait", "30", HM_READY_PORT=port)
    expect("--wait 30 on a node that becomes ready after 3 s", code, 0)
    if took > 15:
        failures.append(f"--wait took {took:.1f} s to see a node ready after 3 s")
    node.server.shutdown()
    if failures:
        for failure in failures:
            print(f"FAIL hm-ready: {failure}")
        sys.exit(1)
    print("ok hm-ready: exit 0 only on 200 from readiness, --wait waits and gives up, port choice")


if __name__ == "__main__":
    main()
