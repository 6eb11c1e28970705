// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Vitrine {

namespace {

/** A tint of the window colour: readable in light and dark themes alike. */
QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
        float(base.greenF() * (1 - amount) + tint.greenF() * amount),
        float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_label->setObjectName(QStringLiteral("messageText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clearMessage);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 4, 6);
    layout->setSpacing(8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    applyColours();
    show();
}

void MessageBar::clearMessage()
{
    m_label->clear();
    hide();
}

QString MessageBar::text() const
{
    return m_label->text();
}

void MessageBar::applyColours()
{
    QColor tint;
    switch (m_kind) {
    case Kind::Information:
        tint = QColor(0x3d, 0xae, 0xe9);
        break;
    case Kind::Positive:
        tint = QColor(0x27, 0xae, 0x60);
        break;
    case Kind::Error:
        tint = QColor(0xda, 0x44, 0x53);
        break;
    }
    QPalette palette = parentWidget() ? parentWidget()->palette() : this->palette();
    palette.setColor(QPalette::Window, blend(palette.color(QPalette::Window), tint, 0.2));
    setPalette(palette);
}

} // namespace Vitrine
