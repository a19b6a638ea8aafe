// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace Realm::TeamClient {
class ServerClient;
}

namespace Realm::Ui {

class FieldNote;
class SyncController;

// Team → Share Project: a project not shared yet goes to one of your
// organizations on the server you are signed in to (files, conversations,
// documents); a shared one shows who has which role and lets a project
// admin give someone (a user by email, or a team) a role. Everything is
// asynchronous; the share's progress is the sync's.
class ShareDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareDialog)
public:
    ShareDialog(SyncController *sync, TeamClient::ServerClient *client, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);

    void share();
    void giveRole();

signals:
    // The organizations (not shared yet) or the members (shared) are on show.
    void loaded();
    void shared(const QString &serverProjectId);
    void roleGiven(const QString &member);
    void failed(const QString &message);

private:
    void showState();
    void loadOrganizations();
    void loadMembers(const QString &serverProjectId);
    void fail(const QString &message);

    SyncController *m_sync;
    TeamClient::ServerClient *m_client;
    QString m_projectId;
    QString m_projectName;
    QStackedWidget *m_pages;
    QLabel *m_intro;
    QComboBox *m_orgs;
    QPushButton *m_share;
    QLabel *m_where;
    QTreeWidget *m_members;
    QLineEdit *m_member;
    QComboBox *m_role;
    QPushButton *m_give;
    QLabel *m_progress;
    FieldNote *m_note;
    bool m_sharing = false;
};

} // namespace Realm::Ui
