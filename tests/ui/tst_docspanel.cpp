// SPDX-License-Identifier: GPL-3.0-or-later
// The Docs tab as a person uses it (offscreen): generate, regenerate,
// overview from a model over loopback, cancel, versions, preview, export.
#include "docs/docspanel.h"
#include "docs/docstore.h"
#include "docs/orgdocs.h"
#include "docs/symbolextractor.h"
#include "mockllmserver.h"
#include "mockprofile.h"
#include "projects/projectimporter.h"
#include "screenshot.h"
#include "secrets/memorysecretstore.h"
#include "testworkspace.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QApplication>
#include <QTest>
#include <QCheckBox>
#include <QTextBrowser>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::MockLlmServer;
using Realm::Test::TestWorkspace;

namespace {
struct Fixture {
    TestWorkspace ws;
    MockLlmServer server;
    Secrets::MemorySecretStore keys;
    QString folder;
    QString projectId;
    std::unique_ptr<DocsPanel> panel;

    bool open()
    {
        folder = ws.dir() + QStringLiteral("/src");
        Test::writeFile(folder, QStringLiteral("lib/math.h"), "/** Adds two numbers. */\nint add(int a, int b);\nint sub(int a, int b);\n");
        Test::writeFile(folder, QStringLiteral("main.c"), "/** Starts. */\nint main(void) { return 0; }\n");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(ws.db()).importProject(folder, {});
        if (!imported)
            return false;
        projectId = imported->project.id;
        Chat::ProviderStore store(ws.db(), &keys, &keys);
        if (!store.create(Test::mockProfile(server)))
            return false;
        panel = std::make_unique<DocsPanel>(ws.db(), store);
        panel->resize(520, 760);
        panel->show();
        panel->setProject(projectId, QStringLiteral("src"));
        return QTest::qWaitFor([this] { return panel->providerBox()->currentText() == QLatin1String("mock"); }, 10000);
    }

    bool generate()
    {
        QSignalSpy generated(panel.get(), &DocsPanel::generated);
        QSignalSpy failed(panel.get(), &DocsPanel::failed);
        panel->generate();
        return QTest::qWaitFor([&] { return !generated.isEmpty() || !failed.isEmpty(); }, 20000) && !generated.isEmpty();
    }

    bool previewContains(const QString &text)
    {
        return QTest::qWaitFor([&] { return panel->preview()->toPlainText().contains(text); }, 10000);
    }
};

MockLlmServer::Response summaryAnswer(const MockLlmServer::Request &)
{
    return MockLlmServer::openAiStream({QStringLiteral("A summary.")});
}
} // namespace

class tst_DocsPanel final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void generatesTheApiReferenceAndShowsIt();
    void overviewFromAModelAndCancel();
    void exportsAndDeletesVersions();
    void customNeedsAPrompt();
    void documentedOnlyLeavesOutTheRest();
    void anOrganizationsTemplateIsListedAndUsed();
};

void tst_DocsPanel::initTestCase()
{
    if (Docs::SymbolExtractor::ctagsPath().isEmpty())
        QSKIP("ctags-universal is not installed (scripts/deps.sh installs universal-ctags)");
}

void tst_DocsPanel::generatesTheApiReferenceAndShowsIt()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.panel->isEnabled());
    QCOMPARE(f.panel->versionList()->count(), 0);
    // Ctrl+Return generates, like the button.
    QSignalSpy generated(f.panel.get(), &DocsPanel::generated);
    f.panel->setFocus();
    QTest::keyClick(f.panel->focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(QTest::qWaitFor([&] { return !generated.isEmpty(); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->versionList()->count() == 1; }, 10000));
    QVERIFY(f.previewContains(QStringLiteral("src — API reference")));
    QVERIFY(f.previewContains(QStringLiteral("Adds two numbers.")));
    QVERIFY(f.panel->statusLabel()->text().contains(QStringLiteral("Redone: symbols of 2 file(s), 0 reused")));
    QVERIFY(Test::saveScreenshot(*f.panel, QStringLiteral("docs-panel.png")));

    // Nothing changed: the same version, nothing redone.
    QVERIFY(f.generate());
    QVERIFY(f.panel->statusLabel()->text().contains(QStringLiteral("nothing redone")));
    QCOMPARE(f.panel->versionList()->count(), 1);
}

void tst_DocsPanel::overviewFromAModelAndCancel()
{
    Fixture f;
    QVERIFY(f.open());
    f.server.setResponder(summaryAnswer);
    f.panel->kindBox()->setCurrentIndex(f.panel->kindBox()->findData(QStringLiteral("overview")));
    QVERIFY(f.generate());
    QCOMPARE(f.server.requests().size(), 2 + 2 + 1); // files, modules, overview
    QVERIFY(f.previewContains(QStringLiteral("Written by mock-model on")));
    QVERIFY(f.panel->statusLabel()->text().contains(QStringLiteral("Summaries: 5 written by mock-model, 0 reused")));

    // A change, and the model stalls on it: Cancel stops, keeps what it had.
    Test::writeFile(f.folder, QStringLiteral("main.c"), "/** Starts again. */\nint main(void) { return 1; }\n");
    QVERIFY(Projects::ProjectImporter(f.ws.db()).refreshProject(f.projectId, {}));
    MockLlmServer::Response stalled = MockLlmServer::openAiStream({QStringLiteral("Half"), QStringLiteral(" a summary.")});
    stalled.holdAfterChunks = 1;
    f.server.enqueue(stalled);
    QSignalSpy failed(f.panel.get(), &DocsPanel::failed);
    f.panel->generate();
    QVERIFY(QTest::qWaitFor([&] { return f.server.requests().size() == 6; }, 10000));
    QVERIFY(f.panel->isRunning());
    QVERIFY(QTest::qWaitForWindowActive(f.panel.get()));
    QVERIFY2(f.panel->isAncestorOf(QApplication::focusWidget()), "Esc works only with the focus in the panel");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 10000));
    QVERIFY(failed.first().first().toString().startsWith(QStringLiteral("Cancelled.")));
    QVERIFY(!f.panel->isRunning());
    QCOMPARE(f.panel->versionList()->count(), 1);

    // Again: only the changed file is asked about; its summary reads as
    // before, so the module's and the project's come from the cache.
    QVERIFY(f.generate());
    QVERIFY2(f.panel->statusLabel()->text().contains(QStringLiteral("Summaries: 1 written by mock-model, 4 reused")),
             qPrintable(f.panel->statusLabel()->text()));
    QVERIFY(QTest::qWaitFor([&] { return f.panel->versionList()->count() == 2; }, 10000));
}

void tst_DocsPanel::exportsAndDeletesVersions()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.generate());
    QVERIFY(QTest::qWaitFor([&] { return f.panel->versionList()->currentItem(); }, 10000));
    QTemporaryDir out;
    f.panel->formatBox()->setCurrentIndex(f.panel->formatBox()->findData(QStringLiteral("site")));
    QSignalSpy exported(f.panel.get(), &DocsPanel::exportFinished);
    f.panel->exportSelected(out.path());
    QVERIFY(QTest::qWaitFor([&] { return !exported.isEmpty(); }, 10000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QCOMPARE(exported.first().first().toStringList().first(), out.filePath(QStringLiteral("index.html")));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("libmathh.html"))));

    f.panel->deleteSelected();
    QVERIFY(QTest::qWaitFor([&] { return f.panel->versionList()->count() == 0; }, 10000));
    QVERIFY(Docs::DocStore(f.ws.db()).versions(f.projectId)->isEmpty());
}

void tst_DocsPanel::documentedOnlyLeavesOutTheRest()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.panel->documentedOnlyBox()->isVisible()); // an API reference option…
    f.panel->kindBox()->setCurrentIndex(f.panel->kindBox()->findData(QStringLiteral("overview")));
    QVERIFY(!f.panel->documentedOnlyBox()->isVisible()); // …only
    f.panel->kindBox()->setCurrentIndex(f.panel->kindBox()->findData(QStringLiteral("api")));
    QVERIFY(f.generate());
    QVERIFY(f.previewContains(QStringLiteral("prototype sub")));

    f.panel->documentedOnlyBox()->setChecked(true);
    QSignalSpy generated(f.panel.get(), &DocsPanel::generated);
    QSignalSpy shown(f.panel.get(), &DocsPanel::previewShown);
    QVERIFY(f.generate()); // not the same document: made again
    QVERIFY(QTest::qWaitFor([&] { return f.panel->versionList()->count() == 2; }, 10000));
    const QString versionId = generated.first().first().toString();
    QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty() && shown.last().first().toString() == versionId; }, 10000));
    QVERIFY(f.panel->versionList()->item(0)->text().contains(QStringLiteral("documented only")));
    QVERIFY(!f.panel->versionList()->item(1)->text().contains(QStringLiteral("documented only")));
    QVERIFY(f.previewContains(QStringLiteral("Adds two numbers.")));
    QVERIFY(!f.panel->preview()->toPlainText().contains(QStringLiteral("prototype sub")));
    QVERIFY(Test::saveScreenshot(*f.panel, QStringLiteral("docs-panel-documented-only.png")));
}

void tst_DocsPanel::customNeedsAPrompt()
{
    Fixture f;
    QVERIFY(f.open());
    f.panel->kindBox()->setCurrentIndex(f.panel->kindBox()->findData(QStringLiteral("custom")));
    QVERIFY(f.panel->promptEdit()->isVisibleTo(f.panel.get()));
    QSignalSpy failed(f.panel.get(), &DocsPanel::failed);
    f.panel->generate();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("prompt")));
    QVERIFY(!f.panel->isRunning());
    f.panel->kindBox()->setCurrentIndex(0);
    QVERIFY(!f.panel->promptEdit()->isVisibleTo(f.panel.get()));
}

void tst_DocsPanel::anOrganizationsTemplateIsListedAndUsed()
{
    Fixture f;
    QVERIFY(f.open());
    const auto shared = [](const QString &name, const QString &body) {
        Docs::DocTemplate t{name, QStringLiteral("api"), body, {}, 0, 0, QStringLiteral("0190f000-0000-7000-8000-0000000000a1"), QStringLiteral("Acme")};
        return Docs::OrgDocs::Shared{t, 3, QStringLiteral("alice"), 1700000000000};
    };
    QVERIFY(Docs::DocStore(f.ws.db()).saveTemplate({QStringLiteral("mine"), QStringLiteral("api"), QStringLiteral("Mine: {{project}}"), {}, 0, 0, {}, {}}));
    QVERIFY(Docs::OrgDocs::store(f.ws.db()->handle(), shared(QStringLiteral("brief"), QStringLiteral("{{project}} by Acme"))));
    // What a sync does when it brought templates.
    f.panel->reloadTemplates();
    QComboBox *box = f.panel->templateBox();
    QVERIFY(QTest::qWaitFor([box] { return box->count() == 3; }, 10000));
    QCOMPARE(box->itemText(1), QStringLiteral("mine"));
    QCOMPARE(box->itemText(2), QStringLiteral("brief (Acme)"));
    box->setCurrentIndex(2);
    QVERIFY(f.generate());
    QVERIFY(f.previewContains(QStringLiteral("src by Acme")));
    // Another sync brings one more: the choice stays.
    QVERIFY(Docs::OrgDocs::store(f.ws.db()->handle(), shared(QStringLiteral("another"), QStringLiteral("{{project}}!"))));
    f.panel->reloadTemplates();
    QVERIFY(QTest::qWaitFor([box] { return box->count() == 4; }, 10000));
    QCOMPARE(box->currentText(), QStringLiteral("brief (Acme)"));
    QVERIFY(Test::saveScreenshot(*f.panel, QStringLiteral("docs-panel-org-template.png")));

    // A custom one whose prompt its admins change: the new prompt replaces
    // the old one the user had not edited.
    auto adr = shared(QStringLiteral("adr"), QStringLiteral("{{answer}}"));
    adr.docTemplate.kind = QStringLiteral("custom");
    adr.docTemplate.prompt = QStringLiteral("Write an ADR.");
    QVERIFY(Docs::OrgDocs::store(f.ws.db()->handle(), adr));
    f.panel->kindBox()->setCurrentIndex(f.panel->kindBox()->findData(QStringLiteral("custom")));
    QVERIFY(QTest::qWaitFor([box] { return box->count() == 2; }, 10000));
    box->setCurrentIndex(1);
    QCOMPARE(f.panel->promptEdit()->toPlainText(), QStringLiteral("Write an ADR."));
    adr.docTemplate.prompt = QStringLiteral("Write an ADR in Acme's form.");
    QVERIFY(Docs::OrgDocs::store(f.ws.db()->handle(), adr));
    f.panel->reloadTemplates();
    QVERIFY(QTest::qWaitFor([&] { return f.panel->promptEdit()->toPlainText() == QStringLiteral("Write an ADR in Acme's form."); }, 10000));
    QCOMPARE(box->currentText(), QStringLiteral("adr (Acme)"));
}

QTEST_MAIN(tst_DocsPanel)
#include "tst_docspanel.moc"
