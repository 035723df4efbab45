package io.profilekit.servlet.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An answer to a request, built whole before it is written: its status, headers and body.
 * Routes make one; the adapter of the server carrying the request (a servlet, a Jetty handler)
 * writes it without blocking. Headers keep their order; {@link #header} replaces a header of the
 * same name (ignoring case), {@link #addHeader} adds another value. Not thread-safe: one thread
 * builds it, then hands it on.
 */
public final class Answer {

    private static final byte[] NONE = new byte[0];

    /**
     * A body made piece by piece while it is written (an export of every profile), so that no
     * answer holds more than one piece in memory; written chunked, without a length.
     */
    @FunctionalInterface
    public interface Chunks {
        /** The next piece of the body; an empty one when there is no more. A failure ends the answer cut short. */
        CompletableFuture<byte[]> next();
    }

    private final int status;
    private final List<String> headers = new ArrayList<>(12);
    private String contentType;
    private byte[] body = NONE;
    private Chunks chunks;
    private boolean closeConnection;

    private Answer(int status) {
        this.status = status;
    }

    /** An answer with {@code status} and no body yet. */
    public static Answer of(int status) {
        return new Answer(status);
    }

    /** An answer with {@code status} and a body of {@code contentType}. */
    public static Answer of(int status, String contentType, byte[] body) {
        return new Answer(status).body(contentType, body);
    }

    public int status() {
        return status;
    }

    /** Sets the header, replacing any value it had. */
    public Answer header(String name, String value) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                headers.set(i + 1, value);
                return this;
            }
        }
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Adds a value of the header, beside any it has. */
    public Answer addHeader(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** The first value of the header, or {@code null}. */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }

    /** The headers as name, value, name, value..., in the order they were set. */
    public List<String> headers() {
        return headers;
    }

    /** Sets the body and its media type. */
    public Answer body(String mediaType, byte[] bytes) {
        contentType = mediaType;
        body = bytes;
        return this;
    }

    /** Sets a body of {@code mediaType} made piece by piece as it is written. */
    public Answer stream(String mediaType, Chunks source) {
        contentType = mediaType;
        body = NONE;
        chunks = source;
        return this;
    }

    /** The pieces of a body made as it is written, or {@code null} for a whole one ({@link #body()}). */
    public Chunks chunks() {
        return chunks;
    }

    /** The body's media type, or {@code null} without a body. */
    public String contentType() {
        return contentType;
    }

    /** The body; empty for none. */
    public byte[] body() {
        return body;
    }

    /** Closes the connection once the answer is written (the request's body was not read to its end). */
    public Answer closeConnection() {
        closeConnection = true;
        header("Connection", "close");
        return this;
    }

    public boolean closesConnection() {
        return closeConnection;
    }
}
