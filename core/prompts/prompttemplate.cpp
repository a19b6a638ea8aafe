// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompts/prompttemplate.h"

#include "common/jsontime.h"
#include "common/orgqualified.h"
#include "mustache/mustache.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Realm::Prompts {

namespace {
constexpr int kExportFormat = 1;

QList<PromptTemplate> loadBuiltIns()
{
    QFile file(QStringLiteral(":/realm/prompts/builtin.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The built-in prompt templates are missing from the program.");
    Result<QList<PromptTemplate>> prompts = importPrompts(file.readAll());
    if (!prompts)
        qFatal("The built-in prompt templates are broken: %s", qUtf8Printable(prompts.error().message));
    for (PromptTemplate &p : *prompts)
        p.builtIn = true;
    return *prompts;
}
} // namespace

// The built-in titles and descriptions, for lupdate: they live in
// builtin.json, where it cannot see them. tst_promptsdialog checks that
// each one has a German translation.
[[maybe_unused]] constexpr const char *kBuiltInTexts[] = {
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Explain"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "What the code does and how, step by step."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Find Bugs"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Bugs, edge cases and unsafe code, each with a fix."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Write Tests"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Unit tests for the code, in the project's test style."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Document"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Doc comments for the code's functions and types."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Review Changes"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "A code review of a diff: correctness, design, tests."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Refactor"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Simpler, clearer code with the same behaviour."),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "Summarize File"),
    QT_TRANSLATE_NOOP("Realm::Prompts::BuiltIn", "What a file is for and what is in it."),
};

QString shownTitle(const PromptTemplate &prompt)
{
    return prompt.builtIn ? QCoreApplication::translate("Realm::Prompts::BuiltIn", prompt.title.toUtf8().constData()) : prompt.title;
}

QString shownDescription(const PromptTemplate &prompt)
{
    return prompt.builtIn ? QCoreApplication::translate("Realm::Prompts::BuiltIn", prompt.description.toUtf8().constData()) : prompt.description;
}

const QList<PromptTemplate> &builtInPrompts()
{
    static const QList<PromptTemplate> prompts = loadBuiltIns();
    return prompts;
}

const PromptTemplate *builtInPrompt(const QString &name)
{
    for (const PromptTemplate &p : builtInPrompts()) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

Result<QString> renderPrompt(const PromptTemplate &prompt, const PromptValues &values)
{
    const QVariantMap data{{QStringLiteral("selection"), values.selection},
                           {QStringLiteral("file"), values.file},
                           {QStringLiteral("language"), values.language},
                           {QStringLiteral("language_id"), values.languageId},
                           {QStringLiteral("project"), values.project},
                           {QStringLiteral("diff"), values.diff}};
    Result<QString> rendered = Mustache::renderTemplate(prompt.body, data);
    if (!rendered)
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "The prompt template \"%1\" is broken: %2").arg(prompt.name, rendered.error().message));
    return rendered->trimmed();
}

Result<void> validatePrompt(const PromptTemplate &prompt)
{
    static const QRegularExpression validName(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    if (!validName.match(prompt.name).hasMatch())
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "A prompt template's name is lower case letters, digits, '-' and '_' (\"%1\" is not).").arg(prompt.name));
    if (prompt.title.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "The prompt template \"%1\" needs a title.").arg(prompt.name));
    if (prompt.body.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "The prompt template \"%1\" has no text.").arg(prompt.name));
    if (Result<QString> rendered = renderPrompt(prompt, {}); !rendered)
        return rendered.error();
    return {};
}

QString qualifiedName(const PromptTemplate &prompt)
{
    return orgQualifiedName(prompt);
}

QJsonObject toJson(const PromptTemplate &prompt)
{
    QJsonObject o{{QStringLiteral("name"), prompt.name},
                  {QStringLiteral("title"), prompt.title},
                  {QStringLiteral("description"), prompt.description},
                  {QStringLiteral("body"), prompt.body},
                  {QStringLiteral("built_in"), prompt.builtIn}};
    if (!prompt.orgId.isEmpty()) {
        o.insert(QStringLiteral("org_id"), prompt.orgId);
        o.insert(QStringLiteral("org"), prompt.orgName);
    }
    if (prompt.createdAt > 0)
        o.insert(QStringLiteral("created_at"), Json::time(prompt.createdAt));
    if (prompt.updatedAt > 0)
        o.insert(QStringLiteral("updated_at"), Json::time(prompt.updatedAt));
    return o;
}

Result<PromptTemplate> promptFromJson(const QJsonObject &object)
{
    PromptTemplate p;
    p.name = object.value(QStringLiteral("name")).toString();
    p.title = object.value(QStringLiteral("title")).toString();
    p.description = object.value(QStringLiteral("description")).toString();
    p.body = object.value(QStringLiteral("body")).toString();
    p.createdAt = Json::timeFrom(object.value(QStringLiteral("created_at"))).value_or(0);
    p.updatedAt = Json::timeFrom(object.value(QStringLiteral("updated_at"))).value_or(0);
    if (Result<void> valid = validatePrompt(p); !valid)
        return valid.error();
    return p;
}

QByteArray exportPrompts(const QList<PromptTemplate> &prompts)
{
    QJsonArray list;
    for (PromptTemplate p : prompts) {
        p.builtIn = false; // whoever imports it owns it
        p.orgId.clear();
        p.orgName.clear();
        list.append(toJson(p));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("realm_prompts"), kExportFormat}, {QStringLiteral("prompts"), list}}).toJson();
}

Result<QList<PromptTemplate>> importPrompts(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !root.contains(QStringLiteral("realm_prompts")))
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "This is not a REALM prompt template file (it has no \"realm_prompts\" object)."));
    if (root.value(QStringLiteral("realm_prompts")).toInt() > kExportFormat)
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "These prompt templates come from a newer REALM: update REALM to import them."));
    QList<PromptTemplate> prompts;
    for (const QJsonValue &value : root.value(QStringLiteral("prompts")).toArray()) {
        Result<PromptTemplate> prompt = promptFromJson(value.toObject());
        if (!prompt)
            return prompt.error();
        prompts.append(*prompt);
    }
    return prompts;
}

} // namespace Realm::Prompts
