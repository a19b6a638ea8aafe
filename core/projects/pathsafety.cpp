// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/pathsafety.h"

#include <QCoreApplication>
#include <QStringList>

namespace Realm::Projects {

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
    if (raw.size() >= 2 && raw.at(1) == QLatin1Char(':') && raw.at(0).isLetter())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path starts with a drive letter"));

    QStringList kept;
    for (const QString &segment : raw.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String(".."))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path contains \"..\""));
        kept.append(segment);
    }
    if (kept.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "path names no file"));
    return kept.join(QLatin1Char('/'));
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
