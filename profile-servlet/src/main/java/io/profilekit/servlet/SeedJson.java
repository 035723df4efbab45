package io.profilekit.servlet;

import io.profilekit.core.StoredDocument;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Writes stored documents as the seed's API answered: a JSON array, bytes passed through. */
final class SeedJson {

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
        ServletOutputStream out = response.getOutputStream();
        out.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            documents.get(i).writeJson(out);
        }
        out.write(']');
    }
}
