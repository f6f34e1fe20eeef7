from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.admin_views import UserDeleteBulkAction


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("ruta.user.deleted", _("Account deleted"), _("Account deleted and anonymised"))
    actions.register_action(
        "ruta.account.set_up",
        _("Account set up"),
        _("Password, language and time zone chosen from the invitation"),
    )


# After wagtail.users' own delete action (order 0), so this one replaces it.
hooks.register("register_bulk_action", UserDeleteBulkAction, order=1)
