// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/appsettings.h"

#include "common/pluralforms.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

namespace Realm::Ui {

namespace {
const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kFollowFolders = QStringLiteral("projects/followFolders");

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light: return QStringLiteral("light");
    case AppSettings::Theme::Dark: return QStringLiteral("dark");
    case AppSettings::Theme::System: break;
    }
    return QStringLiteral("system");
}
} // namespace

AppSettings AppSettings::load()
{
    AppSettings a;
    static_cast<Workspace::Settings &>(a) = Workspace::Settings::load();
    QSettings s;
    const QString theme = s.value(kTheme).toString();
    a.theme = theme == QLatin1String("light") ? Theme::Light : theme == QLatin1String("dark") ? Theme::Dark : Theme::System;
    a.language = s.value(kLanguage).toString();
    a.followFolders = s.value(kFollowFolders, a.followFolders).toBool();
    return a;
}

void AppSettings::save() const
{
    Workspace::Settings::save();
    QSettings s;
    s.setValue(kTheme, themeName(theme));
    s.setValue(kLanguage, language);
    s.setValue(kFollowFolders, followFolders);
}

bool installTranslation(const QString &language)
{
    // REALM's own strings, and Qt's (standard buttons, the file dialog,
    // context menus of text fields) from the system's Qt translations.
    static QTranslator *installed = nullptr;
    static QTranslator *qtInstalled = nullptr;
    for (QTranslator **old : {&installed, &qtInstalled}) {
        if (*old) {
            QApplication::removeTranslator(*old);
            delete std::exchange(*old, nullptr);
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale); // dates and numbers in the same language
    // REALM's catalog for the language; without one, English, whose catalog
    // holds the plural forms ("1 file", "3 files").
    auto translator = std::make_unique<QTranslator>();
    const bool found = translator->load(locale, QStringLiteral("realm"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (!found && !translator->load(QString::fromLatin1(kEnglishPluralFormsFile)))
        return false;
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtInstalled = qtTranslator.release();
        QApplication::installTranslator(qtInstalled);
    }
    installed = translator.release();
    return QApplication::installTranslator(installed) && found;
}

void applyAppearance(AppSettings::Theme theme)
{
    static const QString platformStyle = QApplication::style()->name();
    if (theme == AppSettings::Theme::System) {
        QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = QApplication::style()->standardPalette();
    if (theme == AppSettings::Theme::Dark) {
        const QColor window(45, 45, 48), base(30, 30, 30), text(220, 220, 220), disabled(127, 127, 127);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, window);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, disabled);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::red);
        p.setColor(QPalette::Link, QColor(86, 156, 214));
        p.setColor(QPalette::Highlight, QColor(38, 79, 120));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Disabled, QPalette::Text, disabled);
        p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
        p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    }
    QApplication::setPalette(p);
}

} // namespace Realm::Ui
