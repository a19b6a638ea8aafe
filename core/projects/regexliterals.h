// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include <optional>

namespace Realm::Projects {

// Literal strings a regular expression cannot match without: the result is
// a list of alternatives, each a list of strings that must all occur in a
// matching line. std::nullopt means "no usable literal": every line must be
// checked. Conservative by design — whatever it cannot prove (groups,
// classes, inline flags, escapes it does not know) it leaves out, because a
// literal wrongly required would hide real matches.
std::optional<QList<QStringList>> requiredLiterals(const QString &pattern, int minimumLength = 3);

} // namespace Realm::Projects
