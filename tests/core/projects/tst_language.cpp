// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/language.h"

#include <QTest>

using namespace Realm::Projects;

class tst_Language final : public QObject {
    Q_OBJECT
private slots:
    void detects_data();
    void detects();
    void displayNames();
};

void tst_Language::detects_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("language");
    QTest::newRow("c") << "src/main.c" << QByteArray() << "c";
    QTest::newRow("c header") << "include/x.h" << QByteArray() << "c";
    QTest::newRow("c++") << "a/b/widget.cpp" << QByteArray() << "cpp";
    QTest::newRow("c++ header") << "widget.hpp" << QByteArray() << "cpp";
    QTest::newRow("upper-case extension") << "LEGACY.CPP" << QByteArray() << "cpp";
    QTest::newRow("python") << "tool.py" << QByteArray() << "python";
    QTest::newRow("typescript") << "web/app.tsx" << QByteArray() << "typescript";
    QTest::newRow("rust") << "lib.rs" << QByteArray() << "rust";
    QTest::newRow("go") << "main.go" << QByteArray() << "go";
    QTest::newRow("Makefile") << "sub/Makefile" << QByteArray() << "make";
    QTest::newRow("Makefile.am") << "Makefile.am" << QByteArray() << "make";
    QTest::newRow("Dockerfile") << "Dockerfile" << QByteArray() << "dockerfile";
    QTest::newRow("Dockerfile.dev") << "docker/Dockerfile.dev" << QByteArray() << "dockerfile";
    QTest::newRow("CMakeLists") << "CMakeLists.txt" << QByteArray() << "cmake";
    QTest::newRow("plain text") << "notes.txt" << QByteArray() << "text";
    QTest::newRow("shebang sh") << "bin/deploy" << QByteArray("#!/bin/sh\necho hi\n") << "shell";
    QTest::newRow("shebang env python3") << "scripts/tool" << QByteArray("#!/usr/bin/env python3\n") << "python";
    QTest::newRow("shebang env -S node") << "cli" << QByteArray("#!/usr/bin/env -S node --harmony\n") << "javascript";
    QTest::newRow("shebang python3.11") << "run" << QByteArray("#!/usr/bin/python3.11\n") << "python";
    QTest::newRow("extension beats shebang") << "x.rb" << QByteArray("#!/bin/bash\n") << "ruby";
    QTest::newRow("unknown") << "data.bin" << QByteArray("\x01\x02") << "";
    QTest::newRow("dotfile without known name") << ".gitignore" << QByteArray() << "";
}

void tst_Language::detects()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, head);
    QFETCH(QString, language);
    QCOMPARE(detectLanguage(path, head), language);
}

void tst_Language::displayNames()
{
    QCOMPARE(languageDisplayName(QStringLiteral("cpp")), QStringLiteral("C++"));
    QCOMPARE(languageDisplayName(QStringLiteral("make")), QStringLiteral("Makefile"));
    QCOMPARE(languageDisplayName(QString()), QStringLiteral("Other"));
}

QTEST_GUILESS_MAIN(tst_Language)
#include "tst_language.moc"
