from wagtail import hooks

from accounts.services import ERASE_HOOK, EXPORT_HOOK
from notifications import personal_data

hooks.register(EXPORT_HOOK, personal_data.user_data)
hooks.register(ERASE_HOOK, personal_data.user_data_erase)
