// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/apireference.h"

#include "docs/referencecontext.h"
#include "docs/referenceentries.h"
#include "mustache/mustachedata.h"

#include <QFile>

namespace Realm::Docs::ApiReference {

QString builtInTemplate()
{
    QFile file(QStringLiteral(":/realm/docs/templates/api.md.mustache"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

Result<QString> markdown(const DocProject &project, const QString &templateText, const QDate &date, Listed listed)
{
    const Entries entries = entriesOf(project, listed);
    ReferenceContext context(project, date, entries);
    return Mustache::renderMarkdown(templateText, context);
}

} // namespace Realm::Docs::ApiReference
