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
// backslashes, NUL and C0 control characters or DEL, empty names, and a ".git"
// segment in any spelling git itself refuses (see isGitDirectoryName()).
// Every path REALM stores, renders from a template or writes to disk
// passes through here.
Result<QString> normalizeEntryPath(const QString &raw);

// Whether one path segment names git's own folder on some file system:
// ".git" in any case, with trailing dots or spaces or an NTFS stream
// (".git. ", ".git::$INDEX_ALLOCATION"), the short name "git~1", or with
// code points HFS+ ignores (".g\u200Cit"). A project holding one would
// hand git a configuration (and hooks) of the project's choosing.
bool isGitDirectoryName(QStringView segment);

// For writing a stored project out (an archive, a Git tree, a folder): an
// error naming `path` and why when normalizeEntryPath() refuses it. A
// project imported before a rule existed may still hold such a path.
Result<void> checkPathForExport(const QString &path);

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
