// SPDX-License-Identifier: GPL-3.0-or-later
#include "starters/startertemplate.h"

#include "mustache/mustache.h"
#include "projects/archivesource.h"
#include "projects/archivewriter.h"
#include "projects/pathsafety.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QLoggingCategory>
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

#include <memory>

namespace Realm::Starters {

namespace {
Q_LOGGING_CATEGORY(lcStarters, "realm.starters", QtInfoMsg)
}

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
    Result<QString> rendered = Mustache::renderTemplate(text, asData(values));
    if (!rendered)
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1: %2").arg(where, rendered.error().message));
    return rendered;
}
} // namespace

QJsonObject toJson(const TemplateVariable &v)
{
    QJsonObject o{{QStringLiteral("name"), v.name}, {QStringLiteral("label"), v.label}, {QStringLiteral("default"), v.defaultValue}};
    if (!v.pattern.isEmpty())
        o.insert(QStringLiteral("pattern"), v.pattern);
    if (!v.choices.isEmpty())
        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(v.choices));
    if (!v.help.isEmpty())
        o.insert(QStringLiteral("help"), v.help);
    if (v.required)
        o.insert(QStringLiteral("required"), true);
    return o;
}

namespace {
QJsonArray variablesJson(const StarterTemplate &starter)
{
    QJsonArray variables;
    for (const TemplateVariable &v : starter.variables)
        variables.append(toJson(v));
    return variables;
}
} // namespace

QJsonObject toJson(const StarterTemplate &starter)
{
    QJsonObject json{{QStringLiteral("id"), starter.id},
                     {QStringLiteral("title"), starter.title},
                     {QStringLiteral("description"), starter.description},
                     {QStringLiteral("built_in"), starter.shipped},
                     {QStringLiteral("variables"), variablesJson(starter)}};
    if (!starter.orgId.isEmpty()) {
        json.insert(QStringLiteral("org_id"), starter.orgId);
        json.insert(QStringLiteral("org"), starter.orgName);
    }
    return json;
}

namespace {
// template.json into a template (its files aside).
Result<StarterTemplate> fromManifest(const QByteArray &json, const QString &id)
{
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(json, &parseError).object();
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
    for (const QJsonValue &path : manifest.value(QStringLiteral("raw")).toArray())
        starter.raw << path.toString();
    for (const QJsonValue &path : manifest.value(QStringLiteral("raw_paths")).toArray())
        starter.rawPaths << path.toString();
    return starter;
}

QByteArray manifestJson(const StarterTemplate &starter)
{
    const QJsonArray variables = variablesJson(starter);
    QJsonObject manifest{{QStringLiteral("title"), starter.title}, {QStringLiteral("description"), starter.description},
                         {QStringLiteral("variables"), variables}};
    if (!starter.raw.isEmpty())
        manifest.insert(QStringLiteral("raw"), QJsonArray::fromStringList(starter.raw));
    if (!starter.rawPaths.isEmpty())
        manifest.insert(QStringLiteral("raw_paths"), QJsonArray::fromStringList(starter.rawPaths));
    return QJsonDocument(manifest).toJson();
}

} // namespace

Result<StarterTemplate> StarterTemplate::fromDirectory(const QString &dir, const QString &id)
{
    QFile manifestFile(QDir(dir).filePath(QStringLiteral("template.json")));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Error::notFound(QCoreApplication::translate("Realm::Starters", "The template %1 has no template.json.").arg(id));
    Result<StarterTemplate> parsed = fromManifest(manifestFile.readAll(), id);
    if (!parsed)
        return parsed;
    StarterTemplate starter = *parsed;
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
    // Compiled into the binary: read once, then shared (lookups by id,
    // name checks on save and every dialog use it).
    static const QList<StarterTemplate> shipped = [] {
        QList<StarterTemplate> list;
        const QDir root(QString::fromLatin1(kResourceRoot));
        for (const QString &id : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            Result<StarterTemplate> starter = fromDirectory(root.filePath(id), id);
            if (starter) {
                starter->shipped = true;
                list.append(*starter);
            } else {
                qCWarning(lcStarters, "built-in template %s: %s", qUtf8Printable(id), qUtf8Printable(starter.error().message));
            }
        }
        return list;
    }();
    return shipped;
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

Result<QMap<QString, QString>> resolveValues(const StarterTemplate &starter, const QMap<QString, QString> &given, QString *failedVariable)
{
    if (failedVariable)
        failedVariable->clear();
    QStringList known;
    for (const TemplateVariable &v : starter.variables)
        known << v.name;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!known.contains(it.key()))
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template %1 has no variable \"%2\"; it has: %3.").arg(starter.id, it.key(), known.join(QStringLiteral(", "))));
    }
    QMap<QString, QString> values;
    for (const TemplateVariable &v : starter.variables) {
        if (failedVariable)
            *failedVariable = v.name; // what any error below is about
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
        // Every variable is one line: a line break in a description would
        // end a TOML string, and in Go or Rust start a line of code.
        const auto control = std::find_if(value.cbegin(), value.cend(), [](QChar c) {
            return c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0x2028) || c == QChar(0x2029) || c == QChar(0x85);
        });
        if (control != value.cend())
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 (%2) must be one line without control characters "
                                                                                      "(it holds U+%3).")
                                           .arg(label, v.name)
                                           .arg(control->unicode(), 4, 16, QLatin1Char('0')));
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
    if (failedVariable)
        failedVariable->clear();
    return values;
}

Result<QString> defaultFolderName(const QMap<QString, QString> &values)
{
    const QString name = values.value(QStringLiteral("project_name"));
    const bool plain = !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") && !name.startsWith(QLatin1Char('-'))
                       && !name.startsWith(QLatin1Char('~')) && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'))
                       && std::none_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (!plain)
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The project name \"%1\" is not a plain folder name, so it cannot choose "
                                                                                  "where the files go: choose the folder yourself (--out DIR).").arg(name));
    return name;
}

Result<QList<RenderedFile>> render(const StarterTemplate &starter, const QMap<QString, QString> &values)
{
    QList<RenderedFile> rendered;
    QSet<QString> paths;
    for (const TemplateFile &file : starter.files) {
        // A name with braces of its own ("{{x}}.txt" in a project saved as a
        // template) is a name, not a template: rendering it could make it
        // anything, an absolute path included.
        Result<QString> rawPath = starter.rawPaths.contains(file.path) ? Result<QString>(file.path) : renderText(file.path, values, file.path);
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
        if (!starter.raw.contains(file.path) && (encoding == Projects::TextEncoding::Utf8 || encoding == Projects::TextEncoding::Utf8Bom)) {
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
                                             const QMap<QString, QString> &values, const QString &folder, const QString &projectName,
                                             const CancellationToken *cancel, const std::function<void(qint64, qint64)> &progress)
{
    Result<QList<RenderedFile>> files = render(starter, values);
    if (!files)
        return files.error();
    const QDir target(folder);
    // Hidden files count: a folder holding only .git/ is not empty.
    const bool existed = target.exists();
    if (existed && !target.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 is not empty; choose a new or empty folder for the project.").arg(folder));
    const QString name = projectName.isEmpty() ? values.value(QStringLiteral("project_name")) : projectName;
    if (Projects::ProjectStore(db).find(name))
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "A project named \"%1\" already exists; choose another project name.").arg(name));
    if (!QDir().mkpath(folder))
        return Error::io(QCoreApplication::translate("Realm::Starters", "Cannot create the folder %1.").arg(folder));
    // On failure the folder goes back to how it was (absent or empty).
    const auto undo = [&] {
        if (existed) {
            for (const QString &entry : target.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
                QFileInfo(target.filePath(entry)).isDir() ? QDir(target.filePath(entry)).removeRecursively() : QFile::remove(target.filePath(entry));
        } else {
            QDir(folder).removeRecursively();
        }
    };
    for (qsizetype i = 0; i < files->size(); ++i) {
        if (cancel && cancel->isCancelled()) {
            undo();
            return Error::cancelled();
        }
        if (progress)
            progress(i, files->size());
        const RenderedFile &file = files->at(i);
        const QString path = target.filePath(file.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size()) {
            const Error error = Error::io(QCoreApplication::translate("Realm::Starters", "Cannot write %1: %2").arg(path, out.errorString()));
            out.close();
            undo();
            return error;
        }
        out.close();
        if (file.mode & 0111)
            out.setPermissions(out.permissions() | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    }
    Projects::ImportOptions options;
    options.name = name;
    Projects::ProjectImporter importer(db);
    importer.setCancellationToken(cancel);
    Result<Projects::ImportReport> imported = importer.importProject(target.absolutePath(), options);
    if (!imported)
        undo();
    return imported;
}

Result<QByteArray> StarterTemplate::toArchive() const
{
    const auto packingFailed = [](const Error &error) {
        return Error::failed(QCoreApplication::translate("Realm::Starters", "Cannot pack the template: %1").arg(error.message));
    };
    Projects::ArchiveWriter writer(Projects::ArchiveFormat::TarGz);
    if (Result<void> r = writer.openMemory(); !r)
        return packingFailed(r.error());
    if (Result<void> r = writer.add(QStringLiteral("template.json"), manifestJson(*this), 0644); !r)
        return packingFailed(r.error());
    for (const TemplateFile &f : files) {
        if (Result<void> r = writer.add(QStringLiteral("files/") + f.path, f.content, f.mode); !r)
            return packingFailed(r.error());
    }
    if (Result<void> r = writer.close(); !r)
        return packingFailed(r.error());
    return writer.takeBytes();
}

namespace {
// Collects a template archive's manifest and files, read by the same reader
// as imported archives (its limits, its checks of names and links).
class TemplateArchiveSink final : public Projects::ImportSink {
public:
    TemplateArchiveSink()
    {
        // A starter, not a data set.
        m_limits.maxFileBytes = 16 * 1024 * 1024;
        m_limits.maxTotalBytes = 64 * 1024 * 1024;
        m_limits.maxFiles = 5000;
    }

    Result<void> addFile(Projects::SourceFile file) override
    {
        if (file.path == QLatin1String("template.json")) {
            manifest = std::move(file.content);
            return {};
        }
        if (!file.path.startsWith(QLatin1String("files/")))
            return {};
        Result<QString> safe = Projects::normalizeEntryPath(file.path.mid(6));
        if (!safe)
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template holds an unsafe path: %1").arg(file.path));
        if (files.size() >= m_limits.maxFiles)
            return tooLarge();
        files.append({*safe, std::move(file.content), file.mode});
        return {};
    }
    bool skipIfUnchanged(const QString &, qint64, int, qint64) override { return false; }
    // A template REALM packed holds only files of a starter's size: an entry
    // the reader leaves out (a link, a file over the limit) would make a
    // project that lacks it, so the template is refused instead.
    void skip(const QString &path, const QString &reason) override { reject(path, reason); }
    void reject(const QString &path, const QString &reason) override
    {
        if (path.startsWith(QLatin1String("files/")) || path == QLatin1String("template.json"))
            fail(Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template cannot hold %1: %2.").arg(path, reason)));
    }
    void refuse(const QString &path, const QString &) override
    {
        fail(Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template holds an unsafe path: %1").arg(path)));
    }
    void reading(const QString &) override {}
    bool isCancelled() const override { return false; }
    const Projects::ImportLimits &limits() const override { return m_limits; }

    static Error tooLarge()
    {
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The template holds more than 64 MiB or 5,000 files; a starter should be small."));
    }
    void fail(Error error)
    {
        if (!failure)
            failure = std::move(error);
    }

    QByteArray manifest;
    QList<TemplateFile> files;
    std::optional<Error> failure;

private:
    Projects::ImportLimits m_limits;
};
} // namespace

Result<StarterTemplate> StarterTemplate::fromArchive(const QByteArray &bytes, const QString &id)
{
    TemplateArchiveSink sink;
    Projects::ArchiveSource source = Projects::ArchiveSource::inMemory(bytes, id);
    if (Result<void> read = source.readInto(sink); !read) {
        if (read.error().code == Error::Code::LimitExceeded)
            return TemplateArchiveSink::tooLarge();
        if (read.error().code == Error::Code::InvalidInput && !sink.failure)
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "This is not a template archive REALM can read: %1").arg(read.error().message));
        return sink.failure.value_or(read.error());
    }
    if (sink.failure)
        return *sink.failure;
    if (sink.manifest.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "The archive has no template.json: it is not a REALM template."));
    Result<StarterTemplate> starter = fromManifest(sink.manifest, id);
    if (!starter)
        return starter;
    std::sort(sink.files.begin(), sink.files.end(), [](const TemplateFile &x, const TemplateFile &y) { return x.path < y.path; });
    starter->files = sink.files;
    return starter;
}

} // namespace Realm::Starters
