// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Realm::Sync {

// Whether content is binary, as Git decides: a NUL byte in it. Binary
// contents (UTF-16 text included) are never merged line by line.
bool looksBinary(const QByteArray &content);

// A three-way line merge of two edits of `base` (libgit2's, as
// `git merge-file`): the merged text, or nullopt when the edits touch the
// same lines or any side is binary.
std::optional<QByteArray> mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs);

// The lines two versions of a text do not share (libgit2's line diff, as
// `git diff`), 1-based: `removed` in `from`, `added` in `to`. For showing
// two versions side by side; nullopt when either is binary.
struct ChangedLines {
    QList<int> removed;
    QList<int> added;
};
std::optional<ChangedLines> changedLines(const QByteArray &from, const QByteArray &to);

} // namespace Realm::Sync
