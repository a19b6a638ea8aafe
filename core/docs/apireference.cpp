// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/apireference.h"

#include "docs/templaterenderer.h"

#include "markup/headings.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QFile>
#include <QRegularExpression>

namespace Realm::Docs::ApiReference {

namespace {
QString percent(const Coverage &c)
{
    return QStringLiteral("%1 %").arg(qRound(c.ratio() * 100));
}

QString moduleTitle(const DocModule &module)
{
    return module.path.isEmpty() ? QCoreApplication::translate("Realm::Docs", "Top level") : module.path;
}

bool isTypeLike(const DocSymbol &s)
{
    static const QStringList kinds = {QStringLiteral("class"), QStringLiteral("struct"), QStringLiteral("union"), QStringLiteral("interface"),
                                      QStringLiteral("trait"), QStringLiteral("enum"), QStringLiteral("implementation"),
                                      QStringLiteral("module"), QStringLiteral("namespace"), QStringLiteral("object")};
    return kinds.contains(s.kind);
}

bool isField(const DocSymbol &s)
{
    static const QStringList kinds = {QStringLiteral("member"), QStringLiteral("field"), QStringLiteral("property"),
                                      QStringLiteral("enumerator"), QStringLiteral("variable"), QStringLiteral("constant")};
    return kinds.contains(s.kind) && s.isPublic();
}

// Where every documentable symbol's heading is, and how names in comments
// find them: a qualified name first, then a name only one symbol has, then
// a name in the same file.
class LinkTargets final {
public:
    void add(const DocSymbol &s, const QString &anchor)
    {
        m_byQualified.insert(s.qualifiedName, anchor);
        m_byName.insert(s.name, anchor);
        m_byFileAndName.insert(s.path + QLatin1Char('\n') + s.name, anchor);
    }

    QString find(const QString &name, const QString &fromPath) const
    {
        if (const auto it = m_byQualified.constFind(name); it != m_byQualified.cend())
            return *it;
        if (m_byName.count(name) == 1)
            return m_byName.value(name);
        return m_byFileAndName.value(fromPath + QLatin1Char('\n') + name);
    }

    // Markdown with `name` and name() turned into links where the name is a
    // documented symbol; code blocks and existing links are left alone.
    QString link(const QString &markdown, const QString &fromPath, const QString &self) const
    {
        static const QRegularExpression mention(QStringLiteral("\\[[^\\]]*\\]\\([^)]*\\)|`([A-Za-z_][\\w:.]*)(\\(\\))?`|\\b([A-Za-z_]\\w*)\\(\\)"));
        QStringList lines = markdown.split(QLatin1Char('\n'));
        bool inFence = false;
        for (QString &line : lines) {
            if (line.trimmed().startsWith(QLatin1String("```")))
                inFence = !inFence;
            if (inFence || (!line.contains(QLatin1Char('`')) && !line.contains(QLatin1String("()"))))
                continue;
            QString out;
            qsizetype at = 0;
            for (auto it = mention.globalMatch(line); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(3);
                const QString anchor = name.isEmpty() ? QString() : find(name, fromPath);
                if (anchor.isEmpty() || anchor == self)
                    continue;
                out += QStringView(line).mid(at, m.capturedStart() - at);
                out += m.hasCaptured(1) ? QStringLiteral("[%1](#%2)").arg(m.captured(0), anchor)
                                        : QStringLiteral("[`%1()`](#%2)").arg(name, anchor);
                at = m.capturedEnd();
            }
            if (at > 0)
                line = out + QStringView(line).mid(at);
        }
        return lines.join(QLatin1Char('\n'));
    }

private:
    QHash<QString, QString> m_byQualified;
    QMultiHash<QString, QString> m_byName;
    QHash<QString, QString> m_byFileAndName;
};

QVariantList pairs(const QList<QPair<QString, QString>> &list, const std::function<QString(const QString &)> &link)
{
    QVariantList out;
    for (const auto &[name, text] : list)
        out.append(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("text"), link(text)}});
    return out;
}

// The documentable symbols of a file as the reference lists them: types and
// free functions at the top, methods under their type.
struct FileEntry {
    DocSymbol symbol;
    QList<DocSymbol> members;
    QList<DocSymbol> fields;
};

QList<FileEntry> entriesOf(const DocFile &file)
{
    QList<FileEntry> entries;
    QHash<QString, qsizetype> typeAt; // qualified name -> entry
    for (const DocSymbol &s : file.symbols) {
        const auto owner = typeAt.constFind(s.scope);
        if (owner != typeAt.cend() && DocProject::isDocumentable(s)) {
            entries[*owner].members.append(s);
        } else if (owner != typeAt.cend() && isField(s)) {
            entries[*owner].fields.append(s);
        } else if (DocProject::isDocumentable(s)) {
            if (isTypeLike(s))
                typeAt.insert(s.qualifiedName, entries.size());
            entries.append({s, {}, {}});
        }
    }
    return entries;
}

QString symbolKey(const DocSymbol &s)
{
    return s.path + QLatin1Char('\n') + QString::number(s.line) + QLatin1Char('\n') + s.kind + QLatin1Char(' ') + s.qualifiedName;
}

struct Anchors {
    QHash<QString, QString> ofFile;   // path -> anchor
    QHash<QString, QString> ofSymbol; // symbolKey -> anchor
};
} // namespace

QString builtInTemplate()
{
    QFile file(QStringLiteral(":/realm/docs/templates/api.md.mustache"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QVariantMap templateData(const DocProject &project, const QDate &date)
{
    // The headings in the order the built-in template writes them, so the
    // anchors are GitHub's (repeated names numbered in that order).
    QList<QList<QList<FileEntry>>> entries; // module, file, entry
    for (const DocModule &module : project.modules) {
        QList<QList<FileEntry>> files;
        for (const DocFile &file : module.files)
            files.append(entriesOf(file));
        entries.append(files);
    }
    Markup::HeadingSlugger slugger;
    slugger.next(project.name + QStringLiteral(" — API reference"));
    slugger.next(QStringLiteral("Modules"));
    for (qsizetype m = 0; m < project.modules.size(); ++m) {
        bool any = false;
        for (const QList<FileEntry> &f : entries.at(m))
            any = any || !f.isEmpty();
        if (any)
            slugger.next(moduleTitle(project.modules.at(m)));
    }
    Anchors anchors;
    LinkTargets targets;
    for (qsizetype m = 0; m < project.modules.size(); ++m) {
        for (qsizetype f = 0; f < project.modules.at(m).files.size(); ++f) {
            const QList<FileEntry> &fileEntries = entries.at(m).at(f);
            if (fileEntries.isEmpty())
                continue;
            anchors.ofFile.insert(project.modules.at(m).files.at(f).path, slugger.next(project.modules.at(m).files.at(f).path));
            for (const FileEntry &e : fileEntries) {
                const QString anchor = slugger.next(e.symbol.kind + QLatin1Char(' ') + e.symbol.qualifiedName);
                anchors.ofSymbol.insert(symbolKey(e.symbol), anchor);
                targets.add(e.symbol, anchor);
                for (const DocSymbol &member : e.members) {
                    const QString memberAnchor = slugger.next(member.kind + QLatin1Char(' ') + member.qualifiedName);
                    anchors.ofSymbol.insert(symbolKey(member), memberAnchor);
                    targets.add(member, memberAnchor);
                }
            }
        }
    }

    const auto symbolData = [&](const DocSymbol &s) {
        const QString anchor = anchors.ofSymbol.value(symbolKey(s));
        const auto link = [&](const QString &text) -> QString { return targets.link(text, s.path, anchor); };
        QVariantList see;
        for (const QString &name : s.doc.see) {
            const QString target = targets.find(name, s.path);
            see.append(QVariantMap{{QStringLiteral("text"), target.isEmpty() || target == anchor ? QStringLiteral("`%1`").arg(name)
                                                                                                   : QStringLiteral("[`%1`](#%2)").arg(name, target)}});
        }
        const QString declaration =
            (s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature;
        return QVariantMap{
            {QStringLiteral("name"), s.name},
            {QStringLiteral("qualified"), s.qualifiedName},
            {QStringLiteral("kind"), s.kind},
            {QStringLiteral("anchor"), anchor},
            {QStringLiteral("declaration"), declaration},
            {QStringLiteral("brief"), link(s.doc.brief)},
            {QStringLiteral("body"), link(s.doc.body)},
            {QStringLiteral("hasParams"), !s.doc.params.isEmpty()},
            {QStringLiteral("params"), pairs(s.doc.params, link)},
            {QStringLiteral("returns"), link(s.doc.returns)},
            {QStringLiteral("hasThrows"), !s.doc.throws.isEmpty()},
            {QStringLiteral("throws"), pairs(s.doc.throws, link)},
            {QStringLiteral("hasSee"), !see.isEmpty()},
            {QStringLiteral("see"), see},
            {QStringLiteral("deprecated"), s.doc.deprecated},
            {QStringLiteral("undocumented"), s.doc.isEmpty()},
            {QStringLiteral("location"), QStringLiteral("%1:%2").arg(s.path).arg(s.line)},
        };
    };

    QVariantList modules;
    for (qsizetype m = 0; m < project.modules.size(); ++m) {
        const DocModule &module = project.modules.at(m);
        QVariantList files;
        for (qsizetype f = 0; f < module.files.size(); ++f) {
            const DocFile &file = module.files.at(f);
            const QList<FileEntry> &fileEntries = entries.at(m).at(f);
            if (fileEntries.isEmpty())
                continue;
            QVariantList symbols;
            int symbolCount = 0;
            for (const FileEntry &e : fileEntries) {
                QVariantMap data = symbolData(e.symbol);
                QVariantList members;
                for (const DocSymbol &member : e.members)
                    members.append(symbolData(member));
                QVariantList fields;
                for (const DocSymbol &field : e.fields) {
                    fields.append(QVariantMap{{QStringLiteral("name"), field.name},
                                              {QStringLiteral("type"), field.returnType.isEmpty() ? QStringLiteral("—") : field.returnType},
                                              {QStringLiteral("brief"), field.doc.brief.simplified()}});
                }
                data.insert(QStringLiteral("hasMembers"), !members.isEmpty());
                data.insert(QStringLiteral("members"), members);
                data.insert(QStringLiteral("hasFields"), !fields.isEmpty());
                data.insert(QStringLiteral("fields"), fields);
                symbolCount += 1 + int(members.size());
                symbols.append(data);
            }
            files.append(QVariantMap{{QStringLiteral("path"), file.path},
                                     {QStringLiteral("anchor"), anchors.ofFile.value(file.path)},
                                     {QStringLiteral("module"), moduleTitle(module)},
                                     {QStringLiteral("coverage"), percent(file.coverage)},
                                     {QStringLiteral("symbolCount"), QString::number(symbolCount)},
                                     {QStringLiteral("symbols"), symbols}});
        }
        if (files.isEmpty())
            continue;
        modules.append(QVariantMap{{QStringLiteral("title"), moduleTitle(module)},
                                   {QStringLiteral("fileCount"), QString::number(files.size())},
                                   {QStringLiteral("coverage"), percent(module.coverage)},
                                   {QStringLiteral("files"), files}});
    }
    return {{QStringLiteral("project"), project.name},
            {QStringLiteral("coverage"), percent(project.coverage)},
            {QStringLiteral("documented"), QString::number(project.coverage.documented)},
            {QStringLiteral("total"), QString::number(project.coverage.total)},
            {QStringLiteral("date"), date.toString(Qt::ISODate)},
            {QStringLiteral("modules"), modules}};
}

Result<QString> markdown(const DocProject &project, const QString &templateText, const QDate &date)
{
    Result<QString> rendered = renderTemplate(templateText, templateData(project, date));
    if (!rendered)
        return rendered;
    return collapseBlankLines(*rendered);
}

} // namespace Realm::Docs::ApiReference
