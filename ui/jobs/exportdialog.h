// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/exportjob.h"
#include "storage/database.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Realm::Ui {

class DownloadFirst;
class FieldNote;
class SyncController;

// Project → Export: a project out of REALM as a ZIP or tar.gz file, or as a
// Git repository with one commit per version (branch and author in the
// form). The export runs in the dialog on a worker thread — progress,
// Cancel — and ends saying where it went. Cancelling (or closing) leaves no
// half-written archive and no moved branch behind.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    ExportDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setTarget(const QString &fileName);
    void startExport();
    bool isRunning() const;
    // Where a project's contents not downloaded yet come from (none: the
    // export stops at the first such file, saying so).
    void setSyncController(SyncController *sync);
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *branchEdit() const { return m_branch; }
    QLineEdit *authorEdit() const { return m_author; }
    QLabel *statusLabel() const { return m_status; }
    // What is wrong with the author, under its field.
    QLabel *authorNote() const;
    QPushButton *exportButton() const { return m_exportButton; }

    void reject() override;

signals:
    void exportFinished(bool ok, const QString &message);

private:
    void browse();
    void validate();
    bool isGit() const;
    void setRunning(bool running);
    void showProgress(double fraction, const QString &text);
    void runExport();
    void fail(const QString &message);

    Storage::DatabasePtr m_db;
    QString m_projectId;
    DownloadFirst *m_downloadFirst;
    Projects::ExportInput m_input; // the export started, once its contents are here
    Projects::ExportJob *m_job = nullptr;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLineEdit *m_branch;
    QLineEdit *m_author;
    QProgressBar *m_progress;
    QLabel *m_status;
    FieldNote *m_authorNote;
    QPushButton *m_exportButton;
    QPushButton *m_closeButton;
};

} // namespace Realm::Ui
