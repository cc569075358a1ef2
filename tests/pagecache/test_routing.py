"""The route cache (pagecache/routing.py) and the cached course structure: fewer queries, never stale.

Every cached route is checked against the page's row on use (so a change made with
``QuerySet.update()``, which sends no signal, is never served stale either), and any change to a
page, a site or a view restriction starts a new generation: these tests change each in turn
between two requests. ``HomePage.route`` finds the pages along a path in one query and leaves the
rest of the path to Wagtail's own routing, so a page that routes its own sub-paths keeps them.
"""

import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from courses.models import LessonPage
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def studying(client):
    institute = f.institute_page()
    course = f.course_page(institute, "군용드론 정비 실무")
    lessons = [f.lesson_page(course, "1차시 기체 점검"), f.lesson_page(course, "2차시 배터리 관리")]
    trainee = f.UserFactory()
    f.enrolment(f.course_run(course), trainee)
    client.force_login(trainee)
    return course, lessons


def without_csrf_tokens(content: bytes) -> str:
    """The page without what differs on every load by design: the CSRF token and the study-session
    token a lesson page claims (one active study session per trainee, DOMAIN-KR §1.8)."""
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())
    return re.sub(r'data-study-session="[^"]+"', "", content)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured]


def test_a_second_visit_skips_route_restrictions_and_course_queries(client, studying):
    course, lessons = studying
    first, cold = queries(client, lessons[0].url)
    second, warm = queries(client, lessons[0].url)

    assert first.status_code == second.status_code == 200
    assert without_csrf_tokens(second.content) == without_csrf_tokens(first.content)
    # The site for the page links ({% page_url %}) comes from the cache with the route.
    assert not any("wagtailcore_site" in sql for sql in warm)
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in warm)
    # The route check on the lesson's row, the trainee, the enrolment and the progress, and the
    # claim of the trainee's one study session (one UPDATE of the study clock): nothing else.
    assert len(warm) <= 5, warm
    assert sum(sql.startswith('UPDATE "courses_studyclock"') for sql in warm) == 1
    assert len(cold) > len(warm)


def test_an_unpublished_lesson_is_gone_at_once(client, studying):
    _course, lessons = studying
    client.get(lessons[0].url)

    lessons[0].unpublish()

    assert client.get(lessons[0].url).status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, studying):
    course, lessons = studying
    old_url = lessons[1].url
    client.get(old_url)
    module = f.module_page(course, "2단원")

    lessons[1].move(module, pos="last-child")
    lessons[1].refresh_from_db()

    old = client.get(old_url)  # Wagtail's redirects app leaves a permanent redirect behind
    assert old.status_code == 301
    assert old["Location"] == lessons[1].url
    new = client.get(lessons[1].url)
    assert new.status_code == 200
    assert "2차시 배터리 관리" in new.content.decode()


def test_a_deleted_page_is_gone_at_once(client, studying):
    _course, lessons = studying
    url = lessons[1].url
    client.get(url)

    Page.objects.get(pk=lessons[1].pk).delete()

    assert client.get(url).status_code == 404


def test_a_new_view_restriction_applies_at_once(client, studying):
    course, lessons = studying
    client.logout()
    assert client.get(course.url).status_code == 200

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(course.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_changed_site_root_applies_at_once(client, studying):
    course, _lessons = studying
    client.logout()
    assert "page-home" in client.get("/").content.decode()

    site = Site.objects.get(is_default_site=True)
    site.root_page = course
    site.save()

    home = client.get("/").content.decode()
    assert "page-course" in home
    assert "page-home" not in home


def test_a_published_lesson_joins_the_syllabus_at_once(client, studying):
    course, lessons = studying
    assert "3차시 비행 전 점검" not in client.get(lessons[0].url).content.decode()

    f.lesson_page(course, "3차시 비행 전 점검").save_revision().publish()

    assert "3차시 비행 전 점검" in client.get(lessons[0].url).content.decode()


def test_a_renamed_course_shows_on_its_lessons_at_once(client, studying):
    course, lessons = studying
    client.get(lessons[0].url)

    course.title = "군용드론 정비 실무 (개정판)"
    course.save_revision().publish()

    assert "군용드론 정비 실무 (개정판)" in client.get(lessons[0].url).content.decode()


def test_a_slug_changed_with_update_is_not_served_at_its_old_address(client, studying):
    _course, lessons = studying
    old_url = lessons[1].url
    assert client.get(old_url).status_code == 200  # the route is kept

    new_url_path = lessons[1].url_path.replace(f"/{lessons[1].slug}/", "/battery-care/")
    Page.objects.filter(pk=lessons[1].pk).update(slug="battery-care", url_path=new_url_path)

    assert client.get(old_url).status_code == 404
    moved = client.get(old_url.replace(f"/{lessons[1].slug}/", "/battery-care/"))
    assert moved.status_code == 200
    assert "2차시 배터리 관리" in moved.content.decode()


def test_a_page_unpublished_with_update_is_gone_at_once(client, studying):
    _course, lessons = studying
    assert client.get(lessons[0].url).status_code == 200  # the route is kept

    Page.objects.filter(pk=lessons[0].pk).update(live=False)

    assert client.get(lessons[0].url).status_code == 404


def test_a_page_whose_revision_moved_with_update_is_loaded_afresh(client, studying):
    """The kept page is a copy from when the route was kept; a new ``latest_revision`` on the
    page's row (set without a signal) sends the request through Wagtail's routing again."""
    _course, lessons = studying
    assert "1차시 기체 점검" in client.get(lessons[0].url).content.decode()  # the route is kept

    revision = lessons[0].save_revision()
    Page.objects.filter(pk=lessons[0].pk).update(title="1차시 기체 점검 (개정)", latest_revision=revision)

    assert "1차시 기체 점검 (개정)" in client.get(lessons[0].url).content.decode()


@pytest.mark.parametrize("host", ["testserver", "other.example"])
def test_page_url_answers_as_wagtails_pageurl(rf, settings, studying, host):
    """``{% page_url %}`` gives what Wagtail's ``{% pageurl %}`` gives, with two sites: a local
    address for a page of the request's site, the full address for a page of the other one."""
    course, _lessons = studying
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other-home"))
    other_page = other_home.add_child(instance=Page(title="Notice", slug="notice"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    template = Template(
        "{% load wagtailcore_tags page_links %}{% page_url course %}|{% pageurl course %}|"
        "{% page_url other %}|{% pageurl other %}"
    )

    ours_course, wagtails_course, ours_other, wagtails_other = template.render(
        Context({"request": rf.get("/", HTTP_HOST=host), "course": course, "other": other_page})
    ).split("|")

    assert (ours_course, ours_other) == (wagtails_course, wagtails_other)
    if host == "testserver":
        assert ours_course.startswith("/") and ours_other == "http://other.example/notice/"
    else:
        assert ours_other == "/notice/" and ours_course.startswith("http://")


def test_a_path_beyond_a_page_is_left_to_wagtails_walk_from_that_page(client, studying, monkeypatch):
    _course, lessons = studying
    walked = []
    wagtails_route = Page.route

    def route(self, request, path_components):
        walked.append((self.pk, list(path_components)))
        return wagtails_route(self, request, path_components)

    monkeypatch.setattr(Page, "route", route)

    assert client.get(lessons[0].url + "appendix/").status_code == 404
    assert walked == [(lessons[0].pk, ["appendix"])]


def test_a_page_that_routes_its_own_sub_paths_keeps_them(client, studying, monkeypatch):
    """As a ``RoutablePageMixin`` page does: the page's own ``route`` answers for the paths below
    it, before its children, every time (such a route is never kept)."""
    _course, lessons = studying
    wagtails_route = Page.route
    asked = []

    def route(self, request, path_components):
        asked.append(list(path_components))
        if path_components == ["print"]:
            return RouteResult(self, kwargs={"printable": True})
        return wagtails_route(self, request, path_components)

    monkeypatch.setattr(LessonPage, "route", route)
    monkeypatch.setattr(LessonPage, "serve", _marking_serve(LessonPage.serve))

    for _ in range(2):
        response = client.get(lessons[0].url + "print/")
        assert response.status_code == 200
        assert response["X-Printable"] == "True"
    assert client.get(lessons[0].url)["X-Printable"] == "False"
    assert asked == [["print"], ["print"], []]


def _marking_serve(serve):
    def marking(self, request, *args, printable=False, **kwargs):
        response = serve(self, request, *args, **kwargs)
        response["X-Printable"] = str(printable)
        return response

    return marking


def test_templates_link_to_pages_without_wagtails_site_query():
    """Every template links to pages with ``{% page_url %}``: Wagtail's ``{% pageurl %}`` would
    look up the request's site again (one query per request on every page that links)."""
    from pathlib import Path

    from django.conf import settings

    roots = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    roots += [
        Path(settings.BASE_DIR) / app / "templates"
        for app in ("accounts", "assessments", "certificates", "courses", "hr", "home", "compliance")
    ]
    using = [str(p) for root in roots if root.exists() for p in root.rglob("*.html") if "{% pageurl" in p.read_text()]
    assert using == []
