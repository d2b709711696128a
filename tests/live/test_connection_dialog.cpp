// The connection-profile dialog: round trip of every field, validation in the dialog,
// the skip-verification choice visibly flagged.
#include "dialogs/connection_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace meshscope;

class TestConnectionDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsAProfile()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("prod");
        profile.prometheus.url = QUrl(QStringLiteral("https://thanos.example/prom"));
        profile.prometheus.auth.kind = EndpointAuth::Kind::Basic;
        profile.prometheus.auth.username = QStringLiteral("alice");
        profile.prometheus.auth.password = QStringLiteral("pw-1");
        profile.prometheus.tls.caFile = QStringLiteral("/etc/ca.pem");
        profile.prometheus.extraHeaders.append(
            qMakePair(QByteArray("X-Scope-OrgID"), QByteArray("tenant-a")));
        profile.kiali.url = QUrl(QStringLiteral("https://host/kiali"));
        profile.kialiAuth = KialiAuthStrategy::Token;
        profile.kiali.auth.token = QStringLiteral("k8s-token");
        profile.namespaces = {QStringLiteral("shop"), QStringLiteral("billing")};
        profile.pollIntervalS = 30;
        profile.backfillMinutes = 15;

        ConnectionDialog dialog;
        dialog.setProfile(profile);
        const ConnectionProfile back = dialog.profile();
        QCOMPARE(back.name, profile.name);
        QCOMPARE(back.prometheus.url, profile.prometheus.url);
        QCOMPARE(back.prometheus.auth.kind, EndpointAuth::Kind::Basic);
        QCOMPARE(back.prometheus.auth.password, QStringLiteral("pw-1"));
        QCOMPARE(back.prometheus.tls.caFile, profile.prometheus.tls.caFile);
        QCOMPARE(back.prometheus.extraHeaders, profile.prometheus.extraHeaders);
        QCOMPARE(back.kiali.url, profile.kiali.url);
        QCOMPARE(back.kialiAuth, KialiAuthStrategy::Token);
        QCOMPARE(back.kiali.auth.token, QStringLiteral("k8s-token"));
        QCOMPARE(back.namespaces, profile.namespaces);
        QCOMPARE(back.pollIntervalS, 30);
        QCOMPARE(back.backfillMinutes, 15);

        // Saved profiles never carry secrets.
        const ConnectionProfile saved = ConnectionProfile::fromJson(back.toJson());
        QVERIFY(saved.prometheus.auth.password.isEmpty());
        QVERIFY(saved.kiali.auth.token.isEmpty());
        QCOMPARE(saved.prometheus.auth.username, QStringLiteral("alice"));
        QCOMPARE(saved.namespaces, profile.namespaces);
    }

    void refusesAnInvalidProfile()
    {
        ConnectionDialog dialog;
        dialog.show();
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        bool shown = false;
        for (QLabel* label : dialog.findChildren<QLabel*>())
            shown = shown || (label->isVisible() && label->text().contains(QStringLiteral("missing")));
        QVERIFY(shown);
    }

    void skippingVerificationIsFlagged()
    {
        ConnectionDialog dialog;
        dialog.show();
        QCheckBox* skip = nullptr;
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>())
            skip = box;
        QVERIFY(skip);
        skip->setChecked(true);
        bool warned = false;
        for (QLabel* label : dialog.findChildren<QLabel*>())
            warned = warned
                || (label->isVisibleTo(&dialog) && label->text().contains(QStringLiteral("read and change")));
        QVERIFY(warned);
        QVERIFY(dialog.profile().prometheus.tls.skipVerify);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "test_connection_dialog.moc"
