// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatinput.h"

#include <QKeyEvent>

namespace Realm::Ui {

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("chatInput"));
    setPlaceholderText(tr("Ask about this project… (Enter sends, Shift+Enter: new line, Esc stops, ↑ edits the last question)"));
    setTabChangesFocus(true);
    setMaximumHeight(fontMetrics().lineSpacing() * 6 + 12);
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier));
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && plain) {
        emit sendRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        emit stopRequested();
        return;
    }
    if (event->key() == Qt::Key_Up && plain && toPlainText().isEmpty()) {
        emit editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Realm::Ui
