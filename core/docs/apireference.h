// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "docs/docmodel.h"

#include <QDate>
#include <QString>

namespace Realm::Docs {

// The API reference: deterministic, no LLM — module index, then a chapter
// per file with its types (methods and fields under them) and functions:
// declaration, description, parameters, return value, exceptions, see-also
// and source location, names in comments linked to their symbols. Markdown
// (GitHub flavour), through a Mustache template: the built-in one or a
// user's copy of it.
namespace ApiReference {

QString builtInTemplate();

// Which symbols the reference lists. Coverage counts every public symbol
// either way.
enum class Listed {
    All,            // every public symbol, "Not documented." where there is no comment
    DocumentedOnly, // those with a comment, and types whose members have one (Doxygen's EXTRACT_ALL = NO)
};

Result<QString> markdown(const DocProject &project, const QString &templateText = builtInTemplate(),
                         const QDate &date = QDate::currentDate(), Listed listed = Listed::All);

} // namespace ApiReference

} // namespace Realm::Docs
