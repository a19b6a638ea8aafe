// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "sync/transport.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <functional>
#include <optional>

namespace Realm::TeamClient {

// Where to send and what to show: a server and a bearer token for it (an
// access token, or an API key from REALM_SERVER_TOKEN).
struct Credentials {
    // Asked for a bearer in place of `refused`, which the server turned
    // down (an access token that ran out during a long share or clone):
    // the new one, or why there is none. May block; gives up when `cancel`
    // is cancelled. Called on the transport's thread.
    using Renew = std::function<Result<QString>(const QString &refused, const CancellationToken *cancel)>;

    QUrl server;
    QString bearer;
    Renew renew; // none: a refused bearer is an error at once
};

// Sync's transport over HTTP: blocking calls for a worker thread (each
// waits on an event loop of its own), made and used on that one thread.
// Cancelling the token aborts the request under way. A request the server
// refuses as unauthenticated is sent once more with a renewed bearer, when
// the credentials can renew it (safe for any request: the server refuses
// before it acts).
class HttpTransport final : public Sync::Transport {
public:
    // A chunk is at most 8 MiB: a minute without a byte moving is a dead line.
    static constexpr int kDefaultTransferTimeoutMs = 60000;

    HttpTransport(Credentials credentials, const CancellationToken *cancel = nullptr, int transferTimeoutMs = kDefaultTransferTimeoutMs);

    Result<QJsonObject> call(const QByteArray &method, const QString &path, const QJsonObject &body) override;
    Result<void> put(const QString &path, const QByteArray &bytes) override;
    Result<QByteArray> post(const QString &path, const QByteArray &body, const QByteArray &contentType) override;
    Result<QByteArray> get(const QString &path, qint64 offset) override;

private:
    struct Answer {
        int status = 0;
        QByteArray body;
        QString networkError;
        // The connection failed before the answer was whole (its status,
        // when there is one, then says nothing of the body).
        bool broken = false;
        bool timedOut = false; // no byte moved for the transfer timeout
        bool cancelled = false;
        // Why a refused bearer could not be renewed (the session ended):
        // says more than the refusal.
        std::optional<Error> renewalFailed;
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    // send(), and once more with a renewed bearer after a 401.
    Answer sendAuthorized(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                          const Headers &headers = {});
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType, const Headers &headers);
    QUrl urlFor(const QString &path) const;
    Error errorOf(const Answer &answer, const QString &path) const;

    Credentials m_credentials;
    const CancellationToken *m_cancel;
    int m_transferTimeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace Realm::TeamClient
