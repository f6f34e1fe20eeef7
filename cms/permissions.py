"""Who may see and change what. Every view asks here; an object outside your reach is a 404."""

from cohorts.models import Registration


def registrations_for(user):
    """The applications a signed-in user may open: their own."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(applicant=user)


def can_review_registrations(user):
    return user.is_authenticated and user.has_perm("cohorts.change_registration")
