// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects the documentation-comment reader (DocComments::SourceLines,
// commentFor() and parse()), which runs over every source file of an
// imported project when its reference is generated: no source text crashes
// it, whatever the language and whatever line ctags names (including lines
// past the end); and SourceLines gives back the text it was given.
//
// Input: one byte choosing the language, one byte choosing an extra line to
// ask about (possibly out of range), then the source text (UTF-8). The
// comment of each of the first 256 lines is looked up and parsed, and the
// whole text is parsed as one comment too.

#include "docs/doccomments.h"
#include "fuzzsupport.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace Realm::Docs;

namespace {

// Universal Ctags' names: the ones doccomments.cpp treats specially, and a
// few it does not.
const char *const kLanguages[] = {"C++", "C", "Python", "Ruby", "Sh", "Perl", "Go", "Rust",
                                  "JavaScript", "TypeScript", "Java", "C#", "PHP", "Kotlin", "Lua", ""};

void touch(const DocComment &doc)
{
    // Reading every field: a use of a half-built result shows up here.
    qsizetype n = doc.brief.size() + doc.body.size() + doc.returns.size() + doc.deprecated.size() + doc.see.size();
    for (const auto &param : doc.params)
        n += param.first.size() + param.second.size();
    for (const auto &thrown : doc.throws)
        n += thrown.first.size() + thrown.second.size();
    (void)doc.isEmpty();
    (void)n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input(data, qsizetype(size));
    const quint8 languagePick = Realm::Fuzz::takeU8(input);
    const quint8 linePick = Realm::Fuzz::takeU8(input);
    const QString language = QLatin1String(kLanguages[languagePick % (sizeof kLanguages / sizeof kLanguages[0])]);
    const QString text = QString::fromUtf8(input);

    const DocComments::SourceLines lines(text);
    QStringList rebuilt;
    for (qsizetype i = 0; i < lines.size(); ++i)
        rebuilt << lines.at(i).toString();
    REALM_FUZZ_CHECK(rebuilt.join(QLatin1Char('\n')) == text,
                     QStringLiteral("SourceLines split %1 characters into %2 lines that do not join back into the text")
                         .arg(text.size())
                         .arg(lines.size()));

    const int lineCount = int(qMin<qsizetype>(lines.size(), 256));
    for (int line = 1; line <= lineCount; ++line)
        touch(DocComments::parse(DocComments::commentFor(lines, line, language)));
    // 0, -1 and lines past the end are asked for too: ctags' line numbers
    // come from another program.
    const int extra = int(linePick) - 2 + (linePick >= 128 ? int(lines.size()) - 128 : 0);
    touch(DocComments::parse(DocComments::commentFor(lines, extra, language)));

    touch(DocComments::parse(text));
    return 0;
}
