// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatrequest.h"

namespace Realm::Chat {

QString ChatMessage::roleName(Role role)
{
    switch (role) {
    case Role::System:
        return QStringLiteral("system");
    case Role::User:
        return QStringLiteral("user");
    case Role::Assistant:
        return QStringLiteral("assistant");
    case Role::Tool:
        return QStringLiteral("tool");
    }
    return {};
}

ChatMessage::Role ChatMessage::roleFromName(const QString &name)
{
    for (Role role : {Role::System, Role::User, Role::Assistant, Role::Tool}) {
        if (roleName(role) == name)
            return role;
    }
    return Role::User;
}

} // namespace Realm::Chat
