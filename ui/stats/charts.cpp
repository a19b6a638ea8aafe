// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/charts.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Realm::Ui {

namespace {
constexpr int kRowHeight = 20;
constexpr int kLegendHeight = 20;
constexpr int kMargin = 6;
} // namespace

QString formatCount(qint64 value)
{
    if (value >= 10'000'000)
        return QLocale().toString(double(value) / 1'000'000, 'f', 1) + QStringLiteral(" M");
    return QLocale().toString(value);
}

BarChart::BarChart(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BarChart::setSeries(const QStringList &names, const QList<QColor> &colors)
{
    m_series = names;
    m_colors = colors;
    updateGeometry();
    update();
}

void BarChart::setRows(const QList<Row> &rows)
{
    m_rows = rows;
    updateGeometry();
    update();
}

void BarChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QSize BarChart::sizeHint() const
{
    if (m_rows.isEmpty())
        return {420, 2 * kMargin + kRowHeight};
    return {420, 2 * kMargin + int(m_rows.size()) * kRowHeight + (m_series.size() > 1 ? kLegendHeight : 0)};
}

QSize BarChart::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_rows.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, 0, -kMargin, 0), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = qMin(width() * 2 / 5, 220);
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("0,000,000 lines"));
    const int barLeft = kMargin + labelWidth + kMargin;
    const int barWidth = qMax(10, width() - barLeft - valueWidth - 2 * kMargin);
    qint64 largest = 1;
    for (const Row &row : m_rows) {
        qint64 total = 0;
        for (qint64 v : row.values)
            total += v;
        largest = qMax(largest, total);
    }
    int y = kMargin;
    for (const Row &row : m_rows) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(kMargin, y, labelWidth, kRowHeight), Qt::AlignVCenter | Qt::AlignRight,
                   fm.elidedText(row.label, Qt::ElideMiddle, labelWidth));
        qreal x = barLeft;
        for (qsizetype i = 0; i < row.values.size(); ++i) {
            const qreal w = qreal(barWidth) * qreal(row.values.at(i)) / qreal(largest);
            p.fillRect(QRectF(x, y + 4, w, kRowHeight - 8), m_colors.value(i, palette().color(QPalette::Highlight)));
            x += w;
        }
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(int(x) + kMargin, y, valueWidth + barWidth, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, row.valueText);
        y += kRowHeight;
    }
    if (m_series.size() > 1) { // the legend
        int x = barLeft;
        for (qsizetype i = 0; i < m_series.size(); ++i) {
            p.fillRect(QRect(x, y + 6, 10, 10), m_colors.value(i));
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(x + 14, y, 200, kLegendHeight), Qt::AlignVCenter | Qt::AlignLeft, m_series.at(i));
            x += 14 + fm.horizontalAdvance(m_series.at(i)) + 16;
        }
    }
}

LineChart::LineChart(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LineChart::setPoints(const QList<Point> &points, const QString &valueName)
{
    m_points = points;
    m_valueName = valueName;
    update();
}

void LineChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QSize LineChart::sizeHint() const
{
    return {420, 160};
}

QSize LineChart::minimumSizeHint() const
{
    return {200, 160};
}

void LineChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    if (m_points.size() < 2) { // one point is no line
        p.setPen(muted);
        p.drawText(rect().adjusted(kMargin, 0, -kMargin, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   m_emptyText.isEmpty() ? tr("No versions yet.") : m_emptyText);
        return;
    }
    qint64 low = m_points.first().value;
    qint64 high = low;
    for (const Point &pt : m_points) {
        low = qMin(low, pt.value);
        high = qMax(high, pt.value);
    }
    // Room for the value labels on the left and the version labels below.
    const int left = kMargin + fm.horizontalAdvance(formatCount(high)) + kMargin;
    const QRect plot(left, kMargin + fm.height(), width() - left - 2 * kMargin, height() - 3 * kMargin - 2 * fm.height());
    const qint64 span = qMax<qint64>(1, high - low);
    const auto at = [&](qsizetype i) {
        const qreal x = m_points.size() == 1 ? plot.center().x() : plot.left() + qreal(plot.width()) * qreal(i) / qreal(m_points.size() - 1);
        const qreal y = plot.bottom() - qreal(plot.height()) * qreal(m_points.at(i).value - low) / qreal(span);
        return QPointF(x, high == low ? plot.center().y() : y);
    };
    p.setPen(QPen(muted, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    p.setPen(text);
    p.drawText(QRect(kMargin, plot.top() - fm.height() / 2, left - 2 * kMargin, fm.height()), Qt::AlignRight, formatCount(high));
    p.drawText(QRect(kMargin, plot.bottom() - fm.height() / 2, left - 2 * kMargin, fm.height()), Qt::AlignRight, formatCount(low));
    p.drawText(QRect(plot.left(), kMargin, plot.width(), fm.height()), Qt::AlignLeft, m_valueName);
    QPainterPath line;
    for (qsizetype i = 0; i < m_points.size(); ++i)
        i == 0 ? line.moveTo(at(i)) : line.lineTo(at(i));
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawPath(line);
    p.setBrush(palette().color(QPalette::Highlight));
    // Every point gets a dot; labels where there is room for them.
    const int every = qMax(1, int(m_points.size() * fm.horizontalAdvance(QStringLiteral("v000")) / qMax(1, plot.width())) + 1);
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        p.setPen(Qt::NoPen);
        p.drawEllipse(at(i), 3, 3);
        if (i % every == 0 || i == m_points.size() - 1) {
            p.setPen(muted);
            p.drawText(QRectF(at(i).x() - 30, plot.bottom() + kMargin, 60, fm.height()), Qt::AlignHCenter, m_points.at(i).label);
        }
    }
}

} // namespace Realm::Ui
