// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/apireference.h"

#include "docs/templaterenderer.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace Realm::Docs::ApiReference {

namespace {
QString percent(const Coverage &c)
{
    return QStringLiteral("%1 %").arg(qRound(c.ratio() * 100));
}

// GitHub's heading anchors: lower case, spaces to '-', punctuation dropped.
QString anchorFor(const QString &heading)
{
    QString anchor = heading.toLower();
    static const QRegularExpression drop(QStringLiteral("[^a-z0-9 _-]"));
    anchor.remove(drop);
    anchor.replace(QLatin1Char(' '), QLatin1Char('-'));
    return anchor;
}

QVariantList pairs(const QList<QPair<QString, QString>> &list)
{
    QVariantList out;
    for (const auto &[name, text] : list)
        out.append(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("text"), text}});
    return out;
}
} // namespace

QString builtInTemplate()
{
    QFile file(QStringLiteral(":/realm/docs/templates/api.md.mustache"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QVariantMap templateData(const DocProject &project)
{
    QVariantList modules;
    for (const DocModule &module : project.modules) {
        QVariantList files;
        for (const DocFile &file : module.files) {
            QVariantList symbols;
            for (const DocSymbol &s : file.symbols) {
                if (!DocProject::isDocumentable(s))
                    continue;
                const QString declaration =
                    (s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature;
                symbols.append(QVariantMap{
                    {QStringLiteral("name"), s.name},
                    {QStringLiteral("qualified"), s.qualifiedName},
                    {QStringLiteral("kind"), s.kind},
                    {QStringLiteral("declaration"), declaration},
                    {QStringLiteral("brief"), s.doc.brief},
                    {QStringLiteral("body"), s.doc.body},
                    {QStringLiteral("hasParams"), !s.doc.params.isEmpty()},
                    {QStringLiteral("params"), pairs(s.doc.params)},
                    {QStringLiteral("returns"), s.doc.returns},
                    {QStringLiteral("hasThrows"), !s.doc.throws.isEmpty()},
                    {QStringLiteral("throws"), pairs(s.doc.throws)},
                    {QStringLiteral("deprecated"), s.doc.deprecated},
                    {QStringLiteral("undocumented"), s.doc.isEmpty()},
                    {QStringLiteral("location"), QStringLiteral("%1:%2").arg(s.path).arg(s.line)},
                });
            }
            if (symbols.isEmpty())
                continue;
            files.append(QVariantMap{{QStringLiteral("path"), file.path},
                                     {QStringLiteral("coverage"), percent(file.coverage)},
                                     {QStringLiteral("symbols"), symbols}});
        }
        if (files.isEmpty())
            continue;
        const QString title = module.path.isEmpty() ? QCoreApplication::translate("Realm::Docs", "Top level") : module.path;
        modules.append(QVariantMap{{QStringLiteral("title"), title},
                                   {QStringLiteral("anchor"), anchorFor(title)},
                                   {QStringLiteral("fileCount"), QString::number(files.size())},
                                   {QStringLiteral("coverage"), percent(module.coverage)},
                                   {QStringLiteral("files"), files}});
    }
    return {{QStringLiteral("project"), project.name},
            {QStringLiteral("coverage"), percent(project.coverage)},
            {QStringLiteral("documented"), QString::number(project.coverage.documented)},
            {QStringLiteral("total"), QString::number(project.coverage.total)},
            {QStringLiteral("modules"), modules}};
}

Result<QString> markdown(const DocProject &project, const QString &templateText)
{
    Result<QString> rendered = renderTemplate(templateText, templateData(project));
    if (!rendered)
        return rendered;
    // Sections left out leave their lines behind: at most one blank line in
    // a row, except inside code blocks.
    QStringList out;
    bool inFence = false;
    for (const QString &line : rendered->split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("```")))
            inFence = !inFence;
        if (!inFence && line.trimmed().isEmpty() && !out.isEmpty() && out.last().trimmed().isEmpty())
            continue;
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace Realm::Docs::ApiReference
