// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

namespace Realm::Sync {

// Whether content is binary, as Git decides: a NUL byte in it. Binary
// contents (UTF-16 text included) are never merged line by line.
bool looksBinary(const QByteArray &content);

// A three-way line merge of two edits of `base` (libgit2's, as
// `git merge-file`): the merged text, or nullopt when the edits touch the
// same lines or any side is binary.
std::optional<QByteArray> mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs);

} // namespace Realm::Sync
