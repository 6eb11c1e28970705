// SPDX-License-Identifier: GPL-3.0-or-later
#include "choicelistbutton.h"

#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace Vitrine {

namespace {
/** Names shown on the button before "+N". */
constexpr int ShownNames = 3;
} // namespace

ChoiceListButton::ChoiceListButton(QWidget *parent)
    : QToolButton(parent)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
    , m_emptyText(tr("(none)"))
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter->setPlaceholderText(tr("Filter…"));
    m_filter->setClearButtonEnabled(true);
    m_list->setMinimumWidth(240);
    m_list->setMaximumHeight(320);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);

    auto *menu = new QMenu(this);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(panel);
    menu->addAction(action);
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this] {
        m_filter->clear();
        m_filter->setFocus();
    });

    connect(m_filter, &QLineEdit::textChanged, this, &ChoiceListButton::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        updateText();
        Q_EMIT selectionChanged(selected());
    });
    updateText();
}

void ChoiceListButton::setChoices(const QStringList &values, const QStringList &labels)
{
    const QStringList chosen = selected();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (qsizetype i = 0; i < values.size(); ++i) {
        auto *item = new QListWidgetItem(labels.size() == values.size() ? labels.at(i) : values.at(i), m_list);
        item->setData(Qt::UserRole, values.at(i));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(values.at(i)) ? Qt::Checked : Qt::Unchecked);
    }
    updateText();
}

void ChoiceListButton::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateText();
}

void ChoiceListButton::setSelected(const QStringList &values)
{
    {
        const QSignalBlocker blocker(m_list);
        QStringList missing = values;
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            const bool on = values.contains(item->data(Qt::UserRole).toString());
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            missing.removeAll(item->data(Qt::UserRole).toString());
        }
        // A value the catalog does not have (a typo, data not imported yet) stays visible and chosen.
        for (const QString &value : std::as_const(missing)) {
            auto *item = new QListWidgetItem(tr("%1 (not in the catalog)").arg(value), m_list);
            item->setData(Qt::UserRole, value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    updateText();
}

QStringList ChoiceListButton::selected() const
{
    QStringList values;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            values.append(m_list->item(i)->data(Qt::UserRole).toString());
    }
    return values;
}

QSize ChoiceListButton::sizeHint() const
{
    QSize size = QToolButton::sizeHint();
    size.rwidth() += fontMetrics().height();
    return size;
}

void ChoiceListButton::updateText()
{
    QStringList labels;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            labels.append(m_list->item(i)->text());
    }
    if (labels.isEmpty()) {
        setText(m_emptyText);
    } else if (labels.size() <= ShownNames) {
        setText(labels.join(QStringLiteral(", ")));
    } else {
        setText(tr("%1 +%2").arg(labels.mid(0, ShownNames).join(QStringLiteral(", "))).arg(labels.size() - ShownNames));
    }
    setToolTip(labels.join(QLatin1Char('\n')));
    updateGeometry();
}

void ChoiceListButton::applyFilter(const QString &text)
{
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setHidden(!text.isEmpty() && !m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
}

} // namespace Vitrine
