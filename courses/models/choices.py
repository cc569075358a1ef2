"""The vocabularies of the course domain (GLOSSARY.md gives the Korean words)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    PILOTING = "piloting", _("Piloting")
    MAINTENANCE = "maintenance", _("Maintenance")
    COUNTER_DRONE = "counter_drone", _("Counter-drone")
    MISSION_SW = "mission_sw", _("Mission software")
    QUALITY_SECURITY = "quality_security", _("Quality and security")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class DeliveryMode(models.TextChoices):
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
    ONSITE = "onsite", _("On-site")


class EnrolmentPolicy(models.TextChoices):
    OPEN = "open", _("Open")
    APPROVAL = "approval", _("Approval required")
    INVITATION = "invitation", _("Invitation only")


class FundingScheme(models.IntegerChoices):
    """How a run is paid for: the EMON ``emp_ins_flag`` (DOMAIN-KR §1.0). Anything but 0 is funded."""

    UNFUNDED = 0, _("Not refundable")
    EMPLOYER = 1, _("Employer-provided training")
    CONSORTIUM = 2, _("Consortium training")
    UNEMPLOYED = 3, _("Training for the unemployed")
    WORKER = 4, _("Worker training")


class Sensitivity(models.TextChoices):
    """Who may open a course, lesson or document (DOMAIN-KR §3.3 F3.1). Designated 방위산업기술, 비밀 and
    전략기술 are never on the Academy at all; "restricted" is material the institute judged sensitive
    but not designated (``courses.protection`` holds the conditions that open it)."""

    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")
    RESTRICTED = "restricted", _("Restricted (vetted people only)")
