// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QListWidget;
class QLabel;

namespace Realm::Projects {
struct Project;
}

namespace Realm::Ui {

// The desktop workbench window. For now: the workspace's projects, loaded
// off the UI thread. Never touches the disk on the UI thread.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Storage::DatabasePtr db, QWidget *parent = nullptr);
    ~MainWindow() override;

    void reloadProjects();

signals:
    void projectsReloaded();

private:
    Storage::DatabasePtr m_db;
    QListWidget *m_projects;
    QLabel *m_empty;
    QFutureWatcher<QList<Projects::Project>> m_loader;
};

} // namespace Realm::Ui
