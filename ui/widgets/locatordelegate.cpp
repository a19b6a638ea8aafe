// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/locatordelegate.h"

#include "widgets/locatorpopup.h"

#include <QApplication>
#include <QPainter>

namespace Realm::Ui {

namespace {
struct Colours {
    QColor text;
    QColor match;
    QColor muted;
};

// Draws text[from, to) at x with the matched characters emphasised, and
// returns where it ended. Stops with "…" at `right`.
int drawRuns(QPainter *painter, const QFont &font, const Colours &colours, int x, int baseline, int right, const QString &text,
             qsizetype from, qsizetype to, const QList<qsizetype> &positions, const QColor &plain)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics plainMetrics(font);
    const QString ellipsis = QStringLiteral("…");
    for (qsizetype i = from; i < to;) {
        const bool matched = positions.contains(i);
        qsizetype end = i + 1;
        while (end < to && positions.contains(end) == matched)
            ++end;
        const QString run = text.mid(i, end - i);
        const QFontMetrics metrics(matched ? bold : font);
        painter->setFont(matched ? bold : font);
        painter->setPen(matched ? colours.match : plain);
        if (x + metrics.horizontalAdvance(run) > right) {
            const QString cut = metrics.elidedText(run, Qt::ElideRight, std::max(0, right - x));
            painter->drawText(x, baseline, cut.isEmpty() ? ellipsis : cut);
            return right;
        }
        painter->drawText(x, baseline, run);
        x += metrics.horizontalAdvance(run);
        i = end;
    }
    painter->setFont(font);
    return x + plainMetrics.horizontalAdvance(QLatin1Char(' ')) * 2;
}
} // namespace

void LocatorDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, icon

    const bool selected = opt.state & QStyle::State_Selected;
    const bool enabled = opt.state & QStyle::State_Enabled;
    const QPalette::ColorGroup group = enabled ? QPalette::Normal : QPalette::Disabled;
    Colours colours;
    colours.text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    colours.match = selected ? colours.text : opt.palette.color(group, QPalette::Link);
    colours.muted = colours.text;
    colours.muted.setAlphaF(0.6f);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -4, 0);
    const QFontMetrics metrics(opt.font);
    const int baseline = textRect.top() + (textRect.height() - metrics.height()) / 2 + metrics.ascent();
    int right = textRect.right();
    painter->save();
    painter->setClipRect(textRect);
    if (const QString shortcut = index.data(ShortcutRole).toString(); !shortcut.isEmpty()) {
        const int width = metrics.horizontalAdvance(shortcut);
        painter->setFont(opt.font);
        painter->setPen(colours.muted);
        painter->drawText(right - width, baseline, shortcut);
        right -= width + metrics.horizontalAdvance(QStringLiteral("    "));
    }
    const auto positions = index.data(MatchPositionsRole).value<QList<qsizetype>>();
    const qsizetype nameStart = std::clamp<qsizetype>(index.data(NameStartRole).toInt(), 0, text.size());
    int x = drawRuns(painter, opt.font, colours, textRect.left(), baseline, right, text, nameStart, text.size(), positions, colours.text);
    if (nameStart > 0 && x < right) {
        // The folder, without its last '/', muted; elided in the middle
        // when long, highlights dropped then (they would point at hidden text).
        const QString folder = text.left(nameStart - 1);
        if (metrics.horizontalAdvance(folder) <= right - x) {
            drawRuns(painter, opt.font, colours, x, baseline, right, text, 0, nameStart - 1, positions, colours.muted);
        } else {
            painter->setPen(colours.muted);
            painter->drawText(x, baseline, metrics.elidedText(folder, Qt::ElideMiddle, right - x));
        }
    }
    painter->restore();
}

QSize LocatorDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace Realm::Ui
