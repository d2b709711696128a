#include "share_chart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QPieSeries>
#include <QtCharts/QPieSlice>
#include <QtCharts/QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace meshscope {

namespace {

constexpr int MaxBars = 12;

} // namespace

ShareChart::ShareChart(Style style, QWidget* parent)
    : QWidget(parent)
    , m_style(style)
    , m_view(new QChartView(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->chart()->legend()->setVisible(style == Style::Pie);
    m_view->chart()->legend()->setAlignment(Qt::AlignRight);
    m_view->chart()->setMargins(QMargins(2, 2, 2, 2));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void ShareChart::setTitle(const QString& title)
{
    m_title = title;
    m_view->chart()->setTitle(
        m_slices.empty() && !m_placeholder.isEmpty() ? m_title + QLatin1Char('\n') + m_placeholder : m_title);
}

void ShareChart::setPlaceholder(const QString& text)
{
    m_placeholder = text;
    setTitle(m_title);
}

void ShareChart::setSlices(ChartSlices slices)
{
    if (m_built && slices == m_slices)
        return; // cursor moves during replay: do not rebuild an unchanged chart
    m_built = true;
    m_slices = std::move(slices);
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    m_drawn = 0;
    if (m_style == Style::Pie)
        rebuildPie();
    else
        rebuildBars();
    setTitle(m_title);
}

int ShareChart::drawnCount() const
{
    return m_drawn;
}

void ShareChart::rebuildPie()
{
    if (m_slices.empty())
        return;
    auto* series = new QPieSeries;
    double total = 0;
    for (const ChartSlice& s : m_slices)
        total += s.value;
    for (const ChartSlice& s : m_slices) {
        const double share = total > 0 ? 100.0 * s.value / total : 0;
        QPieSlice* slice
            = series->append(QStringLiteral("%1  %2%").arg(s.label).arg(share, 0, 'f', 1), s.value);
        if (s.colour.isValid())
            slice->setBrush(s.colour);
        ++m_drawn;
    }
    series->setHoleSize(0.35);
    m_view->chart()->addSeries(series);
}

void ShareChart::rebuildBars()
{
    if (m_slices.empty())
        return;
    // One set per bar in a stacked series: the only way to give each bar its own colour.
    const int count = std::min(MaxBars, static_cast<int>(m_slices.size()));
    auto* series = new QHorizontalStackedBarSeries;
    QStringList categories;
    double maximum = 0;
    for (int i = count - 1; i >= 0; --i) // largest at the top
        categories << m_slices[static_cast<std::size_t>(i)].label;
    for (int i = 0; i < count; ++i) {
        const ChartSlice& s = m_slices[static_cast<std::size_t>(i)];
        auto* set = new QBarSet(s.label);
        for (int row = 0; row < count; ++row)
            *set << (row == count - 1 - i ? s.value : 0.0);
        if (s.colour.isValid())
            set->setColor(s.colour);
        series->append(set);
        maximum = std::max(maximum, s.value);
        ++m_drawn;
    }
    QChart* chart = m_view->chart();
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto* valueAxis = new QValueAxis;
    valueAxis->setRange(0, std::max(1.0, maximum));
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    valueAxis->setTickCount(std::min(6, static_cast<int>(std::max(1.0, maximum)) + 1));
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
}

} // namespace meshscope
