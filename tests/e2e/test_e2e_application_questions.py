"""An applicant to the track finds themself as the first member, answers the program's questions,
forgets one and gets its message beside it with nothing lost, then submits (issue #14)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.registration.models import Registration, RegistrationStatus
from sprints.models import ProgramKind
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cohort(home_page):
    program = f.ProgramFactory(
        name="Procurement Excellence Track",
        kind=ProgramKind.TRACK,
        team_size_min=4,
        team_size_max=5,
        mou_required=True,
    )
    for name, low, high in [
        ("Head of purchasing", 1, 1),
        ("Deputy or buyer", 1, 1),
        ("Executive sponsor", 2, 3),
    ]:
        f.RoleFactory(program=program, name=name, min_count=low, max_count=high)
    f.FocusAreaFactory(program=program, name="Equity")
    f.add_track_questions(program)
    today = timezone.localdate()
    return f.CohortFactory(
        program=program,
        start_date=today + datetime.timedelta(days=30),
        registration_opens=today - datetime.timedelta(days=10),
        registration_deadline=today + datetime.timedelta(days=10),
    )


def fill_member(page, index, name, email, role):
    page.fill(f'[name="members-{index}-full_name"]', name)
    page.fill(f'[name="members-{index}-email"]', email)
    page.select_option(f'[name="members-{index}-role"]', label=role)


def test_apply_with_the_programs_questions_as_the_first_member(page, live_server, cohort):
    user = f.UserFactory(email="rosa@tulsa.gov", full_name="Rosa Head")
    sign_in_as(page, live_server, user)
    page.goto(f"{live_server.url}{reverse('cohorts:registration_start', args=[cohort.pk])}")

    expect(page.locator('[name="members-0-full_name"]')).to_have_value("Rosa Head")
    expect(page.locator('[name="members-0-email"]')).to_have_value("rosa@tulsa.gov")
    page.select_option('[name="members-0-role"]', label="Head of purchasing")
    fill_member(page, 1, "Dan Deputy", "dan@tulsa.gov", "Deputy or buyer")
    fill_member(page, 2, "Sam Sponsor", "sam@tulsa.gov", "Executive sponsor")
    fill_member(page, 3, "Fay Finance", "fay@tulsa.gov", "Executive sponsor")
    page.fill('[name="city"]', "Tulsa")
    page.fill('[name="jurisdiction"]', "Oklahoma")
    page.fill('[name="team_name"]', "Tulsa Buys Better")
    page.select_option('[name="focus_area"]', label="Equity")
    page.fill('[name="challenge_statement"]', "Small vendors wait too long to be paid.")

    questions = page.locator("[data-application-questions]")
    expect(
        questions.get_by_text("How will the change you want to make improve residents' outcomes?")
    ).to_be_visible()
    questions.get_by_label("Which electronic procurement systems does your city use?").fill("Bonfire")
    questions.get_by_label("How mature is your city's procurement?").select_option("Developing")
    page.check('[name="accepts_time_commitment"]')
    page.click('button[name="submit"]')

    # The required answer left empty: its message beside it; everything else is still there.
    expect(questions.get_by_text("Please answer this question.")).to_be_visible()
    expect(page.locator('[name="members-3-email"]')).to_have_value("fay@tulsa.gov")
    expect(questions.get_by_label("Which electronic procurement systems does your city use?")).to_have_value(
        "Bonfire"
    )
    # And the unticked MOU box says why, beside it (the error summary at the top says it too).
    expect(
        page.locator("#id_accepts_mou_error").get_by_text("please confirm you will sign it")
    ).to_be_visible()
    expect(
        page.locator("[data-error-summary]").get_by_text("please confirm you will sign it")
    ).to_be_visible()

    questions.get_by_label("How will the change you want to make improve residents' outcomes?").fill(
        "Paying small vendors on time keeps more local firms bidding for city services."
    )
    page.check('[name="accepts_mou"]')
    page.click('button[name="submit"]')

    expect(page).to_have_url(re.compile(r"/en/applications/\d+/$"))
    expect(page.locator("[data-applicant-not-member]")).to_have_count(0)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.members.order_by("sort_order").first().email == "rosa@tulsa.gov"
    assert registration.answers.count() == 3
