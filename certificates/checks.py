"""System checks: the certificate PDF needs the shipped font and fast (HarfBuzz) font subsetting."""

from django.core.checks import Error, Warning, register


@register()
def certificate_pdf_check(app_configs, **kwargs):
    from django.contrib.staticfiles import finders

    from .pdf import FONT_FILES, subsetting_backend

    problems = []
    for font in FONT_FILES:
        if not finders.find(font):
            problems.append(Error(f"The certificate font static/{font} is missing.", id="certificates.E001"))
    if subsetting_backend() != "harfbuzz":
        problems.append(
            Warning(
                "WeasyPrint subsets fonts with fontTools: a certificate takes about half a second instead "
                "of a few milliseconds.",
                hint="Install Debian's libharfbuzz-subset0 (bin/setup does).",
                id="certificates.W001",
            )
        )
    return problems
