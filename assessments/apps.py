from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from courses import classroom, completion, events, institutes, reporting
        from courses.permissions import register_institute_policy

        from . import evidence, funded, retention
        from .assignments import funded_assignment_scores, stored_file_forget
        from .funded import classroom_scores, funded_requirements, reported_scores
        from .models import (
            AssignmentSubmission,
            PracticalAssessment,
            Question,
            QuestionBank,
            RetakeGrant,
            SimilarityCase,
            SubmissionFile,
        )
        from .selectors import assessment_requirements
        from .services import grant_authoring_permissions, on_proxy_learning_confirmed
        from .similarity import similarity_requirements

        evidence.register_sections()  # attempts, submissions and 모사 decisions in the evidence pack
        retention.register_destroyers()  # and their destruction 3 years after a funded run
        completion.register_requirement_provider(assessment_requirements)
        completion.register_requirement_provider(funded_requirements)  # funded runs: the weighted total
        completion.register_requirement_provider(similarity_requirements)  # 모사답안 판정 / 검토 중
        funded.register_assignment_score_source(funded_assignment_scores)  # the 과제 part of that total
        classroom.register_score_reader(classroom_scores)  # the funded classroom's 평가 rows
        reporting.register_score_report_reader(reported_scores)  # the 공단 reports (compliance.emon)
        institutes.register_institute_setup_listener(grant_authoring_permissions)
        events.subscribe("proxy_learning_confirmed", on_proxy_learning_confirmed)  # 대리수강: scores voided
        # Storage clean-up, not domain work: a submitted file's stored copy goes with its row, however
        # the row goes (a cascade from the assignment page, the submission, the enrolment, the account).
        post_delete.connect(stored_file_forget, sender=SubmissionFile, dispatch_uid="academy-submission-file-forget")
        register_institute_policy(QuestionBank, institute_field="institute")
        register_institute_policy(Question, institute_field="bank__institute")
        register_institute_policy(PracticalAssessment, course_field="course")
        register_institute_policy(RetakeGrant, course_field="enrolment__run__course")
        register_institute_policy(SimilarityCase, course_field="run__course", no_staff_actions=("add", "delete"))
        # Submissions are the trainees' work: staff read and grade them, never add or delete them.
        register_institute_policy(
            AssignmentSubmission, course_field="enrolment__run__course", no_staff_actions=("add", "delete")
        )
