// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/workspace.h"

#include <QWidget>

namespace Vitrine {

/** The page shown for a workspace this build does not have yet: what it will do, and when. */
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlaceholderPage(Workspace workspace, QWidget *parent = nullptr);

    Workspace workspace() const { return m_workspace; }

private:
    Workspace m_workspace;
};

} // namespace Vitrine
