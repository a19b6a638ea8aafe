// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/pathsafety.h"

#include <QCoreApplication>
#include <QStringList>

namespace Realm::Projects {

namespace {
// Code points HFS+ ignores in file names, so ".g\u200Cit" is ".git" on a
// Mac (git's next_hfs_char()).
bool isHfsIgnorable(char32_t c)
{
    return (c >= 0x200c && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x206a && c <= 0x206f) || c == 0xfeff;
}

bool startsWithNoCase(QStringView text, QLatin1String prefix)
{
    return text.startsWith(prefix, Qt::CaseInsensitive);
}
} // namespace

bool isGitDirectoryName(QStringView segment)
{
    // NTFS: ".git" or its 8.3 short name "git~1", followed only by dots and
    // spaces (Windows drops them) or by ':' (an alternate data stream such
    // as ".git::$INDEX_ALLOCATION") — git's is_ntfs_dotgit().
    for (const QLatin1String name : {QLatin1String(".git"), QLatin1String("git~1")}) {
        if (!startsWithNoCase(segment, name))
            continue;
        bool rest = true;
        for (const QChar c : segment.sliced(name.size())) {
            if (c == QLatin1Char(':'))
                break;
            if (c != QLatin1Char('.') && c != QLatin1Char(' ')) {
                rest = false;
                break;
            }
        }
        if (rest)
            return true;
    }
    // HFS+: ".git" in any case once the ignorable code points are dropped
    // (git's is_hfs_dotgit()). They all lie in the BMP, so UTF-16 code units
    // can be compared one by one; no allocation, as this runs for every
    // segment of every imported path.
    static constexpr char16_t dotGit[] = u".git";
    qsizetype matched = 0;
    for (const QChar c : segment) {
        if (isHfsIgnorable(c.unicode()))
            continue;
        if (matched == 4 || c.toCaseFolded() != QChar(dotGit[matched]))
            return false;
        ++matched;
    }
    return matched == 4;
}

Result<QString> normalizeEntryPath(const QString &raw)
{
    if (raw.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "empty path"));
    for (const QChar c : raw) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path contains a control character"));
    }
    if (raw.contains(QLatin1Char('\\')))
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path contains a backslash"));
    if (raw.startsWith(QLatin1Char('/')))
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "absolute path"));

    QStringList kept;
    for (const QString &segment : raw.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String(".."))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path contains \"..\""));
        if (isGitDirectoryName(segment))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path contains \"%1\", a name git reserves for its own folder "
                                                                                      "(a project may not carry git's configuration or hooks)").arg(segment));
        kept.append(segment);
    }
    if (kept.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path names no file"));
    return kept.join(QLatin1Char('/'));
}

Result<void> checkPathForExport(const QString &path)
{
    Result<QString> normalized = normalizeEntryPath(path);
    if (normalized && *normalized == path)
        return {};
    return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The project holds \"%1\", which REALM does not write out (%2). Nothing was "
                                                                              "exported. It was imported before REALM refused such paths: refresh the "
                                                                              "project from its source to drop it.")
                                   .arg(path, normalized ? QCoreApplication::translate("Realm::Projects", "not a canonical path") : normalized.error().message));
}

bool symlinkStaysInside(const QString &linkPath, const QString &target)
{
    if (target.isEmpty() || target.startsWith(QLatin1Char('/')) || target.contains(QLatin1Char('\\')))
        return false;
    QStringList parts = linkPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty())
        parts.removeLast(); // the link's own name; targets resolve from its folder
    for (const QString &segment : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (parts.isEmpty())
                return false;
            parts.removeLast();
        } else {
            parts.append(segment);
        }
    }
    return !parts.isEmpty();
}

QString PathCollisionDetector::add(const QString &path)
{
    const QString key = path.normalized(QString::NormalizationForm_C).toCaseFolded();
    const auto it = m_seen.constFind(key);
    if (it != m_seen.cend())
        return it.value();
    m_seen.insert(key, path);
    return {};
}

} // namespace Realm::Projects
