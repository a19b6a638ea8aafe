// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace Realm::Chat {

struct Usage;
struct Message;
struct Conversation;
struct MessageHit;
struct StoredProfile;

// The JSON form of the chat module's entities: what `realm-cli --json`
// prints, what conversation exports hold and what the server will answer.
// snake_case keys, RFC 3339 UTC times (common/jsontime.h); the README lists
// every shape. Keys a value does not have (no usage reported, no error) are
// left out rather than written empty.

QJsonObject toJson(const Usage &usage);
Usage usageFromJson(const QJsonObject &json);

// A message as exports keep it: its id and parent id, so a tree of
// regenerated answers survives the round trip.
QJsonObject toJson(const Message &message);
// Reads what toJson(Message) wrote; the ids are the exported ones.
Message messageFromJson(const QJsonObject &json);

QJsonObject toJson(const Conversation &conversation);
QJsonObject toJson(const MessageHit &hit);
// Never the key itself: only where it is kept.
QJsonObject toJson(const StoredProfile &profile);

} // namespace Realm::Chat
