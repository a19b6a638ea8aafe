// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/exportdialog.h"

#include "jobs/background.h"
#include "projects/gitexporter.h"
#include "projects/importsource.h"
#include "projects/projectexporter.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Realm::Ui {

ExportDialog::ExportDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_projectId(projectId)
    , m_format(new QComboBox)
    , m_path(new QLineEdit)
    , m_branch(new QLineEdit(QStringLiteral("main")))
    , m_author(new QLineEdit(QStringLiteral("REALM <realm@localhost>")))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_exportButton(new QPushButton(tr("&Export")))
    , m_closeButton(new QPushButton(tr("Close")))
{
    setWindowTitle(tr("Export “%1”").arg(projectName));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("ZIP archive (.zip)"), QStringLiteral("zip"));
    m_format->addItem(tr("Compressed tar archive (.tar.gz)"), QStringLiteral("tar.gz"));
    m_format->addItem(tr("Git repository (a commit per version)"), QStringLiteral("git"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setText(QDir::home().filePath(projectName + QStringLiteral(".zip")));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_branch->setObjectName(QStringLiteral("exportBranch"));
    m_author->setObjectName(QStringLiteral("exportAuthor"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *pathLabel = new QLabel(tr("&Save as:"));
    pathLabel->setBuddy(m_path); // a row of widgets cannot be a label's buddy itself
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Branch:"), m_branch);
    form->addRow(tr("&Author:"), m_author);
    form->setRowVisible(m_branch, false);
    form->setRowVisible(m_author, false);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, form] {
        // Keep the name's suffix in step with the format (a repository is a
        // folder); branch and author only matter for Git.
        QString path = m_path->text();
        for (const char *suffix : {".tar.gz", ".zip"}) {
            if (path.endsWith(QLatin1String(suffix)))
                path.chop(qsizetype(strlen(suffix)));
        }
        const bool git = m_format->currentData().toString() == QLatin1String("git");
        m_path->setText(git ? path : path + QLatin1Char('.') + m_format->currentData().toString());
        form->setRowVisible(m_branch, git);
        form->setRowVisible(m_author, git);
    });

    m_progress->hide();
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_exportButton->setObjectName(QStringLiteral("startExport"));
    m_exportButton->setDefault(true);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);
    resize(560, sizeHint().height());
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->cancel();
}

void ExportDialog::setTarget(const QString &fileName)
{
    QString format = QStringLiteral("git");
    if (fileName.endsWith(QLatin1String(".tar.gz")) || fileName.endsWith(QLatin1String(".tgz")))
        format = QStringLiteral("tar.gz");
    else if (fileName.endsWith(QLatin1String(".zip")))
        format = QStringLiteral("zip");
    m_format->setCurrentIndex(m_format->findData(format));
    m_path->setText(fileName); // the format's handler rewrote the suffix
}

void ExportDialog::browse()
{
    const QString chosen = m_format->currentData().toString() == QLatin1String("git")
                               ? QFileDialog::getExistingDirectory(this, tr("Export Into Repository"), m_path->text())
                               : QFileDialog::getSaveFileName(this, tr("Export As"), m_path->text(), tr("Archives (*.zip *.tar.gz *.tgz)"));
    if (!chosen.isEmpty())
        setTarget(chosen);
}

void ExportDialog::startExport()
{
    if (m_cancel)
        return;
    const QString target = m_path->text().trimmed();
    if (target.isEmpty()) {
        m_status->setText(tr("Choose where the export goes."));
        return;
    }
    if (m_format->currentData().toString() == QLatin1String("git")) {
        startGitExport(target);
        return;
    }
    const std::optional<Projects::ArchiveFormat> format = Projects::archiveFormatFromName(m_format->currentData().toString());
    m_cancel = std::make_shared<CancellationToken>();
    setRunning(true);
    m_status->setText(tr("Exporting…"));
    const std::shared_ptr<UiRelay> relay = makeUiRelay(this);
    const std::shared_ptr<CancellationToken> cancel = m_cancel;
    const QString projectId = m_projectId;
    runInBackground(this, m_db,
                    [this, projectId, format, target, cancel, relay](Storage::DatabasePtr db) {
                        return Projects::exportArchive(db, projectId, *format, target, cancel.get(), [this, relay](const Projects::ExportProgress &p) {
                            relay->post([this, p] {
                                m_progress->setRange(0, int(qMin<qint64>(p.filesTotal, INT_MAX)));
                                m_progress->setValue(int(qMin<qint64>(p.filesDone, INT_MAX)));
                                m_status->setText(tr("%1 of %2 files, %3 of %4 — %5")
                                                            .arg(p.filesDone)
                                                            .arg(p.filesTotal)
                                                            .arg(Projects::formatBytes(p.bytesDone), Projects::formatBytes(p.bytesTotal),
                                                                 p.path));
                            });
                        });
                    },
                    [this](const Result<Projects::ExportReport> &report) {
                        m_cancel.reset();
                        setRunning(false);
                        QString message;
                        if (report)
                            message = tr("Exported %n file(s) (%1) to %2.", nullptr, int(report->files))
                                          .arg(Projects::formatBytes(report->bytes), report->fileName);
                        else if (report.error().code == Error::Code::Cancelled)
                            message = tr("Export cancelled; no archive was written.");
                        else
                            message = report.error().message;
                        m_status->setText(message);
                        emit exportFinished(bool(report), message);
                    });
}

void ExportDialog::startGitExport(const QString &target)
{
    Projects::GitExportOptions options;
    options.branch = m_branch->text().trimmed();
    static const QRegularExpression who(QStringLiteral("^\\s*(.*?)\\s*<([^>]+)>\\s*$"));
    const QRegularExpressionMatch m = who.match(m_author->text());
    if (!m.hasMatch() || m.captured(1).isEmpty()) {
        m_status->setText(tr("Write the author as “Name <email>”."));
        m_author->setFocus();
        return;
    }
    options.authorName = m.captured(1);
    options.authorEmail = m.captured(2);
    m_cancel = std::make_shared<CancellationToken>();
    setRunning(true);
    m_progress->setRange(0, 0);
    m_status->setText(tr("Committing…"));
    const std::shared_ptr<UiRelay> relay = makeUiRelay(this);
    const std::shared_ptr<CancellationToken> cancel = m_cancel;
    const QString projectId = m_projectId;
    runInBackground(this, m_db,
                    [this, projectId, target, options, cancel, relay](Storage::DatabasePtr db) {
                        return Projects::exportToGit(db, projectId, target, options, cancel.get(), [this, relay](int done, int total) {
                            relay->post([this, done, total] {
                                m_progress->setRange(0, total);
                                m_progress->setValue(done);
                                m_status->setText(tr("Committed version %1 of %2").arg(done).arg(total));
                            });
                        });
                    },
                    [this, options](const Result<Projects::GitExportReport> &report) {
                        m_cancel.reset();
                        setRunning(false);
                        QString message;
                        if (!report)
                            message = report.error().code == Error::Code::Cancelled ? tr("Export cancelled; the branch was not moved.")
                                                                                     : report.error().message;
                        else if (report->commitsWritten == 0)
                            message = tr("%1 (%2) is up to date: all %n version(s) are there.", nullptr, report->versions)
                                          .arg(report->repository, options.branch);
                        else
                            message = tr("Wrote %n commit(s) to %1 (%2).", nullptr, report->commitsWritten).arg(report->repository, options.branch);
                        if (report && !report->warnings.isEmpty())
                            message += QLatin1Char('\n') + report->warnings.join(QLatin1Char('\n'));
                        m_status->setText(message);
                        emit exportFinished(bool(report), message);
                    });
}

void ExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_exportButton->setEnabled(!running);
    m_format->setEnabled(!running);
    m_path->setEnabled(!running);
    m_branch->setEnabled(!running);
    m_author->setEnabled(!running);
    m_closeButton->setText(running ? tr("Cancel Export") : tr("Close"));
}

void ExportDialog::reject()
{
    // The first Cancel stops the export and keeps the dialog to say so.
    if (m_cancel) {
        m_cancel->cancel();
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace Realm::Ui
