"""The certificate tests' course whose enrolments complete for real (and issue), reused here."""

from tests.certificates.conftest import course, institute, issue, run, template, trainee  # noqa: F401
