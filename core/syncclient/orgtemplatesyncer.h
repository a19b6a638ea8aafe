// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "prompts/prompttemplate.h"
#include "storage/database.h"
#include "sync/transport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Realm::SyncClient {

// What one sync of an organization's templates did.
struct OrgTemplateReport {
    QString orgId;
    QString orgName;
    QString server;
    qint64 sent = 0;     // an admin's changes the server answered
    qint64 received = 0; // templates changed or withdrawn here
    qint64 pending = 0;  // changes still waiting to be sent
    QStringList unusable; // names the server holds that are not templates REALM can use
    QString error; // set when this organization's sync failed (the others went on)
    Error::Code errorCode = Error::Code::Failed;

    QJsonObject toJson() const;
};

// Keeps this workspace's copies of its organizations' prompt templates in
// step with the team server, through a Sync::Transport on the calling
// thread (never a UI thread). Each organization's templates are a scope
// of their own on the server: members pull them (read-only here, see
// Prompts::OrgPrompts), admins change them. An admin's change is queued
// first and numbered, then sent: a failure leaves it queued for the next
// sync, and a retry after a lost answer applies nothing twice. Pulls read
// every page and apply them, with the new cursor, in one transaction.
class OrgTemplateSyncer final {
public:
    // `server` as the transport reaches it (links keep it).
    OrgTemplateSyncer(Storage::DatabasePtr db, Sync::Transport *transport, QString server, const CancellationToken *cancel = nullptr);

    // Every organization the account is in now (the server says which):
    // sends what waits, pulls what changed. The copies of organizations it
    // is no longer in go, with any change of theirs still waiting.
    Result<QList<OrgTemplateReport>> syncAll();
    // One of the user's own templates becomes the organization's (`org`: a
    // name or an id), or replaces the one of that name; then that
    // organization syncs. Forbidden, with nothing queued, unless the user
    // is its admin or owner.
    Result<OrgTemplateReport> publish(const QString &org, const Prompts::PromptTemplate &prompt);
    // The organization's template `name` goes, for every member.
    Result<OrgTemplateReport> withdraw(const QString &org, const QString &name);

private:
    struct Org {
        QString id;
        QString name;
        bool isAdmin = false;
    };
    Result<QList<Org>> accountOrgs() const;
    Result<Org> adminOrg(const QString &org) const;
    Result<void> queue(const Org &org, const QString &name, const QJsonObject &data, bool remove);
    Result<OrgTemplateReport> syncOne(const Org &org);
    Result<qint64> push(const Org &org);
    Result<qint64> pull(const Org &org, OrgTemplateReport &report);
    bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }

    Storage::DatabasePtr m_db;
    Sync::Transport *m_transport;
    QString m_server;
    const CancellationToken *m_cancel;
};

} // namespace Realm::SyncClient
