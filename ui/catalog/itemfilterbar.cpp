// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace Vitrine {

namespace {

constexpr int PathRole = Qt::UserRole + 1;
/** As long as the search box waits: typing "120" is one question, not three. */
constexpr int PriceDelayMs = 300;

std::optional<double> priceOf(const QLineEdit *edit)
{
    bool ok = false;
    const double value = QLocale().toDouble(edit->text().trimmed(), &ok);
    if (ok && value >= 0)
        return value;
    return std::nullopt;
}

QString priceText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', QLocale::FloatingPointShortest) : QString();
}

} // namespace

ItemFilterBar::ItemFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_categoryButton(new QToolButton(this))
    , m_categoryMenu(new QMenu(this))
    , m_categorySearch(new QLineEdit)
    , m_categoryTree(new QTreeView)
    , m_categoryModel(new QStandardItemModel(this))
    , m_brand(new QComboBox(this))
    , m_onSale(new QCheckBox(tr("On sale"), this))
    , m_inStock(new QCheckBox(tr("In stock"), this))
    , m_priceMin(new QLineEdit(this))
    , m_priceMax(new QLineEdit(this))
    , m_clear(new QToolButton(this))
    , m_priceDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("itemFilterBar"));

    m_kind->setObjectName(QStringLiteral("itemKindFilter"));
    m_kind->addItem(tr("All kinds"), int(ItemFilter::Kind::Any));
    m_kind->addItem(tr("Products"), int(ItemFilter::Kind::Product));
    m_kind->addItem(tr("Content"), int(ItemFilter::Kind::Content));
    m_kind->setToolTip(tr("Show products, content (articles, stories) or both"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ItemFilterBar::changed);

    // The category picker: a tree of the catalog's category paths in a drop-down, with a search box.
    m_categoryButton->setObjectName(QStringLiteral("itemCategoryFilter"));
    m_categoryButton->setPopupMode(QToolButton::InstantPopup);
    m_categoryButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_categoryButton->setMenu(m_categoryMenu);
    m_categoryButton->setToolTip(tr("Show the items of one category and of every category below it"));
    auto *pickerBox = new QWidget;
    auto *pickerLayout = new QVBoxLayout(pickerBox);
    pickerLayout->setContentsMargins(6, 6, 6, 6);
    m_categorySearch->setObjectName(QStringLiteral("itemCategorySearch"));
    m_categorySearch->setPlaceholderText(tr("Find a category…"));
    m_categorySearch->setClearButtonEnabled(true);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_categoryModel);
    proxy->setRecursiveFilteringEnabled(true);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_categoryTree->setObjectName(QStringLiteral("itemCategoryTree"));
    m_categoryTree->setModel(proxy);
    m_categoryTree->setHeaderHidden(true);
    m_categoryTree->setUniformRowHeights(true);
    m_categoryTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_categoryTree->setMinimumSize(340, 320);
    pickerLayout->addWidget(m_categorySearch);
    pickerLayout->addWidget(m_categoryTree);
    auto *pickerAction = new QWidgetAction(m_categoryMenu);
    pickerAction->setDefaultWidget(pickerBox);
    m_categoryMenu->addAction(pickerAction);
    connect(m_categorySearch, &QLineEdit::textChanged, this, &ItemFilterBar::filterCategoryTree);
    connect(m_categoryMenu, &QMenu::aboutToShow, m_categorySearch, [this] {
        m_categorySearch->clear();
        m_categorySearch->setFocus();
    });
    connect(m_categoryTree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        m_categoryMenu->close();
        if (setCategory(index.data(PathRole).toString()))
            changed();
    });
    connect(m_categoryTree, &QTreeView::clicked, m_categoryTree, &QTreeView::activated);

    m_brand->setObjectName(QStringLiteral("itemBrandFilter"));
    m_brand->setEditable(true);
    m_brand->setInsertPolicy(QComboBox::NoInsert);
    m_brand->setMinimumContentsLength(12);
    m_brand->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_brand->lineEdit()->setPlaceholderText(tr("All brands"));
    m_brand->lineEdit()->setClearButtonEnabled(true);
    m_brand->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_brand->completer()->setFilterMode(Qt::MatchContains);
    m_brand->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_brand->setToolTip(tr("Show the items of one brand; type to find it"));
    connect(m_brand, &QComboBox::activated, this, &ItemFilterBar::applyBrandText);
    connect(m_brand->lineEdit(), &QLineEdit::editingFinished, this, &ItemFilterBar::applyBrandText);
    connect(m_brand->lineEdit(), &QLineEdit::textChanged, this, [this](const QString &text) {
        // The clear button empties the box: that is "all brands" at once.
        if (text.isEmpty() && !m_updating)
            applyBrandText();
    });

    m_onSale->setObjectName(QStringLiteral("itemOnSaleFilter"));
    m_onSale->setToolTip(tr("Only items whose sale price is below their price"));
    m_inStock->setObjectName(QStringLiteral("itemInStockFilter"));
    m_inStock->setToolTip(tr("Leave out items whose stock is zero or below (unknown stock counts as in stock)"));
    connect(m_onSale, &QCheckBox::toggled, this, &ItemFilterBar::changed);
    connect(m_inStock, &QCheckBox::toggled, this, &ItemFilterBar::changed);

    auto *validator = new QDoubleValidator(0, 1e12, 2, this);
    validator->setNotation(QDoubleValidator::StandardNotation);
    for (QLineEdit *edit : {m_priceMin, m_priceMax}) {
        edit->setValidator(validator);
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14);
        edit->setAlignment(Qt::AlignRight);
        connect(edit, &QLineEdit::textChanged, m_priceDelay, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            m_priceDelay->stop();
            changed();
        });
    }
    m_priceMin->setObjectName(QStringLiteral("itemPriceMin"));
    m_priceMin->setPlaceholderText(tr("Min price"));
    m_priceMin->setToolTip(tr("The lowest price items sell at now (the sale price when on sale)"));
    m_priceMax->setObjectName(QStringLiteral("itemPriceMax"));
    m_priceMax->setPlaceholderText(tr("Max price"));
    m_priceMax->setToolTip(tr("The highest price items sell at now (the sale price when on sale)"));
    m_priceDelay->setSingleShot(true);
    m_priceDelay->setInterval(PriceDelayMs);
    connect(m_priceDelay, &QTimer::timeout, this, &ItemFilterBar::changed);

    m_clear->setObjectName(QStringLiteral("itemClearFilters"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Show every item again (the search stays)"));
    m_clear->setAutoRaise(true);
    connect(m_clear, &QToolButton::clicked, this, &ItemFilterBar::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_kind);
    layout->addWidget(m_categoryButton);
    layout->addWidget(m_brand);
    layout->addWidget(m_onSale);
    layout->addWidget(m_inStock);
    layout->addWidget(m_priceMin);
    layout->addWidget(m_priceMax);
    layout->addWidget(m_clear);
    layout->addStretch(1);

    setChoices({}, {});
}

ItemFilterBar::~ItemFilterBar() = default;

ItemFilter ItemFilterBar::filter() const
{
    ItemFilter filter;
    filter.kind = ItemFilter::Kind(m_kind->currentData().toInt());
    filter.category = m_category;
    filter.brand = m_brandValue;
    filter.onSaleOnly = m_onSale->isChecked();
    filter.inStockOnly = m_inStock->isChecked();
    filter.priceMin = priceOf(m_priceMin);
    filter.priceMax = priceOf(m_priceMax);
    return filter;
}

void ItemFilterBar::setFilter(const ItemFilter &filter)
{
    m_updating = true;
    const QSignalBlocker kindBlocker(m_kind);
    const QSignalBlocker saleBlocker(m_onSale);
    const QSignalBlocker stockBlocker(m_inStock);
    m_kind->setCurrentIndex(m_kind->findData(int(filter.kind)));
    m_category = filter.category;
    m_brandValue = filter.brand;
    m_brand->setEditText(filter.brand);
    m_onSale->setChecked(filter.onSaleOnly);
    m_inStock->setChecked(filter.inStockOnly);
    m_priceMin->setText(priceText(filter.priceMin));
    m_priceMax->setText(priceText(filter.priceMax));
    m_priceDelay->stop();
    m_updating = false;
    updateCategoryButton();
    updateClearButton();
}

void ItemFilterBar::clear()
{
    const bool wasSet = !filter().isEmpty();
    setFilter(ItemFilter());
    if (wasSet)
        Q_EMIT filterChanged();
}

void ItemFilterBar::setChoices(const QStringList &categoryPaths, const QStringList &brands)
{
    m_categoryPaths = categoryPaths;
    m_brands = brands;

    m_categoryModel->clear();
    auto *all = new QStandardItem(tr("All categories"));
    all->setData(QString(), PathRole);
    m_categoryModel->appendRow(all);
    QHash<QString, QStandardItem *> byPath;
    for (const QString &path : categoryPaths) {
        const qsizetype cut = path.lastIndexOf(QStringLiteral(" > "));
        const QString name = cut < 0 ? path : path.mid(cut + 3);
        auto *item = new QStandardItem(name);
        item->setData(path, PathRole);
        item->setToolTip(path);
        QStandardItem *parent = cut < 0 ? nullptr : byPath.value(path.left(cut));
        if (parent)
            parent->appendRow(item);
        else
            m_categoryModel->appendRow(item);
        byPath.insert(path, item);
    }
    m_categoryButton->setEnabled(!categoryPaths.isEmpty());
    if (categoryPaths.isEmpty())
        m_categoryButton->setToolTip(tr("The catalog's items have no categories"));

    m_updating = true;
    const QString text = m_brand->currentText();
    m_brand->clear();
    m_brand->addItems(brands);
    m_brand->setEditText(text);
    m_brand->setEnabled(!brands.isEmpty() || !m_brandValue.isEmpty());
    m_updating = false;
    updateCategoryButton();
}

bool ItemFilterBar::setCategory(const QString &path)
{
    if (!path.isEmpty() && !m_categoryPaths.contains(path))
        return false;
    m_category = path;
    updateCategoryButton();
    return true;
}

void ItemFilterBar::changed()
{
    if (m_updating)
        return;
    updateClearButton();
    Q_EMIT filterChanged();
}

void ItemFilterBar::updateCategoryButton()
{
    if (m_category.isEmpty()) {
        m_categoryButton->setText(tr("All categories"));
    } else {
        const qsizetype cut = m_category.lastIndexOf(QStringLiteral(" > "));
        m_categoryButton->setText(cut < 0 ? m_category : QStringLiteral("… > ") + m_category.mid(cut + 3));
        m_categoryButton->setToolTip(tr("Category: %1 and everything below it").arg(m_category));
    }
    updateClearButton();
}

void ItemFilterBar::updateClearButton()
{
    m_clear->setEnabled(!filter().isEmpty());
}

void ItemFilterBar::applyBrandText()
{
    if (m_updating)
        return;
    const QString text = m_brand->currentText().trimmed();
    // The catalog's own spelling, when the typed name is one of its brands in another case.
    QString brand = text;
    for (const QString &known : std::as_const(m_brands)) {
        if (known.compare(text, Qt::CaseInsensitive) == 0) {
            brand = known;
            break;
        }
    }
    if (brand == m_brandValue)
        return;
    m_brandValue = brand;
    changed();
}

void ItemFilterBar::filterCategoryTree(const QString &text)
{
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_categoryTree->model());
    proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_categoryTree->expandAll();
}

} // namespace Vitrine
