// SPDX-License-Identifier: GPL-3.0-or-later
#include "desksignin.h"

#include "teamclient/serverclient.h"

#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <optional>

namespace Realm::Test {

bool signInDesk(TeamClient::ServerClient &client, const QString &serverUrl, const QString &email, const QByteArray &password)
{
    std::optional<bool> ok;
    client.login(QUrl(serverUrl), email, QString::fromUtf8(password), {}, [&ok](Result<QJsonObject> me) {
        if (!me)
            qWarning("sign-in failed: %s", qPrintable(me.error().message));
        ok = bool(me);
    });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, 20000) && *ok;
}

} // namespace Realm::Test
