// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Realm::Sync {

// How a sync client reaches its server: the team server's API under
// /api/v1, one blocking call at a time on the sync's own thread. Over HTTP
// for realm-cli and the desktop (teamclient/httptransport.h); in the same
// process for the simulation tests. Errors carry the server's own words
// and the code that fits its status (NotFound for 404, Conflict for 409 …).
class Transport {
public:
    virtual ~Transport() = default;

    // A JSON request and its JSON answer; `path` is below /api/v1.
    virtual Result<QJsonObject> call(const QByteArray &method, const QString &path, const QJsonObject &body) = 0;
    // PUT of raw bytes (a content's chunk).
    virtual Result<void> put(const QString &path, const QByteArray &bytes) = 0;
    // POST of a body of `contentType` whose answer is raw bytes (batches of
    // small contents, up and down).
    virtual Result<QByteArray> post(const QString &path, const QByteArray &body, const QByteArray &contentType) = 0;
    // GET of raw bytes from `offset` on (Range: bytes=OFFSET-): as much as
    // the server sends in one answer.
    virtual Result<QByteArray> get(const QString &path, qint64 offset) = 0;
};

} // namespace Realm::Sync
