// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/docsymbol.h"

#include <QStringList>

namespace Realm::Docs {

// Finds and parses documentation comments in source text. Languages are
// Universal Ctags' names (C++, Python, Rust, Go, JavaScript, …).
namespace DocComments {

// The documentation comment of the symbol declared on `line` (1-based), with
// its comment markers removed: the block right above it (/** */, /*! */,
// ///, //!, # lines, C# ///), or for Python a docstring right below the
// `def`/`class` line. Empty when there is none.
QString commentFor(const QStringList &lines, int line, const QString &language);

// Splits a comment into its tags and sections.
DocComment parse(const QString &comment);

} // namespace DocComments

} // namespace Realm::Docs
