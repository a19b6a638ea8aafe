// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docmodel.h"

#include <QMap>

namespace Realm::Docs {

bool DocProject::isDocumentable(const DocSymbol &symbol)
{
    static const QStringList kinds = {QStringLiteral("function"), QStringLiteral("method"), QStringLiteral("class"),
                                      QStringLiteral("struct"), QStringLiteral("enum"), QStringLiteral("interface"),
                                      QStringLiteral("prototype"), QStringLiteral("macro"), QStringLiteral("typedef"),
                                      QStringLiteral("trait"), QStringLiteral("implementation"), QStringLiteral("union"),
                                      QStringLiteral("module"), QStringLiteral("type"), QStringLiteral("func")};
    return symbol.isPublic() && kinds.contains(symbol.kind);
}

DocProject DocProject::build(const QString &name, const QList<DocSymbol> &symbols)
{
    DocProject project;
    project.name = name;
    QMap<QString, QMap<QString, DocFile>> byModule; // module -> path -> file, both sorted
    for (const DocSymbol &s : symbols) {
        const QString module = s.path.contains(QLatin1Char('/')) ? s.path.section(QLatin1Char('/'), 0, -2) : QString();
        DocFile &file = byModule[module][s.path];
        file.path = s.path;
        file.symbols.append(s);
        if (isDocumentable(s)) {
            ++file.coverage.total;
            if (!s.doc.isEmpty())
                ++file.coverage.documented;
        }
    }
    for (auto m = byModule.cbegin(); m != byModule.cend(); ++m) {
        DocModule module;
        module.path = m.key();
        for (const DocFile &file : m.value()) {
            module.files.append(file);
            module.coverage.documented += file.coverage.documented;
            module.coverage.total += file.coverage.total;
        }
        project.coverage.documented += module.coverage.documented;
        project.coverage.total += module.coverage.total;
        project.modules.append(module);
    }
    return project;
}

} // namespace Realm::Docs
