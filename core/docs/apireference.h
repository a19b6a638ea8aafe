// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "docs/docmodel.h"

namespace Realm::Docs {

// The API reference: deterministic, no LLM — module index, then per module
// and file every documentable symbol with its declaration, description,
// parameters, return value, exceptions and source location. Markdown
// (GitHub flavour), through a Mustache template: the built-in one or a
// user's copy of it.
namespace ApiReference {

QString builtInTemplate();
// The data a template sees (documented in the built-in template).
QVariantMap templateData(const DocProject &project);
Result<QString> markdown(const DocProject &project, const QString &templateText = builtInTemplate());

} // namespace ApiReference

} // namespace Realm::Docs
