"""Who reads which question: the learner's pages and every admin view, as a small matrix."""

from __future__ import annotations

import pytest

from community.models import Question, Reply

from .conftest import client_for

pytestmark = pytest.mark.django_db

#: (user, question) → may read it on the learner's pages.
READS = {
    "ann": {"ann_private", "ann_public"},  # her own two
    "bob": {"ann_public"},  # same run: the public one only
    "cat": {"cat_public"},  # another run: not run 1's public question
    "dan": set(),  # not enrolled
    "withdrawn": set(),  # withdrawn from run 1: no longer a reader of its public questions
    "instructor_a": {"ann_private", "ann_public", "cat_public"},
    "manager_a": {"ann_private", "ann_public", "cat_public"},
    "instructor_b": set(),
    "manager_b": set(),
    "admin": {"ann_private", "ann_public", "cat_public"},
}


def _detail(world, key):
    question = world["questions"][key]
    return f"/learn/courses/{question.course_id}/questions/{question.pk}/"


@pytest.mark.parametrize("role", sorted(READS))
def test_question_pages_open_only_for_their_readers(world, role):
    client = client_for(world["users"][role])
    for key, question in world["questions"].items():
        response = client.get(_detail(world, key))
        expected = 200 if key in READS[role] else 404
        assert response.status_code == expected, (role, key)
        if expected == 200:
            assert question.title in response.content.decode()
    listing = client.get(f"/learn/courses/{world['course'].pk}/questions/")
    text = listing.content.decode()
    if role in ("dan", "withdrawn", "instructor_b", "manager_b"):
        assert listing.status_code == 404
    else:
        assert listing.status_code == 200
        shown = {key for key, q in world["questions"].items() if q.title in text}
        assert shown == READS[role], role


def test_anonymous_visitors_are_sent_to_the_login(world):
    client = client_for(None)
    for url in (f"/learn/courses/{world['course'].pk}/questions/", _detail(world, "ann_public")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client.post(url, {"title": "x", "body": "y", "visibility": "private"}).status_code == 302
    assert Question.objects.count() == 3


def test_another_trainee_reads_a_public_question_but_cannot_reply(world):
    bob = client_for(world["users"]["bob"])
    response = bob.post(_detail(world, "ann_public"), {"body": "저도 궁금합니다"})
    assert response.status_code == 403
    assert not Reply.objects.exists()


def test_a_question_of_another_course_id_in_the_url_is_not_found(world):
    """The course in the URL must be the question's: no reading through another course's board."""
    question = world["questions"]["ann_private"]
    ann = client_for(world["users"]["ann"])
    assert ann.get(f"/learn/courses/{world['other_course'].pk}/questions/{question.pk}/").status_code == 404


def _admin_urls(question: Question) -> list[str]:
    pk = question.pk
    return [
        f"/cms/community/questions/inspect/{pk}/",
        f"/cms/community/questions/edit/{pk}/",
        f"/cms/community/questions/delete/{pk}/",
        f"/cms/community/questions/history/{pk}/",
        f"/cms/community/questions/history-results/{pk}/",
        f"/cms/community/questions/usage/{pk}/",
    ]


@pytest.mark.parametrize("role", ["instructor_b", "manager_b", "ann", "bob", "anonymous"])
def test_every_admin_view_of_a_question_refuses_others(world, role):
    client = client_for(world["users"][role])
    question = world["questions"]["ann_private"]
    for url in _admin_urls(question):
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"body": "침입", "title": "바뀜"} if method == "post" else None)
            assert response.status_code in (302, 403, 404), (role, method, url, response.status_code)
            assert question.title not in response.content.decode()
    index = client.get("/cms/community/questions/")
    assert index.status_code in (200, 302, 403)
    assert question.title not in index.content.decode()
    question.refresh_from_db()
    assert question.title == "앤 비공개 질문" and question.waiting_since is not None
    assert not Reply.objects.exists()


def test_the_institutes_staff_open_every_admin_view(world):
    question = world["questions"]["ann_private"]
    manager = client_for(world["users"]["manager_a"])
    for url in _admin_urls(question):
        assert manager.get(url).status_code == 200, url
    instructor = client_for(world["users"]["instructor_a"])
    assert instructor.get(f"/cms/community/questions/inspect/{question.pk}/").status_code == 200
    # Wagtail answers a refused action with a redirect to the dashboard (and a message)
    assert instructor.get(f"/cms/community/questions/delete/{question.pk}/").status_code in (302, 403)  # managers
    assert instructor.post(f"/cms/community/questions/delete/{question.pk}/").status_code in (302, 403)
    assert Question.objects.filter(pk=question.pk).exists()
    assert instructor.get("/cms/community/questions/new/").status_code in (302, 403)  # trainees ask on their board
