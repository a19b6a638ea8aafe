// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Realm::Ui {

// Where a question is typed: Enter sends, Shift+Enter starts a new line,
// Esc stops the answer, Up in an empty box edits the last question.
class ChatInput final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatInput)
public:
    explicit ChatInput(QWidget *parent = nullptr);

signals:
    void sendRequested();
    void stopRequested();
    void editLastRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Realm::Ui
