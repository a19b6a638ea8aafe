// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/fieldnote.h"

#include <QEvent>

namespace Realm::Ui {

FieldNote::FieldNote(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateColour();
    hide();
}

void FieldNote::setProblem(const QString &problem)
{
    setText(problem);
    setVisible(!problem.isEmpty());
}

void FieldNote::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColour();
}

void FieldNote::updateColour()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x2a, 0x1e));
    // Setting the palette sends PaletteChange again: only when it differs.
    if (colours != palette())
        setPalette(colours);
}

} // namespace Realm::Ui
