// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QWidget>

#include <functional>

class QLineEdit;
class QListWidget;

namespace Realm::Chat {
class ConversationStore;
}

namespace Realm::Ui {

// The workspace's conversations, pinned first then most recent, and word
// search over all their messages; pin, archive and trash from the context
// menu. Reads and writes off the UI thread.
class ChatHistory final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatHistory)
public:
    explicit ChatHistory(Storage::DatabasePtr db, QWidget *parent = nullptr);

    void reload();
    void focusSearch();

signals:
    // A conversation (and, from a search hit, the message) to open.
    void conversationChosen(const QString &conversationId, const QString &messageId);
    // Pinned, archived or moved to the trash.
    void conversationChanged(const QString &conversationId);
    void movedToTrash(const QString &conversationId);
    void failed(const QString &message);
    void loaded();

private:
    void showMenu(const QPoint &at);
    void change(const QString &id, std::function<Result<void>(Chat::ConversationStore &, const QString &)> change);

    Storage::DatabasePtr m_db;
    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace Realm::Ui
