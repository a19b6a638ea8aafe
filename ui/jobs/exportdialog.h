// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "storage/database.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Realm::Ui {

// Project → Export Archive: a project out of REALM as a ZIP or tar.gz file.
// The export runs in the dialog on a worker thread — files and bytes
// written, the current path, Cancel — and ends saying where the archive
// is. Cancelling (or closing) leaves no half-written archive behind.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    ExportDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setTarget(const QString &fileName);
    void startExport();
    bool isRunning() const { return bool(m_cancel); }
    QComboBox *formatBox() const { return m_format; }
    QLabel *statusLabel() const { return m_status; }

    void reject() override;

signals:
    void exportFinished(bool ok, const QString &message);

private:
    void browse();
    void setRunning(bool running);

    Storage::DatabasePtr m_db;
    QString m_projectId;
    std::shared_ptr<CancellationToken> m_cancel;
    QComboBox *m_format;
    QLineEdit *m_path;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_exportButton;
    QPushButton *m_closeButton;
};

} // namespace Realm::Ui
