// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "prompts/prompttemplate.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Realm::Ui {

// Publishing prompt templates to organizations, as the Prompts dialog asks
// for it (the team side implements it: OrgTemplateSync). Answers arrive
// later, on the UI thread, while `context` lives.
class PromptSharing {
public:
    struct Org {
        QString id;
        QString name;
    };
    using Done = std::function<void(const Result<QString> &message)>;

    virtual ~PromptSharing() = default;
    // The organizations the user may publish to (an admin or owner there);
    // none when signed out.
    virtual void adminOrgs(QObject *context, std::function<void(const Result<QList<Org>> &)> done) = 0;
    // One of the user's own templates becomes the organization's.
    virtual void publish(QObject *context, const Org &org, const Prompts::PromptTemplate &prompt, Done done) = 0;
    // The organization's template `name` goes, for every member.
    virtual void withdraw(QObject *context, const Org &org, const QString &name, Done done) = 0;
};

} // namespace Realm::Ui
