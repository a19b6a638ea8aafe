// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "sync/transport.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace Realm::TeamClient {

// Where to send and what to show: a server and a bearer token for it (an
// access token, or an API key from REALM_SERVER_TOKEN).
struct Credentials {
    QUrl server;
    QString bearer;
};

// Sync's transport over HTTP: blocking calls for a worker thread (each
// waits on an event loop of its own), made and used on that one thread.
// Cancelling the token aborts the request under way.
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
    };
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    QUrl urlFor(const QString &path) const;
    Error errorOf(const Answer &answer, const QString &path) const;

    Credentials m_credentials;
    const CancellationToken *m_cancel;
    int m_transferTimeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace Realm::TeamClient
