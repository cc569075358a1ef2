"""Where each page type may be created (Wagtail's page-type rules)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, InstitutePage, LessonPage, ModulePage
from home.models import HomePage


class CoursePageTypeRules(WagtailPageTestCase):
    def test_catalog_lives_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(Page, CourseIndexPage)
        self.assertCanNotCreateAt(InstitutePage, CourseIndexPage)
        self.assertEqual(CourseIndexPage.max_count, 1)

    def test_institutes_live_in_the_catalog(self):
        self.assertAllowedParentPageTypes(InstitutePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {InstitutePage})

    def test_courses_live_in_an_institute(self):
        self.assertAllowedParentPageTypes(CoursePage, {InstitutePage})
        self.assertCanNotCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertAllowedSubpageTypes(InstitutePage, {CoursePage})

    def test_lessons_live_in_a_course_or_a_module(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage, ModulePage})
        self.assertTrue({ModulePage, LessonPage} <= set(CoursePage.allowed_subpage_models()))
        self.assertIn(LessonPage, ModulePage.allowed_subpage_models())
        self.assertNotIn(ModulePage, ModulePage.allowed_subpage_models())
        self.assertNotIn(CoursePage, CoursePage.allowed_subpage_models())
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanNotCreateAt(InstitutePage, LessonPage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_home_page_only_takes_the_catalog(self):
        self.assertAllowedSubpageTypes(HomePage, {CourseIndexPage})
