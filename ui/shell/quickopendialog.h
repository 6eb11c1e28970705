// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogsearch.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;
template<typename T> class QFutureWatcher;

namespace Vitrine {

/**
 * Go › Quick Open (Ctrl+K): type part of a person's name, id or e-mail, an item's SKU or title,
 * or a segment, slot, layout, banner or campaign, and jump to it. The search (the core's
 * searchCatalog) runs off the UI thread on a connection of its own; the latest search wins.
 */
class QuickOpenDialog : public QDialog
{
    Q_OBJECT

public:
    QuickOpenDialog(const QString &catalogPath, QWidget *parent = nullptr);
    ~QuickOpenDialog() override;

    /** What the user chose; valid after accept(). */
    SearchHit chosen() const { return m_chosen; }
    /** The hits shown now (for tests). */
    QList<SearchHit> hits() const { return m_hits; }

    static QString kindLabel(SearchHit::Kind kind);

Q_SIGNALS:
    /** A search finished and its hits are shown. */
    void hitsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showHits();
    void choose();

    QString m_catalogPath;
    QLineEdit *m_input;
    QListWidget *m_list;
    QLabel *m_status;
    QTimer *m_delay;
    QFutureWatcher<QList<SearchHit>> *m_watcher;
    QString m_searching;    ///< the text the running search is for
    bool m_pending = false; ///< the text changed while a search ran
    QList<SearchHit> m_hits;
    SearchHit m_chosen;
};

} // namespace Vitrine
