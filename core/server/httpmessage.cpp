// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/httpmessage.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::Server {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::text(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

HttpResponse HttpResponse::fromError(const Error &error)
{
    switch (error.code) {
    case Error::Code::NotFound: return HttpResponse::error(404, QStringLiteral("not_found"), error.message);
    case Error::Code::InvalidInput: return HttpResponse::error(400, QStringLiteral("invalid_input"), error.message);
    case Error::Code::Unauthenticated:
    case Error::Code::SecondFactorRequired: {
        const bool needsCode = error.code == Error::Code::SecondFactorRequired;
        HttpResponse response = HttpResponse::error(401, needsCode ? QStringLiteral("totp_required") : QStringLiteral("unauthenticated"), error.message);
        response.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Bearer realm=\"realm\""));
        return response;
    }
    case Error::Code::Forbidden: return HttpResponse::error(403, QStringLiteral("forbidden"), error.message);
    case Error::Code::Conflict: return HttpResponse::error(409, QStringLiteral("conflict"), error.message);
    case Error::Code::LimitExceeded: return HttpResponse::error(413, QStringLiteral("too_large"), error.message);
    case Error::Code::Throttled: {
        HttpResponse response = HttpResponse::error(429, QStringLiteral("rate_limited"), error.message);
        response.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(std::max(1, error.retryAfterSeconds))));
        return response;
    }
    case Error::Code::Unavailable: {
        HttpResponse response = HttpResponse::error(503, QStringLiteral("unavailable"), error.message);
        if (error.retryAfterSeconds > 0)
            response.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(error.retryAfterSeconds)));
        return response;
    }
    case Error::Code::Failed:
    case Error::Code::Io:
    case Error::Code::Database:
    case Error::Code::TooNew:
    case Error::Code::Cancelled: break;
    }
    HttpResponse response = HttpResponse::error(500, QStringLiteral("internal"),
                                                QCoreApplication::translate("Realm::Server", "The server failed to answer. Try again; if it keeps failing, "
                                                                                             "its administrator finds the cause in the server's log."));
    response.logNote = error.message;
    return response;
}

} // namespace Realm::Server
