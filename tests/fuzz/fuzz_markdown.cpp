// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects Markdown → HTML (Markup::markdownToHtml and htmlPage: md4c, then
// REALM's link and image filtering, heading anchors and code highlighting),
// which renders model answers and code comments nobody vetted: no input
// crashes it, and the HTML keeps the promise in markdownoutput.h that it
// runs and fetches nothing when opened. Checked on every output, reading
// attribute values the way a browser does (entities decoded, tabs and
// newlines dropped):
// - every '<' opens or closes a tag (text is always escaped); no script,
//   style, frame, object, form or similar element; no on* attribute;
// - links keep only http, https, mailto, relative and #anchor targets;
// - images load only from relative paths (mailto aside, which loads nothing).
// htmlPage must also escape the title.
//
// Input: the Markdown text (UTF-8); its first line, up to 100 characters,
// is also the page title.

#include "fuzzsupport.h"
#include "markup/markdownoutput.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace Realm::Markup;

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// The value of a digit in base 16 (or 10), or -1.
int digitValue(QChar c, bool hex)
{
    if (isAsciiDigit(c))
        return c.unicode() - '0';
    if (hex && c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (hex && c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

// An attribute value as the browser sees it: character references decoded
// (numeric ones, and the few named ones that could spell a scheme).
QString decodeEntities(QStringView value)
{
    static const struct {
        const char *name;
        char16_t character;
    } kNamed[] = {{"amp", u'&'}, {"lt", u'<'}, {"gt", u'>'}, {"quot", u'"'}, {"apos", u'\''},
                  {"colon", u':'}, {"Tab", u'\t'}, {"NewLine", u'\n'}, {"sol", u'/'}, {"bsol", u'\\'}};
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != QLatin1Char('&')) {
            out += value.at(i);
            continue;
        }
        qsizetype j = i + 1;
        if (j < value.size() && value.at(j) == QLatin1Char('#')) {
            ++j;
            const bool hex = j < value.size() && (value.at(j) == QLatin1Char('x') || value.at(j) == QLatin1Char('X'));
            if (hex)
                ++j;
            const qsizetype digits = j;
            char32_t code = 0;
            while (j < value.size() && digitValue(value.at(j), hex) >= 0) {
                code = qMin<char32_t>(code * (hex ? 16 : 10) + char32_t(digitValue(value.at(j), hex)), 0x110000);
                ++j;
            }
            if (j > digits) {
                if (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
                    code = 0xfffd;
                out += QString::fromUcs4(&code, 1);
                if (j < value.size() && value.at(j) == QLatin1Char(';'))
                    ++j;
                i = j - 1;
                continue;
            }
        } else {
            bool matched = false;
            for (const auto &named : kNamed) {
                const QLatin1String name(named.name);
                if (value.sliced(j).startsWith(name) && j + name.size() < value.size() && value.at(j + name.size()) == QLatin1Char(';')) {
                    out += QChar(named.character);
                    i = j + name.size();
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
        }
        out += value.at(i);
    }
    return out;
}

// The URL's scheme, lower case, as a browser parses it; empty for a
// relative URL.
QString schemeOf(const QString &url)
{
    QString cleaned;
    for (const QChar c : url) {
        if (c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            cleaned += c;
    }
    qsizetype start = 0;
    while (start < cleaned.size() && cleaned.at(start).unicode() <= 0x20)
        ++start;
    cleaned = cleaned.sliced(start);
    for (qsizetype i = 0; i < cleaned.size(); ++i) {
        const QChar c = cleaned.at(i);
        if (c == QLatin1Char(':'))
            return i > 0 && isAsciiLetter(cleaned.at(0)) ? cleaned.first(i).toLower() : QString();
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('.'))
            return {};
    }
    return {};
}

bool isNetworkPath(const QString &url)
{
    QString cleaned = url.trimmed();
    cleaned.replace(QLatin1Char('\\'), QLatin1Char('/'));
    cleaned.remove(QLatin1Char('\t'));
    cleaned.remove(QLatin1Char('\n'));
    cleaned.remove(QLatin1Char('\r'));
    return cleaned.startsWith(QLatin1String("//"));
}

void checkSafe(const QString &html, const QString &where)
{
    static const QSet<QString> kForbiddenElements{
        QStringLiteral("script"), QStringLiteral("style"),    QStringLiteral("iframe"),   QStringLiteral("frame"),
        QStringLiteral("frameset"), QStringLiteral("object"), QStringLiteral("embed"),    QStringLiteral("applet"),
        QStringLiteral("base"),   QStringLiteral("meta"),     QStringLiteral("link"),     QStringLiteral("form"),
        QStringLiteral("button"), QStringLiteral("svg"),      QStringLiteral("math"),     QStringLiteral("template"),
        QStringLiteral("textarea"), QStringLiteral("select"), QStringLiteral("noscript"), QStringLiteral("title"),
        QStringLiteral("audio"),  QStringLiteral("video"),    QStringLiteral("source"),   QStringLiteral("portal")};
    static const QSet<QString> kUnexpectedUrlAttributes{
        QStringLiteral("srcset"), QStringLiteral("action"), QStringLiteral("formaction"), QStringLiteral("poster"),
        QStringLiteral("background"), QStringLiteral("xlink:href"), QStringLiteral("ping"), QStringLiteral("data")};
    const qsizetype n = html.size();
    for (qsizetype at = html.indexOf(QLatin1Char('<')); at >= 0; at = html.indexOf(QLatin1Char('<'), at + 1)) {
        // Built only when a check fails.
        const auto context = [&] { return QStringLiteral("%1, at character %2: %3").arg(where, QString::number(at), html.mid(at, 160)); };
        qsizetype p = at + 1;
        if (p < n && html.at(p) == QLatin1Char('/'))
            continue;
        REALM_FUZZ_CHECK(p < n && isAsciiLetter(html.at(p)), QStringLiteral("a '<' that opens no tag (unescaped text) in ") + context());
        const qsizetype nameStart = p;
        while (p < n && (isAsciiLetter(html.at(p)) || isAsciiDigit(html.at(p))))
            ++p;
        const QString element = html.sliced(nameStart, p - nameStart).toLower();
        REALM_FUZZ_CHECK(!kForbiddenElements.contains(element), QStringLiteral("a <%1> element in ").arg(element) + context());
        for (;;) {
            while (p < n && html.at(p).isSpace())
                ++p;
            REALM_FUZZ_CHECK(p < n, QStringLiteral("an unterminated tag in ") + context());
            if (html.at(p) == QLatin1Char('>') || (html.at(p) == QLatin1Char('/') && p + 1 < n && html.at(p + 1) == QLatin1Char('>')))
                break;
            const qsizetype attributeStart = p;
            while (p < n && !html.at(p).isSpace() && html.at(p) != QLatin1Char('=') && html.at(p) != QLatin1Char('>')
                   && html.at(p) != QLatin1Char('/'))
                ++p;
            const QString attribute = html.sliced(attributeStart, p - attributeStart).toLower();
            REALM_FUZZ_CHECK(!attribute.isEmpty(), QStringLiteral("a stray character in a tag in ") + context());
            REALM_FUZZ_CHECK(!attribute.startsWith(QLatin1String("on")), QStringLiteral("an event handler attribute in ") + context());
            REALM_FUZZ_CHECK(!kUnexpectedUrlAttributes.contains(attribute), QStringLiteral("a URL attribute REALM never writes in ") + context());
            QString value;
            if (p < n && html.at(p) == QLatin1Char('=')) {
                ++p;
                if (p < n && html.at(p) == QLatin1Char('"')) {
                    const qsizetype close = html.indexOf(QLatin1Char('"'), p + 1);
                    REALM_FUZZ_CHECK(close > p, QStringLiteral("an unterminated attribute value in ") + context());
                    value = decodeEntities(QStringView(html).sliced(p + 1, close - p - 1));
                    p = close + 1;
                } else {
                    const qsizetype valueStart = p;
                    while (p < n && !html.at(p).isSpace() && html.at(p) != QLatin1Char('>'))
                        ++p;
                    value = decodeEntities(QStringView(html).sliced(valueStart, p - valueStart));
                }
            }
            if (attribute == QLatin1String("href")) {
                const QString scheme = schemeOf(value);
                REALM_FUZZ_CHECK(scheme.isEmpty() || scheme == QLatin1String("http") || scheme == QLatin1String("https")
                                     || scheme == QLatin1String("mailto"),
                                 QStringLiteral("a link to a \"%1:\" URL in ").arg(scheme) + context());
            } else if (attribute == QLatin1String("src")) {
                const QString scheme = schemeOf(value);
                REALM_FUZZ_CHECK(element == QLatin1String("img"), QStringLiteral("a src attribute on <%1> in ").arg(element) + context());
                REALM_FUZZ_CHECK((scheme.isEmpty() || scheme == QLatin1String("mailto")) && !isNetworkPath(value),
                                 QStringLiteral("an image that is not loaded from a relative path in ") + context());
            }
        }
        at = p; // the next '<' is after this tag
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Realm::Fuzz::ensureCoreApplication();
    const QString markdown = QString::fromUtf8(QByteArrayView(data, qsizetype(size)));

    checkSafe(markdownToHtml(markdown), QStringLiteral("markdownToHtml"));

    const QString title = markdown.section(QLatin1Char('\n'), 0, 0).left(100);
    const QString page = htmlPage(title, markdown);
    const QString titleElement = QStringLiteral("<title>") + title.toHtmlEscaped() + QStringLiteral("</title>");
    REALM_FUZZ_CHECK(page.contains(titleElement), QStringLiteral("htmlPage did not escape the title"));
    const QString bodyOpen = QStringLiteral("<body>\n");
    const qsizetype bodyStart = page.indexOf(bodyOpen);
    const qsizetype bodyEnd = page.lastIndexOf(QLatin1String("</body>"));
    REALM_FUZZ_CHECK(bodyStart >= 0 && bodyEnd >= bodyStart + bodyOpen.size(), QStringLiteral("htmlPage wrote no body"));
    checkSafe(page.sliced(bodyStart + bodyOpen.size(), bodyEnd - bodyStart - bodyOpen.size()), QStringLiteral("htmlPage's body"));
    return 0;
}
