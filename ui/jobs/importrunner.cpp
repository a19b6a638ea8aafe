// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/importrunner.h"

#include "projects/folderwatch.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

namespace Realm::Ui {

ImportRunner::ImportRunner(Storage::DatabasePtr db, FolderWatch *folderWatch, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_folderWatch(folderWatch)
    , m_label(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
{
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0); // the size of an import is not known up front
    for (QWidget *widget : statusWidgets())
        widget->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
        cancel();
    });
}

QList<QWidget *> ImportRunner::statusWidgets() const
{
    return {m_label, m_progress, m_cancel};
}

bool ImportRunner::isBusy() const
{
    return (m_job && m_job->isRunning()) || m_folderWatch->isGivingWay();
}

bool ImportRunner::run(const QString &label, const Projects::ImportInput &input)
{
    if (isBusy())
        return false;
    m_folderWatch->giveWay([this, label, input] { start(label, input); });
    return true;
}

void ImportRunner::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ImportRunner::start(const QString &label, const Projects::ImportInput &input)
{
    // The one before has ended, but may still be on its way out of the
    // signal that said so.
    if (m_job)
        m_job->deleteLater();
    m_job = new Projects::ImportJob(m_db, input, this);
    m_label->setText(label);
    m_cancel->setEnabled(true);
    for (QWidget *widget : statusWidgets())
        widget->show();
    connect(m_job, &Projects::ImportJob::progress, m_label, [this](double, const QString &text) { m_label->setText(text); });
    connect(m_job, &Projects::ImportJob::failed, this, [this](const Error &error) {
        ended();
        emit failed(error, m_job->input().isRefresh());
    });
    connect(m_job, &Projects::ImportJob::finished, this, [this](const Projects::ImportReport &report) {
        m_folderWatch->markUpToDate(report.project.id); // read whole just now
        ended();
        emit finished(report, m_job->input().isRefresh());
    });
    m_job->start();
}

void ImportRunner::ended()
{
    for (QWidget *widget : statusWidgets())
        widget->hide();
    m_folderWatch->resume();
}

void showImportReport(QWidget *parent, const Projects::ImportReport &report)
{
    QString details;
    const auto section = [&details](const QString &title, const QList<Projects::ImportIssue> &issues) {
        if (issues.isEmpty())
            return;
        details += title + QLatin1Char('\n');
        for (const Projects::ImportIssue &issue : issues)
            details += QStringLiteral("  %1: %2\n").arg(issue.path, issue.reason);
        details += QLatin1Char('\n');
    };
    section(ImportRunner::tr("Rejected"), report.rejected);
    section(ImportRunner::tr("Skipped"), report.skipped);
    section(ImportRunner::tr("Warnings"), report.warnings);
    auto *box = new QMessageBox(QMessageBox::Information, ImportRunner::tr("Import finished"),
                                ImportRunner::tr("\"%1\" was imported with %n file(s).", nullptr, int(report.files)).arg(report.project.name)
                                    + QLatin1Char(' ')
                                    + ImportRunner::tr("Rejected: %1, skipped: %2, warnings: %3.")
                                          .arg(report.rejected.size())
                                          .arg(report.skipped.size())
                                          .arg(report.warnings.size()),
                                QMessageBox::Ok, parent);
    box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not modal to the event loop: tests and scripts keep running
}

} // namespace Realm::Ui
