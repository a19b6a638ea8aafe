// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace Realm::Server {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// A request as the routes see it: plain data, free of the HTTP library,
// so that a later Qt (6.8 changed QHttpServer) or another library changes
// only HttpFrontend.
struct HttpRequest final {
    QByteArray method;
    QString path;
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    QHash<QString, QString> pathParameters; // {name} in the route's pattern
    QString clientIp; // the peer, or X-Forwarded-For's client behind a trusted proxy

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QString parameter(const QString &name) const { return pathParameters.value(name); }
};

struct HttpResponse final {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;
    // For the request log: who asked, once known (never a token), and for
    // a 500 what went wrong (the client sees only a generic message).
    QString userId;
    QString logNote;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse text(int status, const QByteArray &contentType, const QByteArray &body);
    static HttpResponse noContent();
    // {"error":{"code":"…","message":"…"}}
    static HttpResponse error(int status, const QString &code, const QString &message);
    // The status and code that fit the error (404 not_found, 401
    // unauthenticated, 429 with Retry-After, …). Internal failures answer 500
    // with a generic message; the details go to the log only.
    static HttpResponse fromError(const Error &error);
};

} // namespace Realm::Server
