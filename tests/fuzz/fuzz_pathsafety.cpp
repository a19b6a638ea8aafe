// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects the path rules every stored, rendered or written path passes
// (Projects::normalizeEntryPath, isGitDirectoryName, checkPathForExport,
// symlinkStaysInside, PathCollisionDetector). Whatever the input, a path
// normalizeEntryPath() accepts
// - is not empty and does not start with '/';
// - has no empty, ".", ".." or git-folder segment (".git" in any spelling);
// - holds no backslash, NUL or other control character;
// - normalizes to itself, and checkPathForExport() accepts it.
// A symlink from a canonical path is "inside" exactly when following its
// target never climbs above the project root and ends below it.
//
// Input: one byte whose low bit chooses how the rest is read — as UTF-8,
// or as raw UTF-16 (so lone surrogates and any code unit reach the rules).
// The whole text is the path; split at its first NUL it is also a symlink
// (link path, then target).

#include "fuzzsupport.h"
#include "projects/pathsafety.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace Realm;
using namespace Realm::Projects;

namespace {

void checkCanonical(const QString &raw, const QString &path)
{
    const auto where = [&] { return QStringLiteral("\"%1\" normalized to \"%2\"").arg(raw, path); };
    REALM_FUZZ_CHECK(!path.isEmpty(), where());
    REALM_FUZZ_CHECK(!path.startsWith(QLatin1Char('/')), where());
    REALM_FUZZ_CHECK(!path.contains(QLatin1Char('\\')), where());
    for (const QChar c : path)
        REALM_FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f, where() + QStringLiteral(" (a control character)"));
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        REALM_FUZZ_CHECK(!segment.isEmpty(), where() + QStringLiteral(" (an empty segment)"));
        REALM_FUZZ_CHECK(segment != QLatin1String("."), where() + QStringLiteral(" (a \".\" segment)"));
        REALM_FUZZ_CHECK(segment != QLatin1String(".."), where() + QStringLiteral(" (a \"..\" segment)"));
        REALM_FUZZ_CHECK(!isGitDirectoryName(segment), where() + QStringLiteral(" (a git folder segment: %1)").arg(segment));
    }
    const Result<QString> again = normalizeEntryPath(path);
    REALM_FUZZ_CHECK(again.ok() && *again == path,
                     where() + QStringLiteral(", which normalizes to %1").arg(again ? *again : again.error().message));
    REALM_FUZZ_CHECK(checkPathForExport(path).ok(), where() + QStringLiteral(", which the export refuses"));
}

// symlinkStaysInside()'s answer worked out with a depth counter, for a link
// whose path is canonical.
bool staysInside(const QString &link, const QString &target)
{
    if (target.isEmpty() || target.startsWith(QLatin1Char('/')) || target.contains(QLatin1Char('\\')))
        return false;
    qsizetype depth = link.count(QLatin1Char('/')); // the folder the link is in
    for (const QString &segment : target.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == QLatin1String("."))
            continue;
        depth += segment == QLatin1String("..") ? -1 : 1;
        if (depth < 0)
            return false;
    }
    return depth > 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureCoreApplication();
    QByteArrayView input(data, qsizetype(size));
    const bool utf16 = Fuzz::takeU8(input) & 1;
    QString text;
    if (utf16) {
        // Copied, not cast: after the first byte the code units are not aligned.
        text.resize(input.size() / 2);
        std::memcpy(text.data(), input.data(), size_t(text.size()) * sizeof(QChar));
    } else {
        text = QString::fromUtf8(input);
    }

    const Result<QString> normalized = normalizeEntryPath(text);
    if (normalized) {
        checkCanonical(text, *normalized);
        PathCollisionDetector collisions;
        REALM_FUZZ_CHECK(collisions.add(*normalized).isEmpty(), QStringLiteral("a first path collided"));
        REALM_FUZZ_CHECK(collisions.add(*normalized) == *normalized, QStringLiteral("the same path twice did not collide"));
    } else {
        REALM_FUZZ_CHECK(!normalized.error().message.isEmpty(), QStringLiteral("\"%1\" was refused without a reason").arg(text));
        REALM_FUZZ_CHECK(!checkPathForExport(text).ok(), QStringLiteral("\"%1\" is refused on import but written on export").arg(text));
    }

    const qsizetype nul = text.indexOf(QChar(0));
    const QString link = nul < 0 ? text : text.first(nul);
    const QString target = nul < 0 ? QString() : text.sliced(nul + 1);
    const bool inside = symlinkStaysInside(link, target);
    if (const Result<QString> canonicalLink = normalizeEntryPath(link); canonicalLink && *canonicalLink == link) {
        REALM_FUZZ_CHECK(inside == staysInside(link, target),
                         QStringLiteral("symlinkStaysInside(\"%1\", \"%2\") says %3").arg(link, target, inside ? QStringLiteral("inside") : QStringLiteral("outside")));
    }
    return 0;
}
