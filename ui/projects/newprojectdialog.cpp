// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/newprojectdialog.h"

#include "jobs/background.h"
#include "widgets/fieldnote.h"
#include "widgets/sidebutton.h"
#include "starters/createjob.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace Realm::Ui {

namespace {
constexpr int kFolderRows = 2; // the folder and its note, last in the form
} // namespace

NewProjectDialog::NewProjectDialog(Storage::DatabasePtr db, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_starters(Starters::StarterTemplate::builtIn())
    , m_templates(new QListWidget)
    , m_description(new QLabel)
    , m_form(new QFormLayout)
    , m_folder(new QLineEdit)
    , m_preview(new QTreeWidget)
    , m_problem(new QLabel)
    , m_create(new QPushButton(tr("&Create Project")))
    , m_folderNote(new FieldNote(QStringLiteral("starterFolderNote")))
    , m_share(sideButton(tr("S&hare")))
    , m_shareMessage(new QLabel)
{
    setWindowTitle(tr("New Project from Template"));
    m_builtInCount = m_starters.size();
    m_templates->setObjectName(QStringLiteral("starterList"));
    for (const Starters::StarterTemplate &t : std::as_const(m_starters)) {
        auto *item = new QListWidgetItem(t.title, m_templates);
        item->setToolTip(t.description);
    }
    connect(m_templates, &QListWidget::currentRowChanged, this, &NewProjectDialog::showTemplate);
    connect(m_templates, &QListWidget::currentRowChanged, this, &NewProjectDialog::updateShareButton);
    m_share->setObjectName(QStringLiteral("shareStarter"));
    m_share->setToolTip(tr("Publish one of your templates to an organization you administer, or withdraw an organization's template"));
    m_share->hide(); // until there is a team server to share with
    connect(m_share, &QPushButton::clicked, this, [this] {
        QMenu *menu = shareMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_share->mapToGlobal(QPoint(0, m_share->height())));
    });
    m_shareMessage->setObjectName(QStringLiteral("starterMessage"));
    m_shareMessage->setWordWrap(true);
    m_description->setWordWrap(true);
    m_folder->setObjectName(QStringLiteral("starterFolder"));
    connect(m_folder, &QLineEdit::textEdited, this, [this] {
        m_folderEdited = true;
        updatePreview();
    });
    auto *browse = sideButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Create the Project In"), m_folder->text());
        if (!dir.isEmpty())
            setFolder(dir);
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_preview->setObjectName(QStringLiteral("starterPreview"));
    m_preview->setHeaderLabel(tr("Files"));
    m_problem->setObjectName(QStringLiteral("starterProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));

    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_description);
    detailsLayout->addLayout(m_form);
    // The folder's rows stay last in the one form; a template's variables
    // go above them, their labels aligned.
    auto *folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(m_folder);
    m_form->addRow(folderLabel, folderRow);
    m_form->addRow(QString(), m_folderNote);
    detailsLayout->addWidget(m_preview, 1);
    detailsLayout->addWidget(m_problem);
    auto *templatesColumn = new QWidget;
    auto *columnLayout = new QVBoxLayout(templatesColumn);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(m_templates, 1);
    auto *shareRow = new QHBoxLayout;
    shareRow->addWidget(m_share);
    shareRow->addStretch();
    columnLayout->addLayout(shareRow);
    columnLayout->addWidget(m_shareMessage);
    auto *splitter = new QSplitter;
    splitter->addWidget(templatesColumn);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 2);

    m_create->setObjectName(QStringLiteral("createFromTemplate"));
    connect(m_create, &QPushButton::clicked, this, &NewProjectDialog::create);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(860, 560);
    if (!m_starters.isEmpty())
        m_templates->setCurrentRow(0);
    loadWorkspaceTemplates();
    setMainAction(m_create); // now that it is inside the dialog
}

void NewProjectDialog::loadWorkspaceTemplates()
{
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr workspace) { return Starters::TemplateStore(workspace).list(); },
                    [this, ticket](const Result<QList<Starters::StarterTemplate>> &mine) {
                        if (!m_reloads.isNewest(ticket))
                            return; // a later read is on its way
                        m_sharingUnderWay = false; // (kept on until the list shows what the share did)
                        if (!mine) {
                            // The list stays as it was: nothing is taken for gone.
                            m_shareMessage->setText(tr("Your templates cannot be read: %1").arg(mine.error().message));
                            updateShareButton();
                            emit loaded();
                            return;
                        }
                        const auto keyOf = [](const Starters::StarterTemplate &t) { return std::pair(t.orgId, t.id); };
                        // REALM's own keep their rows; one of the workspace's
                        // is found again by its key.
                        int row = m_templates->currentRow();
                        const std::optional<std::pair<QString, QString>> shown =
                            row >= m_builtInCount && row < m_starters.size() ? std::optional(keyOf(m_starters.at(row))) : std::nullopt;
                        bool stays = true;
                        {
                            // The rows change under the form: it is shown
                            // again below only if its template went.
                            const QSignalBlocker quiet(m_templates);
                            m_starters.resize(m_builtInCount);
                            while (m_templates->count() > m_builtInCount)
                                delete m_templates->takeItem(m_templates->count() - 1);
                            int found = -1;
                            for (const Starters::StarterTemplate &t : *mine) {
                                if (shown && keyOf(t) == *shown)
                                    found = int(m_starters.size());
                                m_starters.append(t);
                                // An organization's, which its admins change: "Title (Acme)".
                                auto *item = new QListWidgetItem(t.orgId.isEmpty() ? tr("%1 (yours)").arg(t.title) : tr("%1 (%2)").arg(t.title, t.orgName),
                                                                 m_templates);
                                item->setToolTip(t.description);
                            }
                            if (shown && found < 0) {
                                stays = false;
                                row = int(std::min<qsizetype>(row, m_starters.size() - 1));
                            } else if (shown) {
                                row = found;
                            }
                            m_templates->setCurrentRow(row);
                        }
                        if (stays)
                            updatePreview(); // as read now (its admins may have changed an organization's)
                        else
                            showTemplate(row);
                        updateShareButton();
                        emit loaded();
                    });
}

void NewProjectDialog::setSharing(TemplateSharing *sharing)
{
    m_sharing = sharing;
    m_share->setVisible(sharing != nullptr);
    askAdminOrgs(sharing, m_share, this, [this](const QList<TemplateSharing::Org> &orgs, const QString &unavailable) {
        m_adminOrgs = orgs;
        if (!unavailable.isEmpty())
            m_shareMessage->setText(unavailable);
        updateShareButton();
        emit sharingKnown();
    });
}

void NewProjectDialog::updateShareButton()
{
    const int row = m_templates->currentRow();
    const bool workspaces = row >= m_builtInCount && row < m_starters.size(); // REALM's own are no one's to share
    m_share->setEnabled(m_sharing && workspaces && !m_adminOrgs.isEmpty() && !m_sharingUnderWay);
}

QMenu *NewProjectDialog::shareMenu()
{
    auto *menu = new QMenu(this);
    const int row = m_templates->currentRow();
    if (!m_sharing || row < m_builtInCount || row >= m_starters.size())
        return menu;
    const Starters::StarterTemplate starter = m_starters.at(row);
    const TemplateSharing::Done done = [this](const Result<QString> &message) {
        if (!message) {
            m_sharingUnderWay = false;
            m_shareMessage->setText(message.error().message);
            updateShareButton();
            return;
        }
        m_shareMessage->setText(*message);
        emit changed();
        loadWorkspaceTemplates(); // a withdrawn template leaves, a published one joins
    };
    fillShareMenu(menu, m_adminOrgs, starter.orgId, starter.orgName, [this, starter, done](const TemplateSharing::Org &org, bool publish) {
        m_sharingUnderWay = true;
        updateShareButton();
        m_shareMessage->setText(sharingUnderWay(starter.id, org, publish));
        if (publish)
            m_sharing->publish(this, org, starter, done);
        else
            m_sharing->withdraw(this, org, SyncClient::TemplateKind::Starter, starter.id, done);
    });
    return menu;
}

void NewProjectDialog::selectTemplate(const QString &id)
{
    for (qsizetype i = 0; i < m_starters.size(); ++i) {
        if (m_starters.at(i).id == id) { // the first: REALM's, then the user's, then an organization's
            m_templates->setCurrentRow(int(i));
            return;
        }
    }
}

void NewProjectDialog::showTemplate(int row)
{
    while (m_form->rowCount() > kFolderRows)
        m_form->removeRow(0);
    m_fields.clear();
    m_notes.clear();
    if (row < 0 || row >= m_starters.size())
        return;
    const Starters::StarterTemplate &t = m_starters.at(row);
    m_description->setText(t.description);
    // Defaults as the manifest computes them, shown as starting values.
    const Result<QMap<QString, QString>> resolved = Starters::resolveValues(t, {});
    const QMap<QString, QString> defaults = resolved ? *resolved : QMap<QString, QString>{};
    for (const Starters::TemplateVariable &v : t.variables) {
        QWidget *field = nullptr;
        if (!v.choices.isEmpty()) {
            auto *box = new QComboBox;
            box->addItems(v.choices);
            box->setCurrentText(v.defaultValue);
            connect(box, &QComboBox::currentTextChanged, this, &NewProjectDialog::updatePreview);
            field = box;
        } else {
            auto *edit = new QLineEdit;
            edit->setText(defaults.value(v.name));
            edit->setPlaceholderText(v.required ? tr("required") : QString());
            connect(edit, &QLineEdit::textChanged, this, &NewProjectDialog::updatePreview);
            field = edit;
        }
        field->setObjectName(QStringLiteral("var_") + v.name);
        field->setToolTip(v.help);
        const int at = m_form->rowCount() - kFolderRows;
        m_form->insertRow(at, v.label + QLatin1Char(':'), field);
        m_fields.insert(v.name, field);
        auto *note = new FieldNote(QStringLiteral("note_") + v.name);
        m_form->insertRow(at + 1, QString(), note);
        m_notes.insert(v.name, note);
    }
    updatePreview();
}

void NewProjectDialog::setValue(const QString &variable, const QString &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(m_fields.value(variable)))
        edit->setText(value);
    else if (auto *box = qobject_cast<QComboBox *>(m_fields.value(variable)))
        box->setCurrentText(value);
}

void NewProjectDialog::setFolder(const QString &folder)
{
    m_folder->setText(folder);
    m_folderEdited = true;
    updatePreview();
}

QMap<QString, QString> NewProjectDialog::currentValues() const
{
    QMap<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (auto *edit = qobject_cast<QLineEdit *>(*it))
            values.insert(it.key(), edit->text());
        else if (auto *box = qobject_cast<QComboBox *>(*it))
            values.insert(it.key(), box->currentText());
    }
    return values;
}

// The files the template will make with these values, as a tree; or what
// is wrong with them.
void NewProjectDialog::updatePreview()
{
    m_preview->clear();
    const int row = m_templates->currentRow();
    if (row < 0 || row >= m_starters.size())
        return;
    const Starters::StarterTemplate &t = m_starters.at(row);
    QString failedVariable;
    Result<QMap<QString, QString>> values = Starters::resolveValues(t, currentValues(), &failedVariable);
    // What is wrong is said next to the field it is about.
    for (FieldNote *note : std::as_const(m_notes))
        note->setProblem({});
    if (!values && m_notes.contains(failedVariable)) {
        m_notes.value(failedVariable)->setProblem(values.error().message);
        m_folderNote->setProblem({});
        m_problem->clear();
        m_create->setEnabled(false);
        return;
    }
    if (values && !m_folderEdited) {
        // Only a plain name proposes a folder; the user picks any other.
        const Result<QString> plain = Starters::defaultFolderName(*values);
        m_folder->setText(plain ? QDir::home().filePath(QStringLiteral("src/") + *plain) : QString());
    }
    Result<QList<Starters::RenderedFile>> files = values ? Starters::render(t, *values) : Result<QList<Starters::RenderedFile>>(values.error());
    if (!files) {
        m_folderNote->setProblem({});
        m_problem->setText(files.error().message);
        m_create->setEnabled(false);
        return;
    }
    const QDir folder(m_folder->text());
    // An empty field is no folder at all (QDir("") would be the current one).
    const bool busy = !m_folder->text().trimmed().isEmpty() && folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    m_problem->clear();
    m_folderNote->setProblem(busy                                  ? tr("%1 is not empty; choose a new or empty folder.").arg(m_folder->text())
                             : m_folder->text().trimmed().isEmpty() ? tr("Choose the folder to create the project in.")
                                                                    : QString());
    m_create->setEnabled(!busy && !m_folder->text().trimmed().isEmpty() && !m_running);
    QMap<QString, QTreeWidgetItem *> folders;
    for (const Starters::RenderedFile &f : std::as_const(*files)) {
        QTreeWidgetItem *parent = nullptr;
        QString path;
        const QStringList parts = f.path.split(QLatin1Char('/'));
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path += parts.at(i) + QLatin1Char('/');
            QTreeWidgetItem *&item = folders[path];
            if (!item) {
                item = parent ? new QTreeWidgetItem(parent, {parts.at(i)}) : new QTreeWidgetItem(m_preview, {parts.at(i)});
                item->setExpanded(true);
            }
            parent = item;
        }
        auto *leaf = parent ? new QTreeWidgetItem(parent, {parts.last()}) : new QTreeWidgetItem(m_preview, {parts.last()});
        leaf->setToolTip(0, tr("%n byte(s)", nullptr, int(f.content.size())));
    }
    m_preview->expandAll();
}

void NewProjectDialog::create()
{
    const int row = m_templates->currentRow();
    if (m_running || row < 0 || row >= m_starters.size())
        return;
    const Starters::StarterTemplate starter = m_starters.at(row);
    Result<QMap<QString, QString>> values = Starters::resolveValues(starter, currentValues());
    if (!values) {
        m_problem->setText(values.error().message);
        return;
    }
    m_running = true;
    m_create->setEnabled(false);
    delete m_job; // a failed one
    m_job = new Starters::CreateJob(m_db, {starter, *values, m_folder->text().trimmed(), {}}, this);
    connect(m_job, &Starters::CreateJob::progress, m_problem, [this](double, const QString &text) { m_problem->setText(text); });
    connect(m_job, &Starters::CreateJob::failed, this, [this](const Error &error) {
        m_running = false;
        m_problem->setText(error.message);
        m_create->setEnabled(true);
    });
    connect(m_job, &Starters::CreateJob::finished, this, [this](const Starters::CreatedProject &created) {
        m_running = false;
        emit projectCreated(created.report.project.id, created.report.project.name);
        accept();
    });
    m_job->start();
}

void NewProjectDialog::reject()
{
    // Cancel first stops the creation (the folder goes back to how it was)
    // and keeps the dialog to say so.
    if (m_running) {
        m_job->cancel();
        m_problem->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace Realm::Ui
