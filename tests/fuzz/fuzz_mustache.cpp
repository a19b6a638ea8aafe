// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects the Mustache renderer (Docs::renderTemplate over kainjow-mustache,
// and collapseBlankLines after it), which renders templates other people
// share — documentation and starter templates — with values taken from code
// comments and project names: no template crashes it, recurses without
// bound or eats the memory (renderTemplate's own caps must stop it with an
// error first). One that renders for longer than libFuzzer's -timeout (10 s
// in scripts/fuzz; the renderer itself gives up after two minutes) is
// reported as a timeout. Only the public functions are called.
//
// Input: the template, a NUL byte, then the value (both UTF-8; no NUL: the
// whole input is the template and the value is empty). The data holds the
// value under "a" and "b", and a list "items" of two maps.

#include "mustache/mustache.h"
#include "fuzzsupport.h"

#include <QVariantList>
#include <QVariantMap>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Realm::Fuzz::ensureCoreApplication();
    const QByteArrayView input(data, qsizetype(size));
    const qsizetype nul = input.indexOf('\0');
    const QString mustacheTemplate = QString::fromUtf8(nul < 0 ? input : input.first(nul));
    const QString value = nul < 0 ? QString() : QString::fromUtf8(input.sliced(nul + 1));

    const QVariantMap first{{QStringLiteral("name"), value}, {QStringLiteral("flag"), true}, {QStringLiteral("a"), value}};
    const QVariantMap second{{QStringLiteral("name"), QStringLiteral("second")}, {QStringLiteral("flag"), false}};
    const QVariantMap values{
        {QStringLiteral("a"), value},
        {QStringLiteral("b"), value},
        {QStringLiteral("items"), QVariantList{first, second}},
    };

    const Realm::Result<QString> rendered = Realm::Mustache::renderTemplate(mustacheTemplate, values);
    if (rendered)
        (void)Realm::Mustache::collapseBlankLines(*rendered);
    else
        REALM_FUZZ_CHECK(!rendered.error().message.isEmpty(), QStringLiteral("a template was refused without a reason"));
    (void)Realm::Mustache::collapseBlankLines(value);
    return 0;
}
