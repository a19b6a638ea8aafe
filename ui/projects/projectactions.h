// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/project.h"
#include "storage/database.h"

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace Realm::Projects {
class ProjectStore;
}

namespace Realm::Ui {

// What a user can do to a project from the project list: rename, describe
// and tag, refresh from its source, move to the trash (with undo), and the
// trash itself (restore, empty for good, after a confirmation). Workspace
// writes run on worker threads; the window hears back through signals.
class ProjectActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectActions)
public:
    ProjectActions(Storage::DatabasePtr db, QWidget *window);

    // The project the actions apply to (the current one in the list);
    // an empty id disables them.
    void setProject(const Projects::Project &project);

    QAction *createAction() const { return m_create; }
    QAction *renameAction() const { return m_rename; }
    QAction *editAction() const { return m_edit; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *trashAction() const { return m_trash; }
    QAction *showTrashAction() const { return m_showTrash; }

    void create(const QString &name);
    void rename(const QString &newName);
    void edit(const QString &description, const QStringList &tags);
    void moveToTrash();
    void restore(const QString &projectId);

signals:
    void projectsChanged();
    void refreshRequested(const QString &projectId);
    // A message for the status bar; `undo`, when set, reverses the change.
    void done(const QString &message, std::function<void()> undo);
    void failed(const QString &message);

private:
    void runInBackground(std::function<Result<QString>()> job, std::function<void()> undo = {});
    // Runs a change to one project off the UI thread; `messageTemplate`'s %1
    // becomes the project's name in the status message.
    void changeProject(std::function<Result<Projects::Project>(Projects::ProjectStore &)> change,
                       const QString &messageTemplate, std::function<void()> undo = {});
    void askCreate();
    void askRename();
    void askEdit();
    void showTrash();
    void showTrashDialog(const QList<Projects::Project> &trashed);

    Storage::DatabasePtr m_db;
    QWidget *m_window;
    Projects::Project m_project;
    QAction *m_create;
    QAction *m_rename;
    QAction *m_edit;
    QAction *m_refresh;
    QAction *m_trash;
    QAction *m_showTrash;
};

} // namespace Realm::Ui
