// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Realm::ServerApp {

// realm-server init --data DIR
int runInit(const QStringList &arguments);
// realm-server admin --data DIR user|audit …
int runAdmin(const QStringList &arguments);

// Exit codes of realm-server.
enum Exit { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitRejected = 3, ExitNotFound = 4, ExitUnavailable = 5 };

} // namespace Realm::ServerApp
