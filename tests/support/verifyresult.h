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

// That a Realm::Result failed, with this error code (the log shows what
// came instead).
#define REALM_VERIFY_FAILS(result, expectedCode)                                               \
    do {                                                                                       \
        const auto &realmResult_ = (result);                                                   \
        QVERIFY2(!realmResult_.ok(), "expected a failure, got success");                       \
        if (realmResult_.error().code != (expectedCode))                                       \
            qWarning("the failure was: %s", qPrintable(realmResult_.error().message));          \
        QCOMPARE(realmResult_.error().code, (expectedCode));                                   \
    } while (false)
