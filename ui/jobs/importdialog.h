// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importjob.h"
#include "storage/database.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Realm::Ui {

class FieldNote;

// One dialog for every way code comes in: a folder, an archive or a Git
// repository (URL or path, with a branch, tag or commit). It runs the import
// in place — live file/byte counts and the current path, a cancel button —
// and ends with what was imported, skipped and rejected, and why. The work
// happens on a worker thread; closing the dialog cancels it.
class ImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)
public:
    enum class Kind { Folder, Archive, Git };

    ImportDialog(Storage::DatabasePtr db, Kind kind, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setSource(Kind kind, const QString &location, const QString &ref = {});
    // Starts the import with what the form says (the Import button).
    void startImport();
    bool isRunning() const;
    // What is wrong with the source, under it.
    QLabel *locationNote() const;

signals:
    // After every attempt: ok, and the one-line outcome the dialog shows.
    void importFinished(bool ok, const QString &message);
    void projectImported(const Realm::Projects::ImportReport &report);

public:
    void reject() override;

private:
    Kind currentKind() const;
    QString currentLocation() const;
    void browse();
    void locationChanged();
    QLineEdit *locationEdit() const;
    void setRunning(bool running);
    void showFailure(const QString &message);
    void showReport(const Projects::ImportReport &report);
    void finish(const Result<Projects::ImportReport> &result);

    Storage::DatabasePtr m_db;
    Projects::ImportJob *m_job = nullptr;
    QTabWidget *m_sourceTabs;
    QLineEdit *m_folderEdit;
    QLineEdit *m_archiveEdit;
    QLineEdit *m_gitUrlEdit;
    QLineEdit *m_gitRefEdit;
    QLineEdit *m_nameEdit;
    QPlainTextEdit *m_excludesEdit;
    QCheckBox *m_gitIgnoreCheck;
    QWidget *m_form;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QLabel *m_summary;
    QTreeWidget *m_issues;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    QPushButton *m_cancelButton;
    FieldNote *m_locationNote;
};

} // namespace Realm::Ui
