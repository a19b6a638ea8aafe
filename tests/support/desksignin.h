// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Realm::TeamClient {
class ServerClient;
} // namespace Realm::TeamClient

namespace Realm::Test {

// Signs the desktop's client in to `serverUrl` as EMAIL, as Team → Sign In
// does, waiting for the answer: whether it went well (a failure is logged).
bool signInDesk(TeamClient::ServerClient &client, const QString &serverUrl, const QString &email, const QByteArray &password);

} // namespace Realm::Test
