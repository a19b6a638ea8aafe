// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/httpmessage.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <functional>

namespace Realm::Server {

// Who may call a route before its handler looks at roles.
enum class Access {
    Public,      // anyone (sign-in, health)
    SignedIn,    // a valid access token or API key
    Person,      // signed in with a password (sessions, new keys): not an API key
    ServerAdmin, // a server administrator
};

using Handler = std::function<QFuture<HttpResponse>(const HttpRequest &request)>;

struct Route final {
    QByteArray method;
    QString pattern; // "/api/v1/sessions/{session}": {name} matches one segment
    QString summary; // one line, for the OpenAPI document
    Access access = Access::Public;
    qint64 maxBodyBytes = 64 * 1024;
    Handler handler = {};
};

// Routes by method and path. Segments match literally or as {parameters};
// a literal segment beats a parameter, so /sessions/revoke-others is not
// /sessions/{session}.
class Router final {
public:
    void add(Route route);
    const QList<Route> &routes() const { return m_routes; }

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> parameters;
        bool pathKnown = false; // the path exists with another method (405)
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    QList<Route> m_routes;
};

} // namespace Realm::Server
