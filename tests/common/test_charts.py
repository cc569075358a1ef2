"""Server-drawn charts: figures in the SVG and in the table alike, zero data drawn as such."""

from django.utils import translation

from common.charts import bar_chart, column_chart, format_number, percent


def test_bar_chart_scales_bars_to_the_largest_value_and_tables_every_item():
    chart = bar_chart(title="수료율", items=[("과정 A", 50), ("과정 B", 100), ("과정 <C>", 0)], value_header="%")
    assert not chart.empty
    assert chart.rows == [["과정 A", "50"], ["과정 B", "100"], ["과정 <C>", "0"]]
    svg = str(chart.svg)
    assert 'role="img"' in svg and "<title" in svg
    assert 'width="330.0"' in svg and 'width="165.0"' in svg  # the plot is 330 px wide: 100 → full, 50 → half
    assert "과정 &lt;C&gt;" in svg and "<C>" not in svg  # labels are escaped


def test_bar_chart_with_a_fixed_scale_and_extra_columns():
    chart = bar_chart(title="t", items=[("a", 25)], value_header="%", max_value=100, extra_columns=[("n", ["3 / 12"])])
    assert chart.headers[-1] == "n" and chart.rows == [["a", "25", "3 / 12"]]
    assert 'width="82.5"' in str(chart.svg)


def test_zero_data_is_drawn_as_no_data_in_each_language():
    with translation.override("ko"):
        empty = column_chart(title="월별", categories=[], series=[("수료", [])])
        assert empty.empty and "자료 없음" in str(empty.svg) and empty.rows == []
    with translation.override("en"):
        zeros = bar_chart(title="t", items=[("a", 0), ("b", None)], value_header="n")
        assert zeros.empty and "No data" in str(zeros.svg)
        assert zeros.rows == [["a", "0"], ["b", "–"]]


def test_column_chart_draws_one_column_per_series_and_category_with_a_legend():
    chart = column_chart(title="월별 수료", categories=["1월", "2월"], series=[("수강", [4, 2]), ("수료", [2, None])])
    assert chart.rows == [["1월", "4", "2"], ["2월", "2", "–"]]
    assert [name for _colour, name in chart.legend] == ["수강", "수료"]
    assert str(chart.svg).count("<rect") == 4  # four columns; the legend is HTML beside the SVG
    assert ">4<" in str(chart.svg) and ">8.2<" not in str(chart.svg)  # whole-number gridlines: 0 1 2 3 4


def test_nice_scales_put_gridlines_on_round_values():
    from common.charts import nice_scale

    assert nice_scale(11, integer=True) == 12 and nice_scale(3, integer=True) == 4
    assert nice_scale(37, integer=True) == 40 and nice_scale(0.7, integer=False) == 0.8
    assert nice_scale(90, integer=True) == 100 and nice_scale(0, integer=True) == 0


def test_number_formats():
    assert format_number(1234) == "1,234" and format_number(12.25) == "12.2" and format_number(None) == "–"
    assert percent(87.5) == "87.5%" and percent(None) == "–"


def test_negative_values_go_left_of_the_zero_line():
    chart = bar_chart(
        title="변별도", items=[("1번", 0.5), ("2번", -0.5), ("3번", None)], value_header="r", max_value=1, min_value=-1
    )
    svg = str(chart.svg)
    # plot 330 px from x=240, −1…1: zero at 405; 0.5 → 82.5 px right of it, −0.5 → 82.5 px left of it
    assert 'x1="405.0"' in svg
    assert 'x="405.0" y="10" width="82.5"' in svg and 'x="322.5" y="42" width="82.5"' in svg
    assert chart.rows[2] == ["3번", "–"] and not chart.empty
