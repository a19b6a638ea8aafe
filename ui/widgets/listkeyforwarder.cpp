// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/listkeyforwarder.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QWidget>

namespace Realm::Ui {

bool ListKeyForwarder::eventFilter(QObject *, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key != Qt::Key_Up && key != Qt::Key_Down && key != Qt::Key_PageUp && key != Qt::Key_PageDown)
        return false;
    QCoreApplication::sendEvent(m_list, event);
    return true;
}

} // namespace Realm::Ui
