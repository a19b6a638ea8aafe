// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamclient/httptransport.h"

#include "teamclient/servererror.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>
#include <QTimer>

namespace Realm::TeamClient {

namespace {
constexpr int kCancelCheckMs = 100;
} // namespace

HttpTransport::HttpTransport(Credentials credentials, const CancellationToken *cancel, int transferTimeoutMs)
    : m_credentials(std::move(credentials)), m_cancel(cancel), m_transferTimeoutMs(transferTimeoutMs)
{
}

QUrl HttpTransport::urlFor(const QString &path) const
{
    // The path may carry a query: split it off so that it is not encoded
    // into the path.
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    QUrl url = m_credentials.server;
    url.setPath(url.path() + QStringLiteral("/api/v1") + (question < 0 ? path : path.left(question)));
    if (question >= 0)
        url.setQuery(path.mid(question + 1), QUrl::StrictMode);
    return url;
}

HttpTransport::Answer HttpTransport::sendAuthorized(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                                                    const Headers &headers)
{
    Answer answer = send(method, path, body, contentType, headers);
    constexpr int kUnauthorized = 401;
    if (answer.status != kUnauthorized || answer.broken || !m_credentials.renew)
        return answer;
    Result<QString> renewed = m_credentials.renew(m_credentials.bearer, m_cancel);
    if (!renewed) {
        answer.cancelled = renewed.error().code == Error::Code::Cancelled;
        answer.renewalFailed = renewed.error();
        return answer;
    }
    // The same bearer again: the refusal stands.
    if (renewed->isEmpty() || *renewed == m_credentials.bearer)
        return answer;
    m_credentials.bearer = *renewed;
    return send(method, path, body, contentType, headers);
}

HttpTransport::Answer HttpTransport::send(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                                          const Headers &headers)
{
    QNetworkRequest request(urlFor(path));
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("realm/%1").arg(QCoreApplication::applicationVersion()));
    request.setRawHeader("Authorization", "Bearer " + m_credentials.bearer.toLatin1());
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelCheck;
    bool cancelled = false;
    if (m_cancel) {
        QObject::connect(&cancelCheck, &QTimer::timeout, reply, [&] {
            if (m_cancel->isCancelled()) {
                cancelled = true;
                reply->abort();
            }
        });
        cancelCheck.start(kCancelCheckMs);
    }
    if (!reply->isFinished())
        loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.networkError = reply->errorString();
    // An HTTP error status is an answer; a network, proxy or protocol
    // failure is not (QNetworkReply numbers those below 200 and 300–399).
    const QNetworkReply::NetworkError error = reply->error();
    answer.broken = (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
                    || (error >= QNetworkReply::ProtocolUnknownError && error <= QNetworkReply::ProtocolFailure);
    answer.cancelled = cancelled;
    // Qt reports its transfer timeout as an abort nobody asked for.
    answer.timedOut = !cancelled && error == QNetworkReply::OperationCanceledError;
    delete reply;
    return answer;
}

Error HttpTransport::errorOf(const Answer &answer, const QString &path) const
{
    if (answer.cancelled)
        return Error::cancelled();
    if (answer.renewalFailed)
        return *answer.renewalFailed;
    if (answer.timedOut)
        return Error::unavailable(QCoreApplication::translate("Realm::TeamClient", "%1 stopped answering (nothing came for %2 s): the network or the server "
                                                              "is down or overloaded. Nothing is lost: sync again later.")
                                      .arg(m_credentials.server.toString(), QLocale().toString(m_transferTimeoutMs / 1000.0, 'g', 3)));
    if (answer.broken && answer.status >= 200 && answer.status < 300)
        return Error::io(QCoreApplication::translate("Realm::TeamClient", "The connection to %1 broke off before its answer was complete (%2). "
                                                     "Nothing is lost: sync again.")
                             .arg(m_credentials.server.toString(), answer.networkError));
    return serverError(answer.status, QJsonDocument::fromJson(answer.body).object(), urlFor(path), answer.networkError);
}

Result<QJsonObject> HttpTransport::call(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const Answer answer = sendAuthorized(method, path, body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                                         method == "GET" ? QByteArray() : QByteArrayLiteral("application/json"));
    if (answer.status < 200 || answer.status >= 300 || answer.broken)
        return errorOf(answer, path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::failed(QCoreApplication::translate("Realm::TeamClient", "The server at %1 answered with something that is not REALM's JSON: a proxy's error page, "
                                                               "or not a realm-server. Try again; if it goes on, check the address.")
                                 .arg(m_credentials.server.toString()));
    return document.object();
}

Result<void> HttpTransport::put(const QString &path, const QByteArray &bytes)
{
    const Answer answer = sendAuthorized("PUT", path, bytes, QByteArrayLiteral("application/octet-stream"));
    if (answer.status < 200 || answer.status >= 300 || answer.broken)
        return errorOf(answer, path);
    return {};
}

Result<QByteArray> HttpTransport::post(const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    const Answer answer = sendAuthorized("POST", path, body, contentType);
    if (answer.status < 200 || answer.status >= 300 || answer.broken)
        return errorOf(answer, path);
    return answer.body;
}

Result<QByteArray> HttpTransport::get(const QString &path, qint64 offset)
{
    Headers headers;
    if (offset > 0)
        headers.append({QByteArrayLiteral("Range"), QByteArrayLiteral("bytes=") + QByteArray::number(offset) + '-'});
    const Answer answer = sendAuthorized("GET", path, {}, {}, headers);
    // A download cut short keeps what arrived: the caller asks for the rest.
    if ((answer.status != 200 && answer.status != 206) || (answer.broken && answer.body.isEmpty()))
        return errorOf(answer, path);
    // A server that ignores the range sends everything from the start.
    if (offset > 0 && answer.status == 200)
        return answer.body.mid(offset);
    return answer.body;
}

} // namespace Realm::TeamClient
