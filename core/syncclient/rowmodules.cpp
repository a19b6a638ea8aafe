// SPDX-License-Identifier: GPL-3.0-or-later
// The modules whose rows sync as JSON items, each through the same few
// functions (see RowModule).
#include "syncclient/syncsession.h"

#include "chat/chatreplica.h"
#include "docs/docreplica.h"
#include "projects/historyreplica.h"

namespace Realm::SyncClient::Detail {

namespace {

// The project's history first: a push sends a version before the changes
// of files that belong to it, so the server's order has it before them.
const RowModule kModules[] = {
    {Projects::HistoryReplica::isHistoryTable, Projects::HistoryReplica::itemData, Projects::HistoryReplica::pending,
     Projects::HistoryReplica::pendingCount, Projects::HistoryReplica::markAllPending, Projects::HistoryReplica::rows,
     Projects::HistoryReplica::references, Projects::HistoryReplica::apply, true},
    {Chat::Replica::isChatTable, Chat::Replica::itemData, Chat::Replica::pending, Chat::Replica::pendingCount, Chat::Replica::markAllPending,
     Chat::Replica::rows, Chat::Replica::references, Chat::Replica::apply, false},
    {Docs::Replica::isDocTable, Docs::Replica::itemData, Docs::Replica::pending, Docs::Replica::pendingCount, Docs::Replica::markAllPending,
     Docs::Replica::rows, Docs::Replica::references, Docs::Replica::apply, false},
};

} // namespace

std::span<const RowModule> rowModules()
{
    return kModules;
}

const RowModule *rowModuleFor(const QString &table)
{
    for (const RowModule &module : kModules)
        if (module.owns(table))
            return &module;
    return nullptr;
}

bool isRecordOfChanges(const QString &table)
{
    const RowModule *module = rowModuleFor(table);
    return module && module->recordsChanges;
}

} // namespace Realm::SyncClient::Detail
