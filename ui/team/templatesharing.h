// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "docs/docstore.h"
#include "prompts/prompttemplate.h"
#include "starters/startertemplate.h"
#include "syncclient/templatekind.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace Realm::Ui {

// Publishing templates to organizations, as the Prompts, Documentation
// Templates and Save as Template dialogs ask for it (the team side implements it:
// OrgTemplateSync). Answers arrive later, on the UI thread, while
// `context` lives.
class TemplateSharing {
public:
    struct Org {
        QString id;
        QString name;
    };
    using Done = std::function<void(const Result<QString> &message)>;

    virtual ~TemplateSharing() = default;
    // The organizations the user may publish to (an admin or owner there);
    // none when signed out.
    virtual void adminOrgs(QObject *context, std::function<void(const Result<QList<Org>> &)> done) = 0;
    // One of the user's own templates becomes the organization's.
    virtual void publish(QObject *context, const Org &org, const Prompts::PromptTemplate &prompt, Done done) = 0;
    virtual void publish(QObject *context, const Org &org, const Docs::DocTemplate &docTemplate, Done done) = 0;
    virtual void publish(QObject *context, const Org &org, const Starters::StarterTemplate &starter, Done done) = 0;
    // The organization's template `name` of that kind goes, for every member.
    virtual void withdraw(QObject *context, const Org &org, SyncClient::TemplateKind kind, const QString &name, Done done) = 0;
};

// Asks `sharing` (none: nothing is asked) which organizations the user
// administers, as a template dialog does on opening: `known` gets them,
// or none and a sentence saying why sharing is not available now, which
// also stays as the dialog's Share button's tooltip (`shareButton`, if any).
void askAdminOrgs(TemplateSharing *sharing, QWidget *shareButton, QObject *context,
                  const std::function<void(const QList<TemplateSharing::Org> &orgs, const QString &unavailable)> &known);

// What a template dialog says under an organization's template (`orgId`
// one of `adminOrgs` or not).
QString orgTemplateNote(const QList<TemplateSharing::Org> &adminOrgs, const QString &orgId, const QString &orgName);

// Fills a template dialog's Share menu: for one of the user's own
// (`orgId` empty) "Publish to ORG" for each organization they administer;
// for an organization's "Withdraw from ORG" when they administer it.
// `act(org, publish)` runs the one chosen.
void fillShareMenu(QMenu *menu, const QList<TemplateSharing::Org> &adminOrgs, const QString &orgId, const QString &orgName,
                   const std::function<void(const TemplateSharing::Org &org, bool publish)> &act);

// What a dialog shows while a publish or withdrawal is under way.
QString sharingUnderWay(const QString &name, const TemplateSharing::Org &org, bool publish);

// The same, running the one chosen through `sharing` for the template
// `shared` (a prompt or documentation template of that kind): `say` shows
// what is under way, `done` gets its outcome.
template<typename Template>
void fillShareMenu(QMenu *menu, TemplateSharing *sharing, QObject *context, const QList<TemplateSharing::Org> &adminOrgs, const Template &shared,
                   SyncClient::TemplateKind kind, const std::function<void(const QString &)> &say, const TemplateSharing::Done &done)
{
    fillShareMenu(menu, adminOrgs, shared.orgId, shared.orgName, [=](const TemplateSharing::Org &org, bool publish) {
        say(sharingUnderWay(shared.name, org, publish));
        if (publish)
            sharing->publish(context, org, shared, done);
        else
            sharing->withdraw(context, org, kind, shared.name, done);
    });
}

} // namespace Realm::Ui
