"""Chart geometry for server-drawn SVG: bars of completions by profession and sex, and by month."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .tables import CrossTable

SEX_COLOURS = ["#1f5f8b", "#c2185b", "#7a7a7a"]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str
    value_text: str
    value_x: float = 0
    value_y: float = 0


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, float, str]]
    legend: list[tuple[str, str]]
    title: str


def profession_chart(table: CrossTable) -> Chart:
    """Draw one group of three horizontal bars (men, women, not stated) per profession row."""
    label_width, plot_width, bar_height, gap = 190, 420, 14, 14
    values = [[_count(cell) for cell in row.cells[1:]] for row in table.rows]
    largest = max([value for row in values for value in row] + [1])
    bars, labels = [], []
    y = 10.0
    sex_labels = [_("men"), _("women"), _("not stated")]
    for row, row_values in zip(table.rows, values):
        labels.append((label_width - 8, y + bar_height * 1.5 + 4, str(row.label)))
        for column, value in enumerate(row_values):
            cell_text = row.cells[column + 1]
            width = max(plot_width * value / largest, 0.0)
            bars.append(Bar(
                x=label_width, y=y, width=width, height=bar_height - 2,
                colour=SEX_COLOURS[column], label=f"{row.label}, {sex_labels[column]}: {cell_text}",
                value_text=cell_text, value_x=label_width + width + 4, value_y=y + bar_height - 4,
            ))
            y += bar_height
        y += gap
    legend = list(zip(SEX_COLOURS, sex_labels))
    return Chart(width=label_width + plot_width + 60, height=int(y) + 10, bars=bars, labels=labels,
                 legend=legend, title=_("Completions by profession and sex"))


def monthly_chart(months: list[tuple[date, int]], threshold: int | None = None) -> Chart:
    """Draw one vertical bar per month that had completions. With a threshold, small months show only "<n"."""
    plot_height, bar_width, gap, bottom = 160, 36, 24, 40
    largest = max([count for _month, count in months] + [1])
    bars, labels = [], []
    x = 10.0
    for month, count in months:
        value_text = str(count)
        if threshold is not None and 0 < count < threshold:
            count, value_text = 0, f"<{threshold}"
        height = plot_height * count / largest
        text = month.strftime("%Y-%m")
        top = 20 + plot_height - height
        bars.append(Bar(x=x, y=top, width=bar_width, height=height, colour=SEX_COLOURS[0],
                        label=f"{text}: {value_text}", value_text=value_text,
                        value_x=x + bar_width / 2, value_y=top - 4))
        labels.append((x + bar_width / 2, 20 + plot_height + 16, text))
        x += bar_width + gap
    # The plot starts 20 px down, so the value label of the tallest bar fits above it.
    return Chart(width=max(int(x) + 10, 200), height=20 + plot_height + bottom, bars=bars, labels=labels,
                 legend=[], title=_("Completions per month"))


def _count(cell: str) -> int:
    # Hidden cells of a shared report are drawn as empty bars, so the chart reveals nothing.
    return int(cell) if cell.isdigit() else 0
