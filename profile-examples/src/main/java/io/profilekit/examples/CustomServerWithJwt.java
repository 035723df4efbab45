package io.profilekit.examples;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.servlet.ApiRequest;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.Person;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Mounting profilekit's servlets in your own embedded Jetty, under your own path
 * ({@code /directory}), with your own tokens plugged into profilekit's {@link Authenticator}:
 * bearer JWTs signed with HS256 and checked with Nimbus JOSE+JWT, whose subject is a username.
 * The authenticator returns a {@link Person} for them, so profilekit's own rules apply: a person
 * reads everyone's public view and changes only their own profile, through
 * {@code /api/v1/me}; the service token keeps full access. (For an OpenID Connect provider's
 * tokens, profilekit's {@code OidcAuthenticator} needs no code at all.)
 */
public final class CustomServerWithJwt {

    /** The path profilekit is mounted under. */
    public static final String CONTEXT_PATH = "/directory";

    private CustomServerWithJwt() {
    }

    /** Starts the server on {@code port} (0 for any) and returns it; the caller stops it. */
    public static Server start(int port, ProfileRepository repository, byte[] jwtSecret, String serviceToken)
            throws Exception {
        Authenticator authenticator = new JwtOrServiceTokenAuthenticator(jwtSecret, serviceToken);
        ProfileApi api = ProfileApi.builder(repository).authenticator(authenticator).build();

        ServletContextHandler context = new ServletContextHandler(CONTEXT_PATH);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                api.register(event.getServletContext());
            }
        });
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no "Server: Jetty(12...)" telling scanners what to try
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return server;
    }

    /** A JWT for {@code username}, valid for {@code lifetime}: what your identity provider would issue. */
    public static String issue(byte[] jwtSecret, String username, Duration lifetime) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(username)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(lifetime)))
                .build());
        jwt.sign(new MACSigner(jwtSecret));
        return jwt.serialize();
    }

    /** Accepts a valid, unexpired HS256 JWT as the person its subject names, or the service token as the service. */
    static final class JwtOrServiceTokenAuthenticator implements Authenticator {
        private final MACVerifier verifier;
        private final BearerTokenAuthenticator service;

        JwtOrServiceTokenAuthenticator(byte[] jwtSecret, String serviceToken) throws JOSEException {
            verifier = new MACVerifier(jwtSecret);
            service = new BearerTokenAuthenticator(List.of(serviceToken));
        }

        @Override
        public Optional<Principal> authenticate(ApiRequest request) {
            String header = request.header("Authorization");
            if (header != null && header.startsWith("Bearer ") && header.chars().filter(c -> c == '.').count() == 2) {
                return user(header.substring("Bearer ".length()).trim());
            }
            return service.authenticate(request);
        }

        /** Checking an HS256 signature is local work: no thread of its own needed. */
        @Override
        public boolean mayBlock() {
            return false;
        }

        private Optional<Principal> user(String token) {
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                boolean valid = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                        && jwt.verify(verifier)
                        && claims.getExpirationTime() != null
                        && claims.getExpirationTime().after(new Date())
                        && claims.getSubject() != null;
                return valid ? Optional.of(new Person(claims.getSubject())) : Optional.empty();
            } catch (ParseException | JOSEException e) {
                return Optional.empty();
            }
        }
    }

    /** Serves ten generated profiles on the port given (8080 unless one is) and prints a JWT for the first person. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        byte[] secret = "change-me-to-32-bytes-or-more-of-secret".getBytes(StandardCharsets.UTF_8);
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(repository, 1).load(10, true, n -> { });
        String username = repository.findById(1).orElseThrow().profile().userId();
        Server server = start(port, repository, secret, "service-token");
        System.out.println("Serving under http://localhost:" + port + CONTEXT_PATH + "/");
        System.out.println("JWT for " + username + ": " + issue(secret, username, Duration.ofHours(1)));
        server.join();
    }
}
