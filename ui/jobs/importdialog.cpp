// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/importdialog.h"

#include "projects/importjob.h"
#include "widgets/sidebutton.h"
#include "projects/importsource.h"
#include "settings/appsettings.h"
#include "widgets/fieldnote.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
QWidget *pathRow(QLineEdit *edit, QPushButton *browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}
} // namespace

ImportDialog::ImportDialog(Storage::DatabasePtr db, Kind kind, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_sourceTabs(new QTabWidget)
    , m_folderEdit(new QLineEdit)
    , m_archiveEdit(new QLineEdit)
    , m_gitUrlEdit(new QLineEdit)
    , m_gitRefEdit(new QLineEdit)
    , m_nameEdit(new QLineEdit)
    , m_excludesEdit(new QPlainTextEdit)
    , m_gitIgnoreCheck(new QCheckBox(tr("Leave out what .gitignore files exclude")))
    , m_form(new QWidget)
    , m_progressLabel(new QLabel)
    , m_progressBar(new QProgressBar)
    , m_summary(new QLabel)
    , m_issues(new QTreeWidget)
    , m_buttons(new QDialogButtonBox)
    , m_locationNote(new FieldNote(QStringLiteral("locationNote")))
{
    setWindowTitle(tr("Import Code"));
    resize(640, 520);

    m_folderEdit->setObjectName(QStringLiteral("folderLocation"));
    m_folderEdit->setPlaceholderText(tr("A folder on this computer"));
    m_archiveEdit->setObjectName(QStringLiteral("archiveLocation"));
    m_archiveEdit->setPlaceholderText(tr("A .zip or .tar(.gz, .bz2, .xz, .zst) file"));
    m_gitUrlEdit->setObjectName(QStringLiteral("gitLocation"));
    m_gitUrlEdit->setPlaceholderText(tr("https://host/team/repo.git, or a local repository"));
    m_gitRefEdit->setObjectName(QStringLiteral("gitRef"));
    m_gitRefEdit->setPlaceholderText(tr("Branch, tag or commit (empty: the default branch)"));

    auto *browseFolder = sideButton(tr("Browse…"));
    auto *browseArchive = sideButton(tr("Browse…"));
    connect(browseFolder, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(browseArchive, &QPushButton::clicked, this, &ImportDialog::browse);
    auto *folderPage = new QWidget;
    (new QFormLayout(folderPage))->addRow(tr("&Folder:"), pathRow(m_folderEdit, browseFolder));
    auto *archivePage = new QWidget;
    (new QFormLayout(archivePage))->addRow(tr("&Archive:"), pathRow(m_archiveEdit, browseArchive));
    auto *gitPage = new QWidget;
    auto *gitForm = new QFormLayout(gitPage);
    gitForm->addRow(tr("&Repository:"), m_gitUrlEdit);
    gitForm->addRow(tr("&Revision:"), m_gitRefEdit);
    m_sourceTabs->addTab(folderPage, tr("Folder"));
    m_sourceTabs->addTab(archivePage, tr("Archive"));
    m_sourceTabs->addTab(gitPage, tr("Git"));
    m_sourceTabs->setCurrentIndex(int(kind));

    const AppSettings settings = AppSettings::load();
    m_nameEdit->setObjectName(QStringLiteral("projectName"));
    m_nameEdit->setPlaceholderText(tr("Taken from the source when empty"));
    m_excludesEdit->setObjectName(QStringLiteral("excludes"));
    m_excludesEdit->setPlainText(settings.importExcludes.join(QLatin1Char('\n')));
    m_excludesEdit->setToolTip(tr("One glob pattern per line, matched against paths in the source (build/, *.min.js, **/node_modules)."));
    m_excludesEdit->setTabChangesFocus(true);
    m_excludesEdit->setMaximumHeight(m_excludesEdit->fontMetrics().lineSpacing() * 5);
    m_gitIgnoreCheck->setChecked(settings.honourGitIgnore);
    auto *options = new QFormLayout;
    options->addRow(tr("Project &name:"), m_nameEdit);
    options->addRow(tr("&Leave out:"), m_excludesEdit);
    options->addRow(QString(), m_gitIgnoreCheck);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_sourceTabs);
    formLayout->addWidget(m_locationNote);
    formLayout->addLayout(options);
    for (QLineEdit *location : {m_folderEdit, m_archiveEdit, m_gitUrlEdit})
        connect(location, &QLineEdit::textChanged, this, &ImportDialog::locationChanged);
    connect(m_sourceTabs, &QTabWidget::currentChanged, this, &ImportDialog::locationChanged);

    m_progressLabel->setObjectName(QStringLiteral("importProgress"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progressBar->setRange(0, 0); // the size of an import is not known up front
    m_progressBar->hide();
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->setObjectName(QStringLiteral("importIssues"));
    m_issues->setHeaderLabels({tr("Path"), tr("Why")});
    m_issues->setRootIsDecorated(true);
    m_issues->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_issues->header()->resizeSection(0, 300);
    m_issues->hide();

    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("startImport"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelImport"));
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_issues, 1);
    layout->addStretch(0);
    layout->addWidget(m_buttons);
    locationChanged();
    setMainAction(m_importButton); // now that it is inside the dialog
}

QLabel *ImportDialog::locationNote() const
{
    return m_locationNote;
}

// Import waits for something to import; a problem found with the last
// location goes once it is changed.
void ImportDialog::locationChanged()
{
    m_locationNote->setProblem({});
    m_importButton->setEnabled(!isRunning() && !currentLocation().isEmpty());
}

ImportDialog::~ImportDialog() = default; // the runner cancels and waits for its job

void ImportDialog::setSource(Kind kind, const QString &location, const QString &ref)
{
    m_sourceTabs->setCurrentIndex(int(kind));
    switch (kind) {
    case Kind::Folder:
        m_folderEdit->setText(location);
        break;
    case Kind::Archive:
        m_archiveEdit->setText(location);
        break;
    case Kind::Git:
        m_gitUrlEdit->setText(location);
        m_gitRefEdit->setText(ref);
        break;
    }
}

ImportDialog::Kind ImportDialog::currentKind() const
{
    return Kind(m_sourceTabs->currentIndex());
}

QLineEdit *ImportDialog::locationEdit() const
{
    switch (currentKind()) {
    case Kind::Folder:
        return m_folderEdit;
    case Kind::Archive:
        return m_archiveEdit;
    case Kind::Git:
        return m_gitUrlEdit;
    }
    return nullptr;
}

QString ImportDialog::currentLocation() const
{
    return locationEdit()->text().trimmed();
}

void ImportDialog::browse()
{
    if (currentKind() == Kind::Folder) {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder"), QDir::homePath());
        if (!folder.isEmpty())
            m_folderEdit->setText(QDir::toNativeSeparators(folder));
    } else {
        const QString archive = QFileDialog::getOpenFileName(
            this, tr("Import Archive"), QDir::homePath(),
            tr("Archives (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz *.tar.zst)"));
        if (!archive.isEmpty())
            m_archiveEdit->setText(QDir::toNativeSeparators(archive));
    }
}

bool ImportDialog::isRunning() const
{
    return m_job && m_job->isRunning();
}

void ImportDialog::startImport()
{
    if (isRunning())
        return;
    const QString location = QDir::fromNativeSeparators(currentLocation());
    if (location.isEmpty()) {
        m_locationNote->setProblem(currentKind() == Kind::Git ? tr("Enter the URL or path of a Git repository.")
                                                              : tr("Choose what to import first."));
        return;
    }
    AppSettings settings = AppSettings::load();
    Projects::ImportOptions options = settings.importOptions();
    options.name = m_nameEdit->text().trimmed();
    options.excludes.clear();
    for (const QString &line : m_excludesEdit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            options.excludes << line.trimmed();
    }
    options.honourGitIgnore = m_gitIgnoreCheck->isChecked();
    if (currentKind() == Kind::Git) {
        const QString ref = m_gitRefEdit->text().trimmed();
        options.ref = ref.isEmpty() ? QStringLiteral("HEAD") : ref;
    }

    delete m_job; // a finished one
    m_job = new Projects::ImportJob(m_db, {location, {}, {}, options}, this);
    connect(m_job, &Projects::ImportJob::progress, m_progressLabel, [this](double, const QString &text) { m_progressLabel->setText(text); });
    connect(m_job, &Projects::ImportJob::finished, this, [this](const Projects::ImportReport &report) { finish(report); });
    connect(m_job, &Projects::ImportJob::failed, this, [this](const Error &error) { finish(error); });
    setRunning(true);
    m_job->start();
}

void ImportDialog::setRunning(bool running)
{
    m_form->setEnabled(!running);
    m_importButton->setEnabled(!running && !currentLocation().isEmpty());
    m_progressLabel->setVisible(running);
    m_progressBar->setVisible(running);
    m_cancelButton->setEnabled(true);
    if (running) {
        m_summary->clear();
        m_summary->hide();
        m_issues->clear();
        m_issues->hide();
        m_cancelButton->setText(tr("Cancel Import"));
    } else {
        m_cancelButton->setText(tr("Close"));
    }
}

void ImportDialog::reject()
{
    if (isRunning()) {
        // Stop first; the dialog stays until the import has unwound, so it
        // can say that nothing was changed.
        m_cancelButton->setEnabled(false);
        m_progressLabel->setText(tr("Cancelling…"));
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::showFailure(const QString &message)
{
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped()));
    m_summary->show();
}

void ImportDialog::finish(const Result<Projects::ImportReport> &result)
{
    setRunning(false);
    if (!result) {
        // What is wrong with the source is said under it; anything else
        // (cancelled, a limit, the workspace) below the form.
        const Error::Code code = result.error().code;
        if (code == Error::Code::NotFound || code == Error::Code::InvalidInput)
            m_locationNote->setProblem(result.error().message);
        else
            showFailure(result.error().message);
        // Back to the field to fix, with Enter importing again (Cancel took
        // the focus, and with it Enter, while the form was disabled).
        setMainAction(m_importButton);
        if (QLineEdit *location = locationEdit())
            location->setFocus();
        emit importFinished(false, result.error().message);
        return;
    }
    showReport(*result);
    // The form stays usable: another import can start from here.
    m_importButton->setText(tr("Import &Another"));
    setMainAction(m_cancelButton);
    m_cancelButton->setFocus();
    emit projectImported(*result);
    emit importFinished(true, m_summary->text());
}

void ImportDialog::showReport(const Projects::ImportReport &report)
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setText(Projects::describeImport(report, false));
    m_summary->show();
    const auto section = [this](const QString &title, const QList<Projects::ImportIssue> &issues) {
        if (issues.isEmpty())
            return;
        auto *group = new QTreeWidgetItem(m_issues, {title.arg(issues.size())});
        group->setFirstColumnSpanned(true);
        for (const Projects::ImportIssue &issue : issues)
            new QTreeWidgetItem(group, {issue.path, issue.reason});
        group->setExpanded(issues.size() <= 50);
    };
    section(tr("Rejected (%1)"), report.rejected);
    section(tr("Left out (%1)"), report.skipped);
    section(tr("Warnings (%1)"), report.warnings);
    m_issues->setVisible(m_issues->topLevelItemCount() > 0);
}

} // namespace Realm::Ui
