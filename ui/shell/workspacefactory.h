// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace.h"

class QWidget;

namespace Vitrine {

class CatalogSession;
class WorkspacePage;

/**
 * Makes the page of a workspace for an open catalog. The one place that knows which class
 * implements which workspace, so the window does not (and tests can build any page alone).
 * Workspaces this build does not have yet get a page that says what they will do.
 */
WorkspacePage *createWorkspacePage(Workspace workspace, CatalogSession *session, QWidget *parent = nullptr);

} // namespace Vitrine
