// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/buildconfig.h"

#include <QString>

#if REALM_HAVE_SYNTAX_HIGHLIGHTING
#include <KSyntaxHighlighting/Definition>

namespace KSyntaxHighlighting {
class Repository;
}
#endif

namespace Realm::Markup {

// Code in the HTML REALM writes, coloured by KSyntaxHighlighting when the
// build has it (it is optional; see the README). The colours are CSS
// classes, one per KSyntaxHighlighting text style, with rules for its light
// and its dark theme, so a page follows the reader's colour scheme.

bool codeHighlightingAvailable();

#if REALM_HAVE_SYNTAX_HIGHLIGHTING
// The definition a code fence's tag names, read as GitHub reads it: one of
// GitHub's names that is neither a definition's name nor an extension
// (csharp, shell, objc …), a definition's name in any case, an extension,
// a file name. Invalid if none. The chat and exported HTML both ask here,
// each with the repository of its thread (a Repository is not thread-safe).
KSyntaxHighlighting::Definition definitionForFence(KSyntaxHighlighting::Repository &repository, const QString &tag);
#endif

// md4c's HTML with every fenced code block that names a language
// (<pre><code class="language-cpp">) split into <span class="hl-…"> runs.
// Blocks without a language, or in a language KSyntaxHighlighting does not
// know, stay as they are; so does everything without it. Safe to call from
// any thread.
QString highlightCodeBlocks(const QString &html);

// The CSS for those classes (light, and dark under prefers-color-scheme);
// empty without KSyntaxHighlighting.
QString codeHighlightStyleSheet();

} // namespace Realm::Markup
