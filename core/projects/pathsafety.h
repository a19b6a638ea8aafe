// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QHash>
#include <QString>

namespace Realm::Projects {

// Checks a path that came from outside (an archive entry, a git tree, a
// folder walk) and returns it in canonical form: relative, '/'-separated,
// without "." segments or repeated slashes. Rejects, with the reason, what
// could escape the project or fool a later export: "..", absolute paths,
// drive letters, backslashes, NUL and control characters, empty names.
Result<QString> normalizeEntryPath(const QString &raw);

// Whether a symlink at `linkPath` pointing to `target` stays inside the
// project (both relative to the project root).
bool symlinkStaysInside(const QString &linkPath, const QString &target);

// Detects paths that would collide on a case-insensitive or
// Unicode-normalizing file system ("README" / "readme", "é" precomposed /
// decomposed), and exact duplicates.
class PathCollisionDetector final {
public:
    // Empty when `path` is new; otherwise the earlier path it collides with.
    QString add(const QString &path);

private:
    QHash<QString, QString> m_seen;
};

} // namespace Realm::Projects
