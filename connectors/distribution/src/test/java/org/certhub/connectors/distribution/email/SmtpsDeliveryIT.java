package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SMTPS with a login, the server's certificate checked against a private trust store.
 * GreenMail reads its TLS key from the {@code greenmail.tls.keystore.*} system properties once per JVM; this
 * class is the only one here that starts a TLS server, and it sets them before its server starts.
 */
class SmtpsDeliveryIT {

    private static final char[] STORE_PASSWORD = "test-store-password".toCharArray();
    private static final X509Certificate SERVER_CERTIFICATE = serverKeyStoreForLocalhost();

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("certhub", "test-password"))
            .withPerMethodLifecycle(true);

    @Test
    void deliversOverTlsToAServerWhoseCertificateIsTrusted() throws Exception {
        SmtpMailTransport transport =
                new SmtpMailTransport(smtps("localhost"), trusting(SERVER_CERTIFICATE), CAMEL.context());

        distributor(transport)
                .deliver(EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        assertThat(GREEN_MAIL.getReceivedMessages())
                .singleElement()
                .satisfies(message ->
                        assertThat(EmailDistributorIT.attachments(message)).hasSize(1));
    }

    @Test
    void refusesAServerItDoesNotTrust() {
        SmtpMailTransport transport = new SmtpMailTransport(smtps("localhost"), CAMEL.context());

        assertThatThrownBy(() -> distributor(transport)
                        .deliver(
                                EmailFixtures.request("CERT-7.tls", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH)))
                .isInstanceOf(TransientDeliveryException.class)
                .hasStackTraceContaining("SSLHandshakeException");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    private static SmtpSettings smtps(String host) {
        return new SmtpSettings(
                host,
                GREEN_MAIL.getSmtps().getPort(),
                "certhub",
                "test-password",
                SmtpSecurity.SMTPS,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    private static EmailDistributor distributor(MailTransport transport) {
        return new EmailDistributor(
                new EmailSettings("noreply@health.example"),
                EmailFixtures.templates(),
                EmailFixtures.document(),
                transport);
    }

    private static SSLSocketFactory trusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("smtp-server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh self-signed certificate for localhost, handed to GreenMail through its system properties. */
    private static X509Certificate serverKeyStoreForLocalhost() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(Duration.ofDays(1))),
                    name,
                    pair.getPublic());
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("greenmail", pair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
            Path file = Files.createTempFile("greenmail-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD);
            }
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(STORE_PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(STORE_PASSWORD));
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
