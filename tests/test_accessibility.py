"""WCAG 2.1 AA on the front end's forms: hidden ORDER/DELETE controls, buttons named after their
row and a live region for repeating forms, one set of ids per indicator form, named progress bars
with a visible track, and an error summary (with "Error:" in the title) on forms sent back."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from cms.demo import factories as f
from cohorts.progress.models import ProgressStatus
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def title(response):
    return " ".join(soup(response).title.get_text().split())


@pytest.fixture
def journey(member):
    return f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )


def editor_url(member, template, language="en"):
    with translation.override(language):
        return reverse("cohorts:assignment", args=[member.team.pk, template.pk])


def stages(*names):
    data = {
        "revision": "0",
        "stages-TOTAL_FORMS": str(len(names)),
        "stages-INITIAL_FORMS": "0",
        "stages-MIN_NUM_FORMS": "0",
        "stages-MAX_NUM_FORMS": "1000",
    }
    for index, name in enumerate(names):
        data |= {f"stages-{index}-name": name, f"stages-{index}-ORDER": str(index + 1)}
    return data


# Repeating forms: ORDER and DELETE are hidden inputs; buttons name their row; a live region.


def test_editor_rows_order_and_delete_are_hidden_inputs_and_buttons_name_their_row(client, member, journey):
    client.force_login(member.user)
    client.post(editor_url(member, journey), stages("Find the notice", "Bid"))
    page = soup(client.get(editor_url(member, journey)))
    rows = page.select("[data-formset-list] > [data-formset-row]")
    assert len(rows) == 2
    for number, row in enumerate(rows, start=1):
        for control in ("ORDER", "DELETE"):
            inputs = row.select(f'[name$="-{control}"]')
            assert [i.name for i in inputs] == ["input"] and inputs[0]["type"] == "hidden"
        assert row.select_one("[data-formset-number]").get_text() == str(number)
        up, down = row.select('[data-formset-move="up"]')[0], row.select('[data-formset-move="down"]')[0]
        assert up["aria-label"] == f"Move up stage {number}"
        assert down["aria-label"] == f"Move down stage {number}"
        assert up.get_text() == "Move up"  # the visible name starts the accessible one
        assert row.select_one("[data-formset-remove]").get_text() == f"Remove stage {number}"
    template = page.select_one("template[data-formset-template]").decode_contents()
    assert 'data-formset-label="Remove stage __number__"' in template
    status = page.select_one("[data-formset] [data-formset-status]")
    assert status["aria-live"] == "polite"
    assert status["data-removed"] == "Stage __number__ removed."
    assert status["data-first"] == "Stage __number__ is already first."


def test_a_removed_row_posts_its_hidden_delete_and_a_kept_one_stays(client, member, journey):
    client.force_login(member.user)
    data = stages("Find the notice", "Removed") | {"stages-1-DELETE": "on", "stages-0-DELETE": ""}
    assert client.post(editor_url(member, journey), data).status_code == 302
    page = soup(client.get(editor_url(member, journey)))
    names = [i["value"] for i in page.select('[data-formset-list] input[name$="-name"]')]
    assert names == ["Find the notice"]


def test_editor_buttons_and_announcements_are_in_spanish(client, member, journey):
    member.user.preferred_language = "es"
    member.user.save()
    client.force_login(member.user)
    client.post(editor_url(member, journey), stages("Aviso"))
    with translation.override("es"):
        page = soup(client.get(editor_url(member, journey, "es")))
    row = page.select_one("[data-formset-list] > [data-formset-row]")
    assert row.select_one('[data-formset-move="up"]')["aria-label"] == "Subir etapa 1"
    assert row.select_one("[data-formset-remove]").get_text() == "Quitar etapa 1"
    status = page.select_one("[data-formset-status]")
    assert status["data-added"] == "Se agregó: Etapa __number__."
    assert status["data-moved"] == "Etapa: ahora en la posición __number__ de __total__."


@pytest.fixture
def registration_open():
    with time_machine.travel(datetime.datetime(2027, 1, 4, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def open_cohort(registration_open):
    program = f.ProgramFactory(team_size_min=2, team_size_max=4, mou_required=False)
    role = f.RoleFactory(program=program, name="Buyer", min_count=1, max_count=4)
    f.FocusAreaFactory(program=program, name="Vendor participation")
    cohort = f.CohortFactory(program=program, capacity=3)
    return cohort, role


def apply_url(cohort, language="en"):
    with translation.override(language):
        return reverse("cohorts:registration_start", args=[cohort.pk])


def test_application_members_delete_is_hidden_and_remove_buttons_name_the_member(client, open_cohort):
    cohort, _role = open_cohort
    client.force_login(f.UserFactory(email="ana@tulsa.gov"))
    page = soup(client.get(apply_url(cohort)))
    rows = page.select("[data-formset-list] > [data-formset-row]")
    assert len(rows) == 2
    for number, row in enumerate(rows, start=1):
        delete = row.select('[name$="-DELETE"]')
        assert len(delete) == 1 and delete[0]["type"] == "hidden" and delete[0].get("value", "") == ""
        assert row.select_one("[data-formset-remove]").get_text() == f"Remove member {number}"
    assert not page.select('input[type="checkbox"][name$="-DELETE"]')
    assert page.select_one("[data-formset-status]")["data-removed"] == "Member __number__ removed."


def test_a_member_removed_on_screen_is_not_counted(client, open_cohort):
    cohort, role = open_cohort
    client.force_login(f.UserFactory(email="ana@tulsa.gov"))
    data = {
        "city": "Tulsa",
        "jurisdiction": "Oklahoma",
        "team_name": "Open Tulsa",
        "challenge_statement": "Few bids.",
        "focus_area": cohort.program.focus_areas.get().pk,
        "accepts_time_commitment": "on",
        "members-TOTAL_FORMS": "3",
        "members-INITIAL_FORMS": "0",
        "save": "1",
    }
    for index in range(3):
        data |= {
            f"members-{index}-full_name": f"Member {index}",
            f"members-{index}-email": f"member{index}@tulsa.gov",
            f"members-{index}-role": role.pk,
        }
    data["members-2-DELETE"] = "on"
    assert client.post(apply_url(cohort), data).status_code == 302
    registration = cohort.registrations.get()
    assert sorted(registration.members.values_list("full_name", flat=True)) == ["Member 0", "Member 1"]


# The indicators page: one form per indicator, each with its own ids and labels.


def test_indicator_forms_have_their_own_ids_and_every_input_its_label(client, member):
    first = f.IndicatorFactory(team=member.team, name="Bids per solicitation")
    second = f.IndicatorFactory(team=member.team, name="Cycle days")
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:team_indicators", args=[member.team.pk])))
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    forms = page.select("[data-measurement-form]")
    assert len(forms) == 2
    for form, indicator in zip(forms, (first, second), strict=True):
        for name in ("measured_on", "value", "note"):
            field = form.select_one(f'[name="{name}"]')
            assert field["id"] == f"id_indicator_{indicator.pk}_{name}"
            assert form.select_one(f'label[for="{field["id"]}"]') is not None


def test_a_measurement_still_posts_under_the_same_names(client, member):
    indicator = f.IndicatorFactory(team=member.team)
    client.force_login(member.user)
    url = reverse("cohorts:measurement_add", args=[member.team.pk, indicator.pk])
    client.post(url, {"measured_on": "2027-04-15", "value": "3.5"})
    assert indicator.measurements.get().value == 3.5


# Progress bars: an accessible name each, and a track visible against the page.


@pytest.fixture
def criterion():
    criterion = f.CriterionFactory(code="RDC7", title="Open and shared procurement data", required_count=2)
    items = [f.ChecklistItemFactory(criterion=criterion) for _ in range(2)]
    return criterion, items


def accessible_name(page, bar):
    if bar.get("aria-label"):
        return bar["aria-label"]
    if bar.get("aria-labelledby"):
        return " ".join(
            " ".join(page.find(id=ref).get_text().split()) for ref in bar["aria-labelledby"].split()
        )
    if bar.get("id") and page.select_one(f'label[for="{bar["id"]}"]'):
        return page.select_one(f'label[for="{bar["id"]}"]').get_text().strip()
    return ""


def test_progress_page_bars_are_named(client, member, criterion):
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:team_progress", args=[member.team.pk])))
    bars = page.select("progress")
    assert len(bars) == 2
    names = [accessible_name(page, bar) for bar in bars]
    assert names == ["Overall", "RDC7: Open and shared procurement data"]


def test_team_home_bars_are_named(client, member, criterion):
    _criterion, items = criterion
    f.CriterionProgressFactory(
        team=member.team, item=items[0], status=ProgressStatus.MET, verified_at=timezone.now()
    )
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:team_home", kwargs={"team_pk": member.team.pk})))
    bars = page.select(".criteria-summary progress")
    assert bars
    names = [accessible_name(page, bar) for bar in bars]
    assert "RDC7 Open and shared procurement data" in names and all(names)


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_progress_track_and_fill_contrast_at_least_three_to_one():
    css = (Path(settings.BASE_DIR) / "cms/static/cms/css/site.css").read_text()
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    track, fill = variables["progress-track"], variables["progress-fill"]
    for page_colour in ("#ffffff", variables["surface"]):
        assert contrast(track, page_colour) >= 3
    assert contrast(fill, track) >= 3
    assert "progress::-webkit-progress-bar { background: var(--progress-track)" in css
    assert "progress::-moz-progress-bar { background: var(--progress-fill)" in css


# Error summary and "Error:" in the title on forms sent back with errors.


def summary_links(page):
    summary = page.select_one("[data-error-summary]")
    assert summary is not None and summary["tabindex"] == "-1"
    return summary, [(a["href"], a.get_text()) for a in summary.select("a")]


def test_editor_with_field_errors_has_a_linked_error_summary_and_title(client, member, journey):
    client.force_login(member.user)
    response = client.post(
        editor_url(member, journey), stages("") | {"stages-0-vendor_actions": "Reads the notice"}
    )
    assert response.status_code == 400
    page = soup(response)
    _summary, links = summary_links(page)
    assert links and links[0][0] == "#id_stages-0-name"
    assert page.find(id="id_stages-0-name") is not None
    assert title(response).startswith("Error: ")
    assert page.select_one('script[src$="cms/js/error-summary.js"]') is not None


def test_a_page_without_errors_has_no_summary_nor_error_title(client, member, journey):
    client.force_login(member.user)
    response = client.get(editor_url(member, journey))
    assert soup(response).select_one("[data-error-summary]") is None
    assert not title(response).startswith("Error")


def test_application_errors_are_summarised_in_spanish(client, open_cohort):
    cohort, _role = open_cohort
    client.force_login(f.UserFactory(email="ana@tulsa.gov"))
    data = {"members-TOTAL_FORMS": "0", "members-INITIAL_FORMS": "0", "submit": "1"}
    response = client.post(apply_url(cohort, "es"), data)
    page = soup(response)
    summary, links = summary_links(page)
    assert summary.h2.get_text() == "Hay un problema"
    assert ("#id_city", "Ciudad: Este campo es obligatorio.") in links or any(
        h == "#id_city" for h, _ in links
    )
    for href, _text in links:
        assert page.find(id=href[1:]) is not None
    assert title(response).startswith("Error: ")


def test_indicator_form_errors_are_summarised(client, member):
    client.force_login(member.user)
    response = client.post(reverse("cohorts:team_indicators", args=[member.team.pk]), {"name": ""})
    page = soup(response)
    _summary, links = summary_links(page)
    assert "#id_name" in [href for href, _ in links]
    assert title(response).startswith("Error: ")


def test_indicator_edit_errors_are_summarised(client, member):
    indicator = f.IndicatorFactory(team=member.team)
    client.force_login(member.user)
    url = reverse("cohorts:indicator_edit", args=[member.team.pk, indicator.pk])
    response = client.post(url, {"name": ""})
    _summary, links = summary_links(soup(response))
    assert "#id_name" in [href for href, _ in links]
    assert title(response).startswith("Error: ")


def test_certification_errors_are_summarised(client, member, criterion):
    client.force_login(member.user)
    url = reverse("cohorts:certification_record", args=[member.team.pk])
    response = client.post(url, {"level": "", "certified_on": ""})
    assert response.status_code == 400
    page = soup(response)
    _summary, links = summary_links(page)
    assert "#id_certified_on" in [href for href, _ in links]
    assert title(response).startswith("Error: ")
