// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompts/promptvalues.h"

#include "projects/language.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCoreApplication>

namespace Realm::Prompts {

Result<LineRange> parseLineRange(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool firstOk = false;
    bool lastOk = parts.size() == 1;
    LineRange range;
    range.first = parts.value(0).toInt(&firstOk);
    range.last = parts.size() == 2 ? parts.value(1).toInt(&lastOk) : range.first;
    if (parts.size() > 2 || !firstOk || !lastOk || range.first < 1 || range.last < range.first)
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "Lines are given as FIRST:LAST, counted from 1, e.g. 12:40 (\"%1\" is not).").arg(text));
    return range;
}

Result<PromptValues> valuesForProjectFile(const Storage::DatabasePtr &db, const QString &projectId, const QString &path,
                                          std::optional<LineRange> lines)
{
    Projects::ProjectStore store(db);
    Result<Projects::Project> project = store.find(projectId);
    if (!project)
        return project.error();
    Result<Projects::ProjectFile> file = store.file(project->id, path);
    if (!file)
        return file.error();
    if (file->isBinary())
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "%1 is a binary file; a prompt takes text.").arg(path));
    Result<QByteArray> content = store.content(*file);
    if (!content)
        return content.error();
    QString code = Projects::decodeText(*content, Projects::encodingFromName(file->encoding));
    if (lines) {
        Result<QString> chosen = linesOf(code, *lines);
        if (!chosen)
            return Error::invalidInput(QStringLiteral("%1: %2").arg(path, chosen.error().message));
        if (chosen->trimmed().isEmpty())
            return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "%1: lines %2 to %3 are empty; choose lines with code.")
                                           .arg(path)
                                           .arg(lines->first)
                                           .arg(lines->last));
        code = *chosen;
    }
    return valuesForCode(code, file->path, file->language, project->name);
}

Result<QString> linesOf(const QString &text, LineRange lines)
{
    QStringList all = text.split(QLatin1Char('\n'));
    if (all.size() > 1 && all.last().isEmpty())
        all.removeLast(); // the newline that ends the last line starts none
    if (lines.first > all.size())
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "the file has %n line(s); line %1 is past its end.", nullptr, int(all.size()))
                                       .arg(lines.first));
    QStringList chosen = all.mid(lines.first - 1, std::min<qsizetype>(lines.last, all.size()) - lines.first + 1);
    for (QString &line : chosen) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return chosen.join(QLatin1Char('\n'));
}

PromptValues valuesForCode(const QString &code, const QString &path, const QString &languageId, const QString &projectName)
{
    PromptValues values;
    values.selection = code;
    values.file = path;
    values.languageId = languageId;
    values.language = languageId.isEmpty() ? QString() : Projects::languageDisplayName(languageId);
    values.project = projectName;
    return values;
}

} // namespace Realm::Prompts
