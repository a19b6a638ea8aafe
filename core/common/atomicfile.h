// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Realm {

// Writes `bytes` to `fileName` all at once or not at all (QSaveFile): a full
// disk or a crash never leaves a half-written export behind. Refuses to
// replace an open workspace (see ProtectedFiles).
Result<void> writeFileAtomically(const QString &fileName, const QByteArray &bytes);
// The same, asking `stillWanted` once the bytes are on disk, right before
// they take the file's place: false leaves the file as it is then (someone
// saved over it meanwhile) and answers false. True when written.
Result<bool> writeFileAtomicallyIf(const QString &fileName, const QByteArray &bytes, const std::function<bool()> &stillWanted);

} // namespace Realm
