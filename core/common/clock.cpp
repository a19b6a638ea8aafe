// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"

#include <QDateTime>

namespace Realm {

namespace {
std::function<qint64()> &source()
{
    static std::function<qint64()> s;
    return s;
}
} // namespace

qint64 Clock::nowMs()
{
    if (const auto &s = source())
        return s();
    return QDateTime::currentMSecsSinceEpoch();
}

void Clock::setSourceForTesting(std::function<qint64()> s)
{
    source() = std::move(s);
}

} // namespace Realm
