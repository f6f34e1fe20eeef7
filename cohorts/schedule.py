"""Changes to a cohort's schedule made by staff after the sessions were generated."""

from django.db import transaction

from cohorts.models import Session, SessionStatus


def session_is_rescheduled(session: Session, previous: Session) -> bool:
    """Whether an edit moved the session, changed its length, or cancelled or restored it."""
    return (
        session.starts_at != previous.starts_at
        or session.minutes != previous.minutes
        or (session.status == SessionStatus.CANCELLED) != (previous.status == SessionStatus.CANCELLED)
    )


def session_apply_revision(*, session: Session, previous: Session) -> bool:
    """Raise the session's revision (not yet saved) when the edit rescheduled it."""
    if session_is_rescheduled(session, previous):
        session.sequence = previous.sequence + 1
        return True
    return False


@transaction.atomic
def session_update(*, session: Session) -> Session:
    """Save an edited session, raising its revision when it moved or was cancelled.

    Calendar entries carry the revision, so a moved or cancelled session replaces the old one.
    """
    previous = Session.objects.select_for_update().get(pk=session.pk)
    session_apply_revision(session=session, previous=previous)
    session.full_clean()
    session.save()
    return session
