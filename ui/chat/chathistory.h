// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "storage/database.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace Realm::Chat {
class ConversationStore;
}

namespace Realm::Ui {

// The workspace's conversations, pinned first then most recent, and word
// search over all their messages, narrowed to the current project, a
// provider and a period when asked; pin, archive and trash from the context
// menu. Reads and writes off the UI thread.
class ChatHistory final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatHistory)
public:
    explicit ChatHistory(Storage::DatabasePtr db, QWidget *parent = nullptr);

    void reload();
    void focusSearch();
    // The project the "this project only" filter means.
    void setProject(const QString &projectId, const QString &projectName);
    // Provider profiles the provider filter offers: (id, name).
    void setProviders(const QList<QPair<QString, QString>> &providers);
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *providerBox() const { return m_provider; }
    QComboBox *periodBox() const { return m_period; }
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }

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
    QComboBox *m_scope;    // all projects, or the current one
    QComboBox *m_provider; // any, or one profile (searches answers it gave)
    QComboBox *m_period;   // any time, today, 7 or 30 days
    QListWidget *m_list;
    QString m_projectId;
    LatestOnly m_reloads;
};

} // namespace Realm::Ui
