// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/codehighlight.h"

#include "markup/fencelanguage.h"
#include "markup/headings.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QColor>
#include <QHash>
#include <QMetaEnum>
#include <QMutex>
#include <QStringList>

namespace Realm::Markup {

KSyntaxHighlighting::Definition definitionForFence(KSyntaxHighlighting::Repository &repository, const QString &tag)
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("shell"), QStringLiteral("Bash")},  {QStringLiteral("sh"), QStringLiteral("Bash")},
        {QStringLiteral("csharp"), QStringLiteral("C#")},   {QStringLiteral("cs"), QStringLiteral("C#")},
        {QStringLiteral("objc"), QStringLiteral("Objective-C")}, {QStringLiteral("php"), QStringLiteral("PHP/PHP")},
    };
    if (tag.isEmpty())
        return {};
    const QString name = aliases.value(tag.toLower(), tag);
    for (const KSyntaxHighlighting::Definition &d : repository.definitions()) {
        if (d.name().compare(name, Qt::CaseInsensitive) == 0)
            return d;
    }
    if (KSyntaxHighlighting::Definition byExtension = repository.definitionForFileName(QStringLiteral("code.") + tag); byExtension.isValid())
        return byExtension;
    return repository.definitionForFileName(tag);
}

namespace {
using KSyntaxHighlighting::Theme;

// Loading the definitions takes a while, and a Repository is not meant
// for several threads at once: one, used under a lock.
struct SharedRepository {
    QMutex lock;
    KSyntaxHighlighting::Repository repository;
    QHash<QString, KSyntaxHighlighting::Definition> byLanguage; // a fence's tag -> its definition
};

SharedRepository &shared()
{
    static SharedRepository instance;
    return instance;
}

QString className(Theme::TextStyle style)
{
    return QStringLiteral("hl-") + QString::fromLatin1(QMetaEnum::fromType<Theme::TextStyle>().valueToKey(style)).toLower();
}

// Writes each line as escaped HTML with a span per styled run.
class SpanHighlighter final : public KSyntaxHighlighting::AbstractHighlighter {
public:
    // `prelude`: a line run first and not written, for languages whose
    // code only counts after an opening tag (PHP's "<?php").
    QString run(const QString &code, const QString &prelude = {})
    {
        KSyntaxHighlighting::State state;
        QString out;
        if (!prelude.isEmpty()) {
            QString ignored;
            m_line = prelude;
            m_done = 0;
            m_out = &ignored;
            state = highlightLine(m_line, state);
        }
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = lines.at(i);
            m_done = 0;
            m_out = &out;
            state = highlightLine(m_line, state);
            out += m_line.mid(m_done).toHtmlEscaped();
            if (i + 1 < lines.size())
                out += QLatin1Char('\n');
        }
        return out;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (length <= 0 || offset < m_done)
            return;
        *m_out += m_line.mid(m_done, offset - m_done).toHtmlEscaped();
        const QString text = m_line.mid(offset, length).toHtmlEscaped();
        if (format.textStyle() == Theme::Normal)
            *m_out += text;
        else
            *m_out += QStringLiteral("<span class=\"") + className(format.textStyle()) + QStringLiteral("\">") + text
                      + QStringLiteral("</span>");
        m_done = offset + length;
    }

private:
    QString m_line;
    int m_done = 0;
    QString *m_out = nullptr;
};

QString rules(const Theme &theme)
{
    QString css;
    const QMetaEnum styles = QMetaEnum::fromType<Theme::TextStyle>();
    for (int i = 0; i < styles.keyCount(); ++i) {
        const auto style = Theme::TextStyle(styles.value(i));
        if (style == Theme::Normal)
            continue;
        QString rule = QStringLiteral("color: %1;").arg(QColor::fromRgba(theme.textColor(style)).name());
        if (theme.isBold(style))
            rule += QStringLiteral(" font-weight: bold;");
        if (theme.isItalic(style))
            rule += QStringLiteral(" font-style: italic;");
        css += QStringLiteral(".%1 { %2 }\n").arg(className(style), rule);
    }
    return css;
}
} // namespace

QString highlightCodeBlocks(const QString &html)
{
    static const QLatin1String open("<pre><code class=\"language-");
    static const QLatin1String close("</code></pre>");
    if (!html.contains(open))
        return html;
    SharedRepository &repo = shared();
    const QMutexLocker locker(&repo.lock);
    QString out;
    out.reserve(html.size() + html.size() / 4);
    qsizetype at = 0;
    for (qsizetype start = html.indexOf(open); start >= 0; start = html.indexOf(open, at)) {
        const qsizetype tagEnd = html.indexOf(QLatin1String("\">"), start + open.size());
        const qsizetype end = tagEnd < 0 ? -1 : html.indexOf(close, tagEnd);
        if (end < 0)
            break;
        const QString language = html.mid(start + open.size(), tagEnd - start - open.size());
        auto known = repo.byLanguage.constFind(language);
        if (known == repo.byLanguage.cend())
            known = repo.byLanguage.insert(language, definitionForFence(repo.repository, language));
        const KSyntaxHighlighting::Definition definition = *known;
        const qsizetype codeStart = tagEnd + 2;
        out += QStringView(html).mid(at, codeStart - at);
        if (definition.isValid()) {
            SpanHighlighter highlighter;
            highlighter.setDefinition(definition);
            highlighter.setTheme(repo.repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
            const bool php = definition.name().startsWith(QLatin1String("PHP"));
            out += highlighter.run(unescapedHtml(QStringView(html).mid(codeStart, end - codeStart)), php ? QStringLiteral("<?php") : QString());
        } else {
            out += QStringView(html).mid(codeStart, end - codeStart);
        }
        at = end;
    }
    out += QStringView(html).mid(at);
    return out;
}

QString codeHighlightStyleSheet()
{
    SharedRepository &repo = shared();
    const QMutexLocker locker(&repo.lock);
    return rules(repo.repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme))
           + QStringLiteral("@media (prefers-color-scheme: dark) {\n")
           + rules(repo.repository.defaultTheme(KSyntaxHighlighting::Repository::DarkTheme)) + QStringLiteral("}\n");
}

} // namespace Realm::Markup
