// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Realm::Auth {

// Where a request came from: written into the audit log and the sessions.
struct ClientInfo final {
    QString ip;
    QString userAgent;
};

// Who is asking, as found on this request from the current rows: a
// disabled user or a revoked session never becomes a Principal.
struct Principal final {
    QString userId;
    QString sessionId; // the signed-in session (empty for an API key)
    QString email;
    QString name;
    bool isAdmin = false; // a server administrator
    // Signed in with an API key: bound to one organization, limited to its
    // scopes (and, as always, to the owner's current roles).
    QString apiKeyId;
    QString apiKeyOrgId;
    QSet<QString> scopes;

    bool viaApiKey() const { return !apiKeyId.isEmpty(); }
};

} // namespace Realm::Auth
