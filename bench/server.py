"""gunicorn serving the portal on a loopback port, for everything that needs a real server: the
load benchmark and the soak (bench/), and the tests of faults and of two servers (home/tests).

The server runs `portal.wsgi` with the repository's configuration (portal/gunicorn.conf.py),
in a process group of its own, with the environment it is given plus its address, number of
workers and no access log."""

import contextlib
import http.client
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def health(port, timeout=5):
    """The status of /health/ on the server at `port`."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", "/health/", headers={"Host": HOST})
        return connection.getresponse().status
    finally:
        connection.close()


class Gunicorn:
    """`Gunicorn(environment, port=..., workers=..., options={"GUNICORN_...": ...})` starts the
    server (the environment's own GUNICORN_* variables are left out); `wait_until_up()` waits
    for its health endpoint; `stop()` ends it. `quiet` keeps its error log for the exception
    raised when it dies at start-up (tests) instead of printing it (benchmarks)."""

    def __init__(self, environment, *, port=None, workers=2, quiet=True, options=None):
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        environment = {k: v for k, v in environment.items() if not k.startswith("GUNICORN_")}
        environment.update(
            GUNICORN_BIND=f"{HOST}:{self.port}",
            GUNICORN_WORKERS=str(workers),
            GUNICORN_ACCESS_LOG="/dev/null",
            **(options or {}),  # GUNICORN_* settings of portal/gunicorn.conf.py
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE if quiet else None,
            start_new_session=True,
        )

    def wait_until_up(self, timeout=90, ready=(200,)):
        """Until /health/ answers one of `ready` (200; with 503 too when the database may be
        down on purpose)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.process.stderr.read().decode()[-3000:] if self.process.stderr else ""
                raise RuntimeError(f"gunicorn exited (is the port in use?)\n{log}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if health(self.port) in ready:
                    return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def workers(self):
        """The worker processes' ids."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_rss_mb(self):
        """Peak resident memory (VmHWM) of each worker, in MB."""
        peaks = []
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return peaks

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
