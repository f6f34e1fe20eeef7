"""Chart data of an indicator over time, pure: points scaled into an SVG box."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from cohorts.progress.models import Indicator


@dataclass(frozen=True)
class ChartPoint:
    date: datetime.date
    value: Decimal
    x: float
    y: float
    is_baseline: bool = False


@dataclass(frozen=True)
class ChartTick:
    value: Decimal
    y: float


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    points: list = field(default_factory=list)
    baseline_y: float | None = None
    baseline_value: Decimal | None = None
    ticks: list = field(default_factory=list)
    direction: str = "higher"

    # What the chart says in words (its text alternative): the baseline, the latest measurement
    # and how far it moved from the baseline, better or worse for the indicator's direction.

    @property
    def baseline(self):
        return next((p for p in self.points if p.is_baseline), None)

    @property
    def measurements(self):
        return [p for p in self.points if not p.is_baseline]

    @property
    def latest(self):
        """The latest measurement (by date), or None."""
        measurements = self.measurements
        return measurements[-1] if measurements else None

    @property
    def change(self):
        """The latest value minus the baseline, or None without both."""
        if self.baseline is None or self.latest is None:
            return None
        return self.latest.value - self.baseline.value

    @property
    def change_size(self):
        return abs(self.change) if self.change is not None else None

    @property
    def trend(self):
        """ "better", "worse" or "unchanged" since the baseline, for the direction; None without both."""
        change = self.change
        if change is None:
            return None
        if change == 0:
            return "unchanged"
        return "better" if (change > 0) == (self.direction != "lower") else "worse"

    @property
    def polyline(self):
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def is_empty(self):
        return not self.points

    @property
    def plot_right(self):
        return self.width - self.right

    @property
    def plot_bottom(self):
        return self.height - self.bottom


def chart_data(
    *,
    baseline_value=None,
    baseline_date=None,
    measurements=(),
    width: int = 560,
    height: int = 220,
    tick_count: int = 4,
    direction: str = "higher",
) -> Chart:
    """Points of an indicator over time (baseline first) scaled into an SVG box; y grows downward.

    `measurements` is an iterable of (date, value). The value axis starts at zero unless values
    go below it; dates are placed proportionally to the time between them.
    """
    left, right, top, bottom = 56, 16, 16, 36
    chart = Chart(
        width=width, height=height, left=left, right=right, top=top, bottom=bottom, direction=direction
    )
    series = []
    if baseline_value is not None and baseline_date is not None:
        series.append((baseline_date, Decimal(baseline_value), True))
    series += [(day, Decimal(value), False) for day, value in measurements]
    # Measurements read from the city's data may come before a baseline typed later: time runs left to right.
    series.sort(key=lambda point: point[0])
    if not series:
        return chart
    values = [value for _day, value, _b in series]
    low = min(min(values), Decimal(0))
    high = max(values)
    if high == low:
        high = low + 1
    first, last = series[0][0], series[-1][0]
    span_days = (last - first).days
    plot_w = width - left - right
    plot_h = height - top - bottom

    def x_of(day):
        if span_days == 0:
            return left + plot_w / 2
        return left + plot_w * (day - first).days / span_days

    def y_of(value):
        return top + plot_h * float((high - value) / (high - low))

    chart.points = [
        ChartPoint(date=day, value=value, x=round(x_of(day), 1), y=round(y_of(value), 1), is_baseline=is_base)
        for day, value, is_base in series
    ]
    if baseline_value is not None and baseline_date is not None:
        chart.baseline_value = Decimal(baseline_value)
        chart.baseline_y = round(y_of(chart.baseline_value), 1)
    step = (high - low) / tick_count
    chart.ticks = [
        ChartTick(value=(low + step * i).quantize(Decimal("0.01")), y=round(y_of(low + step * i), 1))
        for i in range(tick_count + 1)
    ]
    return chart


def indicator_chart(indicator: Indicator, **kwargs) -> Chart:
    """The chart of an indicator whose measurements were prefetched."""
    return chart_data(
        baseline_value=indicator.baseline_value,
        baseline_date=indicator.baseline_date,
        measurements=[(m.measured_on, m.value) for m in indicator.measurements.all()],
        direction=indicator.direction,
        **kwargs,
    )


def value_rows(indicator: Indicator) -> list:
    """The rows of the table beside the chart, in date order: (date, value, measurement), the
    baseline's measurement None (it comes before a measurement of the same day)."""
    rows = [(m.measured_on, m.value, m) for m in indicator.measurements.all()]
    if indicator.baseline_value is not None and indicator.baseline_date is not None:
        rows.append((indicator.baseline_date, indicator.baseline_value, None))
    return sorted(rows, key=lambda row: (row[0], row[2] is not None))
