package io.profilekit.core.couchbase.internal.connection;

import com.couchbase.client.core.util.ConnectionString;
import com.couchbase.client.core.util.DnsSrv;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.DoctorCheck;
import io.profilekit.core.couchbase.DoctorCheck.Status;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.naming.NamingException;

/**
 * The doctor's checks that need no connection: the connection string, its hosts' DNS names
 * and SRV records, and TLS.
 */
public final class ConnectionStringCheck {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private ConnectionStringCheck() {
    }

    public static List<DoctorCheck> examine(CouchbaseSettings settings) {
        List<DoctorCheck> checks = new ArrayList<>();
        ConnectionString parsed;
        try {
            parsed = ConnectionString.create(settings.connectionString());
        } catch (RuntimeException e) {
            checks.add(new DoctorCheck("connection string", Status.FAIL, String.valueOf(e.getMessage())));
            return checks;
        }
        boolean tls = parsed.scheme() == ConnectionString.Scheme.COUCHBASES;
        checks.add(new DoctorCheck("connection string", Status.OK, parsed.hosts().size() + " host(s), "
                + (tls ? "couchbases:// (TLS)" : "couchbase://")));
        checks.add(dns(parsed, tls));
        checks.add(tls(settings, tls));
        return checks;
    }

    private static DoctorCheck dns(ConnectionString parsed, boolean tls) {
        List<String> resolved = new ArrayList<>();
        for (ConnectionString.UnresolvedSocket host : parsed.hosts()) {
            if (IP_LITERAL.matcher(host.host()).matches()) {
                continue;
            }
            try {
                resolved.add(host.host() + " -> " + InetAddress.getByName(host.host()).getHostAddress());
            } catch (UnknownHostException e) {
                return new DoctorCheck("DNS", Status.FAIL, host.host() + " does not resolve: check the host name");
            }
        }
        if (parsed.isValidDnsSrv()) {
            String host = parsed.hosts().get(0).host();
            try {
                List<String> records = DnsSrv.fromDnsSrv(host, false, tls);
                return new DoctorCheck("DNS", Status.OK, "SRV records for " + host + ": " + String.join(", ", records));
            } catch (NamingException | RuntimeException e) {
                // No SRV records: the SDK bootstraps from the host itself, as it does here.
            }
        }
        return resolved.isEmpty() ? new DoctorCheck("DNS", Status.SKIP, "addresses are IP literals")
                : new DoctorCheck("DNS", Status.OK, String.join(", ", resolved) + " (no SRV records)");
    }

    private static DoctorCheck tls(CouchbaseSettings settings, boolean tls) {
        if (!tls) {
            return new DoctorCheck("TLS", Status.SKIP, "couchbase:// is not encrypted; Capella and connections across "
                    + "networks need couchbases://");
        }
        try {
            int own = ClusterConnection.trustedCertificates(settings).size();
            return new DoctorCheck("TLS", Status.OK, "trusting the JVM's and Capella's CA certificates"
                    + (own == 0 ? "" : " and those of " + settings.trustCertificate().orElseThrow()));
        } catch (IllegalArgumentException e) {
            return new DoctorCheck("TLS", Status.FAIL, e.getMessage());
        }
    }
}
