// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Realm::Markup {

// Code in the HTML REALM writes, coloured by KSyntaxHighlighting. The
// colours are CSS classes, one per KSyntaxHighlighting text style, with
// rules for its light and its dark theme, so a page follows the reader's
// colour scheme.

// md4c's HTML with every fenced code block that names a language
// (<pre><code class="language-cpp">) split into <span class="hl-…"> runs.
// Blocks without a language, or in a language KSyntaxHighlighting does not
// know, stay as they are. Safe to call from any thread.
QString highlightCodeBlocks(const QString &html);

// The CSS for those classes (light, and dark under prefers-color-scheme).
QString codeHighlightStyleSheet();

} // namespace Realm::Markup
