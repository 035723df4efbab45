package io.profilekit.core.couchbase.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.SearchField;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.internal.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins the Search index init creates: what it maps, and the analyzer that must agree with SearchText. */
class SearchIndexDefinitionTest {

    private static final CouchbaseKeyspace SEED = CouchbaseKeyspace.defaults();

    private static JsonNode mapping() {
        return Json.MAPPER.valueToTree(SearchIndexDefinition.params(SEED)).get("mapping");
    }

    @Test
    void theIndexIsNamedAndSourcedFromTheKeyspaceBucket() {
        var index = SearchIndexDefinition.index(SEED);

        assertThat(index.name()).isEqualTo("profilekit_search");
        assertThat(index.sourceName()).isEqualTo("sample_app");
    }

    @Test
    void itsOneTypeMappingIsTheProfilesCollection() {
        assertThat(mapping().get("types").fieldNames()).toIterable().containsExactly("profiles.user_data");
        assertThat(mapping().get("default_mapping").get("enabled").asBoolean()).isFalse();
        assertThat(Json.MAPPER.valueToTree(SearchIndexDefinition.params(SEED)).at("/doc_config/mode").asText())
                .isEqualTo("scope.collection.type_field");
    }

    @Test
    void theDefaultKeyspaceMapsTheDefaultCollection() {
        JsonNode types = Json.MAPPER.valueToTree(SearchIndexDefinition.params(
                CouchbaseKeyspace.defaultCollection("profiles"))).at("/mapping/types");

        assertThat(types.fieldNames()).toIterable().containsExactly("_default._default");
    }

    @Test
    void everySearchableFieldIsIndexedAsTextWithProfilekitsAnalyzer() {
        JsonNode properties = mapping().at("/types/profiles.user_data/properties");

        assertThat(properties.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SearchField.values()).map(SearchField::jsonName).toList());
        for (SearchField field : SearchField.values()) {
            JsonNode mapped = properties.get(field.jsonName()).get("fields").get(0);
            assertThat(mapped.get("name").asText()).isEqualTo(field.jsonName());
            assertThat(mapped.get("type").asText()).isEqualTo("text");
            assertThat(mapped.get("analyzer").asText()).isEqualTo("profilekit_words");
            assertThat(mapped.get("store").asBoolean()).isFalse();
        }
    }

    @Test
    void theAnalyzerFoldsAccentsSplitsAtNonLettersAndLowerCases() {
        JsonNode analysis = mapping().get("analysis");
        JsonNode analyzer = analysis.at("/analyzers/profilekit_words");

        assertThat(analyzer.get("char_filters")).extracting(JsonNode::asText).containsExactly("asciifolding");
        assertThat(analyzer.get("token_filters")).extracting(JsonNode::asText).containsExactly("to_lower");
        JsonNode tokenizer = analysis.at("/tokenizers/" + analyzer.get("tokenizer").asText());
        assertThat(tokenizer.get("type").asText()).isEqualTo("regexp");
        assertThat(tokenizer.get("regexp").asText()).isEqualTo("[\\p{L}\\p{N}]+");
    }
}
