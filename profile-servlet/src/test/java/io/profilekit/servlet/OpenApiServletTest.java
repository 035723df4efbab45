package io.profilekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** openapi.yaml describes exactly the routes the API serves. */
class OpenApiServletTest {

    /** Every route {@link ProfileApi} registers, as the description writes it. */
    private static final List<String> SERVED = List.of(
            "/api/v1/id/{id}", "/api/v1/username/{username}", "/api/v1/nickname/{nickname}",
            "/api/v1/picture/record/{id}", "/api/v1/picture/raw/{id}", "/api/v1/profiles",
            "/api/v1/profiles/{id}", "/api/v1/profiles/{id}/picture", "/healthz", "/readyz", "/metrics",
            "/openapi.yaml");

    @Test
    void describesEveryServedRouteAndNoOther() {
        List<String> described = new ArrayList<>();
        OpenApiContract.SPEC.get("paths").fieldNames().forEachRemaining(described::add);

        assertThat(described).containsExactlyInAnyOrderElementsOf(SERVED);
    }

    @Test
    void everyRouteTheDescriptionNamesHasATemplateTheMetricsUse() {
        OpenApiContract.SPEC.get("paths").fieldNames().forEachRemaining(path -> {
            String concrete = path.replace("{id}", "7").replace("{username}", "ada").replace("{nickname}", "a");
            String servlet = concrete.startsWith("/api/v1/profiles") ? "/api/v1/profiles"
                    : concrete.startsWith("/api/v1/picture/") ? concrete.substring(0, concrete.lastIndexOf('/'))
                    : concrete.startsWith("/api/") ? concrete.substring(0, concrete.lastIndexOf('/')) : concrete;
            String info = concrete.length() > servlet.length() ? concrete.substring(servlet.length()) : null;

            assertThat(Routes.template(servlet, info)).as(path).isEqualTo(path);
        });
    }

    @Test
    void isOpenApi31WithEveryOperationAnsweringSomething() {
        JsonNode spec = OpenApiContract.SPEC;

        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().equals("parameters")) {
                assertThat(operation.getValue().get("responses")).as(path.getKey() + " " + operation.getKey())
                        .isNotEmpty();
            }
        }));
    }
}
