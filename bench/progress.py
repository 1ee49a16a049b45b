"""Requests per second of the progress endpoint against a trivial view on the same server.

Run with `.venv/bin/python bench/progress.py` while PostgreSQL listens on 127.0.0.1:5432
(override with BENCH_DATABASE_URL). It drops and recreates the database lms_bench,
migrates it, creates one course with a one-hour module and one enrolled learner per client,
and starts gunicorn on a free port of 127.0.0.1 with bench/progress_settings.py.

Each client thread signs in through the login form. Then, in alternating rounds of
ROUND_SECONDS, the threads either post progress reports or request /bench/ping/, a view
that returns "ok". Each report carries a growing played range, a new sequence number and
the CSRF header. Both kinds of request carry the same session cookie, so both pay for the same
session and authentication middleware. The last line printed is a JSON object with
progress_rps, baseline_rps and ratio (progress / baseline).
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "lms_bench"
SERVER_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, os.cpu_count() or 2))))
ROUNDS = 3
ROUND_SECONDS = 5.0
WARM_UP_SECONDS = 1.0
PASSWORD = "bench-password-2026"
VIDEO_SECONDS = 3600.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "progress_settings",
        "DATABASE_URL": f"{SERVER_URL}/{DATABASE}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
    }


def set_up_data() -> tuple[int, list[str]]:
    """Migrate, then create the course, its module and one enrolled learner per client."""
    os.environ.update(environment())
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)

    from allauth.account.models import EmailAddress

    from courses.models import CoursePage, ModulePage
    from courses.services.enrolment import enrol
    from lms.demo.loader import load_home_page
    from lms.models import Agency, Profession, TrainingAcademy, User
    from media.models import Video

    home = load_home_page()
    academy = TrainingAcademy.objects.create(code="bench-academy", name_mn="Сургалтын төв")
    agency = Agency.add_root(code="bench-agency", name_mn="Байгууллага", academy=academy)
    police = Profession.objects.get(code="police")
    course = CoursePage(title="Хурдны сургалт", slug="bench-course")
    home.add_child(instance=course)
    video = Video.objects.create(
        title="Нэг цагийн лекц", source="videos/bench.mp4", status=Video.Status.READY, duration_seconds=VIDEO_SECONDS
    )
    module = ModulePage(title="1. Модуль", slug="module-1", video=video)
    course.add_child(instance=module)

    emails = []
    for number in range(CLIENTS):
        email = f"bench{number}@example.mn"
        learner = User(email=email, full_name=f"Хурд {number}", profession=police, agency=agency,
                       status=User.Status.APPROVED)
        learner.set_password(PASSWORD)
        learner.save()
        EmailAddress.objects.create(user=learner, email=email, verified=True, primary=True)
        enrol(learner, course)
        emails.append(email)
    return module.pk, emails


class Client:
    """One learner's browser: a cookie jar and a CSRF token over plain http.client connections."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, payload

    def sign_in(self, email: str) -> None:
        status, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token}).encode()
        status, _page = self.request(
            "POST", "/accounts/login/", body,
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}/"},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"sign-in failed for {email}: HTTP {status}")


def run_round(clients: list[Client], work, seconds: float) -> float:
    """Run `work(client)` in a loop on every client for `seconds`; return requests per second."""
    stop_at = time.monotonic() + seconds
    counts = [0] * len(clients)
    failures: list[str] = []

    def loop(index: int) -> None:
        while time.monotonic() < stop_at:
            status = work(clients[index])
            if status != 200:
                failures.append(str(status))
                return
            counts[index] += 1

    threads = [threading.Thread(target=loop, args=(index,)) for index in range(len(clients))]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    if failures:
        raise RuntimeError(f"requests failed with HTTP {', '.join(sorted(set(failures)))}")
    return sum(counts) / elapsed


def main() -> None:
    recreate_database()
    module_id, emails = set_up_data()
    port = free_port()
    print(f"gunicorn: {WORKERS} sync workers on 127.0.0.1:{port}, {CLIENTS} client threads, PostgreSQL {DATABASE}")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "lms.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=environment(),
    )
    try:
        wait_for_server(port)
        clients = [Client(port) for _email in emails]
        for client, email in zip(clients, emails):
            client.sign_in(email)
        progress_path = f"/learn/module/{module_id}/progress/"
        sequences = {id(client): 0 for client in clients}

        def ping(client: Client) -> int:
            return client.request("GET", "/bench/ping/")[0]

        def report(client: Client) -> int:
            sequences[id(client)] += 1
            sequence = sequences[id(client)]
            end = min(sequence * 0.5, VIDEO_SECONDS)
            body = json.dumps({
                "client": f"bench-{id(client):x}",
                "reports": [{"seq": sequence, "position": end, "played": [[0, end]]}],
            }).encode()
            headers = {"Content-Type": "application/json", "X-CSRFToken": client.cookies["csrftoken"]}
            return client.request("POST", progress_path, body, headers)[0]

        run_round(clients, ping, WARM_UP_SECONDS)
        run_round(clients, report, WARM_UP_SECONDS)
        baseline, progress = [], []
        for round_number in range(1, ROUNDS + 1):
            baseline.append(run_round(clients, ping, ROUND_SECONDS))
            progress.append(run_round(clients, report, ROUND_SECONDS))
            print(f"round {round_number}: baseline {baseline[-1]:.0f} req/s, progress {progress[-1]:.0f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=30)

    baseline_rps = sum(baseline) / len(baseline)
    progress_rps = sum(progress) / len(progress)
    print(f"mean: baseline {baseline_rps:.0f} req/s, progress {progress_rps:.0f} req/s")
    print(json.dumps({
        "progress_rps": round(progress_rps, 1),
        "baseline_rps": round(baseline_rps, 1),
        "ratio": round(progress_rps / baseline_rps, 3),
    }))


def wait_for_server(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on port {port} within {timeout:.0f} s")


if __name__ == "__main__":
    main()
