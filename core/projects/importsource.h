// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/importoptions.h"
#include "projects/project.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Realm::Projects {

struct SourceFile {
    QString path; // as found in the source; the sink checks and normalizes it
    QByteArray content;
    int mode = 0644;
    qint64 mtimeNs = 0;   // modification time on disk; 0 when the source has none
    qint64 checkedAtMs = 0; // when the source looked at the file (just before reading it)
};

// Receives what a source finds. Sources report what they leave out, so the
// user learns what was skipped (on purpose: ignored, too big, a symlink) and
// what was rejected (unsafe or broken), each with the reason.
class ImportSink {
public:
    virtual ~ImportSink() = default;
    // An error stops the whole import (a limit was hit, the user cancelled,
    // the workspace could not be written); the source returns it as is.
    virtual Result<void> addFile(SourceFile file) = 0;
    // Asked before reading a file from disk: true when the project already
    // holds this file with the same size, mode and modification time, so
    // the source need not read it (the sink counts it as unchanged).
    virtual bool skipIfUnchanged(const QString &path, qint64 size, int mode, qint64 mtimeNs) = 0;
    // Modification times are only trusted for files the sink saw long
    // enough after their last change; see ProjectImporter.
    virtual void skip(const QString &path, const QString &reason) = 0;
    // A file that could not be read this time: a refresh keeps what the
    // project held under `path`.
    virtual void reject(const QString &path, const QString &reason) = 0;
    // A name no project may hold (unsafe, undecodable): rejected, and a
    // refresh drops what the project held under it.
    virtual void refuse(const QString &path, const QString &reason) = 0;
    // Called before a large read so progress shows the file being read.
    virtual void reading(const QString &path) = 0;
    virtual bool isCancelled() const = 0;
    virtual const ImportLimits &limits() const = 0;
};

// A place files come from: a folder, an archive, a git repository.
class ImportSource {
public:
    virtual ~ImportSource() = default;
    // Streams every file into `sink`, in a stable order.
    virtual Result<void> readInto(ImportSink &sink) = 0;
    // What to record as the project's source (a git source knows its commit
    // only after readInto).
    virtual ProjectSource description() const = 0;
    virtual QString suggestedName() const = 0;
};

// Picks the source for `location`: an archive file, a git URL, a folder (a
// git work tree imports as a folder unless `options.ref` asks for a commit),
// or a bare repository / .git folder.
Result<std::unique_ptr<ImportSource>> createImportSource(const QString &location, const ImportOptions &options);
Result<std::unique_ptr<ImportSource>> createImportSource(const ProjectSource &source, const ImportOptions &options);

QString formatBytes(qint64 bytes);

} // namespace Realm::Projects
