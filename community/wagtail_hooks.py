from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    from .admin_views import NoticeViewSet, QuestionViewSet

    return [NoticeViewSet(), QuestionViewSet()]
