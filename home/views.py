from __future__ import annotations

import logging
import uuid

from celery import current_app
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_broker() -> str:
    # The project's Celery app (lms/__init__.py loads it first), without importing the wiring package.
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


HEALTH_RESULT_KEY = "academy:healthz:result"
HEALTH_WRITE_KEY = "academy:healthz:storage-written"
STORAGE_PROBE = "healthz/probe.txt"


def _check_storage(*, write: bool) -> str:
    """Write, read back and keep a small probe file; or, when another request wrote it within the
    interval, only list the storage (no write)."""
    if not write:
        default_storage.listdir("")
        return "ok"
    content = uuid.uuid4().hex.encode()
    if default_storage.exists(STORAGE_PROBE):
        default_storage.delete(STORAGE_PROBE)
    name = default_storage.save(STORAGE_PROBE, ContentFile(content))
    try:
        with default_storage.open(name) as handle:
            if handle.read() != content:
                raise OSError("storage returned different bytes")
    finally:
        if name != STORAGE_PROBE:  # another writer's probe was in the way: leave no stray copy
            default_storage.delete(name)
    return "ok"


def _run_checks(*, write_storage: bool) -> dict[str, str]:
    checks = {
        "database": _check_database,
        "broker": _check_broker,
        "storage": lambda: _check_storage(write=write_storage),
    }
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as exc:  # any failure is reported, never raised
            logger.warning("healthz: %s failed: %r", name, exc)
            results[name] = "error"
    return results


def health() -> dict[str, str]:
    """The checks' results, at most ``ACADEMY_HEALTHZ_MAX_AGE`` seconds old, shared by every web
    node through the cache. Storage is written to at most once per interval (the request that
    wins the cache's ``add``); the others in that interval only list it. Without a reachable cache
    the checks run for the request, never writing to storage."""
    max_age = settings.ACADEMY_HEALTHZ_MAX_AGE
    try:
        cached = cache.get(HEALTH_RESULT_KEY)
        if cached is not None:
            return cached
        write = cache.add(HEALTH_WRITE_KEY, True, max_age)
    except Exception as exc:
        logger.warning("healthz: the cache failed: %r", exc)
        return _run_checks(write_storage=False)
    results = _run_checks(write_storage=write)
    try:
        cache.set(HEALTH_RESULT_KEY, results, max_age)
    except Exception as exc:
        logger.warning("healthz: the cache failed: %r", exc)
    return results


@never_cache
@require_GET
def healthz(request):
    """Health of the database, the broker and media storage: 200 when all are fine, else 503."""
    results = health()
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503)


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request):
    # No context processors: whatever broke may be what they need.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site_name": settings.WAGTAIL_SITE_NAME}))


@login_required
def learn_dashboard(request):
    """나의 강의실: the trainee's own enrolments, progress, requests, waitlists, completions and certificates."""
    from certificates.selectors import learn_certificates
    from certificates.verification import verification_counts
    from compliance.pledges import pending_exit_pledge
    from courses.presenters import learn_dashboard as course_dashboard

    # A membership ended: the exit pledge (퇴직·전보 서약) comes first, until signed or declined.
    exit_pledge = pending_exit_pledge(request.user)
    if exit_pledge is not None:
        return redirect("pledge_exit", exit_id=exit_pledge.pk)
    context = course_dashboard(user=request.user)
    certificates = learn_certificates(user=request.user)
    counts = verification_counts([item.certificate.pk for item in certificates]) if certificates else {}
    for item in certificates:
        item.verified_count = counts.get(item.certificate.pk, 0)
    context["certificates"] = certificates
    return render(request, "home/learn.html", context)


@login_required
def funded_notice(request, run_id: int):
    """학습 유의사항 of a funded run: 본인인증, 수료기준, 1일 진도제한, 평가/과제, 모사답안 (DOMAIN-KR §6).
    The rules are the same for everyone, so any signed-in visitor may read those of a published course
    they may view; a course not published (or restricted) shows them only to the run's trainees and the
    institute's staff: anyone else, like an unfunded run, gets 404 (the page names the course and run)."""
    from django.http import Http404
    from django.shortcuts import get_object_or_404

    from courses.classroom import funded_notice as notice_of
    from courses.models import CourseRun, Enrolment
    from courses.permissions import user_is_institute_staff

    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=run_id, emp_ins_flag__gt=0)
    course = run.course
    public = course.live and all(r.accept_request(request) for r in course.get_view_restrictions())
    if not (
        public
        or Enrolment.objects.filter(run=run, user=request.user).exists()
        or user_is_institute_staff(user=request.user, institute=course.institute)
    ):
        raise Http404
    return render(request, "home/funded_notice.html", {"notice": notice_of(run)})


def switch_language(request):
    """The language switch on every page: a plain link, so public pages carry no form (and can be
    cached); the choice is kept in the language cookie for a year."""
    from django.http import HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    language = request.GET.get("language", "")
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=False,
        )
    return response
