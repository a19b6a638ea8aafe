// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamclient/servererror.h"

#include <QCoreApplication>

namespace Realm::TeamClient {

// Messages are translated in the context "Realm::TeamClient" (written out:
// lupdate reads only the sources, and QCoreApplication::translate("Realm::TeamClient", ) inside ServerClient would be its
// own context).
// The server's own words, with the code that fits its status.
Error serverError(int status, const QJsonObject &body, const QUrl &url, const QString &networkError)
{
    const QString message = body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    if (status == 0)
        return Error::unavailable(QCoreApplication::translate("Realm::TeamClient", "Cannot reach the server at %1: %2. Check the address and that it runs.")
                                      .arg(url.toString(QUrl::RemovePath | QUrl::RemoveQuery), networkError));
    const QString text = message.isEmpty() ? QCoreApplication::translate("Realm::TeamClient", "The server answered %1 without saying why.").arg(status) : message;
    switch (status) {
    case 400: return Error::invalidInput(text);
    case 401:
        if (body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString() == QLatin1String("totp_required"))
            return Error::secondFactorRequired(text);
        return Error::unauthenticated(text);
    case 403: return Error::forbidden(text);
    case 404: return Error::notFound(text);
    // No such method on that path: a route this server does not have (an
    // older server), as far as the caller can tell.
    case 405: return Error::notFound(text);
    case 409: return Error::conflict(text);
    case 413: return {Error::Code::LimitExceeded, text};
    case 429: return Error::throttled(text, 0);
    case 503: return Error::unavailable(text);
    default: return Error::failed(text);
    }
}

} // namespace Realm::TeamClient
