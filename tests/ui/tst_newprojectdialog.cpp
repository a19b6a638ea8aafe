// SPDX-License-Identifier: GPL-3.0-or-later
// File → New Project from Template as a person uses it (offscreen): a form
// from the manifest, checked as you type, a live file tree, a project made.
#include "projects/newprojectdialog.h"
#include "projects/projectstore.h"
#include "projects/savetemplatedialog.h"
#include "starters/orgstarters.h"
#include "starters/startertemplate.h"
#include "testworkspace.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Realm;
using namespace Realm::Ui;
using Realm::Test::TestWorkspace;

namespace {
QStringList paths(const QTreeWidget *tree)
{
    QStringList list;
    std::function<void(const QTreeWidgetItem *, const QString &)> walk = [&](const QTreeWidgetItem *item, const QString &prefix) {
        const QString path = prefix + item->text(0);
        if (item->childCount() == 0)
            list << path;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), path + QLatin1Char('/'));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i), QString());
    return list;
}
} // namespace

class tst_NewProjectDialog final : public QObject {
    Q_OBJECT
private slots:
    void formPreviewAndCreate();
    void aTemplateNameThatIsNoPlainNameChoosesNoFolder();
    void cancelWhileCreatingLeavesAllOrNothing();
    void anOrganizationsStarterIsListedAndMakesAProject();
};

// A shared template whose project name defaults to "../../outside" must
// not pick where the files go: the folder stays empty until the user
// chooses one.
void tst_NewProjectDialog::aTemplateNameThatIsNoPlainNameChoosesNoFolder()
{
    TestWorkspace ws;
    Starters::StarterTemplate hostile;
    hostile.id = QStringLiteral("escape");
    hostile.title = QStringLiteral("Escape");
    hostile.variables = {{QStringLiteral("project_name"), QStringLiteral("Project name"), QStringLiteral("../../outside"), {}, {}, {}, true}};
    hostile.files = {{QStringLiteral("README.md"), "# {{project_name}}\n", 0644}};
    QVERIFY(Starters::TemplateStore(ws.db()).save(hostile));
    NewProjectDialog dialog(ws.db());
    dialog.show();
    const int builtIn = int(Starters::StarterTemplate::builtIn().size());
    QVERIFY(QTest::qWaitFor([&] { return dialog.list()->count() > builtIn; }, 10000)); // the workspace's come from a worker
    dialog.selectTemplate(QStringLiteral("escape"));
    auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("starterFolder"));
    QVERIFY(folder);
    QVERIFY2(folder->text().isEmpty(), qPrintable(folder->text()));
    QVERIFY(!dialog.createButton()->isEnabled());
    // Said under the folder field, not somewhere below.
    auto *folderNote = dialog.findChild<QLabel *>(QStringLiteral("starterFolderNote"));
    QVERIFY2(folderNote->text().startsWith(QStringLiteral("Choose the folder")), qPrintable(folderNote->text()));
    QVERIFY(dialog.problemLabel()->text().isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return dialog.findChild<QLineEdit *>(QStringLiteral("var_project_name"))->isVisible(); }));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/new-project-no-folder.png")));
    dialog.setFolder(ws.dir() + QStringLiteral("/chosen"));
    QVERIFY(dialog.createButton()->isEnabled());
}

// Cancel while the project is made: the dialog stays to say it was
// cancelled and nothing is left, or the creation won and it is complete.
void tst_NewProjectDialog::cancelWhileCreatingLeavesAllOrNothing()
{
    TestWorkspace ws;
    NewProjectDialog dialog(ws.db());
    dialog.show();
    dialog.selectTemplate(QStringLiteral("python-package"));
    dialog.setValue(QStringLiteral("author"), QStringLiteral("Ada"));
    dialog.findChild<QLineEdit *>(QStringLiteral("var_project_name"))->setText(QStringLiteral("kite"));
    const QString folder = ws.dir() + QStringLiteral("/kite");
    dialog.setFolder(folder);
    QSignalSpy created(&dialog, &NewProjectDialog::projectCreated);
    dialog.create();
    dialog.reject(); // Esc or Cancel while it runs
    QVERIFY(QTest::qWaitFor([&] { return !created.isEmpty() || dialog.problemLabel()->text().startsWith(QStringLiteral("Cancelled")); }, 20000));
    if (created.isEmpty()) {
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFileInfo::exists(folder));
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 0);
        QVERIFY(dialog.createButton()->isEnabled()); // try again
    } else {
        QVERIFY(QFile::exists(folder + QStringLiteral("/README.md")));
        QCOMPARE(Projects::ProjectStore(ws.db()).list()->size(), 1);
    }
}

// A starter template an organization shares (its copy here, as a sync
// leaves it) is listed under its organization's name and makes projects.
void tst_NewProjectDialog::anOrganizationsStarterIsListedAndMakesAProject()
{
    TestWorkspace ws;
    Starters::StarterTemplate tiny;
    tiny.id = QStringLiteral("acme-tiny");
    tiny.title = QStringLiteral("Acme Tiny");
    tiny.variables = {{QStringLiteral("project_name"), QStringLiteral("Project name"), QStringLiteral("tiny"), {}, {}, {}, true}};
    tiny.files = {{QStringLiteral("main.py"), "print(\"hello from {{project_name}}\")\n", 0644}};
    Result<QByteArray> archive = tiny.toArchive();
    QVERIFY(archive);
    QVERIFY(Starters::OrgStarters::store(ws.db()->handle(), {QStringLiteral("0190f000-0000-7000-8000-0000000000a1"), QStringLiteral("Acme"), tiny.id,
                                                              tiny.title, QStringLiteral("Acme's smallest project"), *archive, 4, QStringLiteral("alice"),
                                                              1700000000000}));
    NewProjectDialog dialog(ws.db());
    dialog.show();
    const int builtIn = int(Starters::StarterTemplate::builtIn().size());
    QVERIFY(QTest::qWaitFor([&] { return dialog.list()->count() > builtIn; }, 10000));
    QCOMPARE(dialog.list()->item(builtIn)->text(), QStringLiteral("Acme Tiny (Acme)"));
    QCOMPARE(dialog.list()->item(builtIn)->toolTip(), QStringLiteral("Acme's smallest project"));
    dialog.selectTemplate(QStringLiteral("acme-tiny"));
    QVERIFY(QTest::qWaitFor([&] { return dialog.findChild<QLineEdit *>(QStringLiteral("var_project_name"))->isVisible(); }));
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/new-project-org-template.png")));
    const QString folder = ws.dir() + QStringLiteral("/kite");
    dialog.findChild<QLineEdit *>(QStringLiteral("var_project_name"))->setText(QStringLiteral("kite"));
    dialog.setFolder(folder);
    QSignalSpy created(&dialog, &NewProjectDialog::projectCreated);
    dialog.create();
    QVERIFY(QTest::qWaitFor([&] { return !created.isEmpty(); }, 20000));
    QFile made(folder + QStringLiteral("/main.py"));
    QVERIFY(made.open(QIODevice::ReadOnly));
    QCOMPARE(made.readAll(), QByteArray("print(\"hello from kite\")\n"));
}

void tst_NewProjectDialog::formPreviewAndCreate()
{
    TestWorkspace ws;
    NewProjectDialog dialog(ws.db());
    dialog.show();
    QVERIFY(dialog.list()->count() >= 7);
    dialog.selectTemplate(QStringLiteral("python-package"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("var_project_name"));
    QVERIFY(name);
    QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("var_license"))); // choices become a list

    // Typing checks the value and redraws the tree of files.
    dialog.setValue(QStringLiteral("author"), QStringLiteral("Ada"));
    name->setText(QStringLiteral("Bad Name"));
    QVERIFY(!dialog.createButton()->isEnabled());
    // The problem is said right under the field it is about, and only there.
    auto *variableNote = dialog.findChild<QLabel *>(QStringLiteral("note_project_name"));
    QVERIFY(variableNote);
    QVERIFY(!variableNote->text().isEmpty());
    QVERIFY(!variableNote->isHidden());
    QVERIFY(dialog.problemLabel()->text().isEmpty());
    name->setText(QStringLiteral("kite"));
    QVERIFY(variableNote->isHidden());
    QVERIFY2(dialog.problemLabel()->text().isEmpty(), qPrintable(dialog.problemLabel()->text()));
    QVERIFY(paths(dialog.preview()).contains(QStringLiteral("README.md")));
    QVERIFY(paths(dialog.preview()).size() >= 4);

    const QString folder = ws.dir() + QStringLiteral("/kite");
    dialog.setFolder(folder);
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return name->isVisible(); })); // fields added to a shown form appear on the next event loop pass
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/new-project.png")));
    QSignalSpy created(&dialog, &NewProjectDialog::projectCreated);
    QVERIFY(dialog.createButton()->isDefault());
    QTest::keyClick(name, Qt::Key_Return); // Enter in a field creates, never Browse
    QVERIFY(QTest::qWaitFor([&] { return !created.isEmpty(); }, 20000));
    QCOMPARE(created.first().at(1).toString(), QStringLiteral("kite"));
    QVERIFY(QFile::exists(folder + QStringLiteral("/README.md")));
    Result<Projects::Project> project = Projects::ProjectStore(ws.db()).find(QStringLiteral("kite"));
    QVERIFY(project);
    QCOMPARE(project->fileCount, qint64(paths(dialog.preview()).size()));

    // Project → Save as Template: ticked files, the project's name marked.
    SaveTemplateDialog save(ws.db(), project->id, project->name);
    QSignalSpy filesLoaded(&save, &SaveTemplateDialog::filesLoaded);
    save.show();
    QVERIFY(QTest::qWaitFor([&] { return !filesLoaded.isEmpty(); }, 10000));
    QCOMPARE(save.fileList()->count(), int(project->fileCount));
    QCOMPARE(save.variableTable()->item(0, 1)->text(), QStringLiteral("kite"));
    save.fileList()->item(0)->setCheckState(Qt::Unchecked); // .gitignore stays out
    // The name is checked as it is typed; Save waits for a good one.
    auto *saveButton = save.findChild<QPushButton *>(QStringLiteral("saveTemplate"));
    auto *nameNote = save.findChild<QLabel *>(QStringLiteral("templateNameNote"));
    save.nameEdit()->setText(QStringLiteral("Kite Starter"));
    QVERIFY(nameNote->isVisible());
    QVERIFY(!saveButton->isEnabled());
    save.nameEdit()->setText(QStringLiteral("kite-starter"));
    QVERIFY(!nameNote->isVisible());
    QVERIFY(saveButton->isEnabled());
    if (const QString dir = qEnvironmentVariable("REALM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QCoreApplication::processEvents(); // lay out without the note
        QVERIFY(save.grab().save(dir + QStringLiteral("/save-template.png")));
    }
    QSignalSpy saved(&save, &SaveTemplateDialog::saved);
    QTest::keyClick(save.nameEdit(), Qt::Key_Return); // Enter saves
    QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty(); }, 10000));
    Result<Starters::StarterTemplate> mine = Starters::TemplateStore(ws.db()).find(QStringLiteral("kite-starter"));
    QVERIFY(mine);
    QCOMPARE(mine->files.size(), int(project->fileCount) - 1);

    // The same name again: said under the name, the dialog stays.
    SaveTemplateDialog twice(ws.db(), project->id, project->name);
    QSignalSpy twiceLoaded(&twice, &SaveTemplateDialog::filesLoaded);
    twice.show();
    QVERIFY(QTest::qWaitFor([&] { return !twiceLoaded.isEmpty(); }, 10000));
    twice.nameEdit()->setText(QStringLiteral("kite-starter"));
    twice.save();
    auto *twiceNote = twice.findChild<QLabel *>(QStringLiteral("templateNameNote"));
    QVERIFY(QTest::qWaitFor([&] { return twiceNote->isVisible(); }, 10000));
    QVERIFY2(twiceNote->text().contains(QStringLiteral("already a template named kite-starter")), qPrintable(twiceNote->text()));
    QVERIFY(twice.isVisible());

    // It is offered with the built-in ones.
    NewProjectDialog again(ws.db());
    QSignalSpy loaded(&again, &NewProjectDialog::loaded);
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 10000));
    QVERIFY(again.list()->item(again.list()->count() - 1)->text().endsWith(QStringLiteral("(yours)")));
}

QTEST_MAIN(tst_NewProjectDialog)
#include "tst_newprojectdialog.moc"
