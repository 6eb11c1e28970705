// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoverybar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Vitrine {

RecoveryBar::RecoveryBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_restore(new QPushButton(tr("Restore"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
{
    setObjectName(QStringLiteral("recoveryBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    // A warm tint that reads in light and dark palettes alike.
    const QColor base = tinted.color(QPalette::Window);
    tinted.setColor(QPalette::Window, base.lightness() > 128 ? QColor(0xff, 0xf4, 0xd6) : QColor(0x4a, 0x3d, 0x1a));
    setPalette(tinted);
    m_label->setWordWrap(true);
    m_label->setObjectName(QStringLiteral("recoveryText"));
    m_restore->setObjectName(QStringLiteral("restoreDraftsButton"));
    m_restore->setToolTip(tr("Bring the edits back as unsaved changes; File › Save keeps them"));
    m_discard->setObjectName(QStringLiteral("discardDraftsButton"));
    m_discard->setToolTip(tr("Forget these edits; the catalog stays as it was saved"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        hide();
        if (m_onRestore)
            m_onRestore();
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        hide();
        if (m_onDiscard)
            m_onDiscard();
    });
    hide();
}

RecoveryBar::~RecoveryBar() = default;

void RecoveryBar::offer(const QString &text, std::function<void()> restore, std::function<void()> discard)
{
    m_label->setText(text);
    m_onRestore = std::move(restore);
    m_onDiscard = std::move(discard);
    show();
}

} // namespace Vitrine
