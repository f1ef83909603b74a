"""The staff's figures: what the apps contribute (`figures`), counted by municipality, sector
and month, with small numbers suppressed, as tables and bar charts."""

import csv
import io
import statistics
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from nelinvoimaa.contributions import contributed
from nelinvoimaa.models import Municipality, Sector

SMALL = 5  # a count under this is shown as "< 5": it could point to a person


def scope(user):
    """The municipalities whose figures the staff member sees: theirs, all for a superuser."""
    if user.is_superuser:
        return list(Municipality.objects.all()), None
    municipalities = list(user.municipalities.all())
    return municipalities, [m.pk for m in municipalities]


def gather(period, municipality_ids):
    """Every figure the installed apps contribute, in their order."""
    figures = [f for make in contributed("figures") for f in make(period, municipality_ids)]
    return sorted(figures, key=lambda figure: figure.order)


@dataclass
class Cell:
    text: str
    value: float | None = None  # what a chart may draw; None when suppressed or empty


def measure(figure, observations):
    """The figure's value over these observations, suppressed when it is based on fewer than
    SMALL things."""
    if figure.kind == "days":
        days = [o.days for o in observations]
        if not days:
            return Cell("–")
        if len(days) < SMALL:
            return Cell(_("n < 5"))
        median = statistics.median(days)
        return Cell(formats.number_format(median, 1), median)
    count = len({o.subject for o in observations})
    if 0 < count < SMALL:
        return Cell("< 5")
    return Cell(formats.number_format(count), count)


@dataclass
class Table:
    key: str
    caption: str
    corner: str  # the heading above the row headings
    columns: list
    rows: list = field(default_factory=list)  # (heading, [Cell])

    def csv(self):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([self.corner, *self.columns])
        for heading, cells in self.rows:
            writer.writerow([heading, *(cell.text for cell in cells)])
        return out.getvalue()


def by(observations, attribute):
    groups = {}
    for observation in observations:
        groups.setdefault(getattr(observation, attribute), []).append(observation)
    return groups


def month_label(month):
    return formats.date_format(month, "F Y")


def tables(figures, period, municipalities):
    """The summary (figure by municipality), the sectors (sector by figure) and, for each
    figure, its months (month by municipality, with the total its chart shows)."""
    total = _("Total")
    summary = Table(
        "summary",
        _("Figures by municipality"),
        _("Figure"),
        [m.name for m in municipalities] + [total],
    )
    for figure in figures:
        places = by(figure.observations, "municipality_id")
        cells = [measure(figure, places.get(m.pk, [])) for m in municipalities]
        summary.rows.append((figure.label, [*cells, measure(figure, figure.observations)]))

    sector_groups = [by(figure.observations, "sector_id") for figure in figures]
    used = set().union(*sector_groups) if sector_groups else set()
    sectors = Table("sectors", _("Figures by sector"), _("Sector"), [f.label for f in figures])
    for sector in Sector.objects.filter(pk__in=used):
        cells = [
            measure(f, groups.get(sector.pk, []))
            for f, groups in zip(figures, sector_groups, strict=True)
        ]
        sectors.rows.append((sector.name, cells))

    monthly = []
    for figure in figures:
        table = Table(
            figure.key,
            _("%(figure)s by month") % {"figure": figure.label},
            _("Month"),
            [m.name for m in municipalities] + [total],
        )
        months = by(figure.observations, "month")
        for month in period.months():
            observations = months.get(month, [])
            places = by(observations, "municipality_id")
            cells = [measure(figure, places.get(m.pk, [])) for m in municipalities]
            table.rows.append((month_label(month), [*cells, measure(figure, observations)]))
        monthly.append((figure, table, chart(table)))
    return summary, sectors, monthly


BAR_HEIGHT = 22
LABEL_WIDTH = 120
CHART_WIDTH = 640
BAR_AREA = CHART_WIDTH - LABEL_WIDTH - 60  # room on the right for the value


@dataclass
class Bar:
    label: str
    text: str
    y: int
    width: int

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 7

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6


def chart(table):
    """Bars of a table's last column (the total), one per row, scaled to the largest; a
    suppressed value gets no bar, only its text."""
    values = [cells[-1].value or 0 for _heading, cells in table.rows]
    largest = max(values, default=0) or 1
    bars = [
        Bar(heading, cells[-1].text, n * BAR_HEIGHT + 3, round(BAR_AREA * value / largest))
        for n, ((heading, cells), value) in enumerate(zip(table.rows, values, strict=True))
    ]
    return {
        "bars": bars,
        "height": len(bars) * BAR_HEIGHT,
        "width": CHART_WIDTH,
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT - 6,
    }
