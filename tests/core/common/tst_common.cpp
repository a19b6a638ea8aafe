// SPDX-License-Identifier: GPL-3.0-or-later
// The small pieces everything else stands on: the clock tests can set,
// writing a file all at once or not at all, and where the workspace lives.
#include "common/atomicfile.h"
#include "common/clock.h"
#include "common/protectedfiles.h"
#include "common/workspacelocation.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;

namespace {
QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// Sets an environment variable for one scope, then puts back what was there.
class ScopedEnv final {
public:
    ScopedEnv(const char *name, const QByteArray &value) : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};
} // namespace

class tst_Common final : public QObject {
    Q_OBJECT
private slots:
    void clockFollowsTheTestSourceThenTheSystem();
    void atomicWriteCreatesAndReplacesWhole();
    void failedWriteSaysWhereAndKeepsTheOldFile();
    void atomicWriteRefusesAnOpenWorkspace();
    void aConditionalWriteKeepsAFileSavedMeanwhile();
    void explicitWorkspaceWinsThenEnvironmentThenDataFolder();
};

void tst_Common::clockFollowsTheTestSourceThenTheSystem()
{
    qint64 now = 1'700'000'000'000;
    Clock::setSourceForTesting([&now] { return now; });
    QCOMPARE(Clock::nowMs(), now);
    now += 5;
    QCOMPARE(Clock::nowMs(), qint64(1'700'000'000'005));

    Clock::setSourceForTesting({});
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 system = Clock::nowMs();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(before <= system && system <= after, qPrintable(QString::number(system)));
}

void tst_Common::atomicWriteCreatesAndReplacesWhole()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("out.txt"));
    QVERIFY(writeFileAtomically(file, "first version, which is longer\n"));
    QCOMPARE(readAll(file), QByteArray("first version, which is longer\n"));
    QVERIFY(writeFileAtomically(file, "second\n"));
    QCOMPARE(readAll(file), QByteArray("second\n")); // no tail of the longer one left
    QVERIFY(writeFileAtomically(file, QByteArray()));
    QCOMPARE(QFileInfo(file).size(), 0);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.txt")}); // no temporary left
}

void tst_Common::failedWriteSaysWhereAndKeepsTheOldFile()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("a-file"));
    QVERIFY(writeFileAtomically(blocker, "kept\n"));
    // A folder that cannot exist: its parent is a file.
    const QString impossible = blocker + QStringLiteral("/child.txt");
    Result<void> r = writeFileAtomically(impossible, "lost?\n");
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Io);
    QVERIFY2(r.error().message.contains(impossible), qPrintable(r.error().message));
    QCOMPARE(readAll(blocker), QByteArray("kept\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("a-file")});
}

void tst_Common::atomicWriteRefusesAnOpenWorkspace()
{
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("ws.realm"));
    QVERIFY(writeFileAtomically(workspace, "SQLite format 3"));
    ProtectedFiles::add(workspace);
    Result<void> r = writeFileAtomically(workspace, "an export");
    ProtectedFiles::remove(workspace);
    QVERIFY(!r);
    QCOMPARE(readAll(workspace), QByteArray("SQLite format 3"));
    QVERIFY(writeFileAtomically(workspace, "closed now")); // once closed, it is a file like any other
}

// Someone saves the file while the new bytes are being written: the
// condition, asked right before the switch, sees it and the save stays.
void tst_Common::aConditionalWriteKeepsAFileSavedMeanwhile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("main.c"));
    QVERIFY(writeFileAtomically(file, "int a;\n"));
    Result<bool> written = writeFileAtomicallyIf(file, "int b;\n", [&] {
        QFile editor(file);
        if (!editor.open(QIODevice::WriteOnly | QIODevice::Truncate) || editor.write("int mine;\n") != 10)
            return true;
        editor.close();
        return readAll(file) == "int a;\n";
    });
    QVERIFY(written);
    QVERIFY(!*written);
    QCOMPARE(readAll(file), QByteArray("int mine;\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("main.c")}); // no temporary left
    // Nobody in the way: written.
    written = writeFileAtomicallyIf(file, "int b;\n", [&] { return readAll(file) == "int mine;\n"; });
    QVERIFY(written && *written);
    QCOMPARE(readAll(file), QByteArray("int b;\n"));
}

void tst_Common::explicitWorkspaceWinsThenEnvironmentThenDataFolder()
{
    QTemporaryDir dir;
    const ScopedEnv data("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
    {
        const ScopedEnv env("REALM_WORKSPACE", dir.filePath(QStringLiteral("env.realm")).toUtf8());
        QCOMPARE(resolveWorkspacePath(dir.filePath(QStringLiteral("given.realm"))), dir.filePath(QStringLiteral("given.realm")));
        QCOMPARE(resolveWorkspacePath(), dir.filePath(QStringLiteral("env.realm")));
        // A relative path means the current folder, as in a shell.
        QCOMPARE(resolveWorkspacePath(QStringLiteral("rel.realm")), QDir::current().absoluteFilePath(QStringLiteral("rel.realm")));
    }
    {
        const ScopedEnv empty("REALM_WORKSPACE", QByteArray(""));
        const QString fallback = resolveWorkspacePath();
        QVERIFY2(fallback.startsWith(dir.filePath(QStringLiteral("data")) + QLatin1Char('/')), qPrintable(fallback));
        QVERIFY2(fallback.endsWith(QStringLiteral("/workspace.realm")), qPrintable(fallback));
    }
}

QTEST_GUILESS_MAIN(tst_Common)
#include "tst_common.moc"
