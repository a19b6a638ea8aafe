// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importjob.h"
#include "storage/database.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QPushButton;
class QWidget;

namespace Realm::Ui {

class FolderWatch;

// The window's imports and refreshes: one at a time, in the background,
// with what it is doing and Cancel in the status bar. A refresh that follows
// a project's folder (FolderWatch) makes way for each: it is cancelled, and
// reads its paths again once this one has ended.
class ImportRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportRunner)
public:
    ImportRunner(Storage::DatabasePtr db, FolderWatch *folderWatch, QObject *parent = nullptr);

    // For the status bar, in this order; hidden while nothing runs.
    QList<QWidget *> statusWidgets() const;
    // Running, or waiting for the folder's refresh to make way.
    bool isBusy() const;
    // Starts `input`, shown as `label`; refused (false) while isBusy().
    [[nodiscard]] bool run(const QString &label, const Projects::ImportInput &input);
    void cancel();

signals:
    void finished(const Realm::Projects::ImportReport &report, bool refresh);
    void failed(const Realm::Error &error, bool refresh); // Cancelled too

private:
    void start(const QString &label, const Projects::ImportInput &input);
    void ended();

    Storage::DatabasePtr m_db;
    FolderWatch *m_folderWatch;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    Projects::ImportJob *m_job = nullptr;
};

// The dialog that lists what an import left out, rejected or warns about.
void showImportReport(QWidget *parent, const Projects::ImportReport &report);

} // namespace Realm::Ui
