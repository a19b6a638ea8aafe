// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/pluralforms.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Realm {

bool installEnglishPluralForms()
{
    auto *forms = new QTranslator(QCoreApplication::instance());
    // Made from translations/realm_en.ts (numerus messages only) at build time.
    if (!forms->load(QString::fromLatin1(kEnglishPluralFormsFile))) {
        delete forms;
        return false;
    }
    return QCoreApplication::installTranslator(forms);
}

} // namespace Realm
