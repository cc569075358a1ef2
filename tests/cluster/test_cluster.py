"""The cluster of bin/cluster through nginx: two web nodes, two workers, shared PostgreSQL, Redis and S3."""

from __future__ import annotations

import hashlib
import time

import boto3
import pytest

from .conftest import csrf, user_with_enrolment

pytestmark = pytest.mark.cluster

CERTIFICATE = """
from certificates.models import Certificate
c = Certificate.objects.filter(enrolment_id={enrolment_id}).first()
print("CERT", c.state if c else "-", c.code if c else "-", c.sha256 or "-" if c else "-", c.pdf.name or "-" if c else "-", c.public_id if c else "-")
"""


def certificate(cluster, enrolment_id) -> dict:
    line = [
        ln for ln in cluster.manage(CERTIFICATE.format(enrolment_id=enrolment_id)).splitlines() if ln.startswith("CERT")
    ]
    _, state, code, sha256, pdf, public_id = line[-1].split()
    return {"state": state, "code": code, "sha256": sha256, "pdf": pdf, "public_id": public_id}


def test_nginx_answers_with_a_request_id_and_balances_over_both_nodes(cluster):
    browser = cluster.browser()
    upstreams = set()
    for _ in range(8):
        response = browser.get(f"{cluster.url}/healthz", timeout=30)
        assert response.status_code == 200
        assert len(response.headers["X-Request-ID"]) == 32
        upstreams.add(response.headers["X-Academy-Upstream"])
    assert len(upstreams) == 2, upstreams
    chosen = browser.get(f"{cluster.url}/healthz", headers={"X-Request-ID": "drill-42"}, timeout=30)
    assert chosen.headers["X-Request-ID"] == "drill-42"


def test_a_session_made_on_one_node_is_valid_on_the_other(cluster):
    person = user_with_enrolment(cluster)
    browser = cluster.browser()
    cluster.log_in(browser, cluster.node_urls[1], person["email"], person["password"])
    for node in (1, 2):
        response = browser.get(f"{cluster.node_urls[node]}/learn/", timeout=30, allow_redirects=False)
        assert response.status_code == 200, (node, response.status_code, response.headers.get("Location"))


def test_a_certificate_completed_on_node_1_is_rendered_stored_in_s3_and_downloaded_on_node_2(cluster):
    person = user_with_enrolment(cluster)
    browser = cluster.browser()
    node1, node2 = cluster.node_urls[1], cluster.node_urls[2]
    cluster.log_in(browser, node1, person["email"], person["password"])
    done = browser.post(
        f"{node1}/learn/lessons/{person['lesson_id']}/complete/",
        data={"csrfmiddlewaretoken": csrf(browser)},
        headers={"Referer": f"{node1}/learn/"},
        timeout=30,
        allow_redirects=False,
    )
    assert done.status_code == 302

    deadline = time.monotonic() + 180
    issued = certificate(cluster, person["enrolment_id"])
    while issued["state"] != "issued" and time.monotonic() < deadline:
        time.sleep(2)
        issued = certificate(cluster, person["enrolment_id"])
    assert issued["state"] == "issued", issued

    s3 = boto3.client(
        "s3",
        endpoint_url=cluster.env["AWS_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id=cluster.env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=cluster.env["AWS_SECRET_ACCESS_KEY"],
    )
    stored = s3.get_object(Bucket=cluster.env["AWS_STORAGE_BUCKET_NAME"], Key=issued["pdf"])["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == issued["sha256"]

    download = browser.get(f"{node2}/learn/certificates/{issued['public_id']}/certificate.pdf", timeout=60)
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(download.content).hexdigest() == issued["sha256"]


def test_the_rate_limit_is_shared_by_both_nodes(cluster):
    browser = cluster.browser()
    statuses = []
    for i in range(40):  # ACADEMY_VERIFY_RATE_PER_MINUTE is 30 per client, whichever node answers
        node = cluster.node_urls[1 + i % 2]
        statuses.append(browser.get(f"{node}/verify/ABCDE-FGHJK-MNPQR-STVW0/", timeout=30).status_code)
    assert statuses.count(429) >= 10, statuses
    assert set(statuses[:30]) <= {200, 404}, statuses[:30]


PUBLISH_NEW_TITLE = """
from courses.models import CoursePage
course = CoursePage.objects.get(pk={course_id})
course.title = "{title}"
course.save_revision().publish()
print("PUBLISHED", course.url_path)
"""

COURSE_PAGE = """
from courses.models import CoursePage
course = CoursePage.objects.live().order_by("-pk").first()
print("COURSE", course.pk, course.get_url())
"""


def test_the_page_cache_is_renewed_on_both_nodes_when_an_editor_publishes(cluster):
    user_with_enrolment(cluster)  # a live course page
    line = [ln for ln in cluster.manage(COURSE_PAGE).splitlines() if ln.startswith("COURSE")][-1]
    _, course_id, path = line.split()
    visitor = cluster.browser()
    for node in (1, 2):  # the page, cached for anonymous visitors, is a hit on both nodes
        answers = [visitor.get(f"{cluster.node_urls[node]}{path}", timeout=30) for _ in range(2)]
        assert [a.status_code for a in answers] == [200, 200]
        assert answers[-1].headers.get("X-Academy-Cache") == "hit", node
    cluster.manage(PUBLISH_NEW_TITLE.format(course_id=course_id, title="드론 정비 개정판"))
    for node in (1, 2):
        page = visitor.get(f"{cluster.node_urls[node]}{path}", timeout=30)
        assert page.status_code == 200
        assert "드론 정비 개정판" in page.text, node
