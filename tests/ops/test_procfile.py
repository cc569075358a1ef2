"""bin/demo runs its processes from the Procfile under honcho: the web server answers on the port
given, and when one process ends or honcho is stopped (Ctrl-C), every process stops."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from honcho.environ import parse_procfile

from tests.support.worker import worker_environment

ROOT = Path(__file__).resolve().parents[2]
HONCHO = Path(sys.executable).with_name("honcho")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def procfile(**extra: str) -> str:
    """The repository's Procfile with ``extra`` processes added."""
    lines = (ROOT / "Procfile").read_text().splitlines()
    return "\n".join(lines + [f"{name}: {command}" for name, command in extra.items()]) + "\n"


def start(path: Path, *names: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [str(HONCHO), "start", "--no-colour", "--procfile", str(path), "--app-root", str(ROOT), *names],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def pids_started(output: str) -> list[int]:
    """honcho says "started (pid=N)" for each process."""
    return [int(pid) for pid in re.findall(r"started \(pid=(\d+)\)", output)]


def test_the_procfile_runs_the_web_server_the_worker_and_the_scheduler():
    processes = parse_procfile((ROOT / "Procfile").read_text()).processes

    assert set(processes) == {"web", "worker", "beat"}
    assert "runserver 127.0.0.1:${ACADEMY_PORT:-8000} --noreload" in processes["web"]
    assert "celery -A lms worker" in processes["worker"]
    assert "celery -A lms beat" in processes["beat"]


def test_the_web_process_serves_the_port_given_and_ctrl_c_stops_every_process(
    tmp_path, django_db_setup, django_db_blocker
):
    path = tmp_path / "Procfile"
    path.write_text(procfile(idle="sleep 600"))
    port = free_port()
    with django_db_blocker.unblock():
        env = worker_environment(ACADEMY_PORT=str(port))  # the test settings on the test database
    honcho = start(path, "web", "idle", **env)
    try:
        answer = None
        deadline = time.monotonic() + 180
        while answer is None and time.monotonic() < deadline and honcho.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:  # noqa: S310
                    answer = json.load(response)
            except urllib.error.HTTPError as error:  # 503: the web process answered, a check failed
                answer = json.load(error)
            except OSError:
                time.sleep(0.5)
        honcho.send_signal(signal.SIGINT)  # Ctrl-C
        output, _ = honcho.communicate(timeout=30)
    finally:
        if honcho.poll() is None:
            os.killpg(honcho.pid, signal.SIGKILL)

    assert answer is not None and "checks" in answer, f"the web process did not answer /healthz:\n{output}"
    started = pids_started(output)
    assert len(started) == 2, output
    assert not any(alive(pid) for pid in started), output
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nobody listens any more


def test_when_one_process_ends_honcho_stops_the_others(tmp_path):
    path = tmp_path / "Procfile"
    path.write_text("short: sleep 1\nlong: sleep 600\n")
    honcho = start(path)

    output, _ = honcho.communicate(timeout=30)

    started = pids_started(output)
    assert len(started) == 2, output
    assert not any(alive(pid) for pid in started), output
