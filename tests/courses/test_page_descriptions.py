"""Every page type of the Academy tells editors what it is for (Wagtail's ``page_description``)."""

from pathlib import Path

from django.conf import settings
from django.utils import translation
from wagtail.models import get_page_models


def our_page_models() -> list:
    root = Path(settings.BASE_DIR).resolve()
    return [
        model
        for model in get_page_models()
        # Our apps are the top-level folders of the repository (a virtualenv inside it holds Wagtail's).
        if not model._meta.abstract and Path(model._meta.app_config.path).resolve().parent == root
    ]


def test_every_page_type_of_ours_has_a_description_in_korean_and_english():
    models = our_page_models()
    assert {model.__name__ for model in models} >= {"HomePage", "CoursePage", "LessonPage", "QuizPage"}
    for model in models:
        assert "page_description" in vars(model), f"{model.__name__} has no page_description of its own"
        with translation.override("en"):
            english = str(model.get_page_description())
        with translation.override("ko"):
            korean = str(model.get_page_description())
        assert english.strip(), model.__name__
        assert korean != english, f"{model.__name__}'s description is not translated"


def test_the_editor_reads_it_when_choosing_what_to_add_under_a_course(client, db):
    from assessments.models import QuizPage
    from courses.models import LessonPage, ModulePage
    from tests import factories as f

    institute = f.institute_page("알파연구원")
    course = f.course_page(institute, "알파 과정")
    client.force_login(f.manager_of(institute))

    text = client.get(f"/cms/pages/{course.pk}/add_subpage/").content.decode()

    with translation.override("ko"):
        for model in (ModulePage, LessonPage, QuizPage):
            assert str(model.get_page_description()) in text, model.__name__
