// SPDX-License-Identifier: GPL-3.0-or-later
// The word index that finds the code a question is about, on real imports.
#include "chat/codeindex.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "testworkspace.h"

#include <QTest>

using namespace Realm;
using namespace Realm::Projects;
using Realm::Chat::CodeIndex;
using Realm::Chat::CodeHit;
using Realm::Test::TestWorkspace;

namespace {
QStringList paths(const QList<CodeHit> &hits)
{
    QStringList out;
    for (const CodeHit &h : hits) {
        if (!out.contains(h.path))
            out << h.path;
    }
    return out;
}

void writeSampleProject(const QString &root)
{
    Test::writeFile(root, QStringLiteral("src/archive_reader.cpp"),
                    "// Reads ZIP and tar archives entry by entry.\n"
                    "ArchiveReader::ArchiveReader(const QString &path) : m_path(path) {}\n"
                    "bool ArchiveReader::nextEntry() { return archive_read_next_header(m_archive, &m_entry) == ARCHIVE_OK; }\n");
    Test::writeFile(root, QStringLiteral("src/text_detection.cpp"),
                    "// Decides whether bytes are text or binary.\n"
                    "bool isBinaryContent(QByteArrayView bytes)\n{\n    return bytes.contains('\\0');\n}\n"
                    "TextEncoding detectEncoding(QByteArrayView bytes) { return TextEncoding::Utf8; }\n");
    Test::writeFile(root, QStringLiteral("src/http_server.cpp"),
                    "void HTTPServer::listen(quint16 port) { m_socket.bind(port); }\n"
                    "void HTTPServer::handleRequest(Request request) { route(request); }\n");
    QByteArray longFile;
    for (int i = 1; i <= 130; ++i)
        longFile += (i == 101 ? QByteArray("void scheduleNextTask() { pickTask(runQueue); }\n") : QByteArray("int filler") + QByteArray::number(i) + " = 0;\n");
    Test::writeFile(root, QStringLiteral("src/scheduler.cpp"), longFile);
    Test::writeFile(root, QStringLiteral("README.md"), "# Sample\nA sample project.\n");
    Test::writeFile(root, QStringLiteral("logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0binary", 16));
}
} // namespace

class tst_CodeIndex final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void identifiersAreSplitIntoWords();
    void questionsLoseTheirStopWords();
    void questionsFindTheFilesTheyAreAbout_data();
    void questionsFindTheFilesTheyAreAbout();
    void hitsPointAtTheChunkWithTheWords();
    void onlyNewContentIsIndexedAgain();
    void removedContentLeavesTheIndex();

private:
    QTemporaryDir m_source;
};

void tst_CodeIndex::initTestCase()
{
    writeSampleProject(m_source.path());
}

void tst_CodeIndex::identifiersAreSplitIntoWords()
{
    QCOMPARE(CodeIndex::wordsOf("isBinaryFile"), QByteArray("is binary file isbinaryfile"));
    QCOMPARE(CodeIndex::wordsOf("parse_http_header"), QByteArray("parse http header parse_http_header"));
    QCOMPARE(CodeIndex::wordsOf("HTTPServer x 42 QByteArrayView"), QByteArray("http server httpserver byte array view qbytearrayview"));
    QCOMPARE(CodeIndex::wordsOf("Größe über"), QByteArray("größe über"));
}

void tst_CodeIndex::questionsLoseTheirStopWords()
{
    QCOMPARE(CodeIndex::queryWords(QStringLiteral("How does the code decide whether a file is binary?")),
             QStringList({QStringLiteral("decide"), QStringLiteral("whether"), QStringLiteral("binary")}));
    QCOMPARE(CodeIndex::queryWords(QStringLiteral("what is isBinaryContent for")),
             QStringList({QStringLiteral("binary"), QStringLiteral("content"), QStringLiteral("isbinarycontent")}));
}

void tst_CodeIndex::questionsFindTheFilesTheyAreAbout_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("expected");
    QTest::newRow("binary") << QStringLiteral("How do we detect binary content?") << QStringLiteral("src/text_detection.cpp");
    QTest::newRow("archives") << QStringLiteral("Where are tar archives read?") << QStringLiteral("src/archive_reader.cpp");
    QTest::newRow("http") << QStringLiteral("which port does the http server listen on") << QStringLiteral("src/http_server.cpp");
    QTest::newRow("scheduling") << QStringLiteral("How is the next task scheduled?") << QStringLiteral("src/scheduler.cpp");
}

void tst_CodeIndex::questionsFindTheFilesTheyAreAbout()
{
    QFETCH(QString, question);
    QFETCH(QString, expected);
    TestWorkspace ws;
    const ImportReport report = *ProjectImporter(ws.db()).importProject(m_source.path(), {});
    CodeIndex index(ws.db());
    QCOMPARE(*index.pending(report.project.id), 5); // every text file, not the PNG
    QVERIFY(index.update(report.project.id));
    QCOMPARE(*index.pending(report.project.id), 0);
    const QList<CodeHit> hits = *index.search(report.project.id, CodeIndex::queryWords(question));
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().path, expected);
}

void tst_CodeIndex::hitsPointAtTheChunkWithTheWords()
{
    TestWorkspace ws;
    const ImportReport report = *ProjectImporter(ws.db()).importProject(m_source.path(), {});
    CodeIndex index(ws.db());
    QVERIFY(index.update(report.project.id));
    const QList<CodeHit> hits = *index.search(report.project.id, {QStringLiteral("runqueue")});
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().path, QStringLiteral("src/scheduler.cpp"));
    QCOMPARE(hits.first().startLine, 81); // chunks of 40 lines: 1, 41, 81, 121
    QCOMPARE(hits.first().lineCount, 40);
    QVERIFY(hits.first().score > 0);
}

void tst_CodeIndex::onlyNewContentIsIndexedAgain()
{
    QTemporaryDir source;
    writeSampleProject(source.path());
    TestWorkspace ws;
    ProjectImporter importer(ws.db());
    const ImportReport report = *importer.importProject(source.path(), {});
    CodeIndex index(ws.db());
    QCOMPARE(index.update(report.project.id)->blobs, 5);
    QCOMPARE(index.update(report.project.id)->blobs, 0);
    Test::writeFile(source.path(), QStringLiteral("src/http_server.cpp"), "void HTTPServer::shutdownGracefully() {}\n");
    QVERIFY(importer.refreshProject(report.project.id, {}));
    QCOMPARE(*index.pending(report.project.id), 1);
    QCOMPARE(index.update(report.project.id)->blobs, 1);
    QCOMPARE(paths(*index.search(report.project.id, {QStringLiteral("gracefully")})), QStringList({QStringLiteral("src/http_server.cpp")}));
    // The old version's words went with its content.
    QVERIFY(index.search(report.project.id, {QStringLiteral("listen")})->isEmpty());

    // A second project with the same files costs nothing to index.
    ImportOptions named;
    named.name = QStringLiteral("copy");
    const ImportReport copy = *importer.importProject(source.path(), named);
    QCOMPARE(*index.pending(copy.project.id), 0);
    QCOMPARE(paths(*index.search(copy.project.id, {QStringLiteral("gracefully")})), QStringList({QStringLiteral("src/http_server.cpp")}));
}

void tst_CodeIndex::removedContentLeavesTheIndex()
{
    TestWorkspace ws;
    const ImportReport report = *ProjectImporter(ws.db()).importProject(m_source.path(), {});
    CodeIndex index(ws.db());
    QVERIFY(index.update(report.project.id));
    QVERIFY(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM chunks")) > 0);
    ProjectStore store(ws.db());
    QVERIFY(store.moveToTrash(report.project.id));
    QCOMPARE(*store.emptyTrash(), 1);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM chunks")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM chunked_blobs")), 0);
    QCOMPARE(Test::scalar(ws.db(), QStringLiteral("SELECT count(*) FROM chunk_words WHERE chunk_words MATCH 'binary OR archive OR task'")), 0);
}

QTEST_GUILESS_MAIN(tst_CodeIndex)
#include "tst_codeindex.moc"
