package io.profilekit.core.couchbase.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.env.SecurityConfig;
import io.profilekit.core.couchbase.CouchbaseSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS trust: a configured CA certificate adds to the SDK's defaults (the JVM's and Capella's). */
class ClusterConnectionTest {

    @Test
    void withoutACertificateFileTheSdksDefaultTrustIsLeftAlone() {
        assertThat(ClusterConnection.trustedCertificates(settings(null))).isEmpty();
    }

    @Test
    void aCertificateFileIsTrustedInAdditionToTheJvmsAndCapellasCertificates() throws Exception {
        List<X509Certificate> trusted = ClusterConnection.trustedCertificates(settings(testCa()));

        assertThat(trusted).containsAll(SecurityConfig.capellaCaCertificates())
                .containsAll(SecurityConfig.jvmCaCertificates())
                .anySatisfy(certificate -> assertThat(certificate.getSubjectX500Principal().getName())
                        .isEqualTo("CN=profilekit test CA"));
        assertThat(trusted).hasSize(SecurityConfig.defaultCaCertificates().size() + 1);
    }

    @Test
    void aFileThatIsNoCertificateIsAClearSettingError(@TempDir Path folder) throws IOException {
        Path notPem = Files.writeString(folder.resolve("ca.pem"), "not a certificate");

        assertThatThrownBy(() -> ClusterConnection.trustedCertificates(settings(notPem)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the CA certificate " + notPem + ": ");
    }

    @Test
    void anEmptyFileIsAClearSettingError(@TempDir Path folder) throws IOException {
        Path empty = Files.writeString(folder.resolve("ca.pem"), "");

        assertThatThrownBy(() -> ClusterConnection.trustedCertificates(settings(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the CA certificate file " + empty + " holds no PEM certificate");
    }

    @Test
    void aMissingFileIsAClearSettingError(@TempDir Path folder) {
        Path missing = folder.resolve("missing.pem");

        assertThatThrownBy(() -> ClusterConnection.trustedCertificates(settings(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the CA certificate " + missing);
    }

    private static Path testCa() throws URISyntaxException {
        return Path.of(ClusterConnectionTest.class.getResource("/tls/test-ca.pem").toURI());
    }

    private static CouchbaseSettings settings(Path certificate) {
        return CouchbaseSettings.builder("couchbases://cb.example.com").credentials("u", "p")
                .trustCertificate(certificate).build();
    }
}
