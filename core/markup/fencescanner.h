// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Realm::Markup {

// Where fenced code blocks start and end, one line at a time, read as
// CommonMark (and so md4c, which renders them) reads them: an opening fence
// is up to three spaces, then three or more ` or ~, then an info string
// (for a backtick fence, one without backticks: "```a```" is code inside a
// paragraph); the block closes at a line of up to three spaces, at least as
// many of the same character and nothing else but spaces, or at the end of
// the text. The one reading of fences for the chat's streaming view, the
// pieces a large document is rendered in and the blank lines a template's
// output drops.
class FenceScanner final {
public:
    enum class Line {
        Text,    // outside code
        Opening, // the fence that opens a block
        Code,    // inside a block
        Closing, // the fence that closes it
    };

    Line next(QByteArrayView line); // without its '\n'
    bool inCode() const { return m_length > 0; }
    // The open block's language: the first word of its info string ("cpp"
    // in "```cpp title=x"); empty if none. Kept until the next block opens.
    QString language() const { return m_language; }

private:
    char m_char = 0;
    qsizetype m_length = 0; // 0: outside code
    QString m_language;
};

} // namespace Realm::Markup
