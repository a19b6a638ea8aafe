// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QUrl>

namespace Realm::TeamClient {

// A realm-server's {"error":{"code","message"}} answer (or no answer:
// status 0) as an Error a person can act on.
Error serverError(int status, const QJsonObject &body, const QUrl &url, const QString &networkError);

} // namespace Realm::TeamClient
