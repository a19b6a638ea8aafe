// SPDX-License-Identifier: GPL-3.0-or-later
// Starter templates: variables with defaults and checks, templated file
// names, every built-in template rendering cleanly, and a new project that
// survives an export → import round trip byte for byte.
#include "projects/projectexporter.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "starters/orgstarters.h"
#include "starters/startertemplate.h"
#include "storage/statement.h"
#include "verifyresult.h"
#include "archivebuilder.h"
#include "testworkspace.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Starters;
using Realm::Test::TestWorkspace;

namespace {
// A small template written here, independent of the shipped ones.
QString writeSample(const QString &root)
{
    const QString dir = root + QStringLiteral("/sample");
    Test::writeFile(dir, QStringLiteral("template.json"), R"({
      "title": "Sample", "description": "For the tests.",
      "variables": [
        {"name": "project_name", "label": "Project name", "default": "demo", "pattern": "^[a-z][a-z0-9-]*$", "help": "lower case, digits and -"},
        {"name": "package", "label": "Package", "default": "{{project_name}}_pkg"},
        {"name": "author", "label": "Author", "required": true, "default": ""},
        {"name": "year", "default": "{{current_year}}"},
        {"name": "license", "default": "MIT", "choices": ["MIT", "Apache-2.0"]}
      ]})");
    Test::writeFile(dir, QStringLiteral("files/README.md"), "# {{project_name}}\n\nBy {{author}}, {{year}}. {{license}}.\n");
    Test::writeFile(dir, QStringLiteral("files/src/{{package}}/main.py"), "print('{{project_name}}')\n");
    Test::writeFile(dir, QStringLiteral("files/logo.bin"), QByteArray("\x00{{project_name}}\xff", 18));
    return dir;
}
} // namespace

class tst_StarterTemplates final : public QObject {
    Q_OBJECT
private slots:
    void variablesHaveDefaultsAndChecks();
    void namesAndContentsAreFilledIn();
    void everyBuiltInTemplateRendersCleanly();
    void variablesRefuseLineBreaksAndControlCharacters();
    void newProjectSurvivesExportAndImport();
    void aFolderWithFilesIsNotOverwritten();
    void aProjectBecomesATemplate();
    void fileNamesWithBracesStayNames();
    void templatesTravelAsArchivesAndLiveInTheWorkspace();
    void hostileTemplateArchivesAreRefused();
    void anOrganizationsIsRefusedRemovalByItsNameAlone();

private:
    QTemporaryDir m_dir;
};

void tst_StarterTemplates::variablesHaveDefaultsAndChecks()
{
    Result<StarterTemplate> sample = StarterTemplate::fromDirectory(writeSample(m_dir.path()), QStringLiteral("sample"));
    QVERIFY(sample);
    QCOMPARE(sample->variables.size(), 5);
    QVERIFY(sample->variables.first().required); // project_name always is

    Result<QMap<QString, QString>> values = resolveValues(*sample, {{QStringLiteral("author"), QStringLiteral("Ada")}});
    QVERIFY(values);
    QCOMPARE(values->value(QStringLiteral("project_name")), QStringLiteral("demo"));
    QCOMPARE(values->value(QStringLiteral("package")), QStringLiteral("demo_pkg")); // a default built on an earlier variable
    QCOMPARE(values->value(QStringLiteral("year")), QString::number(QDate::currentDate().year()));

    const auto error = [&](const QMap<QString, QString> &given) { return resolveValues(*sample, given).error().message; };
    QVERIFY(error({}).contains(QStringLiteral("Author (author) is needed")));
    QVERIFY(error({{QStringLiteral("author"), QStringLiteral("Ada")}, {QStringLiteral("project_name"), QStringLiteral("Bad Name")}})
                .contains(QStringLiteral("lower case, digits and -")));
    QVERIFY(error({{QStringLiteral("author"), QStringLiteral("Ada")}, {QStringLiteral("license"), QStringLiteral("WTFPL")}})
                .contains(QStringLiteral("must be one of: MIT, Apache-2.0")));
    QVERIFY(error({{QStringLiteral("author"), QStringLiteral("Ada")}, {QStringLiteral("colour"), QStringLiteral("red")}})
                .contains(QStringLiteral("no variable \"colour\"")));
}

void tst_StarterTemplates::namesAndContentsAreFilledIn()
{
    Result<StarterTemplate> sample = StarterTemplate::fromDirectory(writeSample(m_dir.path()), QStringLiteral("sample"));
    QVERIFY(sample);
    const QMap<QString, QString> values =
        *resolveValues(*sample, {{QStringLiteral("author"), QStringLiteral("Ada <ada@example.org>")}, {QStringLiteral("project_name"), QStringLiteral("kite")}});
    Result<QList<RenderedFile>> files = render(*sample, values);
    QVERIFY(files);
    QCOMPARE(files->size(), 3);
    QCOMPARE(files->at(0).path, QStringLiteral("README.md"));
    QCOMPARE(files->at(0).content, QStringLiteral("# kite\n\nBy Ada <ada@example.org>, %1. MIT.\n").arg(QDate::currentDate().year()).toUtf8()); // not HTML-escaped
    QCOMPARE(files->at(1).path, QStringLiteral("logo.bin"));
    QCOMPARE(files->at(1).content, QByteArray("\x00{{project_name}}\xff", 18)); // binary: as it is
    QCOMPARE(files->at(2).path, QStringLiteral("src/kite_pkg/main.py"));
    QCOMPARE(files->at(2).content, QByteArray("print('kite')\n"));
}

void tst_StarterTemplates::everyBuiltInTemplateRendersCleanly()
{
    const QList<StarterTemplate> all = StarterTemplate::builtIn();
    QStringList ids;
    for (const StarterTemplate &t : all)
        ids << t.id;
    for (const char *expected : {"cpp-qt-widgets", "python-package", "typescript-library", "go-module", "rust-crate", "fastapi-service", "docs-site"})
        QVERIFY2(ids.contains(QLatin1String(expected)), expected);
    bool someNameIsTemplated = false;
    for (const StarterTemplate &t : all) {
        QVERIFY2(!t.title.isEmpty() && !t.description.isEmpty(), qPrintable(t.id));
        Result<QMap<QString, QString>> values = resolveValues(t, {{QStringLiteral("author"), QStringLiteral("Ada Lovelace")}});
        QVERIFY2(values, values ? "" : qPrintable(t.id + QStringLiteral(": ") + values.error().message));
        Result<QList<RenderedFile>> files = render(t, *values);
        QVERIFY2(files, files ? "" : qPrintable(t.id + QStringLiteral(": ") + files.error().message));
        QVERIFY2(files->size() >= 4, qPrintable(t.id));
        bool hasReadme = false;
        for (const RenderedFile &f : *files) {
            hasReadme = hasReadme || f.path == QLatin1String("README.md");
            QVERIFY2(!f.path.contains(QLatin1String("{{")) && !f.content.contains("{{"), qPrintable(t.id + QLatin1Char('/') + f.path));
        }
        QVERIFY2(hasReadme, qPrintable(t.id));
        for (const TemplateFile &f : t.files)
            someNameIsTemplated = someNameIsTemplated || f.path.contains(QLatin1String("{{"));
    }
    QVERIFY(someNameIsTemplated);
    QCOMPARE(StarterTemplate::builtIn(QStringLiteral("cobol-mainframe")).error().code, Error::Code::NotFound);
}

// A description with a line break broke pyproject.toml, and in the Go and
// Rust templates added lines of code: every variable of every built-in is
// one line.
void tst_StarterTemplates::variablesRefuseLineBreaksAndControlCharacters()
{
    int checked = 0;
    for (const StarterTemplate &t : StarterTemplate::builtIn()) {
        for (const TemplateVariable &v : t.variables) {
            for (const QString &bad : {QStringLiteral("one\ntwo"), QStringLiteral("one\rtwo"), QStringLiteral("a\x1b[2Jb"),
                                       QStringLiteral("a\u2028b"), QStringLiteral("a\tb")}) {
                Result<QMap<QString, QString>> values = resolveValues(t, {{v.name, bad}});
                QVERIFY2(!values, qPrintable(t.id + QLatin1Char('/') + v.name));
                QVERIFY2(values.error().message.contains(v.name), qPrintable(values.error().message));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 20);
}

void tst_StarterTemplates::newProjectSurvivesExportAndImport()
{
    TestWorkspace ws;
    Result<StarterTemplate> python = StarterTemplate::builtIn(QStringLiteral("python-package"));
    QVERIFY(python);
    const QMap<QString, QString> values = *resolveValues(*python, {{QStringLiteral("author"), QStringLiteral("Ada")},
                                                                    {QStringLiteral("project_name"), QStringLiteral("kite")}});
    const QList<RenderedFile> expected = *render(*python, values);
    Result<Projects::ImportReport> created = createProject(ws.db(), *python, values, ws.dir() + QStringLiteral("/kite"));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QCOMPARE(created->project.name, QStringLiteral("kite"));
    QCOMPARE(created->files, expected.size());

    const QString zip = ws.dir() + QStringLiteral("/kite.zip");
    QVERIFY(Projects::exportArchive(ws.db(), created->project.id, Projects::ArchiveFormat::Zip, zip));
    Projects::ImportOptions options;
    options.name = QStringLiteral("kite-again");
    Result<Projects::ImportReport> again = Projects::ProjectImporter(ws.db()).importProject(zip, options);
    QVERIFY(again);
    Projects::ProjectStore store(ws.db());
    for (const RenderedFile &f : expected) {
        Result<Projects::ProjectFile> file = store.file(again->project.id, f.path);
        QVERIFY2(file, qPrintable(f.path));
        QCOMPARE(file->sha256, QCryptographicHash::hash(f.content, QCryptographicHash::Sha256));
    }
}

void tst_StarterTemplates::aFolderWithFilesIsNotOverwritten()
{
    TestWorkspace ws;
    Result<StarterTemplate> rust = StarterTemplate::builtIn(QStringLiteral("rust-crate"));
    QVERIFY(rust);
    Test::writeFile(ws.dir() + QStringLiteral("/busy"), QStringLiteral("notes.txt"), "mine\n");
    Result<Projects::ImportReport> refused =
        createProject(ws.db(), *rust, *resolveValues(*rust, {{QStringLiteral("author"), QStringLiteral("Ada")}}), ws.dir() + QStringLiteral("/busy"));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("not empty")));
    QCOMPARE(QDir(ws.dir() + QStringLiteral("/busy")).entryList(QDir::Files), QStringList({QStringLiteral("notes.txt")}));
    QVERIFY(Projects::ProjectStore(ws.db()).list()->isEmpty());
}

// A project's own file names with braces were rendered as templates when
// the project became one: "{{! x }}/etc/cron.d/job" became "/etc/cron.d/job".
void tst_StarterTemplates::fileNamesWithBracesStayNames()
{
    TestWorkspace ws;
    const QString folder = ws.dir() + QStringLiteral("/braces");
    Test::writeFile(folder, QStringLiteral("{{! gone }}/etc/cron.d/job"), "x\n");
    Test::writeFile(folder, QStringLiteral("{{project_name}}.txt"), "y\n");
    Test::writeFile(folder, QStringLiteral("src/braces.c"), "int braces;\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(folder, {});
    QVERIFY(imported);
    Result<StarterTemplate> made = templateFromProject(ws.db(), imported->project.id, QStringLiteral("braces"), {}, {},
                                                      {{QStringLiteral("project_name"), QStringLiteral("braces"), {}}});
    QVERIFY(made);
    // Through the archive the workspace keeps it in, as a user would use it.
    Result<StarterTemplate> stored = StarterTemplate::fromArchive(*made->toArchive(), QStringLiteral("braces"));
    QVERIFY(stored);
    const QList<RenderedFile> files = *render(*stored, *resolveValues(*stored, {{QStringLiteral("project_name"), QStringLiteral("owl")}}));
    QStringList paths;
    for (const RenderedFile &f : files)
        paths << f.path;
    QCOMPARE(paths, (QStringList{QStringLiteral("src/owl.c"), QStringLiteral("{{! gone }}/etc/cron.d/job"), QStringLiteral("{{project_name}}.txt")}));
}

void tst_StarterTemplates::aProjectBecomesATemplate()
{
    TestWorkspace ws;
    const QString folder = ws.dir() + QStringLiteral("/kite");
    Test::writeFile(folder, QStringLiteral("kite/__init__.py"), "NAME = 'kite'  # by Ada\n");
    Test::writeFile(folder, QStringLiteral("README.md"), "# kite\n\nWritten by Ada.\n");
    Test::writeFile(folder, QStringLiteral("page.html.j2"), "<h1>{{ title }}</h1> kite\n"); // braces of its own
    Test::writeFile(folder, QStringLiteral("notes.txt"), "not wanted\n");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(folder, {});
    QVERIFY(imported);

    Result<StarterTemplate> made = templateFromProject(
        ws.db(), imported->project.id, QStringLiteral("my-kite"), QStringLiteral("Kite"), QStringLiteral("From kite."),
        {{QStringLiteral("project_name"), QStringLiteral("kite"), QStringLiteral("Name")}, {QStringLiteral("author"), QStringLiteral("Ada"), {}}},
        {QStringLiteral("kite/__init__.py"), QStringLiteral("README.md"), QStringLiteral("page.html.j2")});
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    QCOMPARE(made->files.size(), 3);
    QCOMPARE(made->raw, QStringList({QStringLiteral("page.html.j2")}));
    QCOMPARE(made->variables.first().defaultValue, QStringLiteral("kite")); // the original comes back by default

    const QMap<QString, QString> values = *resolveValues(*made, {{QStringLiteral("project_name"), QStringLiteral("owl")},
                                                                  {QStringLiteral("author"), QStringLiteral("Grace")}});
    const QList<RenderedFile> files = *render(*made, values);
    QCOMPARE(files.at(0).path, QStringLiteral("README.md"));
    QCOMPARE(files.at(0).content, QByteArray("# owl\n\nWritten by Grace.\n"));
    QCOMPARE(files.at(1).path, QStringLiteral("owl/__init__.py"));
    QCOMPARE(files.at(1).content, QByteArray("NAME = 'owl'  # by Grace\n"));
    QCOMPARE(files.at(2).content, QByteArray("<h1>{{ title }}</h1> kite\n")); // kept as it was

    QVERIFY(!templateFromProject(ws.db(), imported->project.id, QStringLiteral("Bad Name"), {}, {}, {}));
}

void tst_StarterTemplates::templatesTravelAsArchivesAndLiveInTheWorkspace()
{
    TestWorkspace ws;
    Result<StarterTemplate> sample = StarterTemplate::fromDirectory(writeSample(m_dir.path()), QStringLiteral("sample"));
    QVERIFY(sample);
    Result<QByteArray> archive = sample->toArchive();
    QVERIFY(archive);
    Result<StarterTemplate> back = StarterTemplate::fromArchive(*archive, QStringLiteral("sample"));
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->title, sample->title);
    QCOMPARE(back->variables.size(), sample->variables.size());
    QCOMPARE(back->variables.at(4).choices, sample->variables.at(4).choices);
    QCOMPARE(back->files.size(), sample->files.size());
    for (qsizetype i = 0; i < back->files.size(); ++i) {
        QCOMPARE(back->files.at(i).path, sample->files.at(i).path);
        QCOMPARE(back->files.at(i).content, sample->files.at(i).content);
    }
    QCOMPARE(StarterTemplate::fromArchive("not an archive", QStringLiteral("x")).error().code, Error::Code::InvalidInput);

    TemplateStore store(ws.db());
    QVERIFY(store.save(*sample));
    QCOMPARE(store.list()->size(), 1);
    QCOMPARE(store.findAny(QStringLiteral("sample"))->title, QStringLiteral("Sample"));
    QVERIFY(store.findAny(QStringLiteral("rust-crate"))->shipped);
    StarterTemplate clash = *sample;
    clash.id = QStringLiteral("rust-crate");
    QCOMPARE(store.save(clash).error().code, Error::Code::InvalidInput);
    QVERIFY(store.remove(QStringLiteral("sample")));
    QVERIFY(store.list()->isEmpty());
    QCOMPARE(store.remove(QStringLiteral("sample")).error().code, Error::Code::NotFound);
}

// A template archive comes from a file someone handed over: it is read by
// the same reader as imported archives, with a starter's limits.
void tst_StarterTemplates::hostileTemplateArchivesAreRefused()
{
    const QByteArray manifest = R"({"name": "Evil", "variables": []})";
    int made = 0;
    const auto archive = [&](const std::function<void(Test::ArchiveBuilder &)> &fill) {
        const QString path = m_dir.filePath(QStringLiteral("t%1.tar.gz").arg(++made));
        {
            Test::ArchiveBuilder builder(path, Test::ArchiveBuilder::Format::TarGz);
            fill(builder);
            builder.close();
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const auto refusal = [](const QByteArray &bytes) {
        Result<StarterTemplate> read = StarterTemplate::fromArchive(bytes, QStringLiteral("evil"));
        return read ? QString() : read.error().message;
    };

    const QByteArray fine = archive([&](Test::ArchiveBuilder &b) {
        b.addFile("template.json", manifest);
        b.addFile("files/main.c", "int main(void) { return 0; }\n", 0755);
    });
    Result<StarterTemplate> good = StarterTemplate::fromArchive(fine, QStringLiteral("good"));
    QVERIFY2(good, good ? "" : qPrintable(good.error().message));
    QCOMPARE(good->files.size(), 1);
    QCOMPARE(good->files.first().mode, 0755);

    QVERIFY(refusal(archive([&](Test::ArchiveBuilder &b) {
                b.addFile("template.json", manifest);
                b.addFile("files/../../escape.sh", "rm -rf ~\n");
            })).contains(QStringLiteral("unsafe path")));
    QVERIFY(refusal(archive([&](Test::ArchiveBuilder &b) {
                b.addFile("template.json", manifest);
                b.addSymlink("files/passwd", "/etc/passwd");
            })).contains(QStringLiteral("files/passwd")));
    QVERIFY(refusal(archive([&](Test::ArchiveBuilder &b) {
                b.addFile("template.json", manifest);
                b.addZeros("files/big.bin", 17 * 1024 * 1024);
            })).contains(QStringLiteral("files/big.bin")));
    QVERIFY(refusal(archive([&](Test::ArchiveBuilder &b) {
                b.addFile("template.json", manifest);
                for (int i = 0; i < 5; ++i)
                    b.addZeros(QByteArray("files/part") + QByteArray::number(i), 15 * 1024 * 1024);
            })).contains(QStringLiteral("64 MiB")));
    QVERIFY(refusal(archive([&](Test::ArchiveBuilder &b) { b.addFile("files/main.c", "int x;\n"); }))
                .contains(QStringLiteral("no template.json")));
    QVERIFY(refusal(fine.first(fine.size() / 2)).contains(QStringLiteral("not a template archive")));
}

// Its admins withdraw it: said from its name and organization, even when
// its archive cannot be read here (a newer REALM's).
void tst_StarterTemplates::anOrganizationsIsRefusedRemovalByItsNameAlone()
{
    TestWorkspace ws;
    Result<StarterTemplate> tiny = StarterTemplate::builtIn(QStringLiteral("python-package"));
    REALM_VERIFY_OK(tiny);
    Result<QByteArray> archive = tiny->toArchive();
    REALM_VERIFY_OK(archive);
    REALM_VERIFY_OK(OrgStarters::store(ws.db()->handle(), {QStringLiteral("0190f000-0000-7000-8000-0000000000a1"), QStringLiteral("Acme"), QStringLiteral("kite"),
                                                        QStringLiteral("Kite"), {}, *archive, 4, QStringLiteral("alice"), 1700000000000}));
    Storage::Statement damage(ws.db()->handle(), "UPDATE org_starter_templates SET archive = x'00'");
    REALM_VERIFY_OK(damage.exec(QStringLiteral("damage")));
    TemplateStore store(ws.db());
    REALM_VERIFY_FAILS(store.find(QStringLiteral("Acme/kite")), Error::Code::InvalidInput); // unreadable, as said
    for (const QString &name : {QStringLiteral("kite"), QStringLiteral("Acme/kite")}) {
        Result<void> removed = store.remove(name);
        REALM_VERIFY_FAILS(removed, Error::Code::Forbidden);
        QVERIFY2(removed.error().message.contains(QStringLiteral("withdraw")), qPrintable(removed.error().message));
    }
}

QTEST_GUILESS_MAIN(tst_StarterTemplates)
#include "tst_startertemplates.moc"
