"""The cluster of ``bin/cluster``, driven from outside: HTTP through nginx only, data set up and
counted with ``manage.py shell`` against the cluster's own PostgreSQL.

The session fixture starts ``bin/cluster`` (or uses one already running when ``var/cluster/ready``
exists and ``CLUSTER_REUSE=1``) and stops it at the end by removing its ``CLUSTER_UNTIL_FILE``.
These tests need no test database: pytest-django's is left alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid

import pytest
import requests

from tests.conftest import ROOT

CLUSTER_DIR = ROOT / "var/cluster"


def read_env(path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


class Cluster:
    def __init__(self):
        self.env = read_env(CLUSTER_DIR / "django.env")
        self.url = self.env["CLUSTER_URL"]
        self.node_urls = {1: self.env["CLUSTER_NODE1_URL"], 2: self.env["CLUSTER_NODE2_URL"]}

    def pids(self) -> dict[str, int]:
        return {key: int(value) for key, value in read_env(CLUSTER_DIR / "pids.env").items()}

    def manage(self, code: str, timeout: float = 120) -> str:
        """Run Python in ``manage.py shell`` with the cluster's settings; returns what it printed."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**os.environ, **self.env, "ACADEMY_LOG_FORMAT": "plain", "DJANGO_LOG_LEVEL": "WARNING"},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def browser(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False  # no proxy or CA bundle from the environment: straight to nginx
        session.verify = str(CLUSTER_DIR / "tls/cert.pem")  # the cluster's own self-signed certificate
        return session

    def log_in(self, session: requests.Session, base: str, email: str, password: str) -> None:
        form = session.get(f"{base}/accounts/login/", timeout=30)
        assert form.status_code == 200
        token = csrf(session)
        response = session.post(
            f"{base}/accounts/login/",
            data={"login": email, "password": password, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{base}/accounts/login/"},
            timeout=30,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:2000]


def csrf(session: requests.Session) -> str:
    for cookie in session.cookies:
        if cookie.name.endswith("csrftoken"):
            return cookie.value
    raise AssertionError("no CSRF cookie")


@pytest.fixture(scope="session")
def cluster():
    ready = CLUSTER_DIR / "ready"
    if os.environ.get("CLUSTER_REUSE") == "1" and ready.exists():
        yield Cluster()
        return
    until = CLUSTER_DIR.parent / f"cluster-until-{uuid.uuid4().hex[:8]}"
    until.parent.mkdir(parents=True, exist_ok=True)
    until.write_text("")
    log = open(CLUSTER_DIR.parent / "cluster-test.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603
        [str(ROOT / "bin/cluster")],
        cwd=ROOT,
        env={**os.environ, "CLUSTER_UNTIL_FILE": str(until)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 900
        while not ready.exists():
            if process.poll() is not None:
                pytest.fail(f"bin/cluster exited: {(CLUSTER_DIR.parent / 'cluster-test.log').read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail("bin/cluster was not ready within 900 s")
            time.sleep(1)
        yield Cluster()
    finally:
        until.unlink(missing_ok=True)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(timeout=30)
        log.close()


USER_AND_COURSE = """
import datetime, uuid
from allauth.account.models import EmailAddress
from django.utils import timezone
from accounts.models import User
from courses import services
from courses.institutes import institute_setup
from courses.models import CourseIndexPage, CoursePage, CourseRun, Enrolment, InstitutePage, LessonPage
from home.models import HomePage
tag = uuid.uuid4().hex[:8]
catalog = CourseIndexPage.objects.first() or HomePage.objects.get().add_child(
    instance=CourseIndexPage(title="교육과정 안내", title_en="Course catalog", slug="courses"))
institute = institute_setup(institute=catalog.add_child(
    instance=InstitutePage(title=f"클러스터연구원 {tag}", title_en=f"Cluster Institute {tag}", slug=f"cluster-{tag}")))
course = institute.add_child(instance=CoursePage(
    title="드론 정비", title_en="Drone maintenance", slug=f"course-{tag}", summary="과정", summary_en="Course",
    category="maintenance", level="beginner", study_hours=8, delivery_mode="online", enrolment_policy="open"))
course.save_revision().publish()
lesson = course.add_child(instance=LessonPage(title="1차시", slug=f"lesson-{tag}", study_minutes=0,
    body=[{"type": "paragraph", "value": "<p>정비 기초</p>"}]))
lesson.save_revision().publish()
today = timezone.localdate()
run = CourseRun.objects.create(course=course, title="1차", starts_on=today - datetime.timedelta(days=1),
    ends_on=today + datetime.timedelta(days=30))
password = uuid.uuid4().hex
user = User.objects.create_user(email=f"cluster-{tag}@example.com", password=password, name_ko="김군집", name_en="Cluster Kim")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
enrolment = Enrolment.objects.create(run=run, user=user, status=Enrolment.Status.ACTIVE)
print(user.email, password, lesson.pk, enrolment.pk)
"""


def user_with_enrolment(cluster: Cluster) -> dict:
    line = [ln for ln in cluster.manage(USER_AND_COURSE).splitlines() if re.match(r"^cluster-\w+@", ln)][-1]
    email, password, lesson_id, enrolment_id = line.split()
    return {"email": email, "password": password, "lesson_id": int(lesson_id), "enrolment_id": int(enrolment_id)}
