"""Demo certificates: a template per institute, the trainee's issued certificate and a revoked one.

``load_certificate_templates`` runs before the demo learning, so the certificate written when the
demo trainee completes ``defense-quality-management`` uses its institute's template;
``load_certificates`` then renders it at once (the demo worker would too, a little later) and adds
a second completed course whose certificate the institute's manager revoked, so the dashboard and
the admin show every state. The templates' signatories, colours and validity and the revocation's
reason are in ``data/certificates.json``. Everything goes through the services; a second run
changes nothing.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

from accounts.models import User
from certificates import services as certificate_services
from certificates.models import Certificate, CertificateSignatory, CertificateTemplate, RevocationCategory
from courses import services as course_services
from courses.models import CoursePage, Enrolment, InstitutePage

from . import content, learning

#: Second completed course of the demo trainee, whose certificate its institute's manager revoked.
#: (Not ``mission-sw-px4-ardupilot``: the browser test enrols the demo trainee there.)
REVOKED_COURSE = "counter-drone-intro"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(Path(settings.BASE_DIR) / "static/fonts/NanumMyeongjoBold.ttf"), size)


def _seal_png(text: str) -> bytes:
    """A round red institute seal (직인) with up to four characters."""
    size = 360
    image = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 30, 30, 235)
    draw.ellipse((12, 12, size - 12, size - 12), outline=red, width=16)
    draw.ellipse((40, 40, size - 40, size - 40), outline=red, width=5)
    # Read top to bottom, right column first, as Korean seals are.
    chars = (text + "인")[:4]
    font = _font(100)
    cells = [(1, 0), (1, 1), (0, 0), (0, 1)]
    for char, (column, row) in zip(chars, cells, strict=False):
        centre = (size / 2 + (column - 0.5) * 112, size / 2 + (row - 0.5) * 112)
        draw.text(centre, char, font=font, fill=red, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _signature_png(seed: int) -> bytes:
    """A handwritten-looking stroke, different for each signatory."""
    width, height = 600, 180
    image = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(240):
        t = step / 239
        x = 30 + t * (width - 60)
        y = height / 2 + 42 * math.sin(t * (9 + seed) + seed) * (1 - 0.6 * t) + 18 * math.sin(t * 31 + seed)
        points.append((x, y))
    draw.line(points, fill=(20, 30, 90, 255), width=7, joint="curve")
    draw.line([(60, height - 35), (width - 120, height - 45)], fill=(20, 30, 90, 255), width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _image(institute: InstitutePage, title: str, data: bytes, filename: str) -> Image:
    existing = Image.objects.filter(title=title, collection=institute.collection).first()
    if existing is not None:
        return existing
    return Image.objects.create(
        title=title, collection=institute.collection, file=ImageFile(io.BytesIO(data), name=filename)
    )


def ensure_template(institute: InstitutePage, data: dict, *, name: str) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(institute=institute, name=name).first()
    if template is not None:
        return template
    signatory = data["signatory"]
    seal = _image(institute, f"{institute.title} 직인", _seal_png(institute.title[:3]), f"seal-{institute.slug}.png")
    signature = _image(
        institute,
        f"{signatory['name_ko']} 서명",
        _signature_png(len(institute.slug)),
        f"signature-{institute.slug}.png",
    )
    template = CertificateTemplate.objects.create(
        institute=institute,
        name=name,
        seal=seal,
        primary_colour=data["primary_colour"],
        accent_colour=data["accent_colour"],
        validity_months=data["validity_months"],
    )
    CertificateSignatory.objects.create(template=template, **signatory, signature=signature)
    return template


def load_certificate_templates(courses: dict[str, CoursePage]) -> None:
    data = content.read("certificates")
    institutes = {course.institute.slug: course.institute for course in courses.values()}
    for slug, template_data in data["templates"].items():
        if slug in institutes:
            ensure_template(institutes[slug], template_data, name=data["template_name"])


def _render_pending(trainee: User) -> None:
    """Render now what the demo worker would render after commit (the task then finds it done)."""
    for certificate_id in Certificate.objects.for_user(trainee).needs_rendering().values_list("pk", flat=True):
        certificate_services.certificate_render(certificate_id=certificate_id)


def load_certificates(trainee: User, courses: dict[str, CoursePage], quizzes: dict) -> None:
    course = courses[REVOKED_COURSE]
    manager = course.institute.managers_group.user_set.order_by("pk").first()
    run = course.runs.order_by("starts_on").first()
    enrolment = Enrolment.objects.filter(user=trainee, run=run).first()
    if enrolment is None:
        enrolment = course_services.enrolment_request(user=trainee, run=run)
        if enrolment.status == Enrolment.Status.PENDING:  # the course needs approval
            course_services.enrolment_approve(enrolment=enrolment, actor=manager)
        learning._study(enrolment, list(course.lessons()))
        if REVOKED_COURSE in quizzes:
            learning._pass_quiz(quizzes[REVOKED_COURSE], trainee)
    _render_pending(trainee)
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    if certificate is not None and certificate.state != Certificate.State.REVOKED:
        certificate_services.certificate_revoke(
            certificate=certificate,
            actor=manager,
            reason=content.read("certificates")["revocation_reason"],
            category=RevocationCategory.MISCONDUCT,
        )
