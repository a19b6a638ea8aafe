// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Realm::TeamClient {
class ServerClient;
}

namespace Realm::Ui {

class FieldNote;
class SyncController;

// Team → Server Projects: the projects of your organizations on the server
// you are signed in to, those already here marked, and Clone for a local
// copy (optionally written to a folder that becomes the project's source,
// so edits made there are picked up by a refresh).
class ServerProjectsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProjectsDialog)
public:
    ServerProjectsDialog(SyncController *sync, TeamClient::ServerClient *client, QWidget *parent = nullptr);

    void cloneSelected();

signals:
    void loaded();
    // The local copy is made; open it.
    void cloned(const QString &projectId);
    void failed(const QString &message);

private:
    void reload();
    void loadProjects(const QList<std::pair<QString, QString>> &orgs); // (id, name)
    void updateButtons();
    void fail(const QString &message);

    SyncController *m_sync;
    TeamClient::ServerClient *m_client;
    QTreeWidget *m_projects;
    QLineEdit *m_name;
    QLineEdit *m_checkout;
    QPushButton *m_browse;
    QCheckBox *m_lazy;
    QPushButton *m_clone;
    QLabel *m_progress;
    FieldNote *m_note;
    int m_loading = 0;
    bool m_cloning = false;
};

} // namespace Realm::Ui
