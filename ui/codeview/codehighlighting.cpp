// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeview/codehighlighting.h"

#include "markup/fencelanguage.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

namespace Realm::Ui {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository shared;
    return shared;
}

namespace {
// Applies a definition's formats to a range of existing blocks, once (a
// SyntaxHighlighter would own the whole document and keep re-running).
class RangeHighlighter final : public KSyntaxHighlighting::AbstractHighlighter {
public:
    void run(QTextDocument *document, int firstBlock, int lastBlock)
    {
        KSyntaxHighlighting::State state;
        for (QTextBlock block = document->findBlockByNumber(firstBlock); block.isValid() && block.blockNumber() <= lastBlock;
             block = block.next()) {
            m_block = block;
            state = highlightLine(block.text(), state);
        }
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (length == 0 || format.isDefaultTextStyle(theme()))
            return;
        QTextCharFormat f;
        if (format.hasTextColor(theme()))
            f.setForeground(format.textColor(theme()));
        if (format.isBold(theme()))
            f.setFontWeight(QFont::Bold);
        if (format.isItalic(theme()))
            f.setFontItalic(true);
        QTextCursor cursor(m_block);
        cursor.setPosition(m_block.position() + offset);
        cursor.setPosition(m_block.position() + offset + length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(f);
    }

private:
    QTextBlock m_block;
};
} // namespace

void highlightCode(QTextDocument *document, int firstBlock, int lastBlock, const QString &language, bool dark)
{
    if (language.isEmpty() || lastBlock < firstBlock)
        return;
    KSyntaxHighlighting::Repository &repository = syntaxRepository();
    const KSyntaxHighlighting::Definition definition = Markup::definitionForFence(repository, language);
    if (!definition.isValid())
        return;
    RangeHighlighter highlighter;
    highlighter.setDefinition(definition);
    highlighter.setTheme(repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                      : KSyntaxHighlighting::Repository::LightTheme));
    highlighter.run(document, firstBlock, lastBlock);
}

} // namespace Realm::Ui
