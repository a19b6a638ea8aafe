// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <KSyntaxHighlighting/Definition>

namespace KSyntaxHighlighting {
class Repository;
}

namespace Realm::Markup {

// The definition a code fence's tag names, read as GitHub reads it: one of
// GitHub's names that is neither a definition's name nor an extension
// (csharp, shell, objc …), a definition's name in any case, an extension,
// a file name. Invalid if none. The chat and exported HTML both ask here,
// each with the repository of its thread (a Repository is not thread-safe).
// Apart from codehighlight.h so that only code linking KSyntaxHighlighting
// sees its headers.
KSyntaxHighlighting::Definition definitionForFence(KSyntaxHighlighting::Repository &repository, const QString &tag);

} // namespace Realm::Markup
