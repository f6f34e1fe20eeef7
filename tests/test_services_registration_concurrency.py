"""Two reviewers accepting at the same moment never take more places than the cohort has.

Needs real row locks, so it runs on PostgreSQL only (SQLite serialises whole transactions).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from cms.demo import factories as f
from cohorts.models import Team
from cohorts.registration.models import Registration, RegistrationStatus
from cohorts.registration.services import registration_accept

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) need PostgreSQL"
)


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_accepting_at_once_never_exceed_capacity():
    cohort = f.CohortFactory(capacity=1)
    registrations = [f.RegistrationFactory(cohort=cohort) for _ in range(2)]
    for registration in registrations:
        f.RegistrationMemberFactory(registration=registration)
    reviewers = [f.StaffUserFactory(), f.StaffUserFactory()]
    barrier = threading.Barrier(2, timeout=10)
    outcomes = {}

    def accept(registration, reviewer):
        try:
            barrier.wait()
            registration_accept(registration=registration, reviewer=reviewer, note="At the same time")
            outcomes[registration.pk] = "accepted"
        except ValidationError as error:
            outcomes[registration.pk] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=accept, args=(registration, reviewer))
        for registration, reviewer in zip(registrations, reviewers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcome if outcome == "accepted" else "refused" for outcome in outcomes.values()) == [
        "accepted",
        "refused",
    ]
    [error] = [outcome for outcome in outcomes.values() if outcome != "accepted"]
    assert error.code == "cohort_full"
    assert Registration.objects.filter(cohort=cohort, status=RegistrationStatus.ACCEPTED).count() == 1
    assert Team.objects.filter(cohort=cohort).count() == 1
