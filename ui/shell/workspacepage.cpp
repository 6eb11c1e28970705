// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacepage.h"

namespace Vitrine {

WorkspacePage::WorkspacePage(Workspace workspace, CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_session(session)
{
    setObjectName(workspaceKey(workspace) + QStringLiteral("Page"));
}

WorkspacePage::~WorkspacePage() = default;

bool WorkspacePage::showObject(const QString &key)
{
    Q_UNUSED(key)
    return false;
}

} // namespace Vitrine
