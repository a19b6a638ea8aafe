// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/language.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace Realm::Projects {

namespace {

struct LanguageInfo {
    const char *id;
    const char *displayName;
    const char *extensions;  // space-separated, lowercase, without dots
    const char *fileNames;   // space-separated exact names
    const char *interpreters; // shebang interpreters
};

// One table keeps the mapping readable and the lookups below generic.
const LanguageInfo kLanguages[] = {
    {"c", "C", "c h", "", ""},
    {"cpp", "C++", "cpp cc cxx c++ hpp hh hxx h++ ipp tpp inl", "", ""},
    {"csharp", "C#", "cs csx", "", ""},
    {"java", "Java", "java", "", ""},
    {"kotlin", "Kotlin", "kt kts", "", ""},
    {"scala", "Scala", "scala sc", "", ""},
    {"go", "Go", "go", "", ""},
    {"rust", "Rust", "rs", "", ""},
    {"swift", "Swift", "swift", "", ""},
    {"objc", "Objective-C", "m mm", "", ""},
    {"python", "Python", "py pyi pyw", "SConstruct SConscript", "python python2 python3"},
    {"ruby", "Ruby", "rb rake gemspec", "Rakefile Gemfile", "ruby"},
    {"perl", "Perl", "pl pm", "", "perl"},
    {"php", "PHP", "php phtml", "", "php"},
    {"javascript", "JavaScript", "js mjs cjs jsx", "", "node nodejs"},
    {"typescript", "TypeScript", "ts mts cts tsx", "", "deno ts-node"},
    {"lua", "Lua", "lua", "", "lua"},
    {"shell", "Shell", "sh bash zsh ksh fish", ".bashrc .bash_profile .profile .zshrc", "sh bash zsh ksh dash fish"},
    {"powershell", "PowerShell", "ps1 psm1", "", "pwsh"},
    {"make", "Makefile", "mk mak", "Makefile makefile GNUmakefile Kbuild", "make"},
    {"cmake", "CMake", "cmake", "CMakeLists.txt", ""},
    {"meson", "Meson", "", "meson.build meson_options.txt", ""},
    {"dockerfile", "Dockerfile", "dockerfile", "Dockerfile Containerfile", ""},
    {"html", "HTML", "html htm xhtml", "", ""},
    {"css", "CSS", "css scss sass less", "", ""},
    {"xml", "XML", "xml xsd xsl xslt svg ui qrc ts plist", "", ""},
    {"json", "JSON", "json jsonc json5", "", ""},
    {"yaml", "YAML", "yaml yml", "", ""},
    {"toml", "TOML", "toml", "Cargo.lock", ""},
    {"ini", "INI", "ini cfg conf", ".editorconfig .gitconfig", ""},
    {"markdown", "Markdown", "md markdown", "", ""},
    {"rst", "reStructuredText", "rst", "", ""},
    {"tex", "TeX", "tex sty cls bib", "", ""},
    {"sql", "SQL", "sql", "", ""},
    {"proto", "Protocol Buffers", "proto", "", ""},
    {"haskell", "Haskell", "hs lhs", "", "runhaskell"},
    {"ocaml", "OCaml", "ml mli", "", "ocaml"},
    {"elixir", "Elixir", "ex exs", "", "elixir"},
    {"erlang", "Erlang", "erl hrl", "", "escript"},
    {"clojure", "Clojure", "clj cljs cljc edn", "", ""},
    {"dart", "Dart", "dart", "", ""},
    {"r", "R", "r", "", "Rscript"},
    {"julia", "Julia", "jl", "", "julia"},
    {"zig", "Zig", "zig", "", ""},
    {"nim", "Nim", "nim", "", ""},
    {"fortran", "Fortran", "f f90 f95 f03 for", "", ""},
    {"asm", "Assembly", "s asm", "", ""},
    {"vue", "Vue", "vue", "", ""},
    {"svelte", "Svelte", "svelte", "", ""},
    {"qml", "QML", "qml", "", ""},
    {"groovy", "Groovy", "groovy gradle", "Jenkinsfile", "groovy"},
    {"tcl", "Tcl", "tcl", "", "tclsh wish"},
    {"awk", "Awk", "awk", "", "awk gawk mawk"},
    {"devicetree", "Devicetree", "dts dtsi", "", ""},
    {"kconfig", "Kconfig", "", "Kconfig", ""},
    {"text", "Text", "txt text", "README LICENSE COPYING AUTHORS NEWS CHANGELOG", ""},
};

struct Tables {
    QHash<QString, const LanguageInfo *> byExtension;
    QHash<QString, const LanguageInfo *> byFileName;
    QHash<QString, const LanguageInfo *> byInterpreter;
    QHash<QString, const LanguageInfo *> byId;
};

const Tables &tables()
{
    static const Tables t = [] {
        Tables built;
        for (const LanguageInfo &info : kLanguages) {
            built.byId.insert(QLatin1String(info.id), &info);
            const auto words = [](const char *list) {
                return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            };
            for (const QString &ext : words(info.extensions))
                built.byExtension.insert(ext, &info);
            for (const QString &name : words(info.fileNames))
                built.byFileName.insert(name, &info);
            for (const QString &interpreter : words(info.interpreters))
                built.byInterpreter.insert(interpreter, &info);
        }
        return built;
    }();
    return t;
}

QString fromShebang(QByteArrayView head)
{
    if (!head.startsWith("#!"))
        return {};
    qsizetype end = head.indexOf('\n');
    if (end < 0)
        end = qMin<qsizetype>(head.size(), 256);
    const QString line = QString::fromUtf8(head.first(end)).mid(2).trimmed();
    QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QString program = words.first().section(QLatin1Char('/'), -1);
    // "#!/usr/bin/env [-S] python3"
    if (program == QLatin1String("env")) {
        words.removeFirst();
        while (!words.isEmpty() && (words.first().startsWith(QLatin1Char('-')) || words.first().contains(QLatin1Char('='))))
            words.removeFirst();
        if (words.isEmpty())
            return {};
        program = words.first().section(QLatin1Char('/'), -1);
    }
    // python3.11 → python3 → python
    static const QRegularExpression version(QStringLiteral("[0-9.]+$"));
    for (const QString &candidate : {program, QString(program).remove(version)}) {
        if (const LanguageInfo *info = tables().byInterpreter.value(candidate))
            return QLatin1String(info->id);
    }
    return {};
}

} // namespace

QString detectLanguage(const QString &path, QByteArrayView head)
{
    const QString fileName = path.section(QLatin1Char('/'), -1);
    const Tables &t = tables();
    if (const LanguageInfo *info = t.byFileName.value(fileName))
        return QLatin1String(info->id);
    // Dockerfile.dev, Makefile.am, Containerfile.prod
    const QString stem = fileName.section(QLatin1Char('.'), 0, 0);
    if (stem == QLatin1String("Dockerfile") || stem == QLatin1String("Containerfile"))
        return QStringLiteral("dockerfile");
    if (stem == QLatin1String("Makefile") || stem == QLatin1String("makefile"))
        return QStringLiteral("make");
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0) {
        const QString extension = fileName.mid(dot + 1).toLower();
        if (const LanguageInfo *info = t.byExtension.value(extension))
            return QLatin1String(info->id);
    }
    return fromShebang(head);
}

QString languageDisplayName(const QString &id)
{
    if (const LanguageInfo *info = tables().byId.value(id))
        return QString::fromLatin1(info->displayName);
    return id.isEmpty() ? QCoreApplication::translate("Realm::Projects", "Other") : id;
}

} // namespace Realm::Projects
