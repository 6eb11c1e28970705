// SPDX-License-Identifier: GPL-3.0-or-later
// vitrine: the studio window. Everything it does lives in vitrine-ui; this parses arguments.
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "shell/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <optional>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vitrine"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vitrine"));
    QApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("vitrine"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/vitrine-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Vitrine merchandising and personalization studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("catalog"),
        QApplication::translate("main", "The catalog to open (default: %1).")
            .arg(Vitrine::Database::defaultPath()),
        QStringLiteral("[catalog]"));
    // For documentation: render the window to an image and quit.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE and quit."),
        QStringLiteral("FILE"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption pageOption(QStringLiteral("page"),
        QApplication::translate("main", "Start on workspace NAME (overview, items, ...)."),
        QStringLiteral("NAME"));
    parser.addOption(screenshotOption);
    parser.addOption(pageOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(1);
    std::optional<Vitrine::Workspace> page;
    if (parser.isSet(pageOption)) {
        page = Vitrine::workspaceFromKey(parser.value(pageOption));
        if (!page) {
            std::fprintf(stderr, "%s\n",
                qPrintable(
                    QApplication::translate("main", "Unknown workspace: %1").arg(parser.value(pageOption))));
            return 1;
        }
    }

    Vitrine::MainWindow window;
    if (page)
        window.setCurrentWorkspace(*page);
    window.show();

    // A catalog named on the command line must open or say why; the default one may simply not
    // exist yet, and then the window explains how to get one instead of showing an error.
    const QString path = positional.isEmpty() ? Vitrine::Database::defaultPath() : positional.constFirst();
    const bool screenshot = parser.isSet(screenshotOption);
    if (!positional.isEmpty() || QFileInfo::exists(path)) {
        if (screenshot) {
            QString error;
            if (!window.openCatalog(path, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 2;
            }
        } else {
            window.openCatalogOrWarn(path);
        }
    }

    if (screenshot) {
        window.resize(1200, 760);
        const QString file = parser.value(screenshotOption);
        // Give the window a moment to lay out and paint before taking its picture.
        QTimer::singleShot(500, &window, [&window, file] {
            if (!window.grab().save(file)) {
                std::fprintf(stderr, "%s\n",
                    qPrintable(QApplication::translate("main", "%1: cannot write the picture").arg(file)));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
