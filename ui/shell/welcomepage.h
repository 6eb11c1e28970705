// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace Vitrine {

/**
 * What the studio shows when no catalog is open (the first start): create the demo catalog,
 * open a catalog file, or import a shop's CSV files, and the catalogs opened recently.
 */
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    void setRecentCatalogs(const QStringList &paths);
    /** While the demo is being made: its progress (0..1, or -1 for busy), buttons disabled. */
    void showDemoProgress(const QString &stage, double fraction);
    void hideDemoProgress();

Q_SIGNALS:
    void createDemoRequested();
    void openRequested();
    void importRequested();
    void recentRequested(const QString &path);

private:
    QPushButton *addAction(QVBoxLayout *layout, const QString &objectName, const QString &title,
        const QString &description);

    QPushButton *m_demo = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_import = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent = nullptr;
};

} // namespace Vitrine
