// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/serverdialog.h"

#include "jobs/background.h"
#include "teamclient/serverclient.h"
#include "widgets/fieldnote.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {

QTreeWidget *newList(const QString &objectName, const QStringList &headers)
{
    auto *list = new QTreeWidget;
    list->setObjectName(objectName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->header()->setStretchLastSection(true);
    return list;
}

QString localTime(const QString &rfc3339)
{
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

} // namespace

ServerDialog::ServerDialog(TeamClient::ServerClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_pages(new QStackedWidget)
    , m_url(new QLineEdit)
    , m_email(new QLineEdit)
    , m_password(new QLineEdit)
    , m_code(new QLineEdit)
    , m_signInForm(new QFormLayout)
    , m_signIn(new QPushButton(tr("&Sign In")))
    , m_signInNote(new FieldNote(QStringLiteral("serverSignInNote")))
    , m_identity(new QLabel)
    , m_orgs(newList(QStringLiteral("serverOrgs"), {tr("Organization"), tr("Your role")}))
    , m_sessions(newList(QStringLiteral("serverSessions"), {tr("Session"), tr("Address"), tr("Last used")}))
    , m_signOutOthers(new QPushButton(tr("Sign Out &Others")))
    , m_signOut(new QPushButton(tr("Si&gn Out")))
    , m_refresh(new QPushButton(tr("&Refresh")))
    , m_accountNote(new FieldNote(QStringLiteral("serverAccountNote")))
    , m_busy(new QProgressBar)
    , m_busyText(new QLabel)
{
    setObjectName(QStringLiteral("serverDialog"));
    setWindowTitle(tr("Connect to Server"));

    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://realm.example.org"));
    m_email->setObjectName(QStringLiteral("serverEmail"));
    m_email->setPlaceholderText(tr("you@example.org"));
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_code->setObjectName(QStringLiteral("serverCode"));
    m_code->setPlaceholderText(tr("6 digits from your authenticator app, or a recovery code"));
    m_code->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_signIn->setObjectName(QStringLiteral("serverSignIn"));
    m_signIn->setDefault(true);

    auto *signInPage = new QWidget;
    auto *intro = new QLabel(tr("Sign in to your team's REALM server to share projects with it. "
                                "Your sign-in is kept in the system keychain."));
    intro->setWordWrap(true);
    QFormLayout *form = m_signInForm;
    form->addRow(tr("Ser&ver:"), m_url);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Code:"), m_code);
    auto *signInLayout = new QVBoxLayout(signInPage);
    signInLayout->addWidget(intro);
    signInLayout->addLayout(form);
    signInLayout->addWidget(m_signInNote);
    auto *signInRow = new QHBoxLayout;
    signInRow->addStretch();
    signInRow->addWidget(m_signIn);
    signInLayout->addLayout(signInRow);
    signInLayout->addStretch();

    auto *accountPage = new QWidget;
    m_identity->setObjectName(QStringLiteral("serverIdentity"));
    m_identity->setWordWrap(true);
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signOutOthers->setObjectName(QStringLiteral("serverSignOutOthers"));
    m_signOutOthers->setToolTip(tr("End every session of your account except this computer's"));
    m_signOut->setObjectName(QStringLiteral("serverSignOut"));
    m_refresh->setObjectName(QStringLiteral("serverRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    auto *accountLayout = new QVBoxLayout(accountPage);
    accountLayout->addWidget(m_identity);
    accountLayout->addWidget(new QLabel(tr("Organizations:")));
    accountLayout->addWidget(m_orgs, 1);
    accountLayout->addWidget(new QLabel(tr("Sessions:")));
    accountLayout->addWidget(m_sessions, 2);
    accountLayout->addWidget(m_accountNote);
    auto *accountButtons = new QHBoxLayout;
    accountButtons->addWidget(m_refresh);
    accountButtons->addStretch();
    accountButtons->addWidget(m_signOutOthers);
    accountButtons->addWidget(m_signOut);
    accountLayout->addLayout(accountButtons);

    m_pages->addWidget(signInPage);
    m_pages->addWidget(accountPage);

    m_busy->setObjectName(QStringLiteral("serverBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busyText->setObjectName(QStringLiteral("serverBusyText"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_busyText, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);
    resize(560, 460);

    connect(m_signIn, &QPushButton::clicked, this, &ServerDialog::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &ServerDialog::signIn);
    connect(m_code, &QLineEdit::returnPressed, this, &ServerDialog::signIn);
    // A code belongs to one account.
    connect(m_url, &QLineEdit::textEdited, this, [this] { showCodeField(false); });
    connect(m_email, &QLineEdit::textEdited, this, [this] { showCodeField(false); });
    connect(m_signOut, &QPushButton::clicked, this, &ServerDialog::signOut);
    connect(m_signOutOthers, &QPushButton::clicked, this, &ServerDialog::signOutOthers);
    connect(m_refresh, &QPushButton::clicked, this, &ServerDialog::refresh);

    setBusy(false);
    showCodeField(false);
    const TeamClient::ServerAccount account = m_client->account();
    if (account.isSet()) {
        m_url->setText(account.server.toString());
        m_email->setText(account.email);
        m_pages->setCurrentIndex(1);
        m_identity->setText(tr("Signed in as %1 on %2.").arg(account.email.toHtmlEscaped(), account.server.toString().toHtmlEscaped()));
        refresh();
    } else {
        showSignIn();
    }
}

void ServerDialog::signIn()
{
    if (m_isBusy)
        return;
    const QString url = m_url->text().trimmed();
    const QString email = m_email->text().trimmed();
    if (url.isEmpty() || email.isEmpty() || m_password->text().isEmpty()) {
        m_signInNote->setProblem(tr("Give the server's address, your email and your password."));
        return;
    }
    m_signInNote->setProblem({});
    setBusy(true, tr("Signing in to %1…").arg(url));
    const QString password = m_password->text();
    const QString code = m_codeAsked ? m_code->text().trimmed() : QString();
    m_client->login(QUrl::fromUserInput(url), email, password, code, whileOpen(this, [this](Result<QJsonObject> me) {
        setBusy(false);
        if (!me) {
            showSignIn(me.error().message);
            if (me.error().code == Error::Code::SecondFactorRequired) {
                showCodeField(true);
                m_code->setFocus();
            } else if (m_codeAsked) {
                m_code->clear();
                m_code->setFocus();
            }
            emit failed(me.error().message);
            return;
        }
        m_password->clear();
        m_code->clear();
        showCodeField(false);
        showAccount(*me);
        refresh();
    }));
}

void ServerDialog::showCodeField(bool shown)
{
    m_codeAsked = shown;
    m_signInForm->setRowVisible(m_code, shown);
    if (!shown)
        m_code->clear();
}

void ServerDialog::refresh()
{
    setBusy(true, tr("Loading your account…"));
    m_client->call("GET", QStringLiteral("/me"), {}, whileOpen(this, [this](Result<QJsonObject> me) {
        if (!me) {
            setBusy(false);
            fail(me.error());
            return;
        }
        showAccount(*me);
        m_client->call("GET", QStringLiteral("/sessions"), {}, whileOpen(this, [this](Result<QJsonObject> sessions) {
            setBusy(false);
            if (!sessions) {
                fail(sessions.error());
                return;
            }
            showSessions(sessions->value(QStringLiteral("sessions")).toArray());
            m_accountNote->setProblem({});
            emit accountShown();
        }));
    }));
}

void ServerDialog::signOutOthers()
{
    setBusy(true, tr("Signing out your other sessions…"));
    m_client->call("POST", QStringLiteral("/sessions/revoke-others"), {}, whileOpen(this, [this](Result<QJsonObject> ended) {
        setBusy(false);
        if (!ended) {
            fail(ended.error());
            return;
        }
        refresh();
    }));
}

void ServerDialog::signOut()
{
    setBusy(true, tr("Signing out…"));
    m_client->logout(whileOpen(this, [this](Result<void>) {
        // The login is forgotten here whatever the server said.
        setBusy(false);
        showSignIn();
        emit signedOut();
    }));
}

void ServerDialog::showSignIn(const QString &problem)
{
    m_pages->setCurrentIndex(0);
    m_signInNote->setProblem(problem);
    (m_url->text().isEmpty() ? m_url : m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

void ServerDialog::showAccount(const QJsonObject &me)
{
    m_pages->setCurrentIndex(1);
    const QString server = m_client->account().isSet() ? m_client->account().server.toString() : m_url->text();
    m_identity->setText(tr("Signed in as <b>%1</b> (%2) on %3.")
                            .arg(me.value(QStringLiteral("name")).toString().toHtmlEscaped(), me.value(QStringLiteral("email")).toString().toHtmlEscaped(),
                                 server.toHtmlEscaped()));
    m_orgs->clear();
    const QJsonArray orgs = me.value(QStringLiteral("orgs")).toArray();
    for (const QJsonValue &org : orgs)
        m_orgs->addTopLevelItem(new QTreeWidgetItem({org[QStringLiteral("name")].toString(), org[QStringLiteral("role")].toString()}));
    if (orgs.isEmpty())
        m_orgs->addTopLevelItem(new QTreeWidgetItem({tr("None yet: an organization's admin can invite you."), {}}));
    m_orgs->resizeColumnToContents(0);
}

void ServerDialog::showSessions(const QJsonArray &sessions)
{
    m_sessions->clear();
    for (const QJsonValue &value : sessions) {
        const QJsonObject session = value.toObject();
        const bool current = session.value(QStringLiteral("current")).toBool();
        QString agent = session.value(QStringLiteral("user_agent")).toString();
        if (agent.isEmpty())
            agent = tr("unknown program");
        auto *item = new QTreeWidgetItem({current ? tr("%1 (this computer)").arg(agent) : agent, session.value(QStringLiteral("ip")).toString(),
                                          localTime(session.value(QStringLiteral("last_used_at")).toString())});
        if (current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        m_sessions->addTopLevelItem(item);
    }
    m_sessions->resizeColumnToContents(0);
    m_signOutOthers->setEnabled(sessions.size() > 1);
}

void ServerDialog::setBusy(bool busy, const QString &what)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
    m_busyText->setText(what);
    for (QWidget *widget : {static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_signOut), static_cast<QWidget *>(m_refresh)})
        widget->setEnabled(!busy);
    m_signOutOthers->setEnabled(!busy && m_sessions->topLevelItemCount() > 1);
}

void ServerDialog::fail(const Error &error)
{
    // A session that ended elsewhere (signed out from another computer, an
    // administrator's reset) leads back to signing in.
    if (!m_client->account().isSet() || error.code == Error::Code::Unauthenticated) {
        m_password->clear();
        showSignIn(error.message);
    } else {
        m_accountNote->setProblem(error.message);
    }
    emit failed(error.message);
}

} // namespace Realm::Ui
