// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Realm::Prompts {

// A prompt for a code task ("Explain", "Find Bugs", …): a Mustache body
// filled with the code it is about. REALM's own are built in; people add
// their own to the workspace.
struct PromptTemplate {
    QString name;        // lower case, digits, '-', '_': what the CLI and the picker type
    QString title;       // what menus show
    QString description; // one line
    QString body;        // Mustache over the PromptValues below
    bool builtIn = false;
    qint64 createdAt = 0; // ms since the epoch, UTC; 0 for built-ins
    qint64 updatedAt = 0;
    // An organization's (from its team server): read-only here. Named
    // "ORG/NAME" where a name alone would be another template's.
    QString orgId;
    QString orgName;
};

// What a template is filled with. Empty values are false in sections:
// {{#file}}in {{file}}{{/file}} says nothing without a file.
struct PromptValues {
    QString selection; // the code: a selection, or a whole file
    QString file;      // its path in the project
    QString language;  // its language's name ("C++", "Python")
    QString languageId; // {{language_id}}: the code fence's name ("cpp", "python")
    QString project;   // the project's name
    QString diff;      // a unified diff, for reviews
};

// Whether the user may change or remove it here.
inline bool isReadOnly(const PromptTemplate &prompt)
{
    return prompt.builtIn || !prompt.orgId.isEmpty();
}

// The name that finds it: an organization's as "ORG/NAME".
QString qualifiedName(const PromptTemplate &prompt);

// REALM's own templates, in menu order.
const QList<PromptTemplate> &builtInPrompts();
// One of them by name; null when REALM has none of that name.
const PromptTemplate *builtInPrompt(const QString &name);
// A template's title and description as the user reads them: REALM's own
// in the user's language, the user's as written. (Stored and exported
// templates keep the English originals.)
QString shownTitle(const PromptTemplate &prompt);
QString shownDescription(const PromptTemplate &prompt);

// Fills `prompt` with `values`. Values are inserted as they are: never
// HTML-escaped, never read as templates themselves.
Result<QString> renderPrompt(const PromptTemplate &prompt, const PromptValues &values);

// Checks a template a person wrote: a valid name, a title, a body that is
// valid Mustache. The error says what to fix.
Result<void> validatePrompt(const PromptTemplate &prompt);

// The JSON form (snake_case, RFC 3339 UTC times), for --json and for
// exchanging templates: an export file is {"realm_prompts": 1, "prompts": [...]}.
QJsonObject toJson(const PromptTemplate &prompt);
Result<PromptTemplate> promptFromJson(const QJsonObject &object);
QByteArray exportPrompts(const QList<PromptTemplate> &prompts);
Result<QList<PromptTemplate>> importPrompts(const QByteArray &json);

} // namespace Realm::Prompts
