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

    private static JsonNode container() throws IOException {
        JsonNode deployment = kubernetes().stream().filter(d -> d.get("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        return deployment.at("/spec/template/spec/containers/0");
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
        JsonNode deployment = kubernetes().get(0);

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
}
