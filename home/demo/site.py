"""The demo home page and site settings."""

from __future__ import annotations

from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings

HERO = {
    "hero_title": "군용 드론 전문 인력, 대전에서 키웁니다",
    "hero_title_en": "Building Korea's military drone workforce in Daejeon",
    "hero_text": (
        "대전 방산혁신클러스터의 방산특화개발연구소가 방산 중소·벤처기업 재직자를 위해 운영하는 "
        "드론 조종, 정비, 대드론, 임무SW, 품질·보안 교육과정을 온라인으로 수강하고 수료증을 받으세요."
    ),
    "hero_text_en": (
        "Courses in drone piloting, maintenance, counter-drone, mission software and quality and "
        "security, run by the cluster's R&D institutes for the staff of defense SMEs and start-ups. "
        "Study online and earn a verifiable certificate."
    ),
    "hero_cta_text": "교육과정 보기",
    "hero_cta_text_en": "Browse courses",
    "featured_heading": "추천 교육과정",
    "featured_heading_en": "Featured courses",
}

BODY = [
    {"type": "heading", "value": {"text": "아카데미 이용 안내", "size": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<ol><li>회원가입 후 교육과정을 찾아 수강신청합니다.</li>"
            "<li>차시별 학습과 온라인평가를 마치면 수료기준 충족 즉시 수료 처리됩니다.</li>"
            "<li>발급된 수료증은 QR 코드나 수료증 번호로 누구나 진위를 확인할 수 있습니다.</li></ol>"
        ),
    },
    {
        "type": "callout",
        "value": {
            "kind": "security",
            "title": "보안 유의사항",
            "text": "<p>교육 자료에는 방산 관련 정보가 포함될 수 있습니다. 외부로 반출하거나 공유하지 마세요.</p>",
        },
    },
]
BODY_EN = [
    {"type": "heading", "value": {"text": "How the Academy works", "size": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<ol><li>Sign up, find a course and enrol.</li>"
            "<li>Study the lessons and take the assessments; you complete the moment you meet the "
            "course's completion rule.</li>"
            "<li>Anyone can verify your certificate by its QR code or its code.</li></ol>"
        ),
    },
    {
        "type": "callout",
        "value": {
            "kind": "security",
            "title": "Security notice",
            "text": "<p>Course material may contain defense-related information. Do not take it out or share it.</p>",
        },
    },
]

SETTINGS = {
    "contact_email": "academy@example.com",
    "contact_phone": "042-000-0000",
    "address": "대전광역시 유성구 대학로 (대전 방산혁신클러스터)",
    "address_en": "Daehak-ro, Yuseong-gu, Daejeon (Daejeon Defense Innovation Cluster)",
}


def load_site(*, port: int = 8000) -> HomePage:
    home = HomePage.objects.first()
    if home is None:  # the migration creates it; rebuild only if someone deleted it
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="대전 방산혁신클러스터 아카데미", slug="home"))
    changed = False
    for field, value in HERO.items():
        if not getattr(home, field):
            setattr(home, field, value)
            changed = True
    if not home.body:
        home.body = BODY
        changed = True
    if not home.body_en:
        home.body_en = BODY_EN
        changed = True
    if changed:
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=port, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != "대전 방산혁신클러스터 아카데미":
        site.root_page = home
        site.site_name = "대전 방산혁신클러스터 아카데미"
        site.save()
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        for field, value in SETTINGS.items():
            setattr(site_settings, field, value)
        site_settings.save()
    return home
