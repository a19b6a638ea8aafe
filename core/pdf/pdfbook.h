// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

// PDF output, apart from Markdown and HTML (core/markup) because it needs
// QtGui (QTextDocument, QPdfWriter): what renders Markdown or HTML only does
// not link it.
namespace Realm::Pdf {

struct Options {
    // A title page with these lines under the title; none when empty.
    QStringList titlePage;
    // A table of contents listing the chapters (level-2 headings) and
    // their pages, after the title page.
    bool tableOfContents = false;
    // Each chapter starts on a new page.
    bool chapterPerPage = false;
};

// A PDF of the rendered Markdown: A4, a header with the title and the
// current chapter, "page n of N" at the foot. Written atomically. Needs a
// QGuiApplication (the offscreen platform will do).
Result<void> writePdf(const QString &title, const QString &markdown, const QString &fileName, const Options &options = {});

} // namespace Realm::Pdf
