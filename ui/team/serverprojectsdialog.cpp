// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/serverprojectsdialog.h"

#include "jobs/background.h"
#include "team/synccontroller.h"
#include "teamclient/serverclient.h"
#include "widgets/fieldnote.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

using SyncClient::SyncInput;
using SyncClient::SyncReport;

namespace {
enum Column { NameColumn, OrgColumn, RoleColumn, HereColumn };
constexpr int kIdRole = Qt::UserRole;
} // namespace

ServerProjectsDialog::ServerProjectsDialog(SyncController *sync, TeamClient::ServerClient *client, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_client(client)
    , m_projects(new QTreeWidget)
    , m_name(new QLineEdit)
    , m_checkout(new QLineEdit)
    , m_browse(new QPushButton(tr("&Browse…")))
    , m_lazy(new QCheckBox(tr("Download file contents only &when needed")))
    , m_clone(new QPushButton(tr("&Clone")))
    , m_progress(new QLabel)
    , m_note(new FieldNote(QStringLiteral("serverProjectsNote")))
{
    setObjectName(QStringLiteral("serverProjectsDialog"));
    setWindowTitle(tr("Server Projects"));
    m_projects->setObjectName(QStringLiteral("serverProjects"));
    m_name->setObjectName(QStringLiteral("cloneName"));
    m_checkout->setObjectName(QStringLiteral("cloneCheckout"));
    m_clone->setObjectName(QStringLiteral("cloneButton"));
    m_lazy->setObjectName(QStringLiteral("cloneLazily"));
    m_lazy->setToolTip(tr("A file's contents are downloaded when you open it (or all at once: uncheck Team → Download File Contents "
                          "Only When Needed): a large project is ready sooner and takes less space. Not with a folder, which holds every file."));
    m_progress->setObjectName(QStringLiteral("cloneProgress"));
    m_projects->setHeaderLabels({tr("Project"), tr("Organization"), tr("Your role"), tr("Here")});
    m_projects->setRootIsDecorated(false);
    m_projects->setUniformRowHeights(true);
    m_projects->header()->setStretchLastSection(true);
    m_checkout->setPlaceholderText(tr("Optional: a new or empty folder for the files"));
    m_clone->setDefault(true);

    auto *checkoutRow = new QHBoxLayout;
    checkoutRow->addWidget(m_checkout, 1);
    checkoutRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name here:"), m_name);
    auto *folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(m_checkout);
    form->addRow(folderLabel, checkoutRow);
    form->addRow(QString(), m_lazy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_clone, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_projects, 1);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(720, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clone, &QPushButton::clicked, this, &ServerProjectsDialog::cloneSelected);
    connect(m_projects, &QTreeWidget::itemActivated, this, &ServerProjectsDialog::cloneSelected);
    connect(m_projects, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_name->setText(item ? item->text(NameColumn) : QString());
        updateButtons();
    });
    // A folder holds every file: its contents cannot wait.
    connect(m_checkout, &QLineEdit::textChanged, this, &ServerProjectsDialog::updateButtons);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the Files"), m_checkout->text());
        if (!folder.isEmpty())
            m_checkout->setText(folder);
    });
    connect(m_sync, &SyncController::progress, this, [this](double, const QString &text) {
        if (m_cloning)
            m_progress->setText(text);
    });
    connect(m_sync, &SyncController::finished, this, [this](SyncInput::Action action, const QList<SyncReport> &reports) {
        if (action != SyncInput::Action::Clone || !m_cloning || reports.isEmpty())
            return;
        m_cloning = false;
        m_progress->clear();
        updateButtons();
        emit cloned(reports.first().projectId);
        accept();
    });
    connect(m_sync, &SyncController::failed, this, [this](SyncInput::Action action, const QString &message) {
        if (action != SyncInput::Action::Clone || !m_cloning)
            return;
        m_cloning = false;
        m_progress->clear();
        updateButtons();
        fail(message);
    });
    updateButtons();
    reload();
}

void ServerProjectsDialog::fail(const QString &message)
{
    m_note->setProblem(message);
    emit failed(message);
}

void ServerProjectsDialog::updateButtons()
{
    QTreeWidgetItem *item = m_projects->currentItem();
    m_clone->setEnabled(!m_cloning && item && item->data(NameColumn, kIdRole).isValid() && item->text(HereColumn).isEmpty());
    const bool folder = !m_checkout->text().trimmed().isEmpty();
    if (folder)
        m_lazy->setChecked(false);
    m_lazy->setEnabled(!folder);
}

void ServerProjectsDialog::reload()
{
    if (!m_client->account().isSet()) {
        fail(tr("Sign in to your team's server first: Team → Connect to Server."));
        return;
    }
    m_progress->setText(tr("Reading the projects on %1…").arg(m_client->account().server.toString()));
    m_client->call("GET", QStringLiteral("/me"), {}, whileOpen(this, [this](Result<QJsonObject> me) {
        if (!me) {
            m_progress->clear();
            fail(me.error().message);
            return;
        }
        QList<std::pair<QString, QString>> orgs;
        for (const QJsonValue &org : me->value(QStringLiteral("orgs")).toArray())
            orgs.append({org[QStringLiteral("id")].toString(), org[QStringLiteral("name")].toString()});
        if (orgs.isEmpty()) {
            m_progress->clear();
            fail(tr("You belong to no organization on this server yet: an organization's admin can invite you."));
            emit loaded();
            return;
        }
        loadProjects(orgs);
    }));
}

void ServerProjectsDialog::loadProjects(const QList<std::pair<QString, QString>> &orgs)
{
    m_projects->clear();
    m_loading = int(orgs.size());
    for (const auto &[orgId, orgName] : orgs) {
        m_client->call("GET", QStringLiteral("/orgs/%1/projects").arg(orgId), {}, whileOpen(this, [this, orgName](Result<QJsonObject> answer) {
            if (!answer) {
                fail(answer.error().message);
            } else {
                for (const QJsonValue &project : answer->value(QStringLiteral("projects")).toArray()) {
                    const QString id = project[QStringLiteral("id")].toString();
                    QString here;
                    for (const SyncClient::ProjectSyncStatus &status : m_sync->statuses()) {
                        if (status.link.serverProjectId == id)
                            here = status.projectName;
                    }
                    auto *item = new QTreeWidgetItem({project[QStringLiteral("name")].toString(), orgName, project[QStringLiteral("role")].toString(), here});
                    item->setData(NameColumn, kIdRole, id);
                    item->setToolTip(NameColumn, project[QStringLiteral("description")].toString());
                    m_projects->addTopLevelItem(item);
                }
            }
            if (--m_loading > 0)
                return;
            m_progress->clear();
            m_projects->sortItems(NameColumn, Qt::AscendingOrder);
            m_projects->resizeColumnToContents(NameColumn);
            if (m_projects->topLevelItemCount() == 0)
                m_progress->setText(tr("No projects are shared with you yet."));
            else
                m_projects->setCurrentItem(m_projects->topLevelItem(0));
            emit loaded();
        }));
    }
}

void ServerProjectsDialog::cloneSelected()
{
    QTreeWidgetItem *item = m_projects->currentItem();
    if (m_cloning || !item || !item->text(HereColumn).isEmpty())
        return;
    m_cloning = true;
    m_note->setProblem({});
    m_progress->setText(tr("Cloning…"));
    updateButtons();
    m_sync->clone(item->data(NameColumn, kIdRole).toString(), m_name->text().trimmed(), m_checkout->text().trimmed(),
                  m_lazy->isChecked() ? SyncClient::Link::Contents::Lazy : SyncClient::Link::Contents::Eager);
}

} // namespace Realm::Ui
