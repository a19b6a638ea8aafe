// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every REALM fuzz target shares: a QCoreApplication made once, Qt's
// warnings kept out of libFuzzer's output (fatal messages still abort), and
// a check that turns a broken promise into a crash libFuzzer records with
// its input. Never recovers from a failed check: the input is the report.

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Realm::Fuzz {

inline void dropNonFatalMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
        std::abort();
    }
}

// Parsers translate their error messages, and storage loads the SQLite
// driver plugin: both want an application object. It is never destroyed,
// so nothing depends on the order of static destructors at exit.
inline void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "realm-fuzz";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    if (!qEnvironmentVariableIsSet("REALM_FUZZ_VERBOSE"))
        qInstallMessageHandler(dropNonFatalMessages);
}

[[noreturn]] inline void fail(const char *check, const char *file, int line, const QString &detail)
{
    std::fprintf(stderr, "\nREALM fuzz check failed at %s:%d: %s\n%s\n", file, line, check, qUtf8Printable(detail));
    std::abort();
}

// Reads a little-endian 16-bit number from the front of the input, and
// drops it from there (zero when the input is too short).
inline quint16 takeU16(QByteArrayView &input)
{
    if (input.size() < 2) {
        input = {};
        return 0;
    }
    const quint16 value = quint16(quint8(input.at(0)) | (quint8(input.at(1)) << 8));
    input = input.sliced(2);
    return value;
}

inline quint8 takeU8(QByteArrayView &input)
{
    if (input.isEmpty())
        return 0;
    const quint8 value = quint8(input.at(0));
    input = input.sliced(1);
    return value;
}

} // namespace Realm::Fuzz

#define REALM_FUZZ_CHECK(condition, detail)                                            \
    do {                                                                               \
        if (!(condition))                                                              \
            ::Realm::Fuzz::fail(#condition, __FILE__, __LINE__, (detail));             \
    } while (false)
