// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/orgqualified.h"

#include <QCoreApplication>

namespace Realm {

Error ambiguousOrgTemplate(const QString &name, const QStringList &qualifiedNames)
{
    return Error::invalidInput(QCoreApplication::translate("Realm::Common", "\"%1\" is a template of several organizations: name the one you mean (%2).")
                                   .arg(name, qualifiedNames.join(QStringLiteral(", "))));
}

} // namespace Realm
