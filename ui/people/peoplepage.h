// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/personquery.h"
#include "shell/workspacepage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Vitrine {

class PersonPage;
class PersonTableModel;

/**
 * The People workspace: every person of the catalog in a lazily read table, with a search over
 * external id, name and e-mail and filters by country, gender, age band and segment; the chosen
 * person's page beside it.
 */
class PeoplePage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit PeoplePage(CatalogSession *session, QWidget *parent = nullptr);
    ~PeoplePage() override;

    /** Opens the person with this external id. */
    bool showObject(const QString &externalId) override;

    PersonTableModel *model() const { return m_model; }
    PersonPage *personPage() const { return m_person; }
    QTableView *table() const { return m_table; }

    /** Age bands of the filter: [min, max] ages, -1 open; the last is "unknown". */
    struct AgeBand
    {
        int min;
        int max;
    };

private:
    void applyFilter();
    void updateSummary();
    void loadChoices();
    void loadSegmentMembers(const QString &segment);
    int referenceYear() const;
    void currentRowChanged();
    /** Clears the search and every filter: the whole list. */
    void clearSearchAndFilters();
    void selectLocated(const QString &externalId, qint64 row);

    PersonTableModel *m_model;
    PersonPage *m_person;
    QLineEdit *m_search;
    QComboBox *m_country;
    QComboBox *m_gender;
    QComboBox *m_age;
    QComboBox *m_segment;
    QTableView *m_table;
    QLabel *m_summary;
    QTimer *m_searchDelay;

    int m_choicesToken = 0;
    int m_membersToken = 0;
    /** The chosen segment's members (users.id, ascending), once computed. */
    std::shared_ptr<const std::vector<qint64>> m_members;
    QString m_membersOf;
    QString m_membersError;
    QString m_pendingPerson; ///< showObject()'s person, until their row is selected
    bool m_pendingCleared = false; ///< whether the filters were cleared to find them
    qint64 m_pendingRow = -1; ///< their row, found before the list was counted
};

} // namespace Vitrine
