// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QStringList>
#include <QWidget>

namespace Realm::Ui {

// Horizontal bars, one per row, each split into segments (e.g. code,
// comment, blank), with the row's label on the left and its total as text
// on the right. Painted with QPainter in the palette's colours.
class BarChart final : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString label;
        QList<qint64> values; // one per series
        QString valueText;
    };

    explicit BarChart(QWidget *parent = nullptr);
    void setSeries(const QStringList &names, const QList<QColor> &colors);
    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    // Said instead of bars when there are none.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_series;
    QList<QColor> m_colors;
    QList<Row> m_rows;
    QString m_emptyText;
};

// A value over versions: a line with a dot per point, the first and last
// values and the axis labels written out.
class LineChart final : public QWidget {
    Q_OBJECT
public:
    struct Point {
        QString label; // under the axis (version numbers)
        qint64 value = 0;
    };

    explicit LineChart(QWidget *parent = nullptr);
    void setPoints(const QList<Point> &points, const QString &valueName);
    const QList<Point> &points() const { return m_points; }
    // Said instead of a line while there are fewer than two points.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Point> m_points;
    QString m_valueName;
    QString m_emptyText;
};

// 12,345 → "12,345" in the user's locale; large numbers shortened: 1.2 M.
QString formatCount(qint64 value);

} // namespace Realm::Ui
