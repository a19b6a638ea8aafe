// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

// QVERIFY for a Realm::Result: on failure the test log shows the error's
// message (QVERIFY2 would read the message even on success).
#define REALM_VERIFY_OK(result)                                                                \
    do {                                                                                       \
        const auto &realmResult_ = (result);                                                   \
        QVERIFY2(realmResult_.ok(), realmResult_.ok() ? "" : qPrintable(realmResult_.error().message)); \
    } while (false)
