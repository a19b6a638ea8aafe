// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

namespace Realm {

// Writes `bytes` to `fileName` all at once or not at all (QSaveFile): a full
// disk or a crash never leaves a half-written export behind. Refuses to
// replace an open workspace (see ProtectedFiles).
Result<void> writeFileAtomically(const QString &fileName, const QByteArray &bytes);

} // namespace Realm
