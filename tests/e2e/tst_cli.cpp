// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli as a user runs it: real processes, real workspace files.
#include "archivebuilder.h"
#include "storage/database.h"
#include "testworkspace.h"

#include <QFile>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <unistd.h>

using namespace Realm;
using Realm::Test::writeFile;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> objects;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            objects << QJsonDocument::fromJson(line.toUtf8()).object();
        return objects;
    }
};

} // namespace

class tst_Cli final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void versionNamesTheLibraries();
    void helpAndUsageErrors();
    void importListShowAndCat();
    void searchOutputLikeRipgrep();
    void searchJsonLines();
    void searchOptions();
    void trashAndRestore();
    void editAndFilter();
    void fuzzyFileFinder();
    void refreshReportsChanges();
    void errorsHaveExitCodesAndSayWhatToDo();
    void workspaceComesFromTheEnvironment();
    void theDesktopSettingsApplyToTheCli();
    void exportWritesArchives();
    void newProjectsFromTemplates();
    void noOutputReplacesTheWorkspace();

private:
    Run cli(const QStringList &args, const QString &workspace = {}) const;
    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_source;
};

Run tst_Cli::cli(const QStringList &args, const QString &workspace) const
{
    QByteArray out, err;
    Run r;
    r.code = Test::run(Test::realmBinary(QStringLiteral("realm-cli")),
                       QStringList{QStringLiteral("--workspace"), workspace.isEmpty() ? m_workspace : workspace} + args, {}, &out, &err);
    r.out = QString::fromUtf8(out);
    r.err = QString::fromUtf8(err);
    return r;
}

void tst_Cli::initTestCase()
{
    m_workspace = m_dir.filePath(QStringLiteral("ws.realm"));
    m_source = m_dir.filePath(QStringLiteral("demo"));
    writeFile(m_source, QStringLiteral("src/main.cpp"), "#include <cstdio>\nint main() {\n    std::puts(\"hello realm\");\n}\n");
    writeFile(m_source, QStringLiteral("src/util.py"), "def helper():\n    return 'Hello Realm'\n");
    writeFile(m_source, QStringLiteral("README.md"), "# Demo\nSay hello.\n");
    writeFile(m_source, QStringLiteral("fmt.c"), "printf(\"%2$s %1$s\", a, b); // percent-args\n");
    writeFile(m_source, QStringLiteral("logo.bin"), QByteArray("\x00\x01hello\x02", 8));
    const Run r = cli({QStringLiteral("project"), QStringLiteral("import"), m_source});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void tst_Cli::versionNamesTheLibraries()
{
    const Run r = cli({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    for (const char *name : {"Qt", "SQLite", "libarchive", "libgit2", "syntax highlighting"})
        QVERIFY2(r.out.contains(QLatin1String(name)), name);
    const Run json = cli({QStringLiteral("--version"), QStringLiteral("--json")});
    QCOMPARE(json.jsonLines().first().value(QStringLiteral("sqlite")).toString(), Storage::Database::sqliteVersion());
}

void tst_Cli::helpAndUsageErrors()
{
    QCOMPARE(cli({QStringLiteral("--help")}).code, 0);
    QVERIFY(cli({QStringLiteral("--help")}).out.contains(QStringLiteral("Exit codes")));
    QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("--help")}).code, 0);
    const Run unknown = cli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.code, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("Unknown command")));
    QCOMPARE(cli({QStringLiteral("search")}).code, 2);
    QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("--no-such-option"), QStringLiteral("x")}).code, 2);
    QCOMPARE(cli({}).code, 2);
}

void tst_Cli::importListShowAndCat()
{
    const Run list = cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    const QList<QJsonObject> projects = list.jsonLines();
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects.first().value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
    QCOMPARE(projects.first().value(QStringLiteral("files")).toInt(), 5);

    const Run show = cli({QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("demo")});
    QCOMPARE(show.code, 0);
    QVERIFY(show.out.contains(QStringLiteral("C++ 1")));
    QVERIFY(show.out.contains(QStringLiteral("Python 1")));

    QByteArray bytes;
    QCOMPARE(Test::run(Test::realmBinary(QStringLiteral("realm-cli")),
                       {QStringLiteral("--workspace"), m_workspace, QStringLiteral("cat"), QStringLiteral("demo"), QStringLiteral("logo.bin")},
                       {}, &bytes),
             0);
    QCOMPARE(bytes, QByteArray("\x00\x01hello\x02", 8));
}

void tst_Cli::searchOutputLikeRipgrep()
{
    const Run r = cli({QStringLiteral("search"), QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("hello")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("README.md:2:5:Say hello.\nsrc/main.cpp:3:16:    std::puts(\"hello realm\");\n"));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no progress or noise when not on a terminal

    const Run all = cli({QStringLiteral("search"), QStringLiteral("hello")});
    QVERIFY(all.out.startsWith(QStringLiteral("demo/README.md:2:5:")));

    // Text that looks like a format string is printed as it is.
    QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("percent-args")}).out,
             QStringLiteral("fmt.c:1:31:printf(\"%2$s %1$s\", a, b); // percent-args\n"));

    const Run none = cli({QStringLiteral("search"), QStringLiteral("absent-text")});
    QCOMPARE(none.code, 1);
    QVERIFY(none.out.isEmpty());
}

void tst_Cli::searchJsonLines()
{
    const Run r = cli({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("-i"), QStringLiteral("hello realm")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> hits = r.jsonLines();
    QCOMPARE(hits.size(), 2);
    const QJsonObject first = hits.first();
    QCOMPARE(first.value(QStringLiteral("project")).toString(), QStringLiteral("demo"));
    QCOMPARE(first.value(QStringLiteral("path")).toString(), QStringLiteral("src/main.cpp"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(first.value(QStringLiteral("column")).toInt(), 16);
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("    std::puts(\"hello realm\");"));
    QCOMPARE(first.value(QStringLiteral("ranges")).toArray().first().toArray(), (QJsonArray{15, 11}));
    QCOMPARE(hits.at(1).value(QStringLiteral("path")).toString(), QStringLiteral("src/util.py"));
}

void tst_Cli::searchOptions()
{
    const auto lines = [&](const QStringList &args) {
        return cli(QStringList{QStringLiteral("search"), QStringLiteral("--project"), QStringLiteral("demo")} + args)
            .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    QCOMPARE(lines({QStringLiteral("-e"), QStringLiteral("^def \\w+")}), QStringList{QStringLiteral("src/util.py:1:1:def helper():")});
    QCOMPARE(lines({QStringLiteral("--lang"), QStringLiteral("python"), QStringLiteral("-i"), QStringLiteral("hello")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("-g"), QStringLiteral("*.md"), QStringLiteral("hello")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("-g"), QStringLiteral("!*.md"), QStringLiteral("hello")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("-w"), QStringLiteral("hell")}).size(), 0);
    QCOMPARE(lines({QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("-i"), QStringLiteral("hello")}).size(), 1);
    QCOMPARE(lines({QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("puts")}),
             (QStringList{QStringLiteral("src/main.cpp-2-int main() {"), QStringLiteral("src/main.cpp:3:10:    std::puts(\"hello realm\");"),
                          QStringLiteral("src/main.cpp-4-}"), QStringLiteral("--")}));
    // A query that starts with a dash, after --
    QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("--"), QStringLiteral("-x-")}).code, 1);
    const Run badRegex = cli({QStringLiteral("search"), QStringLiteral("-e"), QStringLiteral("(")});
    QCOMPARE(badRegex.code, 4);
    QVERIFY(badRegex.err.contains(QStringLiteral("regular expression")));
}

void tst_Cli::trashAndRestore()
{
    const QString ws = m_dir.filePath(QStringLiteral("trash.realm"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("temp")}, ws).code, 0);
    const Run del = cli({QStringLiteral("project"), QStringLiteral("delete"), QStringLiteral("temp")}, ws);
    QCOMPARE(del.code, 0);
    QVERIFY(del.out.contains(QStringLiteral("restore")));
    QVERIFY(cli({QStringLiteral("project"), QStringLiteral("list")}, ws).out.isEmpty());
    QVERIFY(cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--trash")}, ws).out.startsWith(QStringLiteral("temp")));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("restore"), QStringLiteral("temp")}, ws).code, 0);
    QVERIFY(cli({QStringLiteral("project"), QStringLiteral("list")}, ws).out.startsWith(QStringLiteral("temp")));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("delete"), QStringLiteral("temp")}, ws).code, 0);
    const Run emptied = cli({QStringLiteral("project"), QStringLiteral("empty-trash"), QStringLiteral("--json")}, ws);
    QCOMPARE(emptied.jsonLines().first().value(QStringLiteral("purged")).toInt(), 1);
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("restore"), QStringLiteral("temp")}, ws).code, 3);
}

void tst_Cli::editAndFilter()
{
    const QString ws = m_dir.filePath(QStringLiteral("edit.realm"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("one"), QStringLiteral("--tag"), QStringLiteral("qt")}, ws).code, 0);
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("two")}, ws).code, 0);
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("two"), QStringLiteral("--name"), QStringLiteral("deux"),
                  QStringLiteral("--description"), QStringLiteral("second one"), QStringLiteral("--tag"), QStringLiteral("web")}, ws).code,
             0);
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--tag"), QStringLiteral("web")}, ws).out.section(QLatin1Char(' '), 0, 0),
             QStringLiteral("deux"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("SECOND")}, ws).out.section(QLatin1Char(' '), 0, 0),
             QStringLiteral("deux"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("edit"), QStringLiteral("one"), QStringLiteral("--untag"), QStringLiteral("qt")}, ws).code, 0);
    QVERIFY(cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--tag"), QStringLiteral("qt")}, ws).out.isEmpty());
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("list"), QStringLiteral("--sort"), QStringLiteral("sideways")}, ws).code, 2);
}

void tst_Cli::fuzzyFileFinder()
{
    const Run r = cli({QStringLiteral("project"), QStringLiteral("files"), QStringLiteral("demo"), QStringLiteral("--match"), QStringLiteral("smc")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).first(), QStringLiteral("src/main.cpp"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("files"), QStringLiteral("demo"), QStringLiteral("--match"), QStringLiteral("zzz")}).code, 1);
}

void tst_Cli::refreshReportsChanges()
{
    const QString ws = m_dir.filePath(QStringLiteral("refresh.realm"));
    QTemporaryDir src;
    writeFile(src.path(), QStringLiteral("a.txt"), "a\n");
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), src.path(), QStringLiteral("--name"), QStringLiteral("r")}, ws).code, 0);
    writeFile(src.path(), QStringLiteral("b.txt"), "b\n");
    const Run r = cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("r"), QStringLiteral("--json")}, ws);
    QCOMPARE(r.code, 0);
    const QJsonObject report = r.jsonLines().first();
    QCOMPARE(report.value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("unchanged")).toInt(), 1);

    // Named paths: only those are read (c.txt, not named, stays out).
    writeFile(src.path(), QStringLiteral("a.txt"), "a, edited\n");
    writeFile(src.path(), QStringLiteral("c.txt"), "c\n");
    const Run named = cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("r"), QStringLiteral("a.txt"),
                           src.filePath(QStringLiteral("b.txt")), QStringLiteral("--json")}, ws);
    QCOMPARE(named.code, 0);
    const QJsonObject partial = named.jsonLines().first();
    QCOMPARE(partial.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(partial.value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(partial.value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(partial.value(QStringLiteral("files")).toInt(), 2);

    const Run outside = cli({QStringLiteral("project"), QStringLiteral("refresh"), QStringLiteral("r"), m_dir.filePath(QStringLiteral("x.txt"))}, ws);
    QCOMPARE(outside.code, 4);
    QVERIFY2(outside.err.contains(QStringLiteral("is not inside")), qPrintable(outside.err));
}

void tst_Cli::errorsHaveExitCodesAndSayWhatToDo()
{
    const Run missing = cli({QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("nope")});
    QCOMPARE(missing.code, 3);
    QVERIFY(missing.err.contains(QStringLiteral("realm-cli project list")));

    const Run noSource = cli({QStringLiteral("project"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("absent"))});
    QCOMPARE(noSource.code, 3);

    Test::writeFile(m_dir.path(), QStringLiteral("fake.tar.gz"), "definitely not gzip");
    const Run broken = cli({QStringLiteral("project"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("fake.tar.gz"))});
    QCOMPARE(broken.code, 4);
    QVERIFY(broken.err.contains(QStringLiteral("Nothing was imported")));

    const QString bomb = m_dir.filePath(QStringLiteral("bomb.zip"));
    {
        Test::ArchiveBuilder a(bomb, Test::ArchiveBuilder::Format::Zip);
        a.addZeros("zeros", 64LL * 1024 * 1024);
    }
    const Run limited = cli({QStringLiteral("project"), QStringLiteral("import"), bomb, QStringLiteral("--max-file-size"), QStringLiteral("100M")});
    QCOMPARE(limited.code, 4);
    QVERIFY(limited.err.contains(QStringLiteral("--max-ratio")));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), bomb, QStringLiteral("--max-file-size"), QStringLiteral("lots")}).code, 2);

    const Run duplicate = cli({QStringLiteral("project"), QStringLiteral("import"), m_source});
    QCOMPARE(duplicate.code, 4);
    QVERIFY(duplicate.err.contains(QStringLiteral("--name")));

    // A workspace from a newer REALM is refused, untouched.
    const QString newer = m_dir.filePath(QStringLiteral("newer.realm"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("list")}, newer).code, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(newer);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    const Run tooNew = cli({QStringLiteral("project"), QStringLiteral("list")}, newer);
    QCOMPARE(tooNew.code, 5);
    QVERIFY(tooNew.err.contains(QStringLiteral("newer version of REALM")));
}

void tst_Cli::workspaceComesFromTheEnvironment()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REALM_WORKSPACE"), m_workspace);
    process.setProcessEnvironment(env);
    process.start(Test::realmBinary(QStringLiteral("realm-cli")), {QStringLiteral("project"), QStringLiteral("list")});
    QVERIFY(process.waitForFinished());
    QVERIFY(process.readAllStandardOutput().startsWith("demo"));
}

// What the desktop's Settings dialog saves (workspace, import excludes,
// limits) realm-cli honours too; --workspace and options given win.
void tst_Cli::theDesktopSettingsApplyToTheCli()
{
    const QString config = m_dir.filePath(QStringLiteral("config-home"));
    const QString configured = m_dir.filePath(QStringLiteral("from-settings.realm"));
    const QString source = m_dir.filePath(QStringLiteral("settings-src"));
    writeFile(source, QStringLiteral("main.c"), "int main(void) { return 0; }\n");
    writeFile(source, QStringLiteral("vendor/lib.c"), "int lib;\n");
    writeFile(source, QStringLiteral("big.txt"), QByteArray(4096, 'x'));
    writeFile(config, QStringLiteral("realm/realm.conf"),
              QStringLiteral("[workspace]\npath=%1\n\n[import]\nexcludes=vendor\nmaxFileBytes=1000\n").arg(configured).toUtf8());
    const auto run = [&](const QStringList &args) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("REALM_WORKSPACE"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        process.setProcessEnvironment(env);
        process.start(Test::realmBinary(QStringLiteral("realm-cli")), args);
        process.waitForFinished();
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
    };
    auto [code, output] = run({QStringLiteral("project"), QStringLiteral("import"), source, QStringLiteral("--json")});
    QVERIFY2(code == 0, qPrintable(output));
    QVERIFY(QFile::exists(configured)); // the workspace of the settings
    const QJsonObject report = QJsonDocument::fromJson(output.section(QLatin1Char('\n'), 0, 0).toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("files")).toInt(), 1); // vendor/ excluded, big.txt over the limit
    std::tie(code, output) = run({QStringLiteral("project"), QStringLiteral("list")});
    QVERIFY(output.startsWith(QStringLiteral("settings-src")));
    QVERIFY2(output.contains(QStringLiteral("  1 file  ")), qPrintable(output)); // English plural forms, not "1 files"
    // Options given win over the settings.
    std::tie(code, output) = run({QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("given.realm")), QStringLiteral("project"),
                                  QStringLiteral("import"), source, QStringLiteral("--no-default-excludes"), QStringLiteral("--max-file-size"),
                                  QStringLiteral("1M"), QStringLiteral("--json")});
    QVERIFY2(code == 0, qPrintable(output));
    QCOMPARE(QJsonDocument::fromJson(output.section(QLatin1Char('\n'), 0, 0).toUtf8()).object().value(QStringLiteral("files")).toInt(), 3);
}

void tst_Cli::exportWritesArchives()
{
    const QString zip = m_dir.filePath(QStringLiteral("out/demo.zip"));
    Run r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), zip, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.jsonLines().value(0).value(QStringLiteral("files")).toInt(), 5);
    QFile file(zip);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4) == QByteArray("PK\x03\x04")); // a ZIP, by its name
    const QString tgz = m_dir.filePath(QStringLiteral("out/demo.tgz"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), tgz}).code, 0);
    QByteArray listing;
    QCOMPARE(Test::run(QStringLiteral("tar"), {QStringLiteral("-tzf"), tgz}, {}, &listing), 0);
    QVERIFY(listing.contains("src/main.cpp\n"));

    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), zip, QStringLiteral("--format"), QStringLiteral("rar")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("zip, tar.gz or git")));
    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--out")));
    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("noidea"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--format zip|tar.gz|git")));

    // Into Git: one commit per version, and `project versions` lists them.
    r = cli({QStringLiteral("project"), QStringLiteral("versions"), QStringLiteral("demo"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const qsizetype versions = r.jsonLines().size();
    QVERIFY(versions >= 1);
    QCOMPARE(r.jsonLines().first().value(QStringLiteral("kind")).toString(), QStringLiteral("import"));
    const QString repo = m_dir.filePath(QStringLiteral("out/demo-git"));
    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--format"), QStringLiteral("git"),
             QStringLiteral("--out"), repo, QStringLiteral("--author"), QStringLiteral("Ada Lovelace <ada@example.org>"),
             QStringLiteral("--message"), QStringLiteral("{project} v{number}"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.jsonLines().value(0).value(QStringLiteral("commits")).toInt(), int(versions));
    QByteArray log;
    QCOMPARE(Test::run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s|%an")}, {}, &log), 0);
    QCOMPARE(log.trimmed(), QStringLiteral("demo v%1|Ada Lovelace").arg(versions).toUtf8());
    // The folder now exists: the format follows from it.
    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), repo});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("up to date")));
    r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("demo"), QStringLiteral("--out"), repo, QStringLiteral("--author"), QStringLiteral("nobody")});
    QCOMPARE(r.code, 2);
}

void tst_Cli::newProjectsFromTemplates()
{
    Run r = cli({QStringLiteral("project"), QStringLiteral("templates"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.jsonLines().size() >= 7);
    r = cli({QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("go-module"), QStringLiteral("--var"),
             QStringLiteral("project_name=kite"), QStringLiteral("--var"), QStringLiteral("author=Ada"), QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("cmd/kite/main.go\n")), qPrintable(r.out)); // a templated folder name
    const QString folder = m_dir.filePath(QStringLiteral("kite"));
    r = cli({QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("go-module"), QStringLiteral("--var"),
             QStringLiteral("project_name=kite"), QStringLiteral("--var"), QStringLiteral("author=Ada"), QStringLiteral("--out"), folder,
             QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.jsonLines().value(0).value(QStringLiteral("name")).toString(), QStringLiteral("kite"));
    QCOMPARE(r.jsonLines().value(0).value(QStringLiteral("folder")).toString(), folder);
    QFile mod(folder + QStringLiteral("/go.mod"));
    QVERIFY(mod.open(QIODevice::ReadOnly));
    QVERIFY(mod.readAll().startsWith("module example.com/kite"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("show"), QStringLiteral("kite")}).code, 0);

    r = cli({QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("go-module"), QStringLiteral("--var"),
             QStringLiteral("project_name=Not Valid")});
    QCOMPARE(r.code, 4);
    r = cli({QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("nope")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("python-package")));

    // The new project saved as a template of one's own, exported, removed,
    // imported back and used.
    r = cli({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("kite"), QStringLiteral("--name"), QStringLiteral("my-go"),
             QStringLiteral("--var"), QStringLiteral("project_name=kite")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("kite"), QStringLiteral("--name"), QStringLiteral("my-go")});
    QCOMPARE(r.code, 4); // not silently replaced
    QVERIFY(r.err.contains(QStringLiteral("--replace")));
    const QString archive = m_dir.filePath(QStringLiteral("my-go.tar.gz"));
    QCOMPARE(cli({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("my-go"), QStringLiteral("--out"), archive}).code, 0);
    QCOMPARE(cli({QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("my-go")}).code, 0);
    QCOMPARE(cli({QStringLiteral("template"), QStringLiteral("import"), archive}).code, 0);
    r = cli({QStringLiteral("template"), QStringLiteral("list")});
    QVERIFY(r.out.contains(QStringLiteral("my-go")) && r.out.contains(QStringLiteral("(yours)")));
    r = cli({QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"), QStringLiteral("my-go"), QStringLiteral("--var"),
             QStringLiteral("project_name=owl"), QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("cmd/owl/main.go")), qPrintable(r.out));
    QCOMPARE(cli({QStringLiteral("template"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("kite/go.mod"))}).code, 4);

    // A project name that is not a plain name does not choose the folder.
    for (const QString &name : {QStringLiteral("../escaped"), m_dir.filePath(QStringLiteral("absolute")), QStringLiteral("-rf")}) {
        QByteArray out, err;
        const int code = Test::run(Test::realmBinary(QStringLiteral("realm-cli")),
                                   {QStringLiteral("--workspace"), m_workspace, QStringLiteral("project"), QStringLiteral("new"), QStringLiteral("--template"),
                                    QStringLiteral("my-go"), QStringLiteral("--var"), QStringLiteral("project_name=") + name},
                                   m_dir.filePath(QStringLiteral("kite")), &out, &err);
        QCOMPARE(code, 4);
        QVERIFY2(QString::fromUtf8(err).contains(QStringLiteral("--out")), err.constData());
    }
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("escaped"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("absolute"))));
}

// --out pointing at the open workspace (by its name, its -wal or -shm, a
// symlink or a hard link) would replace every project in it: each export
// fails with the reason, and the workspace is as it was.
void tst_Cli::noOutputReplacesTheWorkspace()
{
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("guarded.realm"));
    QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("import"), m_source, QStringLiteral("--name"), QStringLiteral("kept")}, workspace).code, 0);
    QCOMPARE(cli({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("kept"), QStringLiteral("--name"), QStringLiteral("kept-template")}, workspace).code, 0);
    QVERIFY(QFile::link(workspace, dir.filePath(QStringLiteral("link.zip"))));
    QVERIFY(::link(QFile::encodeName(workspace).constData(), QFile::encodeName(dir.filePath(QStringLiteral("hard.tar.gz"))).constData()) == 0);
    const QStringList targets = {workspace, workspace + QStringLiteral("-wal"), workspace + QStringLiteral("-shm"),
                                 dir.filePath(QStringLiteral("link.zip")), dir.filePath(QStringLiteral("hard.tar.gz")),
                                 dir.filePath(QStringLiteral("sub/../guarded.realm"))};
    QDir().mkpath(dir.filePath(QStringLiteral("sub")));
    for (const QString &target : targets) {
        Run r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("kept"), QStringLiteral("--out"), target,
                     QStringLiteral("--format"), QStringLiteral("zip")}, workspace);
        QVERIFY2(r.code != 0 && r.err.contains(QStringLiteral("open workspace")), qPrintable(target + QStringLiteral(": ") + r.err));
        r = cli({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("kept-template"), QStringLiteral("--out"), target}, workspace);
        QVERIFY2(r.code != 0 && r.err.contains(QStringLiteral("open workspace")), qPrintable(target + QStringLiteral(": ") + r.err));
    }
    // A Git export into the workspace's own folder would check files out over it.
    Run r = cli({QStringLiteral("project"), QStringLiteral("export"), QStringLiteral("kept"), QStringLiteral("--format"), QStringLiteral("git"),
                 QStringLiteral("--out"), dir.path()}, workspace);
    QVERIFY2(r.code != 0 && r.err.contains(QStringLiteral("open workspace")), qPrintable(r.err));
    r = cli({QStringLiteral("project"), QStringLiteral("list")}, workspace);
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("kept")));
    QVERIFY(cli({QStringLiteral("template"), QStringLiteral("list")}, workspace).out.contains(QStringLiteral("kept-template")));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
