// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docstore.h"
#include "prompts/prompttemplate.h"
#include "starters/startertemplate.h"
#include "storage/database.h"
#include "sync/transport.h"
#include "syncclient/templatekind.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Realm::SyncClient {

// The organizations `GET /me` names, and whether that is all of them (an
// API key sees its own organization only).
struct AccountOrgs {
    struct Org {
        QString id;
        QString name;
        bool isAdmin = false; // admin or owner: changes its templates
    };
    QString userId;
    QList<Org> orgs;
    bool complete = true; // false: an API key's answer (its own organization)
};
Result<AccountOrgs> accountOrgsFrom(const QJsonObject &me);

// One of an organization's templates, named: a prompt and a documentation
// template may share a name.
struct OrgTemplateName {
    TemplateKind kind = TemplateKind::Prompt;
    QString name;

    bool operator==(const OrgTemplateName &) const = default;
    // {"kind": "prompt" | "doc_template" | "starter", "name": …}
    QJsonObject toJson() const;
};

// What one sync of an organization's templates did.
struct OrgTemplateReport {
    QString orgId;
    QString orgName;
    QString server;
    qint64 sent = 0;     // an admin's changes the server answered
    qint64 received = 0; // templates changed or withdrawn here
    qint64 pending = 0;  // changes still waiting to be sent
    // Changes the server did not make because someone changed the
    // template since this machine last read it (a withdrawal of an edited
    // template).
    QList<OrgTemplateName> kept;
    // What the server holds that is not a template REALM can use (gone
    // from here until an admin mends it).
    QList<OrgTemplateName> unusable;
    // The server has no organizations' templates (a realm-server from
    // before them): nothing was done, and nothing is wrong.
    bool unsupported = false;
    // The account is no longer in the organization: its templates were
    // removed here.
    bool left = false;
    QString error; // set when this organization's sync failed (the others went on)
    Error::Code errorCode = Error::Code::Failed;

    QJsonObject toJson() const;
};

// Keeps this workspace's copies of its organizations' templates (prompt,
// documentation and starter ones) in
// step with the team server, through a Sync::Transport on the calling
// thread (never a UI thread). Each organization's templates are a scope
// of their own on the server: members pull them (read-only here, see
// Prompts::OrgPrompts, Docs::OrgDocs, Starters::OrgStarters), admins
// change them. An admin's change is checked,
// queued and numbered first, then sent: a failure leaves it queued for the
// next sync, and a retry after a lost answer applies nothing twice; a
// change the server refuses for good is dropped and said so (the admin's
// own template is untouched). Pulls read every page and apply them, with
// the new cursor, in one transaction.
class OrgTemplateSyncer final {
public:
    // `server` as the transport reaches it (links keep it).
    OrgTemplateSyncer(Storage::DatabasePtr db, Sync::Transport *transport, QString server, const CancellationToken *cancel = nullptr);

    // Every organization the account is in now (the server says which):
    // sends what waits, pulls what changed. The copies of organizations it
    // is no longer in go (a change of theirs still waiting is dropped, and
    // reported); with an API key, which sees one organization, the others
    // are left as they are.
    Result<QList<OrgTemplateReport>> syncAll();
    // One of the user's own templates becomes the organization's (`org`: a
    // name or an id), or replaces the one of that name; then that
    // organization syncs. Forbidden, with nothing queued, unless the user
    // is its admin or owner.
    Result<OrgTemplateReport> publish(const QString &org, const Prompts::PromptTemplate &prompt);
    Result<OrgTemplateReport> publish(const QString &org, const Docs::DocTemplate &docTemplate);
    Result<OrgTemplateReport> publish(const QString &org, const Starters::StarterTemplate &starter);
    // The organization's template `name` goes, for every member.
    Result<OrgTemplateReport> withdraw(const QString &org, const QString &name, TemplateKind kind);

private:
    using Org = AccountOrgs::Org;
    // GET /me, remembering who asks (m_userId, m_viaKey).
    Result<AccountOrgs> account();
    Result<Org> adminOrg(const QString &org);
    Result<OrgTemplateReport> change(const QString &org, TemplateKind kind, const QString &name, const QJsonObject &data, bool remove);
    Result<OrgTemplateReport> syncOne(const Org &org);
    Result<qint64> push(const Org &org, OrgTemplateReport &report);
    Result<qint64> pull(const Org &org, OrgTemplateReport &report);
    // After a 404: whether the account is still in the organization (the
    // 404 was a missing route or a proxy's), as a successful GET /me says.
    Result<bool> orgStillThere(const Org &org);
    bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }

    Storage::DatabasePtr m_db;
    Sync::Transport *m_transport;
    QString m_server;
    const CancellationToken *m_cancel;
    QString m_userId;
    bool m_viaKey = false;
};

} // namespace Realm::SyncClient
