from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users with the users admin for cms.User (see cms.admin_views.UserViewSet)."""

    user_viewset = "cms.admin_views.UserViewSet"
