// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/templatesharing.h"

#include <QCoreApplication>
#include <QMenu>
#include <QPointer>
#include <QWidget>

#include <algorithm>

namespace Realm::Ui {

// (lupdate reads the context only as a literal.)
void askAdminOrgs(TemplateSharing *sharing, QWidget *shareButton, QObject *context,
                  const std::function<void(const QList<TemplateSharing::Org> &orgs, const QString &unavailable)> &known)
{
    if (!sharing)
        return;
    sharing->adminOrgs(context, [shareButton = QPointer<QWidget>(shareButton), known](const Result<QList<TemplateSharing::Org>> &orgs) {
        if (orgs) {
            known(*orgs, QString());
            return;
        }
        const QString unavailable = QCoreApplication::translate("Realm::Ui::TemplateSharing", "Sharing is not available: %1").arg(orgs.error().message);
        if (shareButton)
            shareButton->setToolTip(unavailable);
        known({}, unavailable);
    });
}

QString orgTemplateNote(const QList<TemplateSharing::Org> &adminOrgs, const QString &orgId, const QString &orgName)
{
    const bool administered = std::any_of(adminOrgs.cbegin(), adminOrgs.cend(), [&orgId](const TemplateSharing::Org &org) { return org.id == orgId; });
    return administered ? QCoreApplication::translate("Realm::Ui::TemplateSharing", "%1's template, for all its members: Share withdraws it; duplicate it to make one of your own.").arg(orgName)
                        : QCoreApplication::translate("Realm::Ui::TemplateSharing", "%1's template, which its admins change: duplicate it to make one of your own.").arg(orgName);
}

void fillShareMenu(QMenu *menu, const QList<TemplateSharing::Org> &adminOrgs, const QString &orgId, const QString &orgName,
                   const std::function<void(const TemplateSharing::Org &org, bool publish)> &act)
{
    for (const TemplateSharing::Org &org : adminOrgs) {
        if (orgId.isEmpty())
            menu->addAction(QCoreApplication::translate("Realm::Ui::TemplateSharing", "Publish to %1").arg(org.name), menu, [act, org] { act(org, true); });
        else if (orgId == org.id)
            menu->addAction(QCoreApplication::translate("Realm::Ui::TemplateSharing", "Withdraw from %1").arg(org.name), menu, [act, org] { act(org, false); });
    }
    if (menu->isEmpty())
        menu->addAction(QCoreApplication::translate("Realm::Ui::TemplateSharing", "Only %1's admins change its templates").arg(orgName))->setEnabled(false);
}

QString sharingUnderWay(const QString &name, const TemplateSharing::Org &org, bool publish)
{
    return publish ? QCoreApplication::translate("Realm::Ui::TemplateSharing", "Publishing \"%1\" to %2…").arg(name, org.name)
                   : QCoreApplication::translate("Realm::Ui::TemplateSharing", "Withdrawing \"%1\" from %2…").arg(name, org.name);
}

} // namespace Realm::Ui
