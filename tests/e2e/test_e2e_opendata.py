"""A member gives Ruta the city's contracts spreadsheet, confirms its columns and reads the data report;
a file being read shows its progress, which refreshes on its own until the file is read."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.opendata.models import DataImport, ImportStatus
from tests.e2e.sign_in import sign_in_as
from tests.opendata_helpers import SPANISH_CSV, give

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_uploads_a_spreadsheet_confirms_its_columns_and_reads_the_report(
    page, live_server, tmp_path
):
    team = f.TeamFactory(name="Ponce Abierta")
    member = f.MembershipFactory(team=team).user
    spreadsheet = tmp_path / "contratos.csv"
    spreadsheet.write_bytes(SPANISH_CSV)

    sign_in_as(page, live_server, member)
    page.goto(f"{live_server.url}{reverse('cohorts:team_data', args=[team.pk])}")
    page.fill('[name="name"]', "Contratos 2024")
    page.set_input_files('[name="file"]', str(spreadsheet))
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_role("heading", name="Confirm the columns of “contratos.csv”")).to_be_visible()
    expect(page.locator('[name="ocid"]')).to_have_value("Número de proceso")
    page.get_by_role("button", name="Confirm and read the file").click()

    expect(page.locator(".messages")).to_contain_text("with these columns")
    page.get_by_role("link", name="contratos.csv", exact=True).click()
    expect(page.locator("[data-processes]")).to_have_text("2")
    expect(page.locator("[data-periods]")).to_contain_text("Mean tenderers per tender")


def test_the_progress_refreshes_until_the_file_is_read(page, live_server):
    team = f.TeamFactory()
    member = f.MembershipFactory(team=team).user
    data_import = give(team, member)
    DataImport.objects.filter(pk=data_import.pk).update(
        status=ImportStatus.RUNNING, done_bytes=1, total_bytes=2
    )

    sign_in_as(page, live_server, member)
    page.goto(f"{live_server.url}{reverse('cohorts:team_data', args=[team.pk])}")
    expect(page.locator(f'[data-import="{data_import.pk}"] progress')).to_have_attribute("value", "50")

    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.DONE)
    status = page.locator(f'[data-import="{data_import.pk}"] [data-import-status]')
    expect(status).to_have_attribute("data-import-status", "done", timeout=10_000)
    expect(page.locator("[data-polling]")).to_have_count(0)
