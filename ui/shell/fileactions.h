// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace Vitrine {

class MainWindow;

/**
 * The File menu's work, kept out of the main window: new catalog, the demo catalog, import,
 * export and back up. Everything long runs as a job (progress in the status bar, Cancel) through
 * the same core calls as vitrine-cli.
 */
class FileActions : public QObject
{
    Q_OBJECT

public:
    explicit FileActions(MainWindow *window);
    ~FileActions() override;

    /** File › New Catalog…: an empty catalog file, opened. */
    void newCatalog();
    /** Creates the demo catalog at @p path (the welcome page's default: the standard demo path). */
    void createDemoCatalog(const QString &path = {});
    /** File › Import…: the import wizard, on @p file when given; makes a catalog first when none is open. */
    void importFile(const QString &file = {});
    /** File › Export › Items/People/Events…; `kind` is "items", "users" or "events". */
    void exportTable(const QString &kind);
    /** File › Back Up…. */
    void backUp();
    /** Help › Command-Line Reference. */
    void showCommandLineReference();

Q_SIGNALS:
    /** The demo catalog is being made (for the welcome page): stage and 0..1, -1 busy. */
    void demoProgress(const QString &stage, double fraction);
    void demoFinished(bool ok);

private:
    MainWindow *m_window;
};

} // namespace Vitrine
