// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/glyphicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Realm::Ui {

namespace {
// Drawn on a 16×16 grid, scaled to the pixmap's size.
void draw(QPainter &painter, Glyph glyph)
{
    switch (glyph) {
    case Glyph::Copy:
        painter.drawPolyline(QPolygonF({QPointF(2.5, 10.5), QPointF(2.5, 2.5), QPointF(10.5, 2.5)}));
        painter.drawRoundedRect(QRectF(5.5, 5.5, 8, 8), 1, 1);
        break;
    case Glyph::Edit:
        painter.drawPolygon(QPolygonF({QPointF(2.5, 13.5), QPointF(3.2, 10.3), QPointF(10.8, 2.7), QPointF(13.3, 5.2), QPointF(5.7, 12.8)}));
        painter.drawLine(QPointF(9.3, 4.2), QPointF(11.8, 6.7));
        break;
    case Glyph::Regenerate: {
        QPainterPath arc;
        arc.arcMoveTo(QRectF(3, 3, 10, 10), 60);
        arc.arcTo(QRectF(3, 3, 10, 10), 60, 290);
        painter.drawPath(arc);
        // The arrowhead at the arc's start, pointing along it.
        painter.drawPolyline(QPolygonF({QPointF(7.5, 1.8), QPointF(10.6, 3.6), QPointF(8.6, 6.6)}));
        break;
    }
    }
}
} // namespace

QIcon glyphIcon(Glyph glyph, const QColor &colour)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        painter.setPen(QPen(colour, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        draw(painter, glyph);
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Realm::Ui
