// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Vitrine {

PlaceholderPage::PlaceholderPage(Workspace workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(workspaceKey(workspace) + QStringLiteral("Page"));

    auto *title = new QLabel(workspaceTitle(workspace), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *description = new QLabel(workspaceDescription(workspace), this);
    description->setWordWrap(true);
    description->setMaximumWidth(560);

    auto *status = new QLabel(tr("This workspace arrives in a later milestone."), this);
    status->setObjectName(QStringLiteral("placeholderStatus"));
    status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(description);
    layout->addSpacing(6);
    layout->addWidget(status);
    layout->addStretch(1);
}

} // namespace Vitrine
