"""More employees of the demo organisation, at different stages, for the HR screens.

Everything goes through the services (each employee is invited by the demo HR person and
accepts); existing people, memberships and enrolments are left alone. Who they are is in
``data/people.json``.
"""

from __future__ import annotations

from accounts.models import Membership, Organisation, User
from courses import services as course_services
from courses.models import CoursePage, Enrolment

from .learning import _pass_quiz, _study
from .people import EMPLOYEES, ORGANISATION, PEOPLE, ensure_member, ensure_user


def load_organisation(courses: dict[str, CoursePage], quizzes: dict, manager) -> None:
    organisation = Organisation.objects.get(name_ko=ORGANISATION["name_ko"])
    hr = User.objects.get(email=next(person.email for person in PEOPLE if person.key == "hr"))
    people = {}
    for person in EMPLOYEES:
        user = ensure_user(person)
        ensure_member(organisation, user, role=Membership.Role.EMPLOYEE, invited_by=hr)
        people[person.key] = user

    def first_run(slug):
        return courses[slug].runs.order_by("starts_on").first()

    run = first_run("mission-sw-px4-ardupilot")
    if not Enrolment.objects.filter(user=people["studying"], run=run).exists():
        enrolment = course_services.enrolment_request(user=people["studying"], run=run)
        _study(enrolment, list(courses["mission-sw-px4-ardupilot"].lessons()[:3]))

    run = first_run("flight-safety-aviation-law")
    if not Enrolment.objects.filter(user=people["completed"], run=run).exists():
        enrolment = course_services.enrolment_request(user=people["completed"], run=run)
        _study(enrolment, list(courses["flight-safety-aviation-law"].lessons()))
        _pass_quiz(quizzes["flight-safety-aviation-law"], people["completed"])

    run = first_run("counter-drone-intro")
    if not Enrolment.objects.filter(user=people["requested"], run=run).exists():
        course_services.enrolment_request(user=people["requested"], run=run)
