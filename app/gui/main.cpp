// SPDX-License-Identifier: GPL-3.0-or-later
// vitrine: the studio window. Everything it does lives in vitrine-ui; this parses arguments.
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "shell/mainwindow.h"
#include "shell/studiosettings.h"
#include "shell/workspace.h"
#include "storage/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Studio)
};

/** A dark palette on the Fusion style, to check the studio reads well in one (--palette dark). */
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    dark.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x20, 0x22));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa1));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7d, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7d, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7d, 0x80));
    QApplication::setPalette(dark);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vitrine"));
    QApplication::setApplicationName(QStringLiteral("vitrine"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vitrine"));
    QApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("vitrine"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/vitrine-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Vitrine merchandising and personalization studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("catalog"),
        Tr::tr("The catalog to open (default: the one open at the last close, else %1).")
            .arg(Vitrine::Database::defaultPath()),
        QStringLiteral("[catalog]"));
    QCommandLineOption workspaceOption(QStringList {QStringLiteral("workspace"), QStringLiteral("page")},
        Tr::tr("Start on workspace KEY (overview, items, people, slots, segments, layouts, campaigns, "
               "history)."),
        QStringLiteral("KEY"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        Tr::tr("Render the window offscreen to FILE (PNG) once the catalog is read, and quit."),
        QStringLiteral("FILE"));
    QCommandLineOption objectOption(QStringLiteral("show"),
        Tr::tr("With --workspace: show this object (an item's SKU, a person's id, kind.key in history)."),
        QStringLiteral("KEY"));
    QCommandLineOption paletteOption(
        QStringLiteral("palette"), Tr::tr("Use the 'dark' or 'light' palette."), QStringLiteral("NAME"));
    QCommandLineOption importOption(
        QStringLiteral("import"), Tr::tr("Open the import wizard on FILE."), QStringLiteral("FILE"));
    QCommandLineOption noRestoreOption(
        QStringLiteral("no-restore"), Tr::tr("Do not reopen the last catalog."));
    parser.addOption(workspaceOption);
    parser.addOption(screenshotOption);
    parser.addOption(objectOption);
    parser.addOption(paletteOption);
    parser.addOption(noRestoreOption);
    parser.addOption(importOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(1);
    std::optional<Vitrine::Workspace> workspace;
    if (parser.isSet(workspaceOption)) {
        workspace = Vitrine::workspaceFromKey(parser.value(workspaceOption));
        if (!workspace) {
            std::fprintf(stderr, "%s\n",
                qPrintable(Tr::tr("Unknown workspace: %1").arg(parser.value(workspaceOption))));
            return 1;
        }
    }
    if (parser.value(paletteOption) == QLatin1String("dark"))
        useDarkPalette();

    const bool screenshot = parser.isSet(screenshotOption);
    Vitrine::MainWindow window;
    if (!screenshot)
        window.restoreSettings();
    if (workspace)
        window.setCurrentWorkspace(*workspace);
    window.show();

    // A catalog named on the command line must open or say why; else the one open at the last
    // close, else the demo catalog if there is one, else the welcome page.
    QString path = positional.isEmpty() ? QString() : positional.constFirst();
    if (path.isEmpty() && !screenshot && !parser.isSet(noRestoreOption)) {
        const QString last = Vitrine::StudioSettings::lastCatalog.get();
        path = !last.isEmpty() && QFileInfo::exists(last) ? last : QString();
    }
    if (path.isEmpty() && QFileInfo::exists(Vitrine::Database::defaultPath()) && !parser.isSet(noRestoreOption))
        path = Vitrine::Database::defaultPath();
    if (!path.isEmpty()) {
        if (screenshot) {
            QString error;
            if (!window.openCatalog(path, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 2;
            }
        } else {
            window.openCatalogOrWarn(path);
        }
        if (workspace)
            window.setCurrentWorkspace(*workspace);
        if (parser.isSet(objectOption) && workspace)
            window.showObject(*workspace, parser.value(objectOption));
    }
    if (parser.isSet(importOption))
        window.importFile(parser.value(importOption));

    if (screenshot) {
        window.resize(1200, 760);
        const QString file = parser.value(screenshotOption);
        // The picture is taken when the catalog has been read (figures, engine) and the pages
        // have had their answers, or after a minute at most.
        auto *poll = new QTimer(&window);
        auto *elapsed = new QElapsedTimer;
        elapsed->start();
        int quietTicks = 0;
        QObject::connect(poll, &QTimer::timeout, &window, [&window, file, poll, elapsed, &quietTicks] {
            Vitrine::CatalogSession *session = window.session();
            const bool busy = (session && (!session->stats() || !session->jobs()->activeJobs().isEmpty()))
                || !window.jobs()->activeJobs().isEmpty();
            quietTicks = busy ? 0 : quietTicks + 1;
            if (quietTicks < 4 && elapsed->elapsed() < 60000)
                return;
            poll->stop();
            delete elapsed;
            // A dialog in front (the import wizard) is what the picture is of.
            QWidget *subject = &window;
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (top != &window && top->isVisible() && top->inherits("QDialog"))
                    subject = top;
            }
            if (!subject->grab().save(file)) {
                std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("%1: cannot write the picture").arg(file)));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
        poll->start(250);
    }
    return app.exec();
}
