// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chathistory.h"

#include "chat/conversationstore.h"
#include "jobs/background.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QTimer>
#include <QVBoxLayout>

namespace Realm::Ui {

using namespace Realm::Chat;

namespace {
enum HistoryRole { ConversationIdRole = Qt::UserRole, MessageIdRole, PinnedRole };

struct Listing {
    QList<Conversation> conversations;
    QList<MessageHit> hits;
    QString error;
};
} // namespace

ChatHistory::ChatHistory(Storage::DatabasePtr db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_search(new QLineEdit)
    , m_scope(new QComboBox)
    , m_provider(new QComboBox)
    , m_period(new QComboBox)
    , m_list(new QListWidget)
{
    m_scope->setObjectName(QStringLiteral("chatHistoryScope"));
    m_scope->addItem(tr("All projects"));
    m_provider->setObjectName(QStringLiteral("chatHistoryProvider"));
    m_provider->addItem(tr("Any provider"));
    m_period->setObjectName(QStringLiteral("chatHistoryPeriod"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Today"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    for (QComboBox *box : {m_scope, m_provider, m_period})
        connect(box, &QComboBox::currentIndexChanged, this, &ChatHistory::reload);
    m_search->setObjectName(QStringLiteral("chatSearch"));
    m_search->setPlaceholderText(tr("Search all conversations"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("chatHistory"));
    m_list->setWordWrap(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *searchDelay = new QTimer(this); // search once typing pauses
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &ChatHistory::reload);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &ChatHistory::showMenu);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit conversationChosen(item->data(ConversationIdRole).toString(), item->data(MessageIdRole).toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_scope, 1);
    filters->addWidget(m_provider, 1);
    filters->addWidget(m_period, 1);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_list);
}

void ChatHistory::focusSearch()
{
    m_search->setFocus();
}

void ChatHistory::setProject(const QString &projectId, const QString &projectName)
{
    m_projectId = projectId;
    while (m_scope->count() > 1)
        m_scope->removeItem(1);
    if (!projectId.isEmpty())
        m_scope->addItem(tr("Only %1").arg(projectName));
}

void ChatHistory::setProviders(const QList<QPair<QString, QString>> &providers)
{
    const QString chosen = m_provider->currentData().toString();
    const QSignalBlocker quiet(m_provider);
    while (m_provider->count() > 1)
        m_provider->removeItem(1);
    for (const auto &[id, name] : providers) {
        m_provider->addItem(name, id);
        if (id == chosen)
            m_provider->setCurrentIndex(m_provider->count() - 1);
    }
}

void ChatHistory::reload()
{
    const QString text = m_search->text().trimmed();
    MessageSearch search;
    search.text = text;
    search.projectId = m_scope->currentIndex() > 0 ? m_projectId : QString();
    search.providerId = m_provider->currentData().toString();
    if (const int days = m_period->currentData().toInt(); days > 0)
        search.fromMs = QDateTime(QDate::currentDate().addDays(1 - days), QTime(0, 0)).toMSecsSinceEpoch();
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db,
                    [search](Storage::DatabasePtr db) {
                        Listing listing;
                        ConversationStore store(db);
                        if (search.text.isEmpty()) {
                            ConversationFilter filter;
                            filter.projectId = search.projectId;
                            Result<QList<Conversation>> list = store.list(filter);
                            if (list) {
                                // Provider and period narrow the list too.
                                for (const Conversation &c : std::as_const(*list)) {
                                    if ((search.providerId.isEmpty() || c.providerId == search.providerId)
                                        && (search.fromMs == 0 || c.updatedAt >= search.fromMs))
                                        listing.conversations.append(c);
                                }
                            } else {
                                listing.error = list.error().message;
                            }
                        } else {
                            Result<QList<MessageHit>> hits = store.search(search);
                            if (hits)
                                listing.hits = *hits;
                            else
                                listing.error = hits.error().message;
                        }
                        return listing;
                    },
                    [this, ticket](const Listing &listing) {
                        // Any newer query (typing, another filter) wins, even
                        // when this older one finishes after it.
                        if (!m_reloads.isNewest(ticket))
                            return;
                        m_list->clear();
                        for (const Conversation &c : listing.conversations) {
                            auto *item = new QListWidgetItem((c.pinned ? QStringLiteral("★ ") : QString())
                                                             + (c.title.isEmpty() ? tr("New conversation") : c.title));
                            item->setData(ConversationIdRole, c.id);
                            item->setData(PinnedRole, c.pinned);
                            QString tip = QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.updatedAt), QLocale::ShortFormat);
                            if (c.usage.outputTokens >= 0)
                                tip += QLatin1Char('\n') + tr("%1 tokens in, %2 out").arg(c.usage.inputTokens).arg(c.usage.outputTokens);
                            item->setToolTip(tip);
                            m_list->addItem(item);
                        }
                        for (const MessageHit &h : listing.hits) {
                            auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(h.conversationTitle, h.snippet.simplified()));
                            item->setData(ConversationIdRole, h.conversationId);
                            item->setData(MessageIdRole, h.messageId);
                            m_list->addItem(item);
                        }
                        if (!listing.error.isEmpty())
                            emit failed(listing.error);
                        emit loaded();
                    });
}

void ChatHistory::showMenu(const QPoint &at)
{
    const QListWidgetItem *item = m_list->itemAt(at);
    if (!item)
        return;
    const QString id = item->data(ConversationIdRole).toString();
    const bool pinned = item->data(PinnedRole).toBool();
    QMenu actions;
    actions.addAction(pinned ? tr("Unpin") : tr("Pin to the Top"), this, [this, id, pinned] {
        change(id, [pinned](ConversationStore &s, const QString &c) { return s.setPinned(c, !pinned); });
    });
    actions.addAction(tr("Archive"), this, [this, id] {
        change(id, [](ConversationStore &s, const QString &c) { return s.setArchived(c, true); });
    });
    actions.addAction(tr("Move to Trash"), this, [this, id] {
        change(id, [](ConversationStore &s, const QString &c) { return s.moveToTrash(c); });
        emit movedToTrash(id);
    });
    actions.exec(m_list->viewport()->mapToGlobal(at));
}

void ChatHistory::change(const QString &id, std::function<Result<void>(ConversationStore &, const QString &)> change)
{
    runInBackground(this, m_db,
                    [id, change = std::move(change)](Storage::DatabasePtr db) {
                        ConversationStore store(db);
                        return change(store, id);
                    },
                    [this, id](const Result<void> &r) {
                        if (!r)
                            emit failed(r.error().message);
                        else
                            emit conversationChanged(id);
                        reload();
                    });
}

} // namespace Realm::Ui
