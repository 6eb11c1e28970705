#include <QTest>
class TestDemoGenerator : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
