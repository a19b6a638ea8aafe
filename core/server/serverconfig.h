// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/registration.h"
#include "auth/signinthrottle.h"
#include "auth/tokens.h"
#include "common/error.h"
#include "mail/mailsender.h"
#include "server/connectionguard.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

namespace Realm::Server {

// realm-server.conf in the data folder: what an operator sets. Command-line
// options given to `serve` win over the file.
struct ServerConfig final {
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8470;
    QString databaseUrl; // empty: the SQLite file in the data folder
    QUrl publicUrl;      // links in mails; empty: http://listen address
    Auth::RegistrationMode registration = Auth::RegistrationMode::Closed;
    QList<QHostAddress> trustedProxies;
    QString tlsCertificate;
    QString tlsKey;
    Auth::SignInThrottle::Limits signInLimits;
    // How long an access token lasts; clients refresh before it runs out.
    int accessTokenLifetimeSeconds = int(Auth::Tokens::kAccessLifetimeSeconds);
    // request_timeout and idle_timeout; the size cap follows the routes.
    ConnectionGuard::Limits connectionLimits{.maxRequestBytes = 0, .maxRequestBytesFor = {}};
    // events_ping_interval: event sockets are pinged this often (keeping
    // proxies from closing idle ones) and closed after 2.5 times as long
    // without an answer (a peer gone without closing).
    int eventsPingIntervalSeconds = 30;
    // [mail]: SMTP when smtp.url is set, else files in the data folder.
    Mail::SmtpSettings smtp;

    static Result<ServerConfig> load(const QString &file);
    // The documented file `init` writes: every option, commented.
    static QByteArray defaultFileContents();
    // HOST:PORT; port 0 picks a free one.
    static Result<std::pair<QString, quint16>> parseListen(const QString &text);
};

} // namespace Realm::Server
