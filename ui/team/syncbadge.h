// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Realm::Ui {

// What the project list shows of a shared project.
struct SyncBadge {
    enum class Kind { Synced, Syncing, Pending, Conflicts, Failed, ReadOnly, Unshared };
    Kind kind = Kind::Synced;
    QString text;    // short: "Synced", "3 waiting", "2 conflicts"
    QString details; // a sentence for the tooltip
};

} // namespace Realm::Ui
