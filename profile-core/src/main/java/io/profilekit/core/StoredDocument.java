package io.profilekit.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON document as a repository stores it, with its version: what a reader passes on
 * unchanged, without parsing, when it needs no more than the stored bytes.
 */
public interface StoredDocument {

    /** The document's record id. */
    long recordId();

    /** The document's current version. */
    Version version();

    /** The length of the stored JSON in bytes. */
    int jsonLength();

    /** Writes the stored JSON, unchanged, to {@code out}. */
    void writeJson(OutputStream out) throws IOException;
}
