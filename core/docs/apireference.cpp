// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/apireference.h"

#include "docs/templatedata.h"

#include "markup/headings.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QFile>
#include <QRegularExpression>
#include <QtConcurrent>

#include <numeric>

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

TemplateData pairs(const QList<QPair<QString, QString>> &list, const std::function<QString(const QString &)> &link)
{
    TemplateData out = templateList(size_t(list.size()));
    for (const auto &[name, text] : list) {
        TemplateData pair;
        set(pair, "name", templateText(name));
        set(pair, "text", templateText(link(text)));
        append(out, std::move(pair));
    }
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

namespace {
// What the template sees of a symbol (the built-in template lists it).
class SymbolData final {
public:
    SymbolData(const Anchors &anchors, const LinkTargets &targets) : m_anchors(anchors), m_targets(targets) {}

    TemplateData operator()(const DocSymbol &s) const
    {
        const QString anchor = m_anchors.ofSymbol.value(symbolKey(s));
        const auto link = [&](const QString &text) -> QString { return text.isEmpty() ? text : m_targets.link(text, s.path, anchor); };
        TemplateData see = templateList(size_t(s.doc.see.size()));
        for (const QString &name : s.doc.see) {
            const QString target = m_targets.find(name, s.path);
            TemplateData item;
            set(item, "text", templateText(target.isEmpty() || target == anchor ? QStringLiteral("`%1`").arg(name)
                                                                                : QStringLiteral("[`%1`](#%2)").arg(name, target)));
            append(see, std::move(item));
        }
        const QString declaration =
            (s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature;
        TemplateData data;
        set(data, "name", templateText(s.name));
        set(data, "qualified", templateText(s.qualifiedName));
        set(data, "kind", templateText(s.kind));
        set(data, "anchor", templateText(anchor));
        set(data, "declaration", templateText(declaration));
        set(data, "brief", templateText(link(s.doc.brief)));
        set(data, "body", templateText(link(s.doc.body)));
        set(data, "hasParams", TemplateData(!s.doc.params.isEmpty()));
        set(data, "params", pairs(s.doc.params, link));
        set(data, "returns", templateText(link(s.doc.returns)));
        set(data, "hasThrows", TemplateData(!s.doc.throws.isEmpty()));
        set(data, "throws", pairs(s.doc.throws, link));
        set(data, "hasSee", TemplateData(!s.doc.see.isEmpty()));
        set(data, "see", std::move(see));
        set(data, "deprecated", templateText(s.doc.deprecated));
        set(data, "undocumented", TemplateData(s.doc.isEmpty()));
        set(data, "location", templateText(s.path + QLatin1Char(':') + QString::number(s.line)));
        return data;
    }

    // A file's chapter: its types and functions, members and fields under them.
    TemplateData file(const DocModule &module, const DocFile &file, const QList<FileEntry> &entries) const
    {
        TemplateData symbols = templateList(size_t(entries.size()));
        int symbolCount = 0;
        for (const FileEntry &e : entries) {
            TemplateData data = (*this)(e.symbol);
            TemplateData members = templateList(size_t(e.members.size()));
            for (const DocSymbol &member : e.members)
                append(members, (*this)(member));
            TemplateData fields = templateList(size_t(e.fields.size()));
            for (const DocSymbol &field : e.fields) {
                TemplateData item;
                set(item, "name", templateText(field.name));
                set(item, "type", templateText(field.returnType.isEmpty() ? QStringLiteral("—") : field.returnType));
                set(item, "brief", templateText(field.doc.brief.simplified()));
                append(fields, std::move(item));
            }
            set(data, "hasMembers", TemplateData(!e.members.isEmpty()));
            set(data, "members", std::move(members));
            set(data, "hasFields", TemplateData(!e.fields.isEmpty()));
            set(data, "fields", std::move(fields));
            symbolCount += 1 + int(e.members.size());
            append(symbols, std::move(data));
        }
        TemplateData data;
        set(data, "path", templateText(file.path));
        set(data, "anchor", templateText(m_anchors.ofFile.value(file.path)));
        set(data, "module", templateText(moduleTitle(module)));
        set(data, "coverage", templateText(percent(file.coverage)));
        set(data, "symbolCount", templateText(QString::number(symbolCount)));
        set(data, "symbols", std::move(symbols));
        return data;
    }

private:
    const Anchors &m_anchors;
    const LinkTargets &m_targets;
};

TemplateData templateData(const DocProject &project, const QDate &date)
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


    // The chapters are independent once the anchors are known: built on
    // every core, then moved into place in order.
    struct Chapter {
        qsizetype module;
        qsizetype file;
    };
    QList<Chapter> chapters;
    for (qsizetype m = 0; m < project.modules.size(); ++m) {
        for (qsizetype f = 0; f < project.modules.at(m).files.size(); ++f) {
            if (!entries.at(m).at(f).isEmpty())
                chapters.append({m, f});
        }
    }
    const SymbolData symbolData(anchors, targets);
    std::vector<TemplateData> built(size_t(chapters.size()));
    QList<qsizetype> indexes(chapters.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    QtConcurrent::blockingMap(indexes, [&](qsizetype i) {
        const Chapter &c = chapters.at(i);
        built[size_t(i)] = symbolData.file(project.modules.at(c.module), project.modules.at(c.module).files.at(c.file),
                                           entries.at(c.module).at(c.file));
    });

    TemplateData modules = templateList(size_t(project.modules.size()));
    qsizetype next = 0;
    for (qsizetype m = 0; m < project.modules.size(); ++m) {
        qsizetype count = 0;
        while (next + count < chapters.size() && chapters.at(next + count).module == m)
            ++count;
        if (count == 0)
            continue;
        TemplateData files = templateList(size_t(count));
        for (qsizetype i = 0; i < count; ++i)
            append(files, std::move(built[size_t(next + i)]));
        next += count;
        const DocModule &module = project.modules.at(m);
        TemplateData data;
        set(data, "title", templateText(moduleTitle(module)));
        set(data, "fileCount", templateText(QString::number(count)));
        set(data, "coverage", templateText(percent(module.coverage)));
        set(data, "files", std::move(files));
        append(modules, std::move(data));
    }
    TemplateData root;
    set(root, "project", templateText(project.name));
    set(root, "coverage", templateText(percent(project.coverage)));
    set(root, "documented", templateText(QString::number(project.coverage.documented)));
    set(root, "total", templateText(QString::number(project.coverage.total)));
    set(root, "date", templateText(date.toString(Qt::ISODate)));
    set(root, "modules", std::move(modules));
    return root;
}
} // namespace

Result<QString> markdown(const DocProject &project, const QString &templateText, const QDate &date)
{
    return renderMarkdown(templateText, templateData(project, date));
}

} // namespace Realm::Docs::ApiReference
