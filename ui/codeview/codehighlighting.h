// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextDocument;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Realm::Ui {

// One repository for the whole app: loading the definitions is expensive.
KSyntaxHighlighting::Repository &syntaxRepository();

// Colours blocks [firstBlock, lastBlock] of `document` — a fenced code block
// in a chat answer — as `language` (the fence's tag: cpp, python, rust…, or
// a file name). Does nothing for an unknown language.
void highlightCode(QTextDocument *document, int firstBlock, int lastBlock, const QString &language, bool dark);

} // namespace Realm::Ui
