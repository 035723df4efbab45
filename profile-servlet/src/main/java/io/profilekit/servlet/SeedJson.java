package io.profilekit.servlet;

import io.profilekit.core.StoredDocument;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes stored documents as the seed's API answered: a JSON array, bytes passed through. */
final class SeedJson {

    /** An exact-size, unsynchronized byte buffer to assemble an answer in. */
    private static final class Buffer extends OutputStream {
        final byte[] bytes;
        int length;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }
    }

    private SeedJson() {
    }

    static void writeArray(HttpServletResponse response, List<? extends StoredDocument> documents)
            throws IOException {
        int length = 2 + Math.max(0, documents.size() - 1);
        for (StoredDocument document : documents) {
            length += document.jsonLength();
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // One write of the whole array: each write to the container's stream has a cost of its own.
        Buffer array = new Buffer(length);
        array.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            documents.get(i).writeJson(array);
        }
        array.write(']');
        ServletOutputStream out = response.getOutputStream();
        out.write(array.bytes, 0, array.length);
    }
}
