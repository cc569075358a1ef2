"""The learner's question list and the staff inbox read a fixed number of queries, at any size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Question, Reply
from tests import factories as f

from .conftest import client_for, make_question

pytestmark = pytest.mark.django_db


def _grow(world, n, start=0):
    run = world["run1"]
    for i in range(start, start + n):
        trainee = f.UserFactory()
        f.enrolment(run, trainee)
        question = make_question(
            run, trainee, title=f"질문 {i}", visibility=Question.Visibility.PUBLIC, waiting=i % 2 == 0
        )
        Reply.objects.create(question=question, author=world["users"]["instructor_a"], body="답", by_staff=True)


def _measure(client, url) -> int:
    client.get(url)  # the session and the caches warmed
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who,url", [("ann", "board"), ("manager_a", "inbox")])
def test_the_learners_list_and_the_staff_inbox_do_not_grow_with_the_questions(
    world, who, url, django_assert_num_queries
):
    client = client_for(world["users"][who])
    url = {"board": f"/learn/courses/{world['course'].pk}/questions/", "inbox": "/cms/community/questions/"}[url]
    _grow(world, 2)
    small = _measure(client, url)
    _grow(world, 30, start=2)
    client.get(url)
    with django_assert_num_queries(small):
        response = client.get(url)
    assert "질문 31" in response.content.decode() or who == "manager_a"
    if who == "manager_a":
        assert "질문 30" in response.content.decode()  # waiting (even numbers), oldest first, on the first page
