// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/contents.h"

#include "projects/replica.h"
#include "projects/sourcefolder.h"

#include <QCoreApplication>

namespace Realm::SyncClient {

Result<std::optional<ContentsState>> contentsState(const Storage::DatabasePtr &db, const QString &projectId)
{
    Result<std::optional<Link>> link = SyncState::link(db->handle(), projectId);
    if (!link)
        return link.error();
    if (!*link)
        return std::optional<ContentsState>();
    Result<qint64> absent = Projects::Replica::absentFileCount(db->handle(), projectId);
    if (!absent)
        return absent.error();
    return std::optional<ContentsState>(
        ContentsState{.contents = (*link)->contents, .notDownloaded = *absent, .unshared = (*link)->state == Link::State::Unshared});
}

Result<ContentsState> setContents(const Storage::DatabasePtr &db, const QString &projectId, Link::Contents contents)
{
    Result<std::optional<ContentsState>> state = contentsState(db, projectId);
    if (!state)
        return state.error();
    if (!*state)
        return Error::notFound(QCoreApplication::translate("Realm::SyncClient", "This project is not shared with a server: every file's contents are here."));
    if (contents == Link::Contents::Lazy) {
        Result<std::optional<Projects::SourceFolder>> folder = Projects::SourceFolder::takingPullsOf(db->handle(), projectId);
        if (!folder)
            return folder.error();
        if (*folder)
            return Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "The folder of this project, %1, gets the team's changes, so it needs every file's "
                                                                                       "contents: leave the folder as it is first (--folder-updates off), then download "
                                                                                       "contents only when needed.")
                                           .arg((*folder)->root()));
    }
    if (Result<void> set = SyncState::setContents(db->handle(), projectId, contents); !set)
        return set.error();
    (*state)->contents = contents;
    return **state;
}

Result<std::optional<SyncInput>> downloadBefore(const Storage::DatabasePtr &db, const QString &projectId, FetchReach reach)
{
    Result<std::optional<Link>> link = SyncState::link(db->handle(), projectId);
    if (!link)
        return link.error();
    // Nowhere to download from: the job says which file it lacks.
    if (!*link || (*link)->state == Link::State::Unshared || (*link)->state == Link::State::Creating)
        return std::optional<SyncInput>();
    Result<bool> missing = reach == FetchReach::WithHistory ? Projects::Replica::hasAbsent(db->handle(), projectId)
                                                           : Projects::Replica::hasAbsentFiles(db->handle(), projectId);
    if (!missing)
        return missing.error();
    if (!*missing)
        return std::optional<SyncInput>();
    SyncInput input;
    input.action = SyncInput::Action::Fetch;
    input.projectId = projectId;
    input.server = (*link)->server;
    input.reach = reach;
    return std::optional<SyncInput>(input);
}

} // namespace Realm::SyncClient
