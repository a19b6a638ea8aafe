// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamclient/serveraccount.h"

#include <QSettings>

namespace Realm::TeamClient {

QString ServerAccount::secretKeyFor(const QUrl &server)
{
    return QStringLiteral("realm-server refresh token ") + server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

ServerAccount ServerAccount::load()
{
    QSettings settings;
    ServerAccount account;
    account.server = QUrl(settings.value(QStringLiteral("server/url")).toString());
    account.email = settings.value(QStringLiteral("server/email")).toString();
    return account;
}

void ServerAccount::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("server/url"), server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash));
    settings.setValue(QStringLiteral("server/email"), email);
}

void ServerAccount::forget()
{
    QSettings settings;
    settings.remove(QStringLiteral("server"));
}

} // namespace Realm::TeamClient
