// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectactions.h"

#include "jobs/background.h"

#include "projects/projectstore.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Realm::Ui {

ProjectActions::ProjectActions(Storage::DatabasePtr db, QWidget *window)
    : QObject(window)
    , m_db(std::move(db))
    , m_window(window)
    , m_create(new QAction(tr("&New Empty Project…"), this))
    , m_rename(new QAction(tr("&Rename Project…"), this))
    , m_edit(new QAction(tr("&Edit Description and Tags…"), this))
    , m_refresh(new QAction(tr("Re&fresh from Source"), this))
    , m_trash(new QAction(tr("Move Project to &Trash"), this))
    , m_showTrash(new QAction(tr("&Trash…"), this))
{
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_trash->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_create->setShortcut(QKeySequence::New);
    connect(m_create, &QAction::triggered, this, &ProjectActions::askCreate);
    connect(m_rename, &QAction::triggered, this, &ProjectActions::askRename);
    connect(m_edit, &QAction::triggered, this, &ProjectActions::askEdit);
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (!m_project.id.isEmpty())
            emit refreshRequested(m_project.id);
    });
    connect(m_trash, &QAction::triggered, this, &ProjectActions::moveToTrash);
    connect(m_showTrash, &QAction::triggered, this, &ProjectActions::showTrash);
    setProject({});
}

void ProjectActions::setProject(const Projects::Project &project)
{
    m_project = project;
    for (QAction *a : {m_rename, m_edit, m_refresh, m_trash})
        a->setEnabled(!project.id.isEmpty());
}

void ProjectActions::runInBackground(std::function<Result<QString>()> job, std::function<void()> undo)
{
    Ui::runInBackground(this, m_db, [job](const Storage::DatabasePtr &) { return job(); }, [this, undo](const Result<QString> &result) {
        if (!result) {
            emit failed(result.error().message);
            return;
        }
        emit projectsChanged();
        emit done(*result, undo);
    });
}

void ProjectActions::changeProject(std::function<Result<Projects::Project>(Projects::ProjectStore &)> change,
                                   const QString &messageTemplate, std::function<void()> undo)
{
    Storage::DatabasePtr db = m_db;
    runInBackground([db, change, messageTemplate]() -> Result<QString> {
        Projects::ProjectStore store(db);
        Result<Projects::Project> p = change(store);
        if (!p)
            return p.error();
        return messageTemplate.arg(p->name);
    }, std::move(undo));
}

void ProjectActions::create(const QString &name)
{
    changeProject([name](Projects::ProjectStore &store) { return store.create(name); }, tr("Created \"%1\"."));
}

void ProjectActions::askCreate()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("New Empty Project"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        create(name);
}

void ProjectActions::rename(const QString &newName)
{
    const QString id = m_project.id;
    const QString oldName = m_project.name;
    Projects::ProjectChanges changes;
    changes.name = newName;
    changeProject([id, changes](Projects::ProjectStore &store) { return store.update(id, changes); },
                  tr("Renamed to \"%1\"."), [this, id, oldName] {
        m_project.id = id;
        rename(oldName);
    });
}

void ProjectActions::edit(const QString &description, const QStringList &tags)
{
    const QString id = m_project.id;
    Projects::ProjectChanges changes;
    changes.description = description;
    changes.tags = tags;
    changeProject([id, changes](Projects::ProjectStore &store) { return store.update(id, changes); }, tr("Updated \"%1\"."));
}

void ProjectActions::moveToTrash()
{
    if (m_project.id.isEmpty())
        return;
    const QString id = m_project.id;
    const QString name = m_project.name;
    Storage::DatabasePtr db = m_db;
    runInBackground([db, id, name]() -> Result<QString> {
        if (Result<void> r = Projects::ProjectStore(db).moveToTrash(id); !r)
            return r.error();
        return tr("Moved \"%1\" to the trash.").arg(name);
    }, [this, id] { restore(id); });
}

void ProjectActions::restore(const QString &projectId)
{
    changeProject([projectId](Projects::ProjectStore &store) { return store.restore(projectId); }, tr("Restored \"%1\"."));
}

void ProjectActions::askRename()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Rename Project"), tr("New name:"), QLineEdit::Normal,
                                               m_project.name, &ok);
    if (ok && !name.trimmed().isEmpty() && name != m_project.name)
        rename(name);
}

void ProjectActions::askEdit()
{
    if (m_project.id.isEmpty())
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Edit \"%1\"").arg(m_project.name));
    auto *description = new QPlainTextEdit(m_project.description);
    auto *tags = new QLineEdit(m_project.tags.join(QStringLiteral(", ")));
    tags->setPlaceholderText(tr("Comma-separated, e.g. qt, cli"));
    auto *form = new QFormLayout;
    form->addRow(tr("Description:"), description);
    form->addRow(tr("Tags:"), tags);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList tagList;
    for (const QString &t : tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        tagList << t.trimmed();
    edit(description->toPlainText().trimmed(), tagList);
}

void ProjectActions::showTrash()
{
    Ui::runInBackground(
        this, m_db,
        [](const Storage::DatabasePtr &db) {
            Projects::ProjectFilter filter;
            filter.trash = true;
            return Projects::ProjectStore(db).list(filter);
        },
        [this](const Result<QList<Projects::Project>> &trashed) {
            if (trashed)
                showTrashDialog(*trashed);
            else
                emit failed(trashed.error().message);
        });
}

void ProjectActions::showTrashDialog(const QList<Projects::Project> &trashed)
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Trash"));
    auto *list = new QListWidget;
    for (const Projects::Project &p : trashed) {
        auto *item = new QListWidgetItem(p.name, list);
        item->setData(Qt::UserRole, p.id);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *restoreButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::ActionRole);
    QPushButton *emptyButton = buttons->addButton(tr("&Empty Trash…"), QDialogButtonBox::DestructiveRole);
    restoreButton->setEnabled(false);
    emptyButton->setEnabled(list->count() > 0);
    connect(list, &QListWidget::currentRowChanged, restoreButton, [restoreButton](int row) { restoreButton->setEnabled(row >= 0); });
    connect(restoreButton, &QPushButton::clicked, &dialog, [this, list] {
        if (QListWidgetItem *item = list->currentItem()) {
            restore(item->data(Qt::UserRole).toString());
            delete item;
        }
    });
    connect(emptyButton, &QPushButton::clicked, &dialog, [this, &dialog, list] {
        if (QMessageBox::warning(&dialog, tr("Empty Trash"),
                                 tr("Remove %n project(s) and their files for good? This cannot be undone.", nullptr, list->count()),
                                 QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
            return;
        Storage::DatabasePtr db = m_db;
        runInBackground([db]() -> Result<QString> {
            Result<int> purged = Projects::ProjectStore(db).emptyTrash();
            if (!purged)
                return purged.error();
            return tr("Emptied the trash: %n project(s) removed for good.", nullptr, *purged);
        });
        list->clear();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace Realm::Ui
