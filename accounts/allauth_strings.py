"""allauth's strings that our sign-in pages show, in our own words (#18).

allauth's Spanish catalog speaks to the reader as "tú" in some of them and writes others in Title Case
("Restablecer Contraseña"); Ruta says "usted" and writes sentence case everywhere. Marking the msgids
here keeps them in locale/es/LC_MESSAGES/django.po (makemessages drops msgids no source uses), and a
catalog in LOCALE_PATHS takes precedence over an app's, so these translations win over allauth's.
Each msgid must be allauth's exactly (tests/test_locale_usted_accounts.py checks they still are).
"""

from django.utils.translation import gettext_noop

ALLAUTH_MSGIDS = (
    gettext_noop("Please select only one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."),
    gettext_noop("Enter Email Verification Code"),
    gettext_noop("Password Reset"),
    gettext_noop("Enter Password Reset Code"),
    gettext_noop("Re-send Verification"),
    gettext_noop(
        "You currently do not have any email address set up. You should really add an email address so "
        "you can receive notifications, reset your password, etc."
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup "
        "process. If you do not see the verification email in your main inbox, check your spam folder. "
        "Please contact us if you do not receive the verification email within a few minutes."
    ),
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),
)
