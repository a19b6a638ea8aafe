// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"

namespace Realm {

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Failed: return QStringLiteral("failed");
    case Error::Code::NotFound: return QStringLiteral("not-found");
    case Error::Code::InvalidInput: return QStringLiteral("invalid-input");
    case Error::Code::Io: return QStringLiteral("io");
    case Error::Code::Database: return QStringLiteral("database");
    case Error::Code::TooNew: return QStringLiteral("too-new");
    case Error::Code::LimitExceeded: return QStringLiteral("limit-exceeded");
    case Error::Code::Cancelled: return QStringLiteral("cancelled");
    case Error::Code::Unavailable: return QStringLiteral("unavailable");
    case Error::Code::Unauthenticated: return QStringLiteral("unauthenticated");
    case Error::Code::Forbidden: return QStringLiteral("forbidden");
    case Error::Code::Conflict: return QStringLiteral("conflict");
    case Error::Code::Throttled: return QStringLiteral("throttled");
    case Error::Code::SecondFactorRequired: return QStringLiteral("second-factor-required");
    }
    return QStringLiteral("failed");
}

} // namespace Realm
