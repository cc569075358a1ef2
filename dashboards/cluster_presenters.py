"""The cluster report shaped for its screen, its files (CSV, XLSX) and its printed PDF."""

from __future__ import annotations

import datetime

from django import forms
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from common.charts import Chart, bar_chart, column_chart, format_number, percent
from common.pdf import html_to_pdf

from .cluster import ClusterReport, Figures, Period

#: Bars shown in a chart of courses or companies (the table lists them all).
TOP = 15
FIRST_YEAR = 2020


def current_period(today: datetime.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(today.year, (today.month - 1) // 3 + 1)


class ClusterReportForm(forms.Form):
    """The period: a year and a quarter (or the whole year). Read from the query string."""

    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=FIRST_YEAR, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"),
        coerce=int,
        choices=[
            (0, gettext_lazy("Whole year")),
            (1, gettext_lazy("Q1 (Jan–Mar)")),
            (2, gettext_lazy("Q2 (Apr–Jun)")),
            (3, gettext_lazy("Q3 (Jul–Sep)")),
            (4, gettext_lazy("Q4 (Oct–Dec)")),
        ],
    )

    def period(self) -> Period:
        return Period(self.cleaned_data["year"], self.cleaned_data["quarter"])


def headers() -> list[str]:
    return [
        pgettext("cluster figure", "Trainees"),
        pgettext("cluster figure", "Enrolments"),
        pgettext("cluster figure", "Completions"),
        pgettext("cluster figure", "Completion rate"),
        pgettext("cluster figure", "Certificates issued"),
        pgettext("cluster figure", "Study hours"),
        pgettext("cluster figure", "Satisfaction (1–5)"),
        pgettext("cluster figure", "Survey responses"),
    ]


def display_cells(figures: Figures) -> list[str]:
    """A row's figures as the screen and the PDF print them."""
    return [
        format_number(figures.trainees),
        format_number(figures.enrolments),
        format_number(figures.completions),
        percent(figures.completion_rate),
        format_number(figures.certificates),
        format_number(figures.study_hours),
        "–" if figures.satisfaction is None else f"{figures.satisfaction:.2f}",
        format_number(figures.survey_responses),
    ]


def file_cells(figures: Figures) -> list:
    """A row's figures as numbers for a spreadsheet (empty where there is no value)."""
    rate, satisfaction = figures.completion_rate, figures.satisfaction
    return [
        figures.trainees,
        figures.enrolments,
        figures.completions,
        "" if rate is None else float(rate),
        figures.certificates,
        float(figures.study_hours),
        "" if satisfaction is None else float(satisfaction),
        figures.survey_responses,
    ]


def charts(report: ClusterReport) -> list[Chart]:
    trainees = pgettext("cluster figure", "Trainees")
    months = [row.label for row in report.by_month]
    return [
        column_chart(
            title=_("Enrolments, completions and certificates by month (the month a run starts)"),
            categories=months,
            series=[
                (pgettext("cluster figure", "Enrolments"), [row.figures.enrolments for row in report.by_month]),
                (pgettext("cluster figure", "Completions"), [row.figures.completions for row in report.by_month]),
                (
                    pgettext("cluster figure", "Certificates issued"),
                    [row.figures.certificates for row in report.by_month],
                ),
            ],
            category_header=_("Month"),
        ),
        bar_chart(
            title=_("Trainees by institute"),
            items=[(row.label, row.figures.trainees) for row in report.by_institute],
            value_header=trainees,
            label_header=_("Institute"),
        ),
        bar_chart(
            title=_("Completion rate by course"),
            description=_("The %(count)s courses with the most enrolments.") % {"count": TOP}
            if len(report.by_course) > TOP
            else "",
            items=[(row.label, row.figures.completion_rate) for row in report.by_course[:TOP]],
            value_header=pgettext("cluster figure", "Completion rate"),
            label_header=_("Course"),
            max_value=100,
            value_format=percent,
        ),
        bar_chart(
            title=_("Trainees by company"),
            description=_("The %(count)s companies with the most enrolments.") % {"count": TOP}
            if len(report.by_company) > TOP
            else "",
            items=[(row.label, row.figures.trainees) for row in report.by_company[:TOP]],
            value_header=trainees,
            label_header=_("Company"),
        ),
    ]


def tables(report: ClusterReport) -> list[dict]:
    """Each breakdown as a table for the screen and the PDF: heading, first column, rows, total."""
    first_columns = {"institute": _("Institute"), "course": _("Course"), "company": _("Company"), "month": _("Month")}
    return [
        {
            "key": key,
            "heading": heading,
            "headers": [first_columns[key], *headers()],
            "rows": [[row.label, *display_cells(row.figures)] for row in rows],
            "total": [_("Total"), *display_cells(report.total)],
        }
        for key, heading, rows in report.breakdowns
    ]


def file_rows(report: ClusterReport) -> tuple[list[str], list[list]]:
    """One table for CSV and XLSX: a column says which breakdown each row belongs to (filter on it)."""
    header = [_("Period"), _("Breakdown"), _("Item"), *headers()]
    rows = [[report.period.label, _("Total"), _("Total"), *file_cells(report.total)]]
    for _key, heading, breakdown in report.breakdowns:
        rows.extend([report.period.label, heading, row.label, *file_cells(row.figures)] for row in breakdown)
    return header, rows


def pdf_bytes(report: ClusterReport) -> bytes:
    """The printable report: the charts as inline SVG and every table, in the Korean font."""
    html = render_to_string(
        "dashboards/cluster_report_pdf.html",
        {
            "report": report,
            "charts": charts(report),
            "tables": tables(report),
            "made_at": timezone.now(),
        },
    )
    return html_to_pdf(html)
