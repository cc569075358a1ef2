"""Realistic load for ``bench/run.py``: trainees on their journey and HR staff verifying.

Each simulated person thinks 3 to 10 seconds between actions. Trainees (9 in 10): catalog, a
course, a lesson with heartbeats, a quiz (start and submit), 나의 강의실. HR (1 in 10): the
verification page and the API with a batch of codes.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

FIXTURES = json.loads(open(os.environ["BENCH_FIXTURES"]).read())  # noqa: SIM115
SESSIONS = itertools.cycle(FIXTURES["journey_sessions"])
CSRF = FIXTURES["csrf"]
CHOICE_INPUT = re.compile(r'name="q-(\d+)" value="([^"]+)"')


class Trainee(HttpUser):
    weight = 9
    wait_time = between(3, 10)

    def on_start(self):
        # The production settings' cookie names (bench/run.py runs the Academy with them).
        self.client.cookies.set("__Host-sessionid", next(SESSIONS))
        self.client.cookies.set("__Host-csrftoken", CSRF)
        self.headers = {"X-CSRFToken": CSRF, "Referer": self.host + "/"}

    @task
    def journey(self):
        self.client.get(FIXTURES["catalog"], name="catalog")
        self.wait()
        self.client.get(FIXTURES["course"], name="course page")
        self.wait()
        self.client.get(FIXTURES["lesson"], name="lesson page")
        for resume in ("1", ""):
            self.wait()
            self.client.post(
                f"/learn/lessons/{FIXTURES['lesson_id']}/heartbeat/",
                data={"resume": resume},
                headers=self.headers,
                name="lesson heartbeat",
            )
        self.wait()
        start = self.client.post(
            f"/learn/quizzes/{FIXTURES['quiz_id']}/start/",
            headers=self.headers,
            allow_redirects=False,
            name="quiz start",
        )
        location = start.headers.get("Location", "")
        if "/learn/attempts/" in location:
            # Choices are named per attempt: answer with the first choice of each question on the page.
            page = self.client.get(location, name="attempt page").text
            answers = {}
            for question, token in CHOICE_INPUT.findall(page):
                answers.setdefault(f"q-{question}", token)
            self.wait()
            self.client.post(
                location,
                data={"action": "submit", **answers},
                headers=self.headers,
                allow_redirects=False,
                name="quiz submission",
            )
        self.wait()
        self.client.get("/learn/", name="/learn/")


class HR(HttpUser):
    weight = 1
    wait_time = between(3, 10)

    @task(3)
    def verify_page(self):
        self.client.get(f"/verify/{random.choice(FIXTURES['codes'])}/", name="/verify/<code>/")

    @task(1)
    def verify_api(self):
        self.client.post(
            "/api/v1/certificates/verify",
            json={"codes": random.sample(FIXTURES["codes"], 20)},
            name="API verify 20 codes",
        )
