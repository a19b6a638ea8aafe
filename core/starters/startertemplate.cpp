// SPDX-License-Identifier: GPL-3.0-or-later
#include "starters/startertemplate.h"

#include "docs/templaterenderer.h"
#include "projects/pathsafety.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Realm::Starters {

namespace {
const char kResourceRoot[] = ":/realm/templates";


QVariantMap asData(const QMap<QString, QString> &values)
{
    QVariantMap data;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        data.insert(it.key(), it.value());
    data.insert(QStringLiteral("current_year"), QString::number(QDate::currentDate().year()));
    return data;
}

Result<QString> renderText(const QString &text, const QMap<QString, QString> &values, const QString &where)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    Result<QString> rendered = Docs::renderTemplate(text, asData(values));
    if (!rendered)
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1: %2").arg(where, rendered.error().message));
    return rendered;
}
} // namespace

Result<StarterTemplate> StarterTemplate::fromDirectory(const QString &dir, const QString &id)
{
    QFile manifestFile(QDir(dir).filePath(QStringLiteral("template.json")));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Error::notFound(QCoreApplication::translate("Realm::Starters", "The template %1 has no template.json.").arg(id));
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The manifest of %1 is not valid JSON: %2").arg(id, parseError.errorString()));
    StarterTemplate starter;
    starter.id = id;
    starter.title = manifest.value(QStringLiteral("title")).toString(id);
    starter.description = manifest.value(QStringLiteral("description")).toString();
    for (const QJsonValue &v : manifest.value(QStringLiteral("variables")).toArray()) {
        const QJsonObject o = v.toObject();
        TemplateVariable variable;
        variable.name = o.value(QStringLiteral("name")).toString();
        variable.label = o.value(QStringLiteral("label")).toString(variable.name);
        variable.defaultValue = o.value(QStringLiteral("default")).toString();
        variable.pattern = o.value(QStringLiteral("pattern")).toString();
        for (const QJsonValue &choice : o.value(QStringLiteral("choices")).toArray())
            variable.choices << choice.toString();
        variable.help = o.value(QStringLiteral("help")).toString();
        variable.required = o.value(QStringLiteral("required")).toBool() || variable.name == QLatin1String("project_name");
        if (variable.name.isEmpty())
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The manifest of %1 has a variable without a name.").arg(id));
        starter.variables.append(variable);
    }
    const QDir files(QDir(dir).filePath(QStringLiteral("files")));
    QDirIterator it(files.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::io(QCoreApplication::translate("Realm::Starters", "Cannot read %1 of the template %2.").arg(files.relativeFilePath(path), id));
        const bool executable = QFileInfo(path).permissions() & QFile::ExeOwner;
        starter.files.append({files.relativeFilePath(path), file.readAll(), executable ? 0755 : 0644});
    }
    std::sort(starter.files.begin(), starter.files.end(), [](const TemplateFile &a, const TemplateFile &b) { return a.path < b.path; });
    return starter;
}

QList<StarterTemplate> StarterTemplate::builtIn()
{
    QList<StarterTemplate> list;
    const QDir root(QString::fromLatin1(kResourceRoot));
    for (const QString &id : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        Result<StarterTemplate> starter = fromDirectory(root.filePath(id), id);
        if (starter)
            list.append(*starter);
        else
            qWarning("realm: built-in template %s: %s", qUtf8Printable(id), qUtf8Printable(starter.error().message));
    }
    return list;
}

Result<StarterTemplate> StarterTemplate::builtIn(const QString &id)
{
    for (const StarterTemplate &starter : builtIn()) {
        if (starter.id == id)
            return starter;
    }
    QStringList ids;
    for (const StarterTemplate &starter : builtIn())
        ids << starter.id;
    return Error::notFound(QCoreApplication::translate("Realm::Starters", "There is no template \"%1\". Templates: %2.").arg(id, ids.join(QStringLiteral(", "))));
}

Result<QMap<QString, QString>> resolveValues(const StarterTemplate &starter, const QMap<QString, QString> &given)
{
    QStringList known;
    for (const TemplateVariable &v : starter.variables)
        known << v.name;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!known.contains(it.key()))
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template %1 has no variable \"%2\"; it has: %3.").arg(starter.id, it.key(), known.join(QStringLiteral(", "))));
    }
    QMap<QString, QString> values;
    for (const TemplateVariable &v : starter.variables) {
        QString value;
        if (given.contains(v.name)) {
            value = given.value(v.name).trimmed();
        } else {
            // Defaults may use the variables before them.
            Result<QString> fallback = renderText(v.defaultValue, values, v.name);
            if (!fallback)
                return fallback.error();
            value = *fallback;
        }
        const QString label = v.label.isEmpty() ? v.name : v.label;
        if (value.isEmpty() && v.required)
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 (%2) is needed.").arg(label, v.name));
        if (!value.isEmpty() && !v.choices.isEmpty() && !v.choices.contains(value))
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 must be one of: %2.").arg(label, v.choices.join(QStringLiteral(", "))));
        if (!value.isEmpty() && !v.pattern.isEmpty()) {
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(v.pattern));
            if (!pattern.match(value).hasMatch())
                return Error::invalidInput(v.help.isEmpty() ? QCoreApplication::translate("Realm::Starters", "%1 \"%2\" does not have the expected form (%3).").arg(label, value, v.pattern)
                                                            : QCoreApplication::translate("Realm::Starters", "%1 \"%2\": %3.").arg(label, value, v.help));
        }
        values.insert(v.name, value);
    }
    return values;
}

Result<QList<RenderedFile>> render(const StarterTemplate &starter, const QMap<QString, QString> &values)
{
    QList<RenderedFile> rendered;
    QSet<QString> paths;
    for (const TemplateFile &file : starter.files) {
        Result<QString> rawPath = renderText(file.path, values, file.path);
        if (!rawPath)
            return rawPath.error();
        Result<QString> path = Projects::normalizeEntryPath(*rawPath);
        if (!path || path->isEmpty())
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The file name %1 becomes \"%2\", which cannot be a path in a project.").arg(file.path, *rawPath));
        if (paths.contains(*path))
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "Two files of the template become %1.").arg(*path));
        paths.insert(*path);
        QByteArray content = file.content;
        const Projects::TextEncoding encoding = Projects::detectEncoding(content);
        if (encoding == Projects::TextEncoding::Utf8 || encoding == Projects::TextEncoding::Utf8Bom) {
            Result<QString> text = renderText(QString::fromUtf8(content), values, *path);
            if (!text)
                return text.error();
            content = text->toUtf8();
        }
        rendered.append({*path, content, file.mode});
    }
    return rendered;
}

Result<Projects::ImportReport> createProject(const Storage::DatabasePtr &db, const StarterTemplate &starter,
                                             const QMap<QString, QString> &values, const QString &folder, const QString &projectName)
{
    Result<QList<RenderedFile>> files = render(starter, values);
    if (!files)
        return files.error();
    const QDir target(folder);
    if (target.exists() && !target.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 is not empty; choose a new or empty folder for the project.").arg(folder));
    if (!QDir().mkpath(folder))
        return Error::io(QCoreApplication::translate("Realm::Starters", "Cannot create the folder %1.").arg(folder));
    for (const RenderedFile &file : std::as_const(*files)) {
        const QString path = target.filePath(file.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size())
            return Error::io(QCoreApplication::translate("Realm::Starters", "Cannot write %1: %2").arg(path, out.errorString()));
        out.close();
        if (file.mode & 0111)
            out.setPermissions(out.permissions() | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    }
    Projects::ImportOptions options;
    options.name = projectName.isEmpty() ? values.value(QStringLiteral("project_name")) : projectName;
    return Projects::ProjectImporter(db).importProject(target.absolutePath(), options);
}

} // namespace Realm::Starters
