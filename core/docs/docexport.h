// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "docs/docstore.h"

#include <QStringList>

#include <optional>

namespace Realm::Docs {

// Markdown (the canonical form), one self-contained HTML page, a
// multi-page HTML site, or a PDF with title page and contents.
enum class OutputFormat { Markdown, Html, Site, Pdf };
QString outputFormatName(OutputFormat format); // md, html, site, pdf
std::optional<OutputFormat> outputFormatFromName(const QString &name);

// Writes a document to the folder `dir` (made if missing): api.md,
// api.html, a site (index.html, a page per chapter, style.css, site.js) or
// api.pdf — named after the kind, or the template for custom documents.
// Returns the files written, the one to open first. PDF needs a
// QGuiApplication.
Result<QStringList> exportDocument(const DocVersion &version, OutputFormat format, const QString &dir);

} // namespace Realm::Docs
