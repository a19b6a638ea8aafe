// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/docsymbol.h"

#include <QStringList>

namespace Realm::Docs {

// Finds and parses documentation comments in source text. Languages are
// Universal Ctags' names (C++, Python, Rust, Go, JavaScript, …).
namespace DocComments {

// The lines of a text as views into it: finding a comment looks at a few
// lines around each symbol, and splitting every file into a list of
// strings first cost more than all the looking.
class SourceLines final {
public:
    explicit SourceLines(QString text);
    qsizetype size() const { return m_starts.size(); }
    // Line `index` (0-based) without its newline.
    QStringView at(qsizetype index) const;

private:
    QString m_text;
    QList<qsizetype> m_starts;
};

// The documentation comment of the symbol declared on `line` (1-based), with
// its comment markers removed: the block right above it (/** */, /*! */,
// ///, //!, // in Go, # lines in Python, Ruby and shell, C# ///), past
// decorators, attributes, template heads and a C/C++ return type on its own
// line; else a Doxygen comment after it on its line (///<, /**< */); for
// Python first the docstring below the `def`/`class` header, which may span
// several lines. Empty when there is none.
QString commentFor(const SourceLines &lines, int line, const QString &language);

// Splits a comment into its tags (@param in its JSDoc, Doxygen, YARD and
// PHPDoc forms, @return, @throws, …) and its Google ("Args:") or NumPy
// ("Parameters" over dashes) sections.
DocComment parse(const QString &comment);

} // namespace DocComments

} // namespace Realm::Docs
