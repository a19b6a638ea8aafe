// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"

#include "projects/importsource.h"
#include "projects/projectstore.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Realm::Ui {

MainWindow::MainWindow(Storage::DatabasePtr db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_projects(new QListWidget)
    , m_empty(new QLabel)
{
    setWindowTitle(tr("REALM"));
    resize(1100, 720);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    auto *heading = new QLabel(tr("<b>Projects</b>"));
    m_empty->setText(tr("No projects yet. Import one from a terminal:<br><tt>realm-cli project import PATH</tt>"));
    m_empty->setTextFormat(Qt::RichText);
    m_empty->hide();
    layout->addWidget(heading);
    layout->addWidget(m_projects, 1);
    layout->addWidget(m_empty);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Workspace: %1").arg(m_db->path()));

    connect(&m_loader, &QFutureWatcher<QList<Projects::Project>>::finished, this, [this] {
        m_projects->clear();
        const QList<Projects::Project> projects = m_loader.result();
        for (const Projects::Project &p : projects)
            m_projects->addItem(tr("%1 — %2 files, %3").arg(p.name).arg(p.fileCount).arg(Projects::formatBytes(p.totalBytes)));
        m_empty->setVisible(projects.isEmpty());
        emit projectsReloaded();
    });
    reloadProjects();
}

MainWindow::~MainWindow()
{
    m_loader.waitForFinished();
}

void MainWindow::reloadProjects()
{
    Storage::DatabasePtr db = m_db;
    m_loader.setFuture(QtConcurrent::run([db] {
        Result<QList<Projects::Project>> projects = Projects::ProjectStore(db).list();
        return projects ? *projects : QList<Projects::Project>{};
    }));
}

} // namespace Realm::Ui
