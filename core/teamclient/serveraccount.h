// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Realm::TeamClient {

// Which team server this machine is signed in to, and as whom: kept with
// REALM's settings (QSettings, group "server"). Never the tokens: the
// refresh token lives in the keychain under secretKey().
struct ServerAccount final {
    QUrl server;
    QString email;

    bool isSet() const { return server.isValid() && !server.isEmpty(); }
    QString secretKey() const { return secretKeyFor(server); }
    static QString secretKeyFor(const QUrl &server);

    static ServerAccount load();
    void save() const;
    static void forget();
};

} // namespace Realm::TeamClient
