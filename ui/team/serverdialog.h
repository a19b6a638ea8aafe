// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace Realm::TeamClient {
class ServerClient;
}

namespace Realm::Ui {

class FieldNote;

// Team → Connect to Server: sign in to a REALM team server (the refresh
// token goes to the keychain through the ServerClient, never to settings),
// then see who you are there, your organizations and your sessions, sign
// out the others or yourself. Every call is asynchronous; the dialog shows
// it is busy and never blocks the window.
class ServerDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDialog)
public:
    ServerDialog(TeamClient::ServerClient *client, QWidget *parent = nullptr);

    // What the user does, for tests and shortcuts.
    void signIn();
    void signOut();
    void signOutOthers();
    void refresh();

signals:
    // The account page shows fresh data (after sign-in or refresh).
    void accountShown();
    // A call failed; the message is on show.
    void failed(const QString &message);
    void signedOut();

private:
    void showSignIn(const QString &problem = {});
    void showAccount(const QJsonObject &me);
    void showSessions(const QJsonArray &sessions);
    void setBusy(bool busy, const QString &what = {});
    void showCodeField(bool shown);
    void fail(const Error &error);

    TeamClient::ServerClient *m_client;
    QStackedWidget *m_pages;
    // Sign-in page
    QLineEdit *m_url;
    QLineEdit *m_email;
    QLineEdit *m_password;
    // With two-step sign-in, once the server asked for it.
    QLineEdit *m_code;
    QFormLayout *m_signInForm;
    QPushButton *m_signIn;
    FieldNote *m_signInNote;
    // Account page
    QLabel *m_identity;
    QTreeWidget *m_orgs;
    QTreeWidget *m_sessions;
    QPushButton *m_signOutOthers;
    QPushButton *m_signOut;
    QPushButton *m_refresh;
    FieldNote *m_accountNote;
    // Both
    QProgressBar *m_busy;
    QLabel *m_busyText;
    bool m_isBusy = false;
    bool m_codeAsked = false;
};

} // namespace Realm::Ui
