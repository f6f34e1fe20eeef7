"""Staff review applications in the Wagtail admin: the queue, the review page, decisions, exports."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.models import Team
from cohorts.registration.admin import DecisionForm
from cohorts.registration.models import RegistrationStatus

pytestmark = pytest.mark.django_db

QUEUE_URL = "registration:index"
ADMIN_LOGIN_URL = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")
SUBMITTED = timezone.make_aware(datetime.datetime(2027, 1, 4, 9, 0))


@pytest.fixture
def cohort():
    return f.CohortFactory(name="Spring 2027 — English", capacity=2)


def application(cohort, *, days=0, members=2, **fields):
    """A submitted application with `members` people on it, submitted `days` after the first."""
    fields.setdefault("submitted_at", SUBMITTED + datetime.timedelta(days=days))
    registration = f.RegistrationFactory(cohort=cohort, **fields)
    for _ in range(members):
        f.RegistrationMemberFactory(registration=registration)
    return registration


def decide_url(registration):
    return reverse("registration:decide", args=[registration.pk])


def bulk_url(action, registrations, **params):
    query = "&".join([*(f"id={r.pk}" for r in registrations), *(f"{k}={v}" for k, v in params.items())])
    return reverse("wagtail_bulk_action", args=["cohorts", "registration", action]) + "?" + query


def message_texts(response):
    return [str(message.message) for message in get_messages(response.wsgi_request)]


def log_entries(registration, action):
    return ModelLogEntry.objects.filter(object_id=str(registration.pk), action=f"ruta.registration.{action}")


@pytest.fixture
def reviewer_without_decisions(db):
    """Can use the admin and read applications (like a coach), but not decide on them."""
    group = Group.objects.create(name="Readers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="cohorts", codename="view_registration"),
    )
    user = f.UserFactory()
    user.groups.add(group)
    return user


class TestQueue:
    def test_oldest_submitted_first_and_drafts_left_out(self, staff_client, cohort):
        newest = application(cohort, days=3)
        oldest = application(cohort, days=1)
        middle = application(cohort, days=2)
        draft = application(cohort, status=RegistrationStatus.DRAFT, submitted_at=None)

        response = staff_client.get(reverse(QUEUE_URL))

        assert response.status_code == 200
        assert list(response.context["object_list"]) == [oldest, middle, newest]
        assert draft not in response.context["object_list"]
        assert not response.context["is_filtering"]

    @pytest.mark.parametrize(
        "status, expected",
        [("draft", {"draft"}), ("all", {"draft", "submitted", "accepted"}), ("accepted", {"accepted"})],
    )
    def test_status_filter_reaches_drafts_and_every_status(self, staff_client, cohort, status, expected):
        applications = {
            "draft": application(cohort, status=RegistrationStatus.DRAFT, submitted_at=None),
            "submitted": application(cohort),
            "accepted": application(cohort, status=RegistrationStatus.ACCEPTED),
        }

        response = staff_client.get(reverse(QUEUE_URL), {"status": status})

        assert set(response.context["object_list"]) == {applications[name] for name in expected}

    def test_filters_by_cohort_focus_area_and_language(self, staff_client, cohort):
        spanish = f.CohortFactory(program=cohort.program, language="es", name="Primavera 2027 — español")
        open_data = f.FocusAreaFactory(program=cohort.program, name="Open data")
        vendors = f.FocusAreaFactory(program=cohort.program, name="Vendor participation")
        english_open_data = application(cohort, focus_area=open_data)
        english_vendors = application(cohort, focus_area=vendors)
        spanish_vendors = application(spanish, focus_area=vendors)
        url = reverse(QUEUE_URL)

        def listed(**params):
            response = staff_client.get(url, params)
            assert response.status_code == 200
            assert response.context["is_filtering"]
            return set(response.context["object_list"])

        assert listed(cohort=cohort.pk) == {english_open_data, english_vendors}
        assert listed(focus_area=vendors.pk) == {english_vendors, spanish_vendors}
        assert listed(cohort__language="es") == {spanish_vendors}
        assert listed(cohort__language="en", focus_area=vendors.pk) == {english_vendors}

    def test_a_cohorts_queue_shows_its_places_and_counts(self, staff_client, cohort):
        application(cohort, status=RegistrationStatus.ACCEPTED)
        application(cohort)
        application(cohort, status=RegistrationStatus.WAITLISTED)

        response = staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk})

        content = response.content.decode()
        assert "1 of 2 places taken, 1 place left." in content
        assert "Waitlisted: 1" in content

    def test_each_cohort_row_links_to_its_queue_with_a_count(self, staff_client, cohort):
        other = f.CohortFactory(program=cohort.program)
        application(cohort)
        application(cohort)
        application(cohort, status=RegistrationStatus.ACCEPTED)
        application(cohort, status=RegistrationStatus.DRAFT, submitted_at=None)

        response = staff_client.get(reverse("cohort:index"))

        content = response.content.decode()
        assert f'href="{reverse(QUEUE_URL)}?cohort={cohort.pk}"' in content
        assert f'href="{reverse(QUEUE_URL)}?cohort={other.pk}"' in content
        assert "Review applications</a> (2 of 3 to decide)" in content
        assert "1 of 2" in content  # places taken

    def test_rows_offer_the_decisions_their_status_allows(self, staff_client, cohort):
        submitted = application(cohort)
        accepted = application(cohort, status=RegistrationStatus.ACCEPTED)

        content = staff_client.get(reverse(QUEUE_URL)).content.decode()

        for decision in ["accept", "waitlist", "decline"]:
            assert f"{decide_url(submitted)}?decision={decision}" in content
        assert f"{decide_url(accepted)}?decision=decline" in content
        assert f"{decide_url(accepted)}?decision=accept" not in content

    def test_listing_queries_do_not_grow_with_applications(
        self, staff_client, cohort, django_assert_max_num_queries
    ):
        cohort.capacity = 30
        cohort.save()
        focus_area = f.FocusAreaFactory(program=cohort.program)
        reviewer = f.StaffUserFactory()
        for number in range(2):
            application(
                cohort, days=number, members=3, focus_area=focus_area, reviewer=reviewer, decision_note="ok"
            )
        url = reverse(QUEUE_URL)
        staff_client.get(url)  # warm caches (content types, site)
        with CaptureQueriesContext(connection) as two_rows:
            assert staff_client.get(url, {"cohort": cohort.pk}).status_code == 200

        for number in range(2, 20):
            application(cohort, days=number, members=3, focus_area=focus_area, reviewer=reviewer)

        with django_assert_max_num_queries(len(two_rows)):
            response = staff_client.get(url, {"cohort": cohort.pk})
        assert len(response.context["object_list"]) == 20


class TestReviewPage:
    def test_shows_the_whole_application_its_members_and_the_decision_form(self, staff_client, cohort):
        role = f.RoleFactory(program=cohort.program, name="Head of purchasing")
        focus_area = f.FocusAreaFactory(program=cohort.program, name="Open contracting data")
        registration = application(
            cohort,
            members=0,
            city="Tulsa",
            jurisdiction="Oklahoma",
            team_name="Tulsa buyers",
            challenge_statement="Vendors cannot find our bids.\nWe publish PDFs only.",
            focus_area=focus_area,
        )
        f.RegistrationMemberFactory(
            registration=registration,
            full_name="Ada Lovelace",
            email="ada@tulsa.example.gov",
            title="Chief procurement officer",
            department="Finance",
            role=role,
        )

        response = staff_client.get(reverse("registration:inspect", args=[registration.pk]))

        assert response.status_code == 200
        content = response.content.decode()
        for text in [
            str(cohort),
            registration.applicant.email,
            "Tulsa",
            "Oklahoma",
            "Tulsa buyers",
            "Vendors cannot find our bids.<br>We publish PDFs only.",
            "Open contracting data",
            "Submitted",
            "Ada Lovelace",
            "ada@tulsa.example.gov",
            "Chief procurement officer",
            "Finance",
            "Head of purchasing",
            "Accepts the time commitment",
            "Decision note",
            "Reviewer",
        ]:
            assert text in content, text
        assert f'action="{decide_url(registration)}"' in content
        assert 'name="note"' in content

    def test_decided_application_offers_only_what_its_status_allows(self, staff_client, cohort):
        declined = application(cohort, status=RegistrationStatus.DECLINED)

        response = staff_client.get(reverse("registration:inspect", args=[declined.pk]))

        assert response.context["decision_form"] is None
        assert decide_url(declined) not in response.content.decode()

    def test_no_generic_form_changes_an_application(self, staff_client, cohort):
        # Status and decisions change only through the decide view and the bulk actions.
        registration = application(cohort)

        for view, args in [("add", []), ("edit", [registration.pk]), ("delete", [registration.pk])]:
            with pytest.raises(NoReverseMatch):
                reverse(f"registration:{view}", args=args)
        page = staff_client.get(reverse("registration:inspect", args=[registration.pk])).content.decode()
        assert decide_url(registration) in page


class TestDecisions:
    def test_accept_creates_the_team_and_records_who_when_and_the_note(
        self, staff_client, staff_user, cohort
    ):
        registration = application(cohort, team_name="Tulsa buyers", members=3)

        response = staff_client.post(
            decide_url(registration), {"decision": "accept", "note": "Strong, clear challenge."}
        )

        assert response.status_code == 302
        assert response["Location"] == f"{reverse(QUEUE_URL)}?cohort={cohort.pk}"
        assert (
            "“Tulsa buyers” accepted: the team has been created and its members invited."
            in message_texts(response)[0]
        )
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.ACCEPTED
        assert registration.reviewer == staff_user
        assert registration.decision_note == "Strong, clear challenge."
        assert registration.decided_at is not None
        team = Team.objects.get(registration=registration)
        assert team.memberships.count() == 3
        entry = log_entries(registration, "accepted").get()
        assert entry.user == staff_user
        assert entry.data == {"note": "Strong, clear challenge."}

        history = staff_client.get(reverse("registration:history", args=[registration.pk]))
        assert "Application accepted. Note: Strong, clear challenge." in history.content.decode()

    @pytest.mark.parametrize(
        "decision, status, message",
        [
            ("waitlist", RegistrationStatus.WAITLISTED, "“Tulsa buyers” waitlisted."),
            ("decline", RegistrationStatus.DECLINED, "“Tulsa buyers” declined."),
        ],
    )
    def test_waitlist_and_decline_record_status_and_note(
        self, staff_client, staff_user, cohort, decision, status, message
    ):
        registration = application(cohort, team_name="Tulsa buyers")

        # With places free, waitlisting needs the explicit confirmation (see the test below).
        data = {"decision": decision, "note": "Next round.", "confirm_waitlist": "on"}
        response = staff_client.post(decide_url(registration), data)

        assert response.status_code == 302
        assert message in message_texts(response)[0]
        registration.refresh_from_db()
        assert (registration.status, registration.reviewer, registration.decision_note) == (
            status,
            staff_user,
            "Next round.",
        )
        assert not Team.objects.filter(registration=registration).exists()
        assert log_entries(registration, status).get().data == {"note": "Next round."}
        history = staff_client.get(reverse("registration:history", args=[registration.pk]))
        assert f"Application {status}. Note: Next round." in history.content.decode()

    def test_waitlisting_with_places_free_needs_a_confirmation(self, staff_client, cohort):
        application(cohort, status=RegistrationStatus.ACCEPTED)  # 1 of the 2 places taken
        registration = application(cohort, team_name="Tulsa buyers")

        page = staff_client.get(decide_url(registration), {"decision": "waitlist"})
        assert "The cohort has 1 free place." in page.text
        assert 'name="confirm_waitlist"' in page.text
        inspect = staff_client.get(reverse("registration:inspect", args=[registration.pk]))
        assert 'name="confirm_waitlist"' in inspect.text  # its decision form posts here too

        typed = {"decision": "waitlist", "note": "Maybe later."}
        response = staff_client.post(decide_url(registration), typed)

        assert response.status_code == 200
        assert response.context["form"].errors["confirm_waitlist"] == [
            "The cohort has 1 free place: accept the application, "
            "or tick “Waitlist it anyway” to waitlist it."
        ]
        assert "Maybe later.</textarea>" in response.text  # nothing typed is lost
        assert re.search(r'value="waitlist"[^>]*checked', response.text)  # the decision kept too
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.SUBMITTED
        assert not log_entries(registration, "waitlisted").exists()

        response = staff_client.post(decide_url(registration), {**typed, "confirm_waitlist": "on"})
        assert response.status_code == 302
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.WAITLISTED

    def test_waitlisting_confirmation_counts_the_free_places_in_each_language(self):
        for count, english in [(1, "1 free place:"), (3, "3 free places:")]:
            form = DecisionForm(data={"decision": "waitlist"}, free_places=count)
            assert not form.is_valid()
            assert english in form.errors["confirm_waitlist"][0]
        with translation.override("es"):
            form = DecisionForm(data={"decision": "waitlist"}, free_places=2)
            assert not form.is_valid()
            assert form.errors["confirm_waitlist"][0].startswith("La cohorte tiene 2 plazas libres")
        assert DecisionForm(data={"decision": "accept"}, free_places=2).is_valid()
        assert DecisionForm(data={"decision": "waitlist"}, free_places=0).is_valid()

    def test_waitlisting_in_a_full_cohort_needs_no_confirmation(self, staff_client, cohort):
        for _ in range(cohort.capacity):
            application(cohort, status=RegistrationStatus.ACCEPTED)
        registration = application(cohort)

        page = staff_client.get(decide_url(registration))
        assert 'name="confirm_waitlist"' not in page.text
        response = staff_client.post(decide_url(registration), {"decision": "waitlist", "note": ""})
        assert response.status_code == 302
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.WAITLISTED

    def test_decide_page_preselects_the_decision_from_the_listing(self, staff_client, cohort):
        registration = application(cohort)

        response = staff_client.get(decide_url(registration), {"decision": "waitlist"})

        assert response.status_code == 200
        assert response.context["form"].initial["decision"] == "waitlist"
        assert [key for key, _label in response.context["form"].fields["decision"].choices] == [
            "accept",
            "waitlist",
            "decline",
        ]

    def test_full_cohort_error_is_shown_the_note_kept_and_nothing_changes(self, staff_client, cohort):
        cohort.capacity = 1
        cohort.save()
        application(cohort, status=RegistrationStatus.ACCEPTED)
        registration = application(cohort)

        response = staff_client.post(
            decide_url(registration), {"decision": "accept", "note": "Great team, sorry it is late."}
        )

        assert response.status_code == 200
        content = response.content.decode()
        assert "The cohort is full: all 1 places are taken. Waitlist the application instead." in content
        assert "Great team, sorry it is late.</textarea>" in content
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.SUBMITTED
        assert registration.reviewer is None
        assert registration.decision_note == ""
        assert not Team.objects.filter(registration=registration).exists()
        assert not log_entries(registration, "accepted").exists()

    def test_decision_the_status_does_not_allow_is_refused_with_the_reason(self, staff_client, cohort):
        registration = application(cohort, status=RegistrationStatus.DECLINED)

        response = staff_client.post(decide_url(registration), {"decision": "accept", "note": "Second look."})

        assert response.status_code == 200
        assert "A declined application cannot be accepted." in response.content.decode()
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.DECLINED

    def test_signed_in_non_staff_cannot_reach_the_decide_view(self, client, user, cohort):
        registration = application(cohort)
        client.force_login(user)

        response = client.post(decide_url(registration), {"decision": "accept", "note": ""})

        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(ADMIN_LOGIN_URL))
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.SUBMITTED

    def test_admin_users_without_change_permission_cannot_decide(
        self, client, reviewer_without_decisions, cohort
    ):
        registration = application(cohort)
        client.force_login(reviewer_without_decisions)

        inspect = client.get(reverse("registration:inspect", args=[registration.pk]))
        assert inspect.status_code == 200
        assert inspect.context["decision_form"] is None
        for response in [
            client.get(decide_url(registration)),
            client.post(decide_url(registration), {"decision": "accept", "note": ""}),
            client.post(bulk_url("accept", [registration]), {"note": ""}),
        ]:
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.SUBMITTED
        assert not log_entries(registration, "accepted").exists()


class TestBulkDecisions:
    def test_confirmation_lists_the_selected_applications(self, staff_client, cohort):
        first = application(cohort, team_name="Tulsa buyers")
        second = application(cohort, team_name="Austin buyers")

        response = staff_client.get(bulk_url("accept", [first, second]))

        assert response.status_code == 200
        content = response.content.decode()
        assert "Tulsa buyers" in content
        assert "Austin buyers" in content
        assert 'name="note"' in content

    def test_bulk_accept_takes_the_oldest_first_and_reports_who_was_refused(
        self, staff_client, staff_user, cohort
    ):
        # Two places; three applications; the newest one does not fit.
        newest = application(cohort, days=3, team_name="Newest team")
        oldest = application(cohort, days=1, team_name="Oldest team")
        middle = application(cohort, days=2, team_name="Middle team")
        queue = f"{reverse(QUEUE_URL)}?cohort={cohort.pk}"

        response = staff_client.post(
            bulk_url("accept", [newest, oldest, middle], next=queue), {"note": "Welcome aboard."}
        )

        assert response.status_code == 302
        assert response["Location"] == queue
        for registration in (oldest, middle, newest):
            registration.refresh_from_db()
        assert oldest.status == middle.status == RegistrationStatus.ACCEPTED
        assert newest.status == RegistrationStatus.SUBMITTED
        assert oldest.decision_note == middle.decision_note == "Welcome aboard."
        assert Team.objects.filter(registration__in=[oldest, middle]).count() == 2
        assert not Team.objects.filter(registration=newest).exists()
        assert log_entries(oldest, "accepted").get().data == {"note": "Welcome aboard."}
        assert not log_entries(newest, "accepted").exists()
        refused, accepted = message_texts(response)
        assert "1 application could not be accepted:" in refused
        assert "Newest team: The cohort is full: all 2 places are taken." in refused
        assert "2 applications accepted: Oldest team, Middle team." in accepted

    def test_bulk_decline_and_waitlist_each_application(self, staff_client, cohort):
        first = application(cohort, days=1)
        second = application(cohort, days=2)
        accepted = application(cohort, days=3, status=RegistrationStatus.ACCEPTED, team_name="Done team")

        staff_client.post(bulk_url("waitlist", [first, accepted]), {"note": "Full for now."})
        response = staff_client.post(bulk_url("decline", [second]), {"note": "Not a fit."})

        for registration in (first, second, accepted):
            registration.refresh_from_db()
        assert (first.status, first.decision_note) == (RegistrationStatus.WAITLISTED, "Full for now.")
        assert (second.status, second.decision_note) == (RegistrationStatus.DECLINED, "Not a fit.")
        assert accepted.status == RegistrationStatus.ACCEPTED  # an accepted team cannot be waitlisted
        assert "1 application declined" in message_texts(response)[-1]

    def test_bulk_waitlist_warns_of_the_free_places_of_each_cohort(self, staff_client, cohort):
        full = f.CohortFactory(name="Full cohort", capacity=1)
        application(full, status=RegistrationStatus.ACCEPTED)
        selected = [application(cohort), application(full)]

        page = staff_client.get(bulk_url("waitlist", selected))

        assert page.status_code == 200
        assert page.context["cohorts_with_free_places"] == [(cohort, "The cohort has 2 free places.")]
        assert "These cohorts still have free places" in page.text
        decline = staff_client.get(bulk_url("decline", selected))
        assert "cohorts_with_free_places" not in decline.context

    def test_select_all_decides_only_what_the_filtered_listing_shows(self, staff_client, cohort):
        other_cohort = f.CohortFactory(program=cohort.program)
        in_queue = application(cohort)
        draft = application(cohort, status=RegistrationStatus.DRAFT, submitted_at=None)
        elsewhere = application(other_cohort)
        url = reverse("wagtail_bulk_action", args=["cohorts", "registration", "decline"])

        staff_client.post(f"{url}?id=all&cohort={cohort.pk}", {"note": ""})

        for registration in (in_queue, draft, elsewhere):
            registration.refresh_from_db()
        assert in_queue.status == RegistrationStatus.DECLINED
        assert draft.status == RegistrationStatus.DRAFT
        assert elsewhere.status == RegistrationStatus.SUBMITTED

    def test_listing_offers_the_bulk_actions(self, staff_client, cohort):
        application(cohort)

        content = staff_client.get(reverse(QUEUE_URL)).content.decode()

        assert "data-bulk-action-checkbox" in content
        for action in ["accept", "waitlist", "decline"]:
            assert reverse("wagtail_bulk_action", args=["cohorts", "registration", action]) in content


class TestExport:
    @pytest.fixture
    def decided(self, cohort):
        focus_area = f.FocusAreaFactory(program=cohort.program, name="Open data")
        reviewer = f.StaffUserFactory(full_name="Rita Reviewer")
        registration = application(
            cohort,
            members=3,
            city="Tulsa",
            jurisdiction="Oklahoma",
            team_name="Tulsa buyers",
            focus_area=focus_area,
            status=RegistrationStatus.ACCEPTED,
            reviewer=reviewer,
            decision_note="Strong team.",
            decided_at=SUBMITTED + datetime.timedelta(days=5),
        )
        application(f.CohortFactory(program=cohort.program), team_name="Elsewhere team")
        return registration

    HEADINGS = [
        "Cohort",
        "Team name",
        "City",
        "State or country",
        "Focus area",
        "Status",
        "Applicant email",
        "Members",
        "Submitted at",
        "Decided at",
        "Reviewer",
        "Decision note",
        "Other answers",  # the program asks no questions: none get a column of their own
    ]

    def expected_row(self, registration):
        return [
            str(registration.cohort),
            "Tulsa buyers",
            "Tulsa",
            "Oklahoma",
            "Open data",
            "Accepted",
            registration.applicant.email,
            "3",
            timezone.localtime(registration.submitted_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(registration.decided_at).strftime("%Y-%m-%d %H:%M"),
            "Rita Reviewer",
            "Strong team.",
            "",
        ]

    def test_csv_has_the_filtered_rows_and_useful_columns(self, staff_client, cohort, decided):
        response = staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk, "export": "csv"})

        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "registrations-" in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert rows == [self.HEADINGS, self.expected_row(decided)]

    def test_xlsx_has_the_filtered_rows_and_useful_columns(self, staff_client, cohort, decided):
        response = staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk, "export": "xlsx"})

        assert response.status_code == 200
        assert ".xlsx" in response["Content-Disposition"]
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
        assert rows[0] == self.HEADINGS
        [row] = rows[1:]
        assert row[:7] == self.expected_row(decided)[:7]
        assert row[7] == 3
        assert row[8] == timezone.make_naive(decided.submitted_at).replace(microsecond=0)
        assert row[10:] == ["Rita Reviewer", "Strong team.", None]

    def test_export_buttons_are_on_the_listing(self, staff_client, cohort):
        content = staff_client.get(reverse(QUEUE_URL)).content.decode()

        assert "export=csv" in content
        assert "export=xlsx" in content


def test_queue_counts_members_per_row_shown_without_grouping_every_application():
    from cohorts.registration.admin import registration_listing_queryset

    registration = f.RegistrationFactory()
    f.RegistrationMemberFactory.create_batch(3, registration=registration)
    queryset = registration_listing_queryset()
    assert queryset.query.group_by is None
    assert queryset.get(pk=registration.pk).member_count == 3
