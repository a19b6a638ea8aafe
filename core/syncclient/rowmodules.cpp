// SPDX-License-Identifier: GPL-3.0-or-later
// The modules whose rows sync as JSON items, each through the same few
// functions (see RowModule).
#include "syncclient/syncsession.h"

#include "chat/chatreplica.h"
#include "docs/docreplica.h"

namespace Realm::SyncClient::Detail {

namespace {

const RowModule kModules[] = {
    {Chat::Replica::isChatTable, Chat::Replica::itemData, Chat::Replica::pending, Chat::Replica::pendingCount, Chat::Replica::markAllPending,
     Chat::Replica::rows, Chat::Replica::references, Chat::Replica::apply},
    {Docs::Replica::isDocTable, Docs::Replica::itemData, Docs::Replica::pending, Docs::Replica::pendingCount, Docs::Replica::markAllPending,
     Docs::Replica::rows, Docs::Replica::references, Docs::Replica::apply},
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

} // namespace Realm::SyncClient::Detail
