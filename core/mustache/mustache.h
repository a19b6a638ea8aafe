// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QVariant>

namespace Realm::Mustache {

// Mustache templates (kainjow-mustache) over Qt data: a QVariantMap is an
// object, a QVariantList a list, a bool a section switch, anything else
// text. Output is Markdown, so nothing is HTML-escaped. A broken template
// is an error that says where.
Result<QString> renderTemplate(const QString &mustacheTemplate, const QVariantMap &data);

// The same for Markdown: renderTemplate(), then collapseBlankLines().
Result<QString> renderMarkdown(const QString &mustacheTemplate, const QVariantMap &data);

// Sections a template left out leave their lines behind: no blank line at
// the top, at most one in a row, except inside code blocks.
QString collapseBlankLines(const QString &markdown);

} // namespace Realm::Mustache
