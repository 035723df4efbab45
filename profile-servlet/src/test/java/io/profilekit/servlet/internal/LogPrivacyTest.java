package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A canary username, nickname and e-mail sent while Couchbase fails in every way the mock can,
 * with profile-server.jar's levels (INFO, the SDK at WARN) and none of the tests' quieter ones:
 * no log line, message or stack trace, holds any of them.
 */
class LogPrivacyTest {

    private static final String CANARY = "canary7Qx3";

    @Test
    void noLogLineHoldsAUsernameNicknameOrEmailWhileTheStoreFails() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, Level> shipped = Map.of(Logger.ROOT_LOGGER_NAME, Level.INFO, "com.couchbase", Level.WARN,
                "io.profilekit", Level.INFO);
        Map<Logger, Level> before = new HashMap<>();
        for (Logger logger : context.getLoggerList()) {
            before.put(logger, logger.getLevel());
            if (!Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
                logger.setLevel(null);
            }
        }
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        shipped.forEach((name, level) -> context.getLogger(name).setLevel(level));
        MockCouchbase.flush();
        try (RunningServer http = RunningServer.start(
                ProfileRepository.of(CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE)))) {
            String profile = "{\"user_id\":\"" + CANARY + "\",\"nickname\":\"" + CANARY + "nick\",\"email\":\""
                    + CANARY + "@example.com\"}";
            assertThat(http.json("POST", "/api/v1/profiles", profile).statusCode()).isEqualTo(201);
            for (String fault : List.of("/mock/opfail?code=134&count=-1", "/mock/opfail?code=36&count=-1",
                    "/mock/opfail?code=3&count=-1")) {
                MockCouchbase.control(fault);
                try {
                    http.get("/api/v1/username/" + CANARY);
                    http.get("/api/v1/nickname/" + CANARY + "nick");
                    http.json("POST", "/api/v1/profiles", profile.replace(CANARY + "\"", CANARY + "2\""));
                    http.json("PATCH", "/api/v1/profiles/1", "{\"user_id\":\"" + CANARY + "3\"}");
                } finally {
                    MockCouchbase.control("/mock/opfail?code=0&count=0");
                }
            }
        } finally {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
            before.forEach(Logger::setLevel);
        }

        assertThat(captured.list).as("the failures were logged").isNotEmpty();
        assertThat(captured.list).allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .doesNotContainIgnoringCase(CANARY));
    }
}
