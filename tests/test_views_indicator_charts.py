"""Indicator charts people can read without seeing them (issue 18): a text summary naming the
baseline, the latest value and the trend, linked to a table of every value; the baseline drawn
in a shape of its own with a legend, never told apart by colour alone."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.progress.charts import chart_data

pytestmark = pytest.mark.django_db


def indicators_page(client, member, language="en"):
    client.force_login(member.user)
    with translation.override(language):
        url = reverse("cohorts:team_indicators", args=[member.team.pk])
    return BeautifulSoup(client.get(url).content.decode(), "html.parser")


def words(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def bids(member):
    indicator = f.IndicatorFactory(
        team=member.team,
        name="Bids per solicitation",
        unit="bids",
        direction="higher",
        baseline_value=Decimal("2.5"),
        baseline_date=datetime.date(2027, 1, 15),
    )
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 4, 1), value=Decimal("3"))
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 7, 1), value=Decimal("3.5"))
    return indicator


def test_chart_trend_follows_the_indicators_direction():
    series = {
        "baseline_value": Decimal("10"),
        "baseline_date": datetime.date(2027, 1, 1),
        "measurements": [(datetime.date(2027, 4, 1), Decimal("8"))],
    }
    lower = chart_data(direction="lower", **series)
    assert (lower.latest.value, lower.change, lower.trend) == (Decimal("8"), Decimal("-2"), "better")
    assert chart_data(direction="higher", **series).trend == "worse"
    flat = chart_data(**(series | {"measurements": [(datetime.date(2027, 4, 1), Decimal("10"))]}))
    assert flat.trend == "unchanged"
    assert chart_data(baseline_value=Decimal("1"), baseline_date=datetime.date(2027, 1, 1)).trend is None


def test_chart_has_a_text_summary_naming_baseline_latest_and_trend(client, member, bids):
    page = indicators_page(client, member)
    chart = page.select_one("[data-chart]")
    summary = page.find(id=chart["aria-describedby"])
    text = words(summary)
    assert "Baseline: 2.50 on Jan. 15, 2027" in text
    assert "Latest: 3.50 on July 1, 2027" in text
    assert "up 1 from the baseline, an improvement (higher is better)" in text
    assert "Bids per solicitation" in chart["aria-label"]


def test_chart_links_to_a_table_of_every_value_with_the_baseline(client, member, bids):
    page = indicators_page(client, member)
    chart = page.select_one("[data-chart]")
    link = page.find(id=chart["aria-describedby"]).find("a")
    table = page.find(id=link["href"].lstrip("#"))
    assert table.name == "table" and "Bids per solicitation" in words(table.caption)
    rows = [[words(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]
    assert rows[0][:3] == ["01/15/2027", "2.50", "Baseline"]
    assert [row[1] for row in rows] == ["2.50", "3", "3.50"]


def test_baseline_point_has_its_own_shape_and_a_legend(client, member, bids):
    page = indicators_page(client, member)
    chart = page.select_one("[data-chart]")
    baseline = chart.select("[data-point=baseline]")
    measurements = chart.select("[data-point=measurement]")
    assert len(baseline) == 1 and len(measurements) == 2
    assert baseline[0].name != measurements[0].name  # a square, not a circle of another colour
    legend = page.select_one("[data-chart-legend]")
    assert "Baseline" in words(legend) and "Measurement" in words(legend)
    assert legend.select("svg rect") and legend.select("svg circle")


def test_chart_summary_in_spanish(client, member, bids):
    page = indicators_page(client, member, "es")
    chart = page.select_one("[data-chart]")
    text = words(page.find(id=chart["aria-describedby"]))
    assert "Línea de base: 2,50" in text and "Último valor: 3,50" in text


def test_values_table_is_in_date_order_with_the_baseline_in_its_place(client, member):
    indicator = f.IndicatorFactory(
        team=member.team, baseline_value=Decimal("2"), baseline_date=datetime.date(2027, 3, 1)
    )
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 1, 1), value=Decimal("1"))
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 5, 1), value=Decimal("4"))
    page = indicators_page(client, member)
    table = page.find(id=f"indicator-{indicator.pk}-values")
    rows = [[words(cell) for cell in row.find_all("td")][:2] for row in table.tbody.find_all("tr")]
    assert rows == [["01/01/2027", "1"], ["03/01/2027", "2"], ["05/01/2027", "4"]]
    assert table.select_one("[data-baseline-row]").td.get_text() == "03/01/2027"
