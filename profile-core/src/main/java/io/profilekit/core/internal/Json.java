package io.profilekit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper profilekit uses: built once, thread-safe, with limits that keep a
 * hostile document from costing more than its size (nesting depth, string and number lengths)
 * and with duplicate keys rejected rather than silently resolved.
 */
public final class Json {

    /** Deepest nesting of arrays and objects accepted in a document. */
    public static final int MAX_NESTING_DEPTH = 32;

    /**
     * Longest string value accepted, in characters: enough for the base64 of any picture a
     * Couchbase document (at most 20 MiB) can hold. Request bodies have their own, smaller caps.
     */
    public static final int MAX_STRING_LENGTH = 20 * 1024 * 1024;

    public static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxStringLength(MAX_STRING_LENGTH)
                                    .maxNumberLength(64)
                                    .build())
                            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }
}
