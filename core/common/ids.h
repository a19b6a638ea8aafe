// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Realm {

// A new UUIDv7 (RFC 9562) as lowercase text: time-ordered, generated
// locally, unique across machines, so rows can be created offline and synced.
QString newId();
// Whether `text` has the form newId() gives (any UUID version, lowercase).
bool isId(QStringView text);

} // namespace Realm
