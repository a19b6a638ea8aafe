// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>

namespace Realm {

// Wall-clock time in UTC milliseconds since the epoch. Tests may replace the
// source to make timestamps deterministic.
class Clock final {
public:
    static qint64 nowMs();
    // Pass an empty function to go back to the system clock.
    static void setSourceForTesting(std::function<qint64()> source);
};

} // namespace Realm
