// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docmodel.h"

#include <QMap>

namespace Realm::Docs {

bool DocProject::isDocumentable(const DocSymbol &symbol)
{
    // A list, not a set: comparing a few lengths beats hashing every kind
    // of tens of thousands of symbols.
    static const QStringList kinds = {QStringLiteral("function"), QStringLiteral("prototype"), QStringLiteral("macro"),
                                      QStringLiteral("struct"), QStringLiteral("method"), QStringLiteral("class"),
                                      QStringLiteral("enum"), QStringLiteral("interface"), QStringLiteral("typedef"),
                                      QStringLiteral("trait"), QStringLiteral("implementation"), QStringLiteral("union"),
                                      QStringLiteral("module"), QStringLiteral("type"), QStringLiteral("func")};
    if (!symbol.isPublic())
        return false;
    for (const QString &kind : kinds) {
        if (kind.size() == symbol.kind.size() && kind == symbol.kind)
            return true;
    }
    return false;
}

DocProject DocProject::build(const QString &name, QList<DocSymbol> symbols)
{
    DocProject project;
    project.name = name;
    QMap<QString, QMap<QString, DocFile>> byModule; // module -> path -> file, both sorted
    DocFile *current = nullptr; // a file's symbols come together: look it up once
    for (DocSymbol &s : symbols) {
        if (!current || current->path != s.path) {
            const qsizetype slash = s.path.lastIndexOf(QLatin1Char('/'));
            current = &byModule[slash < 0 ? QString() : s.path.left(slash)][s.path];
            current->path = s.path;
        }
        if (isDocumentable(s)) {
            ++current->coverage.total;
            if (!s.doc.isEmpty())
                ++current->coverage.documented;
        }
        current->symbols.append(std::move(s));
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
