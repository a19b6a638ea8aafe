// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/exportdialog.h"

#include "projects/importsource.h"
#include "team/downloadfirst.h"
#include "widgets/sidebutton.h"
#include "widgets/fieldnote.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
const QString kDefaultBranch = QStringLiteral("main");
const QString kDefaultAuthor = QStringLiteral("REALM <realm@localhost>");
} // namespace

ExportDialog::ExportDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_projectId(projectId)
    , m_downloadFirst(new DownloadFirst(this))
    , m_format(new QComboBox)
    , m_path(new QLineEdit)
    , m_branch(new QLineEdit)
    , m_author(new QLineEdit)
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_authorNote(new FieldNote(QStringLiteral("exportAuthorNote")))
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
    m_path->setPlaceholderText(tr("Where the archive or repository goes"));
    auto *browse = sideButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_branch->setObjectName(QStringLiteral("exportBranch"));
    m_branch->setPlaceholderText(kDefaultBranch);
    m_author->setObjectName(QStringLiteral("exportAuthor"));
    m_author->setPlaceholderText(kDefaultAuthor);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *pathLabel = new QLabel(tr("&Save as:"));
    pathLabel->setBuddy(m_path); // a row of widgets cannot be a label's buddy itself
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Branch:"), m_branch);
    form->addRow(tr("&Author:"), m_author);
    form->addRow(QString(), m_authorNote);
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
        validate();
    });
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_author, &QLineEdit::textChanged, this, &ExportDialog::validate);

    m_progress->hide();
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_exportButton->setObjectName(QStringLiteral("startExport"));
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    validate();
    setMainAction(m_exportButton); // now that it is inside the dialog

    connect(m_downloadFirst, &DownloadFirst::progress, this, &ExportDialog::showProgress);
    connect(m_downloadFirst, &DownloadFirst::ready, this, &ExportDialog::runExport);
    connect(m_downloadFirst, &DownloadFirst::failed, this, &ExportDialog::fail);
}

void ExportDialog::setSyncController(SyncController *sync)
{
    m_downloadFirst->setSync(sync);
}

bool ExportDialog::isRunning() const
{
    return m_downloadFirst->isBusy() || (m_job && m_job->isRunning());
}

QLabel *ExportDialog::authorNote() const
{
    return m_authorNote;
}

bool ExportDialog::isGit() const
{
    return m_format->currentData().toString() == QLatin1String("git");
}

// Export waits for a target, and for Git an author written as Name <email>
// (empty means REALM's own); what is wrong shows under its field as typed.
void ExportDialog::validate()
{
    Projects::GitExportOptions ignored;
    const QString author = m_author->text().trimmed();
    const Result<void> parsed = isGit() && !author.isEmpty() ? Projects::parseAuthor(author, &ignored) : Result<void>{};
    m_authorNote->setProblem(parsed ? QString() : parsed.error().message);
    m_exportButton->setEnabled(!m_path->text().trimmed().isEmpty() && parsed);
}

ExportDialog::~ExportDialog() = default; // a running job is a child: it is cancelled and waited for

void ExportDialog::setTarget(const QString &fileName)
{
    const QString format = Projects::exportFormatFor(fileName);
    m_format->setCurrentIndex(m_format->findData(format.isEmpty() ? QStringLiteral("git") : format));
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
    if (isRunning())
        return;
    Projects::ExportInput input{m_projectId, m_path->text().trimmed(), Projects::archiveFormatFromName(m_format->currentData().toString()), {}};
    if (input.target.isEmpty()) {
        m_status->setText(tr("Choose where the export goes."));
        return;
    }
    if (!input.archive) {
        const QString branch = m_branch->text().trimmed();
        input.git.branch = branch.isEmpty() ? kDefaultBranch : branch;
        const QString author = m_author->text().trimmed();
        if (Result<void> parsed = Projects::parseAuthor(author.isEmpty() ? kDefaultAuthor : author, &input.git); !parsed) {
            m_authorNote->setProblem(parsed.error().message);
            m_author->setFocus();
            return;
        }
    }
    // A project whose contents wait on the server downloads what the
    // export reads first (a Git export writes every version).
    setRunning(true);
    m_input = input;
    m_downloadFirst->start(m_db, m_projectId, input.archive ? SyncClient::FetchReach::LiveFiles : SyncClient::FetchReach::WithHistory);
}

void ExportDialog::showProgress(double fraction, const QString &text)
{
    constexpr int kSteps = 1000;
    m_progress->setRange(0, fraction < 0 ? 0 : kSteps);
    m_progress->setValue(fraction < 0 ? 0 : int(fraction * kSteps));
    m_status->setText(text);
}

void ExportDialog::runExport()
{
    delete m_job; // a finished one
    m_job = new Projects::ExportJob(m_db, m_input, this);
    connect(m_job, &Projects::ExportJob::progress, this, &ExportDialog::showProgress);
    connect(m_job, &Projects::ExportJob::finished, this, [this](const Projects::ExportResult &result) {
        setRunning(false);
        QString message = result.summary;
        if (result.git && !result.git->warnings.isEmpty())
            message += QLatin1Char('\n') + result.git->warnings.join(QLatin1Char('\n'));
        m_status->setText(message);
        emit exportFinished(true, message);
    });
    connect(m_job, &Projects::ExportJob::failed, this, [this](const Error &error) { fail(error.message); });
    m_job->start();
}

void ExportDialog::fail(const QString &message)
{
    setRunning(false);
    m_status->setText(message);
    // Close took the focus, and with it Enter, while the form was disabled.
    setMainAction(m_exportButton);
    m_path->setFocus();
    emit exportFinished(false, message);
}

void ExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_format->setEnabled(!running);
    m_path->setEnabled(!running);
    m_branch->setEnabled(!running);
    m_author->setEnabled(!running);
    m_closeButton->setText(running ? tr("Cancel Export") : tr("Close"));
    if (running)
        m_exportButton->setEnabled(false);
    else
        validate();
}

void ExportDialog::reject()
{
    // The first Cancel stops the export and keeps the dialog to say so.
    if (isRunning()) {
        // Said first: a cancel may end everything at once (fail() says so).
        m_status->setText(tr("Cancelling…"));
        if (m_downloadFirst->isBusy())
            m_downloadFirst->cancel();
        else
            m_job->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace Realm::Ui
