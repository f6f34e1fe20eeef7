from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users with the users admin for accounts.User (see accounts.admin_views.UserViewSet)."""

    user_viewset = "accounts.admin_views.UserViewSet"
