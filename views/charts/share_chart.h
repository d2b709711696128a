#pragma once

#include "chart_slice.h"

#include <QWidget>

class QChartView;

namespace meshscope {

/// A small chart of labelled values, pie or horizontal bars. Our interface in front of
/// Qt Charts: callers hand over slices and never see a Qt Charts type (the Charts headers
/// are included in the .cpp only). Setting the same slices again costs nothing.
class ShareChart : public QWidget
{
    Q_OBJECT

public:
    enum class Style { Pie, Bars };

    explicit ShareChart(Style style, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    /// Shown instead of the chart when there are no slices.
    void setPlaceholder(const QString& text);
    void setSlices(ChartSlices slices);
    const ChartSlices& slices() const { return m_slices; }
    /// Number of drawn elements (pie slices or bars), for tests.
    int drawnCount() const;

private:
    void rebuildPie();
    void rebuildBars();

    Style m_style;
    QString m_title;
    QString m_placeholder;
    ChartSlices m_slices;
    QChartView* m_view = nullptr;
    int m_drawn = 0;
    bool m_built = false;
};

} // namespace meshscope
