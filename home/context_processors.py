from django.conf import settings


def academy(request):
    return {"site_name": settings.WAGTAIL_SITE_NAME}
