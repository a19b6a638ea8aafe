// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Realm::Docs {

struct DocVersion;
struct DocTemplate;

// The JSON form of the docs module's entities: what `realm-cli --json`
// prints and what the server will answer. snake_case keys, RFC 3339 UTC
// times (common/jsontime.h); the README lists every shape.

// A generated document without its text; "stats" holds files, symbols,
// documented, documentable, coverage (0–1) and what the generation redid
// (files_extracted, files_reused, summaries_written, summaries_reused).
QJsonObject toJson(const DocVersion &version);
// A stored template without its body.
QJsonObject toJson(const DocTemplate &docTemplate);

// A template as a file of its own, to move it to another workspace
// (`docs template export`, the Documentation Templates dialog's Export…):
// {"name", "kind", "body", "prompt"}, an organization's under its own name.
QByteArray templateFile(const DocTemplate &docTemplate);
// The template such a file holds, checked as validateTemplate checks it
// (`source` names the file in what is said).
Result<DocTemplate> templateFromFile(const QByteArray &bytes, const QString &source);

// The stats keys of documents generated before keys were snake_case
// ("filesExtracted"), renamed; anything else is kept as it is.
QJsonObject statsFromStored(const QJsonObject &stored);

} // namespace Realm::Docs
