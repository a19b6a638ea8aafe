// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/databasenotifier.h"

#include <QSqlDriver>
#include <QTimer>
#include <QVariant>

#include <libpq-fe.h>

namespace Realm::ServerDb {

namespace {

constexpr int kCheckIntervalMs = 5000;

// libpq prints what the server says to an idle connection (a listening one
// is read while idle: "terminating connection due to administrator
// command" when PostgreSQL stops) straight to stderr; the server's log
// takes it instead, in its own format.
void logNotice(void *, const char *message)
{
    qWarning("PostgreSQL: %s", qPrintable(QString::fromUtf8(message).trimmed()));
}

void routeNotices(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // Qt names the type after libpq's struct.
    if (handle.isValid() && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0))
        if (PGconn *connection = *static_cast<PGconn *const *>(handle.constData()))
            PQsetNoticeProcessor(connection, logNotice, nullptr);
}

} // namespace

// Lives on the notifier's thread; owns that thread's connection.
class NotifierWorker final : public QObject {
    Q_OBJECT

public:
    explicit NotifierWorker(DatabaseNotifier *notifier) : m_notifier(notifier) {}

    // On the notifier's thread, as it starts.
    void begin()
    {
        m_check = new QTimer(this);
        m_check->setInterval(kCheckIntervalMs);
        connect(m_check, &QTimer::timeout, this, &NotifierWorker::check);
        m_check->start();
        check();
    }

    void end()
    {
        if (m_check)
            m_check->stop();
        m_notifier->m_listening = false;
        m_notifier->m_database->closeThreadConnection();
    }

private:
    void check()
    {
        // A dropped connection is found by using it; the database reopens
        // it, without the subscription, which is then made again.
        if (!m_notifier->m_database->ping()) {
            m_notifier->m_listening = false;
            return;
        }
        Result<QSqlDatabase> db = m_notifier->m_database->connection();
        if (!db) {
            m_notifier->m_listening = false;
            return;
        }
        QSqlDriver *driver = db->driver();
        if (driver->subscribedToNotifications().contains(m_notifier->m_channel))
            return;
        if (!driver->subscribeToNotification(m_notifier->m_channel)) {
            m_notifier->m_listening = false;
            return;
        }
        routeNotices(*db);
        connect(driver, &QSqlDriver::notification, this, &NotifierWorker::heard, Qt::UniqueConnection);
        m_notifier->m_listening = true;
        // Whatever was committed while nobody listened.
        emit m_notifier->notified(QString());
    }

    void heard(const QString &, QSqlDriver::NotificationSource, const QVariant &payload) { emit m_notifier->notified(payload.toString()); }

    DatabaseNotifier *m_notifier;
    QTimer *m_check = nullptr;
};

DatabaseNotifier::DatabaseNotifier(ServerDatabasePtr database, QString channel, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_channel(std::move(channel))
{
}

DatabaseNotifier::~DatabaseNotifier()
{
    if (m_localListener)
        m_database->unlistenLocally(m_localListener);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseNotifier::start()
{
    if (m_database->backend() == Backend::Sqlite) {
        if (!m_localListener)
            m_localListener = m_database->listenLocally(m_channel, [this](const QString &payload) { emit notified(payload); });
        return;
    }
    if (m_thread.isRunning())
        return;
    auto *worker = new NotifierWorker(this);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, worker, &NotifierWorker::begin);
    // On the thread itself as it ends: its connection is closed there.
    connect(&m_thread, &QThread::finished, worker, [worker] {
        worker->end();
        delete worker;
    }, Qt::DirectConnection);
    m_thread.setObjectName(QStringLiteral("database notifier"));
    m_thread.start();
}

} // namespace Realm::ServerDb

#include "databasenotifier.moc"
