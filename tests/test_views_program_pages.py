"""Program pages announce each cohort's dates and registration state; the index finds programs.

Cohorts from the factories start on Monday 1 Feb 2027 (week 1); registration opens six weeks
before (Monday 21 Dec 2026) and closes one week before (Monday 25 Jan 2027).
"""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cms.models import HomePage, ProgramIndexPage, ProgramPage, StandardPage
from sprints.models import ProgramKind, Weekday

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2026, 12, 21)
DEADLINE = datetime.date(2027, 1, 25)


def on(day):
    """Freeze the clock at noon UTC on `day`."""
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC), tick=False
    )


def apply_url(cohort, language="en"):
    with translation.override(language):
        return reverse("cohorts:registration_start", args=[cohort.pk])


def card(html, cohort):
    """The HTML of `cohort`'s card on a program page."""
    match = re.search(rf'<li class="card cohort-card"[^>]*id="cohort-{cohort.pk}">(.*?)</li>', html, re.S)
    assert match, f"no card for cohort {cohort.pk}"
    return match.group(1)


def program_card(html, program_page):
    """The HTML of a program's card on the index or home page (found by the page's URL)."""
    url = program_page.get_url()
    for block in html.split('<li class="card program-card">')[1:]:
        block = block.split("</li>")[0]
        if f'<a href="{url}">' in block:
            return block
    raise AssertionError(f"no card for {program_page.title}")


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def sprint(program_index):
    """A sprint with parallel English (Tuesday) and Spanish (Wednesday) cohorts."""
    program = f.ProgramFactory(
        name="Open Data Sprint",
        name_es="Sprint de Datos Abiertos",
        slug="open-data",
        default_weekday=Weekday.TUESDAY,
        audience="City purchasing teams",
        activities="Interview vendors\nMap your data systems",
        outcomes="A vendor journey map",
        best_results="Protect three hours a week",
        fit_criteria="A purchasing lead with time to give",
    )
    f.RoleFactory(program=program, name="Team lead", hours=3)
    f.SessionPlanFactory(program=program, week=1)
    page = f.ProgramPageFactory(
        parent=program_index, program=program, slug="open-data", slug_es="datos-abiertos"
    )
    english = f.CohortFactory(program=program, name="Spring — English", language="en", capacity=2)
    spanish = f.CohortFactory(
        program=program,
        name="Spring — Spanish",
        name_es="Primavera — español",
        language="es",
        weekday=Weekday.WEDNESDAY,
        local_time=datetime.time(10, 0),
        time_zone="America/Puerto_Rico",
    )
    return page, english, spanish


# The call to action at each date boundary


@pytest.mark.parametrize(
    ("day", "state", "note", "button"),
    [
        (OPENS - datetime.timedelta(days=1), "Registration opens on Dec. 21, 2026", None, None),
        (OPENS, "Register by Jan. 25, 2027", "35 days left", "Apply"),
        (DEADLINE - datetime.timedelta(days=1), "Register by Jan. 25, 2027", "1 day left", "Apply"),
        (DEADLINE, "Register by Jan. 25, 2027", "Last day today", "Apply"),
        (DEADLINE + datetime.timedelta(days=1), "Registration closed", None, None),
    ],
    ids=["day-before-opening", "opening-day", "day-before-deadline", "deadline-day", "day-after-deadline"],
)
def test_cta_follows_the_registration_dates(client, sprint, day, state, note, button):
    _page, english, _spanish = sprint
    with on(day):
        html = card(client.get("/en/programs/open-data/").text, english)
    assert f'<p class="cta__state">{state}</p>' in html
    if note:
        assert f'<p class="cta__note cta__days">{note}</p>' in html
    if button:
        assert f'<a class="button" href="{apply_url(english)}">{button}<' in html
    else:
        assert apply_url(english) not in html
        assert "days left" not in html


def test_cta_offers_the_waitlist_when_accepted_teams_fill_the_cohort(client, sprint):
    _page, english, spanish = sprint
    f.RegistrationFactory.create_batch(2, cohort=english, status="accepted")
    f.RegistrationFactory(cohort=spanish, status="accepted")
    with on(OPENS):
        html = client.get("/en/programs/open-data/").text
    full = card(html, english)
    assert '<p class="cta__state">Waitlist only</p>' in full
    assert f'href="{apply_url(english)}">Join the waitlist<' in full
    assert "days left" not in full
    assert '<p class="cta__state">Register by Jan. 25, 2027</p>' in card(html, spanish)


def test_cta_counts_only_accepted_teams_toward_capacity(client, sprint):
    _page, english, _spanish = sprint
    f.RegistrationFactory(cohort=english, status="accepted")
    for status in ("submitted", "waitlisted", "declined", "withdrawn", "draft"):
        f.RegistrationFactory(cohort=english, status=status)
    with on(OPENS):
        html = card(client.get("/en/programs/open-data/").text, english)
    assert '<p class="cta__state">Register by Jan. 25, 2027</p>' in html
    assert "Waitlist only" not in html


def test_cta_after_the_deadline_says_closed_even_when_full(client, sprint):
    _page, english, _spanish = sprint
    f.RegistrationFactory.create_batch(2, cohort=english, status="accepted")
    with on(DEADLINE + datetime.timedelta(days=1)):
        html = card(client.get("/en/programs/open-data/").text, english)
    assert '<p class="cta__state">Registration closed</p>' in html
    assert apply_url(english) not in html


@pytest.mark.parametrize(("days_before", "expected"), [(3, "Quedan 3 días"), (1, "Queda 1 día")])
def test_days_left_in_spanish_links_to_the_spanish_application(client, sprint, days_before, expected):
    _page, english, spanish = sprint
    with on(DEADLINE - datetime.timedelta(days=days_before)):
        html = client.get("/es/programas/datos-abiertos/").text
    for cohort in (english, spanish):
        cohort_html = card(html, cohort)
        assert f'<p class="cta__note cta__days">{expected}</p>' in cohort_html
        assert "25 de enero de 2027" in cohort_html
        assert f'href="{apply_url(cohort, "es")}"' in cohort_html
    assert apply_url(english, "es").startswith("/es/")


def test_last_day_in_spanish_has_no_day_count(client, sprint):
    _page, english, _spanish = sprint
    with on(DEADLINE):
        html = card(client.get("/es/programas/datos-abiertos/").text, english)
    assert not re.search(r'cta__days">\d', html)
    assert f'href="{apply_url(english, "es")}"' in html


# What the program page announces


def test_program_page_shows_start_and_end_weeks_weekday_time_and_deadline(client, sprint):
    _page, english, spanish = sprint
    with on(OPENS):
        html = client.get("/en/programs/open-data/").text
    english_text = text_of(card(html, english))
    assert "Week of Feb. 1, 2027 to week of April 19, 2027" in english_text
    # February to April in New York: EST, then EDT from March 14, so the zone's name, not "EST".
    assert "Tuesdays at 11 a.m. (America/New York)" in english_text
    assert "First session Tuesday, Feb. 2, 2027" in english_text
    assert "Registration deadline Jan. 25, 2027" in english_text
    assert "Taught in English" in english_text
    spanish_text = text_of(card(html, spanish))
    assert "Wednesdays at 10 a.m. AST (America/Puerto Rico)" in spanish_text
    assert "First session Wednesday, Feb. 3, 2027" in spanish_text
    assert "En español — miércoles 10:00, hora de Puerto Rico" in spanish_text


def test_program_page_end_week_follows_the_program_duration(client, sprint):
    page, english, _spanish = sprint
    page.program.duration_weeks = 26
    page.program.save()
    english.save()  # the end date derives from the duration
    with on(OPENS):
        text = text_of(client.get("/en/programs/open-data/").text)
    assert "Week of Feb. 1, 2027 to week of July 26, 2027" in text
    assert "26 weeks (about 6 months)" in text


def test_program_page_shows_the_announcement(client, sprint):
    with on(OPENS):
        text = text_of(client.get("/en/programs/open-data/").text)
    for expected in [
        "Duration 12 weeks",
        "Live sessions 1 session over 12 weeks",
        "One-on-one technical assistance Weekly",
        "Team size 3 to 5 people",
        "Language English · Spanish",
        "Who it is for City purchasing teams",
        "What teams will do Interview vendors Map your data systems",
        "Outputs and learning outcomes A vendor journey map",
        "How to get the best results Protect three hours a week",
        "Team lead 1 3 hours per week",
        "Is this program a fit? A purchasing lead with time to give",
    ]:
        assert expected in text, expected


def test_program_page_dates_are_localised_in_spanish(client, sprint):
    _page, english, _spanish = sprint
    with on(OPENS):
        html = card(client.get("/es/programas/datos-abiertos/").text, english)
    assert "1 de febrero de 2027" in html
    assert "19 de abril de 2027" in html
    assert "martes, 2 de febrero de 2027" in html


def test_program_with_two_language_cohorts_lets_the_visitor_pick_one(client, sprint):
    _page, english, spanish = sprint
    with on(OPENS):
        html = client.get("/en/programs/open-data/").text
    assert f'<li class="card cohort-card" data-language="en" id="cohort-{english.pk}">' in html
    assert f'<li class="card cohort-card" data-language="es" id="cohort-{spanish.pk}">' in html
    assert "more than one language" in html
    assert apply_url(english) in card(html, english)
    assert apply_url(spanish) in card(html, spanish)
    assert apply_url(english) != apply_url(spanish)


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_language_cohort_is_labelled_in_its_own_language_with_one_apply_button(client, sprint, language):
    """A visitor finds the cohort taught in their language whatever the page's language."""
    _page, english, spanish = sprint
    url = "/en/programs/open-data/" if language == "en" else "/es/programas/datos-abiertos/"
    with on(OPENS):
        html = client.get(url).text
    english_card, spanish_card = card(html, english), card(html, spanish)
    assert (
        '<p class="cohort-card__language" lang="en">Taught in English — Tuesdays 11:00 New York time</p>'
        in english_card
    )
    assert (
        '<p class="cohort-card__language" lang="es">En español — miércoles 10:00, hora de Puerto Rico</p>'
        in spanish_card
    )
    for cohort, cohort_html in ((english, english_card), (spanish, spanish_card)):
        assert cohort_html.count('class="button"') == 1
        assert cohort_html.count(f'href="{apply_url(cohort, language)}"') == 1


def test_cohorts_starting_together_sit_side_by_side_and_a_later_run_gets_its_own_row(client, sprint):
    page, english, spanish = sprint
    later = f.CohortFactory(
        program=page.program, name="Autumn — English", start_date=datetime.date(2027, 9, 6)
    )
    with on(OPENS):
        html = client.get("/en/programs/open-data/").text
    runs = re.findall(r'<ul class="card-list cohort-run">(.*?)</ul>', html, re.S)
    assert len(runs) == 2
    assert f'id="cohort-{english.pk}"' in runs[0] and f'id="cohort-{spanish.pk}"' in runs[0]
    assert f'id="cohort-{later.pk}"' in runs[1]


def test_program_page_lists_the_visitors_language_first(client, sprint):
    _page, english, spanish = sprint
    with on(OPENS):
        english_page = client.get("/en/programs/open-data/").text
        spanish_page = client.get("/es/programas/datos-abiertos/").text
    first = f'id="cohort-{english.pk}"'
    second = f'id="cohort-{spanish.pk}"'
    assert english_page.index(first) < english_page.index(second)
    assert spanish_page.index(second) < spanish_page.index(first)


def test_program_page_hides_finished_cohorts_and_keeps_running_ones(client, sprint):
    page, english, _spanish = sprint
    finished = f.CohortFactory(program=page.program, name="Autumn 2026", start_date=datetime.date(2026, 9, 7))
    running = f.CohortFactory(
        program=page.program, name="Winter 2027", start_date=datetime.date(2026, 11, 30)
    )
    with on(datetime.date(2027, 1, 4)):
        html = client.get("/en/programs/open-data/").text
    assert "Autumn 2026" not in html
    assert "Winter 2027" in html
    assert '<p class="cta__note">This cohort is under way.</p>' in card(html, running)
    assert "Spring — English" in card(html, english)
    assert f'id="cohort-{finished.pk}"' not in html


def test_program_page_without_upcoming_cohorts_says_so(client, program_index):
    program = f.ProgramFactory(slug="later")
    f.ProgramPageFactory(parent=program_index, program=program)
    f.CohortFactory(program=program, start_date=datetime.date(2026, 1, 5))
    with on(OPENS):
        html = client.get("/en/programs/later/").text
    assert "No upcoming cohort is scheduled yet." in html
    assert "cohort-card" not in html


def test_program_page_directly_under_home_still_serves(client, home_page):
    program = f.ProgramFactory(slug="legacy")
    f.ProgramPageFactory(parent=home_page, program=program)
    f.CohortFactory(program=program)
    with on(OPENS):
        response = client.get("/en/legacy/")
    assert response.status_code == 200
    assert "Register by Jan. 25, 2027" in response.text


# The program index


def make_program(program_index, slug, *, kind=ProgramKind.SPRINT, languages=("en",), **cohort_fields):
    program = f.ProgramFactory(slug=slug, name=slug.replace("-", " ").title(), kind=kind)
    page = f.ProgramPageFactory(parent=program_index, program=program)
    cohorts = [
        f.CohortFactory(program=program, language=language, name=f"{slug} {language}", **cohort_fields)
        for language in languages
    ]
    return page, cohorts


def listed_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_index_lists_programs_with_their_next_cohort_and_its_state(client, program_index):
    page, _cohorts = make_program(program_index, "open-data")
    program = page.program
    f.CohortFactory(program=program, name="Finished run", start_date=datetime.date(2026, 6, 1))
    f.CohortFactory(program=program, name="Later run", start_date=datetime.date(2027, 9, 6))
    track, _ = make_program(program_index, "excellence", kind=ProgramKind.TRACK)
    with on(OPENS):
        html = client.get("/en/programs/").text
    assert listed_titles(html) == ["Open Data", "Excellence"]
    sprint_card = text_of(program_card(html, page))
    assert "Next cohort open-data en · English" in sprint_card
    assert "Week of Feb. 1, 2027 to week of April 19, 2027" in sprint_card
    assert "Register by Jan. 25, 2027 35 days left Apply" in sprint_card
    assert "Finished run" not in html
    assert "Later run" not in html
    assert "Procurement excellence track" in program_card(html, track)
    assert "2 programs" in html


@pytest.mark.parametrize(
    ("language", "under_way", "next_cohort"),
    [("en", "Cohort under way", "Next cohort"), ("es", "Cohorte en curso", "Próxima cohorte")],
)
def test_index_never_calls_a_cohort_that_has_started_the_next_one(
    client, program_index, language, under_way, next_cohort
):
    running, _ = make_program(program_index, "running", start_date=datetime.date(2026, 11, 30))
    upcoming, _ = make_program(program_index, "upcoming")
    url = "/en/programs/" if language == "en" else "/es/programas/"
    with on(OPENS):
        html = client.get(url).text
    assert under_way in program_card(html, running)
    assert next_cohort not in program_card(html, running)
    assert next_cohort in program_card(html, upcoming)


def test_index_shows_each_next_cohort_state(client, program_index):
    upcoming, _ = make_program(program_index, "upcoming", start_date=datetime.date(2027, 6, 7))
    full, (full_cohort,) = make_program(program_index, "full", capacity=1)
    f.RegistrationFactory(cohort=full_cohort, status="accepted")
    closed, _ = make_program(program_index, "closed", start_date=datetime.date(2027, 1, 4))
    none, _ = make_program(program_index, "none", start_date=datetime.date(2026, 1, 5))
    with on(datetime.date(2027, 1, 1)):
        html = client.get("/en/programs/").text
    assert "Registration opens on April 26, 2027" in program_card(html, upcoming)
    assert f'href="{apply_url(full_cohort)}">Join the waitlist<' in program_card(html, full)
    assert "Registration closed" in program_card(html, closed)
    assert "No upcoming cohort is scheduled yet." in program_card(html, none)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["English Sprint", "Spanish Sprint", "Bilingual Sprint", "English Track", "Spanish Once"]),
        ("?language=es", ["Spanish Sprint", "Bilingual Sprint"]),
        ("?language=en", ["English Sprint", "Bilingual Sprint", "English Track"]),
        ("?kind=track", ["English Track"]),
        ("?kind=sprint&language=es", ["Spanish Sprint", "Bilingual Sprint"]),
        ("?kind=track&language=es", []),
        ("?language=xx&kind=track", ["English Track"]),  # an unknown value is ignored
    ],
)
def test_index_filters_by_language_and_kind(client, program_index, query, expected):
    make_program(program_index, "english-sprint", languages=("en",))
    make_program(program_index, "spanish-sprint", languages=("es",))
    make_program(program_index, "bilingual-sprint", languages=("en", "es"))
    make_program(program_index, "english-track", kind=ProgramKind.TRACK, languages=("en",))
    spanish_once = f.ProgramFactory(slug="spanish-once", name="Spanish Once")
    f.ProgramPageFactory(parent=program_index, program=spanish_once)
    # Listed unfiltered (no upcoming cohort yet), but not as a Spanish program: its cohort is over.
    f.CohortFactory(program=spanish_once, language="es", start_date=datetime.date(2026, 1, 5))
    with on(OPENS):
        response = client.get(f"/en/programs/{query}")
    assert response.status_code == 200
    titles = listed_titles(response.text)
    assert titles == expected
    if not expected:
        assert "No program matches these filters." in response.text


def test_index_filtered_by_language_shows_the_next_cohort_in_that_language(client, program_index):
    page, (_english, spanish) = make_program(program_index, "bilingual", languages=("en", "es"))
    spanish.start_date = datetime.date(2027, 3, 1)
    spanish.registration_opens = datetime.date(2027, 1, 18)
    spanish.registration_deadline = datetime.date(2027, 2, 22)
    spanish.save()
    with on(OPENS):
        everything = program_card(client.get("/en/programs/").text, page)
        in_spanish = program_card(client.get("/en/programs/?language=es").text, page)
    assert "bilingual en" in everything
    assert "bilingual es" not in everything
    assert "bilingual es" in in_spanish
    assert "Registration opens on Jan. 18, 2027" in in_spanish


def test_index_filter_form_keeps_the_chosen_values(client, program_index):
    with on(OPENS):
        html = client.get("/en/programs/?language=es&kind=sprint").text
    assert '<form method="get" action="/en/programs/"' in html
    assert '<option value="es" selected>' in html
    assert '<option value="sprint" selected>' in html
    assert 'href="/en/programs/">Clear filters</a>' in html


def test_index_in_spanish_under_its_spanish_slug(client, program_index):
    _page, (cohort,) = make_program(program_index, "open-data")
    with on(OPENS):
        response = client.get("/es/programas/?language=en")
    assert response.status_code == 200
    assert "<h1>Programas</h1>" in response.text
    assert '<form method="get" action="/es/programas/"' in response.text
    assert f'href="{apply_url(cohort, "es")}"' in response.text
    assert "21 de diciembre de 2026" not in response.text  # open: the deadline is shown, not the opening
    assert "25 de enero de 2027" in response.text


def test_language_switcher_keeps_the_index_filters(client, program_index):
    with on(OPENS):
        html = client.get("/en/programs/?language=es&kind=sprint").text
    assert 'href="/es/programas/?language=es&amp;kind=sprint" hreflang="es"' in html


def build_programs(program_index, count):
    """`count` programs, each with English and Spanish cohorts and accepted teams."""
    for number in range(count):
        kind = ProgramKind.TRACK if number % 5 == 0 else ProgramKind.SPRINT
        _page, cohorts = make_program(program_index, f"program-{number}", kind=kind, languages=("en", "es"))
        f.RegistrationFactory(cohort=cohorts[0], status="accepted")
    return count


INDEX_QUERIES = 9
HOME_QUERIES = 9
PROGRAM_PAGE_QUERIES = 14  # with the published results listed


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("query", ["", "?language=es&kind=sprint"])
def test_index_query_count_does_not_grow_with_programs(
    client, program_index, django_assert_num_queries, count, query
):
    build_programs(program_index, count)
    with on(OPENS):
        client.get(f"/en/programs/{query}")  # warm the caches a first visit fills (site root paths)
        with django_assert_num_queries(INDEX_QUERIES):
            response = client.get(f"/en/programs/{query}")
    assert response.status_code == 200
    assert response.text.count('class="card program-card"') == (count if not query else count - count // 5)


@pytest.mark.parametrize("count", [5, 50])
def test_home_page_query_count_does_not_grow_with_programs(
    client, program_index, django_assert_num_queries, count
):
    build_programs(program_index, count)
    with on(OPENS):
        client.get("/en/")
        with django_assert_num_queries(HOME_QUERIES):
            response = client.get("/en/")
    assert response.text.count('class="card program-card"') == count


# The home page and the page tree


def test_home_page_lists_programs_under_the_index_and_under_home(client, home_page, program_index):
    indexed, _ = make_program(program_index, "indexed")
    legacy_program = f.ProgramFactory(slug="legacy", name="Legacy")
    legacy = f.ProgramPageFactory(parent=home_page, program=legacy_program)
    f.CohortFactory(program=legacy_program, capacity=1)
    f.RegistrationFactory(cohort=legacy_program.cohorts.get(), status="accepted")
    with on(OPENS):
        html = client.get("/en/").text
    assert sorted(listed_titles(html)) == ["Indexed", "Legacy"]
    assert "Register by Jan. 25, 2027" in program_card(html, indexed)
    assert "Waitlist only" in program_card(html, legacy)
    assert 'href="/en/programs/">Find a program by language and kind</a>' in html


def test_home_page_hides_unpublished_program_pages(client, program_index):
    page, _ = make_program(program_index, "draft")
    page.unpublish()
    with on(OPENS):
        html = client.get("/en/").text
    assert "Draft" not in listed_titles(html)
    assert "No programs are published yet." in html


def test_page_tree_rules(home_page, program_index):
    assert ProgramIndexPage.allowed_parent_page_models() == [HomePage]
    assert ProgramIndexPage.allowed_subpage_models() == [ProgramPage]
    assert set(ProgramPage.allowed_parent_page_models()) == {HomePage, ProgramIndexPage}
    assert ProgramPage.can_create_at(program_index)
    assert ProgramPage.can_create_at(home_page)
    assert not ProgramIndexPage.can_create_at(home_page)  # at most one index
    assert not StandardPage.can_create_at(program_index)


@pytest.mark.parametrize("count", [2, 12])
def test_program_page_query_count_does_not_grow_with_cohorts(
    client, sprint, django_assert_num_queries, count
):
    page, _english, _spanish = sprint
    for number in range(count - 2):
        language = ("en", "es")[number % 2]  # runs of parallel English and Spanish cohorts
        cohort = f.CohortFactory(
            program=page.program,
            name=f"Run {number}",
            language=language,
            weekday=Weekday.TUESDAY if language == "en" else Weekday.WEDNESDAY,
            start_date=datetime.date(2027, 3, 1) + datetime.timedelta(weeks=number // 2),
        )
        f.RegistrationFactory(cohort=cohort, status="accepted")
    f.RoleFactory.create_batch(count, program=page.program)
    with on(OPENS):
        client.get("/en/programs/open-data/")
        with django_assert_num_queries(PROGRAM_PAGE_QUERIES):
            response = client.get("/en/programs/open-data/")
    assert response.text.count('class="card cohort-card"') == count
    assert response.text.count('class="card-list cohort-run"') == 1 + (count - 2) // 2
