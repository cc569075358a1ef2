"""Domain events of the training record, for the apps above ``courses`` (DESIGN: the floors).

A service that changes the record says so with ``emit(name, **data)``; apps that must keep
something in step (``compliance``: the 공단 reporting outbox, proxy-learning signals, evidence)
``subscribe`` at start-up in their ``AppConfig.ready``. Listeners run **synchronously, inside the
transaction of the change**: what they write commits or rolls back with it (an outbox row is never
written for a change that did not happen, nor lost for one that did). A listener must therefore be
quick and must not call out to the network; work for later goes through ``transaction.on_commit``.

``assessments`` emits through this module too (it stands on ``courses``); ``accounts`` is lower
and has no events here (a login is allauth's signal).

Event names and their keyword data (add new ones here, with their data):

- ``enrolment_status_changed``: enrolment, from_status, to_status, actor, reason, override
- ``lesson_study_started``: enrolment, lesson, progress, now — the first heartbeat of a visit to a
  차시 (a page load, or after a pause), before any credit
- ``lesson_study_credited``: enrolment, lesson, progress, seconds, now — after a heartbeat credited time
- ``lesson_study_completed``: enrolment, lesson, progress, now — the 차시 reached 100 % (funded) or
  was finished
- ``assessment_submitted``: enrolment, kind ("quiz"/"assignment"), obj, now — an attempt or a
  submission handed in (after it was totalled); the enrolment may be an id-only instance
- ``assessment_scored``: enrolment, kind, obj, now — a score was set or changed (grading, regrade,
  모사 decision, a 과제 reopened); the enrolment may be an id-only instance (``Enrolment(pk=…)``)
- ``proxy_learning_confirmed``: enrolment, reason, actor, now — the run's institute confirmed
  대리수강 (proxy learning, DOMAIN-KR §1.8) for this enrolment (``compliance.proxy``); the
  assessments app voids its scores (``assessments.services.proxy_learning_void_scores``)
- ``course_run_saved``: run, created, changed (the form's changed field names) — a run added or
  edited in the admin (``services.course_run_save``)
- ``identity_checked``: check — an identity check (``compliance.IdentityCheck``: user, enrolment,
  eval_cd, class_tme, result, raw_code, provider_tx_id, at; passed or not) was recorded; emitted by
  ``compliance.services.identity_check_record``
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[..., None]

_listeners: dict[str, list[Listener]] = {}


def subscribe(name: str, listener: Listener) -> None:
    listeners = _listeners.setdefault(name, [])
    if listener not in listeners:
        listeners.append(listener)


def emit(name: str, **data) -> None:
    """Call every listener of ``name`` now, in the caller's transaction, in subscription order."""
    for listener in _listeners.get(name, ()):
        listener(**data)
