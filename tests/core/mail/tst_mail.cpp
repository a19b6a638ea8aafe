// SPDX-License-Identifier: GPL-3.0-or-later
// Mails of the team server: their form, SMTP through libcurl to a sink on
// 127.0.0.1, files, and the queue in the server's database (SQLite:
// tst_mail, PostgreSQL: tst_mail_postgresql).
#include "common/clock.h"
#include "mail/maildispatcher.h"
#include "mail/mailmessage.h"
#include "mail/mailoutbox.h"
#include "mail/mailsender.h"
#include "serverdb/query.h"
#include "smtpsink.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QDir>
#include <QFileInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Realm;
using namespace Realm::Mail;
using namespace Realm::Test;

namespace {

const QString kFrom = QStringLiteral("REALM <realm@example.org>");

SmtpSettings sinkSettings(const SmtpSink &sink)
{
    SmtpSettings settings;
    settings.url = QUrl(sink.url());
    settings.from = kFrom;
    settings.requireTls = false;
    settings.timeoutSeconds = 20;
    return settings;
}

// Sends on another thread while this one serves the sink.
Result<QString> sendAside(MailSender &sender, const MailMessage &message)
{
    QFuture<Result<QString>> sending = QtConcurrent::run([&sender, message] { return sender.send(message); });
    while (!sending.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return sending.result();
}

struct OutboxRow {
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
};

} // namespace

class TestMail final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    std::optional<OutboxRow> onlyRow(const ServerDb::ServerDatabasePtr &db)
    {
        Result<std::optional<OutboxRow>> row = db->read([](const QSqlDatabase &connection) -> Result<std::optional<OutboxRow>> {
            ServerDb::Query query(connection, "SELECT attempts, next_attempt_at, last_error FROM mail_outbox");
            if (Result<void> ran = query.exec(QStringLiteral("read")); !ran)
                return ran.error();
            if (!query.next())
                return std::optional<OutboxRow>();
            return std::optional<OutboxRow>(OutboxRow{int(query.integer(0)), query.integer(1), query.text(2)});
        });
        return row ? *row : std::nullopt;
    }

private slots:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void aMailKeepsItsTextThroughEncoding()
    {
        const QString body = QStringLiteral("Grüße aus Köln — a = sign, trailing space \n%1\n.a line starting with a dot\n").arg(QString(120, QLatin1Char('x')));
        const MailMessage message{QStringLiteral("Zoë <zoe@example.org>"), QStringLiteral("Passwort zurücksetzen für Zoë, bitte jetzt sofort lesen"), body};
        ReceivedMail formatted;
        formatted.data = formatMail(kFrom, message, QDateTime(QDate(2026, 12, 5), QTime(13, 0), Qt::UTC), QStringLiteral("abc"));
        QCOMPARE(formatted.body(), body);
        // Only ASCII on the wire, lines short enough for any SMTP server.
        for (const QByteArray &line : formatted.data.split('\n')) {
            QVERIFY2(line.size() <= 78, line.constData());
            for (char c : line)
                QVERIFY(uchar(c) < 128);
        }
        QVERIFY(formatted.header("Subject").startsWith(QLatin1String("=?UTF-8?B?")));
        QCOMPARE(formatted.header("Date"), QStringLiteral("Sat, 05 Dec 2026 13:00:00 +0000"));
        QCOMPARE(formatted.header("Message-ID"), QStringLiteral("<abc@example.org>"));
    }

    void lineBreaksCannotAddHeaders()
    {
        const MailMessage message{QStringLiteral("bob@example.org\r\nBcc: eve@example.org"), QStringLiteral("Hello\r\nBcc: eve@example.org"), QStringLiteral("hi\n")};
        const QByteArray mail = formatMail(kFrom, message, QDateTime::currentDateTimeUtc(), QStringLiteral("id"));
        QVERIFY(!mail.contains("\r\nBcc:"));
        QCOMPARE(addressOf(QStringLiteral("REALM <realm@example.org>")), QStringLiteral("realm@example.org"));
        QCOMPARE(addressOf(QStringLiteral("plain@example.org")), QStringLiteral("plain@example.org"));
    }

    void smtpDeliversToTheServer()
    {
        SmtpSink sink;
        QVERIFY(sink.listen());
        SmtpMailSender sender(sinkSettings(sink));
        const Result<QString> sent = sendAside(sender, {QStringLiteral("Bob <bob@example.org>"), QStringLiteral("Hi"), QStringLiteral("Line one\nLine two\n")});
        REALM_VERIFY_OK(sent);
        QCOMPARE(sink.mails().size(), 1);
        const ReceivedMail mail = sink.mails().first();
        QCOMPARE(mail.from, QStringLiteral("<realm@example.org>"));
        QCOMPARE(mail.to, QStringList{QStringLiteral("<bob@example.org>")});
        QCOMPARE(mail.header("Subject"), QStringLiteral("Hi"));
        QCOMPARE(mail.body(), QStringLiteral("Line one\nLine two\n"));
    }

    void smtpWithoutStartTlsIsRefusedWhenTlsIsRequired()
    {
        SmtpSink sink;
        QVERIFY(sink.listen());
        SmtpSettings settings = sinkSettings(sink);
        settings.requireTls = true;
        SmtpMailSender sender(settings);
        const Result<QString> sent = sendAside(sender, {QStringLiteral("bob@example.org"), QStringLiteral("Hi"), QStringLiteral("x\n")});
        QVERIFY(!sent);
        QVERIFY2(sent.error().message.contains(sink.url()), qPrintable(sent.error().message));
        QVERIFY(sink.mails().isEmpty());
    }

    void anUnreachableServerIsAClearError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        SmtpSettings settings;
        settings.url = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(port));
        settings.from = kFrom;
        settings.requireTls = false;
        SmtpMailSender sender(settings);
        const Result<QString> sent = sender.send({QStringLiteral("bob@example.org"), QStringLiteral("Hi"), QStringLiteral("x\n")});
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, Error::Code::Unavailable);
        QVERIFY2(sent.error().message.contains(QLatin1String("realm-server.conf")), qPrintable(sent.error().message));
    }

    void filesAreReadableByTheOwnerOnly()
    {
        const QString folder = m_folder.filePath(QStringLiteral("mail"));
        FileMailSender sender(folder, kFrom);
        const Result<QString> written = sender.send({QStringLiteral("bob@example.org"), QStringLiteral("Your code"), QStringLiteral("code 123\n")});
        REALM_VERIFY_OK(written);
        QCOMPARE(QFileInfo(*written).dir().absolutePath(), QDir(folder).absolutePath());
        QCOMPARE(QFileInfo(*written).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QFile file(*written);
        QVERIFY(file.open(QIODevice::ReadOnly));
        ReceivedMail mail;
        mail.data = file.readAll();
        QCOMPARE(mail.header("Subject"), QStringLiteral("Your code"));
        QCOMPARE(mail.body(), QStringLiteral("code 123\n"));
    }

    void theDispatcherSendsQueuedMailsInOrderAndForgetsThem()
    {
        ServerDb::ServerDatabasePtr db = openTestServerDatabase(m_folder.path());
        SmtpSink sink;
        QVERIFY(sink.listen());
        REALM_VERIFY_OK(db->write(QStringLiteral("queue"), [](const QSqlDatabase &connection) -> Result<void> {
            for (const char *to : {"first@example.org", "second@example.org"}) {
                if (Result<void> queued = MailOutbox::enqueue(connection, {QString::fromLatin1(to), QStringLiteral("s"), QStringLiteral("b\n")}, Clock::nowMs()); !queued)
                    return queued;
            }
            return {};
        }));
        QStringList log;
        MailDispatcher dispatcher(db, std::make_unique<SmtpMailSender>(sinkSettings(sink)), [&log](const QByteArray &line) { log.append(QString::fromUtf8(line)); });
        dispatcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(sink.mails().size(), 2, 20000);
        QCOMPARE(sink.mails().at(0).to, QStringList{QStringLiteral("<first@example.org>")});
        QCOMPARE(sink.mails().at(1).to, QStringList{QStringLiteral("<second@example.org>")});
        QTRY_VERIFY_WITH_TIMEOUT(!onlyRow(db), 20000);
        dispatcher.stop();
        QCOMPARE(log.filter(QStringLiteral("\"mail.sent\"")).size(), 2);
    }

    void aRefusedMailWaitsForAnotherTryWithItsError()
    {
        ServerDb::ServerDatabasePtr db = openTestServerDatabase(m_folder.path());
        SmtpSink sink;
        QVERIFY(sink.listen());
        sink.setRefusing(true);
        MailDispatcher dispatcher(db, std::make_unique<SmtpMailSender>(sinkSettings(sink)), {});
        dispatcher.start();
        const qint64 before = Clock::nowMs();
        REALM_VERIFY_OK(db->write(QStringLiteral("queue"), [](const QSqlDatabase &connection) {
            return MailOutbox::enqueue(connection, {QStringLiteral("full@example.org"), QStringLiteral("s"), QStringLiteral("b\n")}, Clock::nowMs());
        }));
        dispatcher.wake();
        QTRY_VERIFY_WITH_TIMEOUT(onlyRow(db) && onlyRow(db)->attempts == 1, 20000);
        dispatcher.stop();
        const OutboxRow row = *onlyRow(db);
        QVERIFY2(row.lastError.contains(QLatin1String("550")) || row.lastError.contains(QLatin1String("denied")), qPrintable(row.lastError));
        QVERIFY(row.nextAttemptAt >= before + 30 * 1000);
        QVERIFY(sink.mails().isEmpty());
    }

    void stoppingAbortsASendAndKeepsTheMailDue()
    {
        ServerDb::ServerDatabasePtr db = openTestServerDatabase(m_folder.path());
        // A server that takes the connection and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SmtpSettings settings;
        settings.url = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(silent.serverPort()));
        settings.from = kFrom;
        settings.requireTls = false;
        REALM_VERIFY_OK(db->write(QStringLiteral("queue"), [](const QSqlDatabase &connection) {
            return MailOutbox::enqueue(connection, {QStringLiteral("bob@example.org"), QStringLiteral("s"), QStringLiteral("b\n")}, Clock::nowMs());
        }));
        MailDispatcher dispatcher(db, std::make_unique<SmtpMailSender>(settings), {});
        dispatcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
        dispatcher.stop(); // returns at once: the send is aborted, not timed out
        const std::optional<OutboxRow> row = onlyRow(db);
        QVERIFY(row);
        QCOMPARE(row->attempts, 0);
        QVERIFY(row->nextAttemptAt <= Clock::nowMs());
    }
};

QTEST_GUILESS_MAIN(TestMail)
#include "tst_mail.moc"
