package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.profilekit.servlet.internal.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment files under docs/deploy agree with the server they deploy. */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..", "docs", "deploy");

    private static List<JsonNode> kubernetes() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        yaml.readerFor(JsonNode.class).readValues(DEPLOY.resolve("kubernetes.yaml").toFile())
                .forEachRemaining(document -> documents.add((JsonNode) document));
        return documents;
    }

    private static JsonNode ofKind(String kind) throws IOException {
        return kubernetes().stream().filter(d -> d.get("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static JsonNode container() throws IOException {
        return ofKind("Deployment").at("/spec/template/spec/containers/0");
    }

    /** The pod templates of the Job and the Deployment. */
    private static List<JsonNode> pods() throws IOException {
        return List.of(ofKind("Job").at("/spec/template/spec"), ofKind("Deployment").at("/spec/template/spec"));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void probesUseTheHealthAndReadinessRoutes() throws IOException {
        JsonNode container = container();

        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(OpenApiContract.SPEC.get("paths").has("/healthz")).isTrue();
        assertThat(OpenApiContract.SPEC.get("paths").has("/readyz")).isTrue();
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void givesRequestsInFlightTheirTimeToFinish() throws IOException {
        JsonNode deployment = ofKind("Deployment");

        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(30);
        assertThat(Files.readString(DEPLOY.resolve("profilekit.service"))).contains("KillSignal=SIGTERM", "TimeoutStopSec=40");
    }

    @Test
    void setsOnlyDocumentedSettingsAndTakesSecretsFromASecret() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));

        for (JsonNode variable : container().get("env")) {
            String name = variable.get("name").asText();
            if (name.startsWith("PROFILE_")) {
                assertThat(docs).as(name).contains("`" + name + "`");
            }
            if (name.equals("PROFILE_DB_PASSWORD") || name.equals("PROFILE_API_TOKENS")) {
                assertThat(variable.has("valueFrom")).as("%s comes from a Secret", name).isTrue();
            }
        }
    }

    @Test
    void sendsTheDockerBuildOnlyWhatTheDockerfileCopies() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of("..", ".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> copied = Files.readAllLines(DEPLOY.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("COPY ")).map(line -> "!" + line.split(" +")[1]).toList();

        assertThat(copied).isNotEmpty();
        assertThat(ignore).first().isEqualTo("*");
        assertThat(ignore.subList(1, ignore.size())).containsExactlyInAnyOrderElementsOf(copied);
    }

    @Test
    void aJobRunsInitWithTheServersImageAndItsOwnUser() throws IOException {
        JsonNode init = ofKind("Job").at("/spec/template/spec/containers/0");

        assertThat(init.get("args")).extracting(JsonNode::asText).containsExactly("init");
        assertThat(init.get("image")).isEqualTo(container().get("image"));
        assertThat(env(init, "PROFILE_DB_USERNAME")).isNotEqualTo(env(container(), "PROFILE_DB_USERNAME"));
        assertThat(env(init, "PROFILE_DB_CONNECTION_STRING")).isEqualTo(env(container(), "PROFILE_DB_CONNECTION_STRING"));
    }

    @Test
    void connectsOverTls() throws IOException {
        assertThat(env(container(), "PROFILE_DB_CONNECTION_STRING")).startsWith("couchbases://");
        assertThat(Files.readAllLines(DEPLOY.resolve("profilekit.env")))
                .filteredOn(line -> line.startsWith("PROFILE_DB_CONNECTION_STRING="))
                .singleElement().asString().startsWith("PROFILE_DB_CONNECTION_STRING=couchbases://");
    }

    @Test
    void everyContainerRunsAsTheImagesUserWithoutPrivilegesOnAReadOnlyRoot() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        for (JsonNode pod : pods()) {
            int user = pod.at("/securityContext/runAsUser").asInt();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(dockerfile).contains("--uid " + user + " ", "USER " + user + "\n");
            assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
            for (JsonNode container : pod.get("containers")) {
                JsonNode security = container.get("securityContext");
                assertThat(security.get("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.get("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
                assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
            }
        }
    }

    @Test
    void theSystemdUnitInstallsFromTheRepositorysRootWithADocumentedEnvironmentTemplate() throws IOException {
        String unit = Files.readString(DEPLOY.resolve("profilekit.service"));
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));

        for (String line : unit.lines().filter(line -> line.startsWith("#   install ")).toList()) {
            String[] words = line.split(" +");
            String source = words[words.length - 2];
            assertThat(source.equals("profile-servlet/target/profile-server.jar") || Files.exists(Path.of("..", source)))
                    .as("%s installs a file that exists from the repository's root", line).isTrue();
        }
        assertThat(unit).contains("EnvironmentFile=/etc/profilekit/profilekit.env",
                "install -D -m 0600 docs/deploy/profilekit.env /etc/profilekit/profilekit.env");
        for (String line : Files.readAllLines(DEPLOY.resolve("profilekit.env"))) {
            String setting = line.replaceFirst("^#", "");
            if (setting.startsWith("PROFILE_")) {
                assertThat(docs).contains("`" + setting.substring(0, setting.indexOf('=')) + "`");
            }
        }
    }
}
