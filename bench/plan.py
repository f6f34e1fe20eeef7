"""Write the benchmark's plan (bench/run calls it after seeding): who signs in, which pages each role
walks (cms/bench.py), and the session cookies to walk them with.

    DJANGO_SETTINGS_MODULE=cms.settings.production python bench/plan.py bench/results/plan.json

Sessions are created here, in the server's own session store, rather than by signing in through
the form under load: allauth's sign-in rate limits would (rightly) stop a load generator.
"""

import json
import sys
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cms import bench  # noqa: E402


def session_for(user):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def main(out):
    with transaction.atomic():
        plan = {
            "made_at": timezone.now().isoformat(),
            "floor": {"floor (/healthz)": "/healthz"},
            "anonymous": bench.public_pages(),
            "participants": [
                {"session": session_for(m.user), "pages": bench.participant_pages(m)}
                for m in bench.bench_memberships()
            ],
            "coach": {"session": session_for(bench.coach()), "pages": bench.coach_pages()},
            "staff": {"session": session_for(bench.staff()), "pages": bench.staff_pages()},
        }
    Path(out).write_text(json.dumps(plan, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
