"""Reads for the pages that show everything."""

from courses.models import CoursePage
from courses.presenters import CatalogCard, course_cards


def featured_courses(limit: int = 4) -> list[CatalogCard]:
    """Course cards for the home page: the courses whose next run starts soonest, then the newest."""
    courses = list(CoursePage.objects.live().order_by("-first_published_at")[:limit])
    cards = course_cards(courses)
    far_future = "9999-12-31"
    return sorted(cards, key=lambda card: str(card.next_run.starts_on) if card.next_run else far_future)
