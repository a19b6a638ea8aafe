// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Realm {

// Where the workspace file lives: an explicit path (from --workspace) wins,
// then the REALM_WORKSPACE environment variable, then the platform's
// application data location.
QString resolveWorkspacePath(const QString &explicitPath = {});

} // namespace Realm
