// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace.h"

#include <QWidget>

namespace Vitrine {

class CatalogSession;

/**
 * The base of every workspace's page. A page is made for one open catalog and gets its
 * CatalogSession in the constructor; the window makes new pages when another catalog opens.
 *
 * Pages never query the catalog on the UI thread: they ask the session's job runner, or read
 * the session's engine (engineChanged() says when a new one is ready).
 */
class WorkspacePage : public QWidget
{
    Q_OBJECT

public:
    WorkspacePage(Workspace workspace, CatalogSession *session, QWidget *parent = nullptr);
    ~WorkspacePage() override;

    Workspace workspace() const { return m_workspace; }
    CatalogSession *session() const { return m_session; }

    /**
     * Shows one object of this workspace: an item by SKU, a person by external id, a segment,
     * slot, layout or campaign by key. False when the page has no such object.
     */
    virtual bool showObject(const QString &key);

Q_SIGNALS:
    /** Asks the window to show an object in another workspace (a person page's item, …). */
    void objectRequested(Vitrine::Workspace workspace, const QString &key);
    /** A short message for the status bar ("Saved 2 changes"). */
    void statusMessage(const QString &text);

private:
    Workspace m_workspace;
    CatalogSession *m_session;
};

} // namespace Vitrine
