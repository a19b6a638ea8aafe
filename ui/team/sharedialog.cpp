// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/sharedialog.h"

#include "jobs/background.h"
#include "team/synccontroller.h"
#include "teamclient/serverclient.h"
#include "widgets/fieldnote.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

using SyncClient::SyncInput;
using SyncClient::SyncReport;

ShareDialog::ShareDialog(SyncController *sync, TeamClient::ServerClient *client, const QString &projectId, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_client(client)
    , m_projectId(projectId)
    , m_projectName(projectName)
    , m_pages(new QStackedWidget)
    , m_intro(new QLabel)
    , m_orgs(new QComboBox)
    , m_share(new QPushButton(tr("&Share")))
    , m_where(new QLabel)
    , m_members(new QTreeWidget)
    , m_member(new QLineEdit)
    , m_role(new QComboBox)
    , m_give(new QPushButton(tr("&Give Role")))
    , m_progress(new QLabel)
    , m_note(new FieldNote(QStringLiteral("shareNote")))
{
    setObjectName(QStringLiteral("shareDialog"));
    setWindowTitle(tr("Share %1").arg(projectName));
    m_orgs->setObjectName(QStringLiteral("shareOrg"));
    m_share->setObjectName(QStringLiteral("shareButton"));
    m_members->setObjectName(QStringLiteral("shareMembers"));
    m_member->setObjectName(QStringLiteral("shareMember"));
    m_role->setObjectName(QStringLiteral("shareRole"));
    m_give->setObjectName(QStringLiteral("shareGive"));
    m_progress->setObjectName(QStringLiteral("shareProgress"));
    m_intro->setWordWrap(true);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_members->setHeaderLabels({tr("Member"), tr("Kind"), tr("Role")});
    m_members->setRootIsDecorated(false);
    m_members->header()->setStretchLastSection(true);
    m_member->setPlaceholderText(tr("Email of a user, or a team's name"));
    m_role->addItem(tr("Viewer"), QStringLiteral("viewer"));
    m_role->setItemData(0, tr("Reads the project; their own changes stay on their machine."), Qt::ToolTipRole);
    m_role->addItem(tr("Editor"), QStringLiteral("editor"));
    m_role->setItemData(1, tr("Changes files, conversations and documents."), Qt::ToolTipRole);
    m_role->addItem(tr("Admin"), QStringLiteral("admin"));
    m_role->setItemData(2, tr("Also renames or deletes the project and manages its members."), Qt::ToolTipRole);
    m_role->setCurrentIndex(1);

    auto *sharePage = new QWidget;
    auto *shareLayout = new QFormLayout(sharePage);
    shareLayout->addRow(m_intro);
    shareLayout->addRow(tr("&Organization:"), m_orgs);
    auto *shareRow = new QHBoxLayout;
    shareRow->addStretch(1);
    shareRow->addWidget(m_share);
    shareLayout->addRow(shareRow);

    auto *membersPage = new QWidget;
    auto *membersLayout = new QVBoxLayout(membersPage);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->addWidget(m_where);
    membersLayout->addWidget(m_members, 1);
    auto *giveRow = new QHBoxLayout;
    giveRow->addWidget(m_member, 1);
    giveRow->addWidget(m_role);
    giveRow->addWidget(m_give);
    membersLayout->addLayout(giveRow);

    m_pages->addWidget(sharePage);
    m_pages->addWidget(membersPage);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_share, &QPushButton::clicked, this, &ShareDialog::share);
    connect(m_give, &QPushButton::clicked, this, &ShareDialog::giveRole);
    connect(m_member, &QLineEdit::returnPressed, this, &ShareDialog::giveRole);
    connect(m_sync, &SyncController::progress, this, [this](double, const QString &text) {
        if (m_sharing)
            m_progress->setText(text);
    });
    connect(m_sync, &SyncController::finished, this, [this](SyncInput::Action action, const QList<SyncReport> &reports) {
        if (action != SyncInput::Action::Share || !m_sharing || reports.isEmpty() || reports.first().projectId != m_projectId)
            return;
        m_sharing = false;
        m_progress->clear();
        m_note->setProblem({});
        emit shared(reports.first().serverProjectId);
    });
    connect(m_sync, &SyncController::failed, this, [this](SyncInput::Action action, const QString &message) {
        if (action != SyncInput::Action::Share || !m_sharing)
            return;
        m_sharing = false;
        m_progress->clear();
        m_share->setEnabled(true);
        fail(message);
    });
    // The controller reads the new link after a share: show the members then.
    connect(m_sync, &SyncController::statusesChanged, this, [this] {
        const auto status = m_sync->statusOf(m_projectId);
        if (m_pages->currentIndex() == 0 && !m_sharing && status && status->link.state != SyncClient::Link::State::Creating)
            showState();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(560, 420);
    showState();
}

void ShareDialog::fail(const QString &message)
{
    m_note->setProblem(message);
    emit failed(message);
}

void ShareDialog::showState()
{
    if (!m_client->account().isSet()) {
        m_pages->setCurrentIndex(0);
        m_intro->setText(tr("Sign in to your team's server first: Team → Connect to Server."));
        m_orgs->setEnabled(false);
        m_share->setEnabled(false);
        return;
    }
    const auto status = m_sync->statusOf(m_projectId);
    if (status && status->link.state == SyncClient::Link::State::Creating) {
        // The server never confirmed it: sharing again finishes it (under
        // the same id in the same organization), or starts afresh in another.
        m_pages->setCurrentIndex(0);
        m_intro->setText(tr("Sharing \"%1\" did not finish: %2 has not confirmed it yet. Share again to finish it — nothing is made or sent twice.")
                             .arg(m_projectName, status->link.server));
        loadOrganizations();
        return;
    }
    if (status) {
        m_pages->setCurrentIndex(1);
        m_where->setText(tr("\"%1\" is shared on %2 (server id %3). Everyone below gets its files, conversations and documents.")
                             .arg(m_projectName, status->link.server, status->link.serverProjectId));
        loadMembers(status->link.serverProjectId);
        return;
    }
    m_pages->setCurrentIndex(0);
    m_intro->setText(tr("Send \"%1\" to %2: its files, conversations and documents go to the organization you choose, "
                        "and this copy stays in step with it.")
                         .arg(m_projectName, m_client->account().server.toString()));
    loadOrganizations();
}

void ShareDialog::loadOrganizations()
{
    m_share->setEnabled(false);
    m_client->call("GET", QStringLiteral("/me"), {}, whileOpen(this, [this](Result<QJsonObject> me) {
        if (!me) {
            fail(me.error().message);
            return;
        }
        m_orgs->clear();
        for (const QJsonValue &org : me->value(QStringLiteral("orgs")).toArray())
            m_orgs->addItem(org[QStringLiteral("name")].toString(), org[QStringLiteral("id")].toString());
        // A share that did not finish goes on where it started.
        if (const auto status = m_sync->statusOf(m_projectId); status && status->link.state == SyncClient::Link::State::Creating)
            m_orgs->setCurrentIndex(qMax(0, m_orgs->findData(status->link.orgId)));
        m_orgs->setEnabled(m_orgs->count() > 0);
        m_share->setEnabled(m_orgs->count() > 0);
        if (m_orgs->count() == 0)
            m_note->setProblem(tr("You belong to no organization on this server yet: an organization's admin can invite you."));
        emit loaded();
    }));
}

void ShareDialog::loadMembers(const QString &serverProjectId)
{
    m_client->call("GET", QStringLiteral("/projects/%1/members").arg(serverProjectId), {}, whileOpen(this, [this](Result<QJsonObject> answer) {
        if (!answer) {
            fail(answer.error().message);
            return;
        }
        m_members->clear();
        for (const QJsonValue &member : answer->value(QStringLiteral("members")).toArray()) {
            const bool team = member[QStringLiteral("kind")].toString() == QLatin1String("team");
            m_members->addTopLevelItem(new QTreeWidgetItem({member[QStringLiteral("name")].toString(), team ? tr("Team") : tr("User"),
                                                            member[QStringLiteral("role")].toString()}));
        }
        m_members->resizeColumnToContents(0);
        emit loaded();
    }));
}

void ShareDialog::share()
{
    if (m_sharing || m_orgs->currentIndex() < 0)
        return;
    m_sharing = true;
    m_share->setEnabled(false);
    m_note->setProblem({});
    m_progress->setText(tr("Sharing…"));
    m_sync->share(m_projectId, m_orgs->currentData().toString());
}

void ShareDialog::giveRole()
{
    const auto status = m_sync->statusOf(m_projectId);
    const QString member = m_member->text().trimmed();
    if (!status || member.isEmpty()) {
        m_note->setProblem(tr("Give the email of a user (or a team's name) first."));
        return;
    }
    m_give->setEnabled(false);
    const QString role = m_role->currentData().toString();
    m_client->call("PUT", QStringLiteral("/projects/%1/members/%2").arg(status->link.serverProjectId, member),
                   {{QStringLiteral("role"), role}}, whileOpen(this, [this, member, serverProjectId = status->link.serverProjectId](Result<QJsonObject> given) {
                       m_give->setEnabled(true);
                       if (!given) {
                           fail(given.error().message);
                           return;
                       }
                       m_member->clear();
                       m_note->setProblem({});
                       emit roleGiven(member);
                       loadMembers(serverProjectId);
                   }));
}

} // namespace Realm::Ui
