package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.servlet.internal.http.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** openapi.yaml describes exactly the routes the API serves. */
class OpenApiTest {

    @Test
    void describesEveryRouteOfTheRouteTableAndNoOther() {
        List<String> described = new ArrayList<>();
        OpenApiContract.SPEC.get("paths").fieldNames().forEachRemaining(described::add);

        assertThat(described).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Route.values()).map(Route::template).toList());
    }

    @Test
    void describesExactlyTheMethodsEachRouteAllows() {
        for (Route route : Route.values()) {
            List<String> described = new ArrayList<>();
            OpenApiContract.SPEC.get("paths").get(route.template()).fieldNames().forEachRemaining(name -> {
                if (!name.equals("parameters")) {
                    described.add(name.toUpperCase(Locale.ROOT));
                }
            });
            List<String> allowed = new ArrayList<>(List.of(route.allow().split(", ")));
            allowed.remove("HEAD");

            assertThat(described).as(route.template()).containsExactlyInAnyOrderElementsOf(allowed);
        }
    }

    @Test
    void everyRouteTheDescriptionNamesHasATemplateTheMetricsUse() {
        OpenApiContract.SPEC.get("paths").fieldNames().forEachRemaining(path -> {
            String concrete = path.replace("{id}", "7").replace("{username}", "ada").replace("{nickname}", "a");
            assertThat(Route.template(concrete)).as(path).isEqualTo(path);
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
