// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/crashpoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>

namespace Realm {

void crashPoint(const char *name)
{
    static const QByteArray armed = qgetenv("REALM_TEST_CRASH_AT");
    if (!armed.isEmpty() && armed == name)
        ::raise(SIGKILL);
}

} // namespace Realm
