package io.profilekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code picture_url} of every profile profile-server.jar holds, read from its listing, one
 * {@code <record id> <url>} line each: the ceiling answers them, and the avatar route's load
 * asks for them.
 *
 * <pre>java -cp profile-bench.jar io.profilekit.bench.PictureUrls BASE_URL TOKEN OUT_FILE</pre>
 */
public final class PictureUrls {

    private PictureUrls() {
    }

    public static void main(String[] args) throws Exception {
        Map<Long, String> urls = fetch(URI.create(args[0]), args[1]);
        List<String> lines = new ArrayList<>();
        urls.forEach((id, url) -> lines.add(id + " " + url));
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.println(urls.size() + " picture URLs");
    }

    /** Every profile's record id and picture URL, in record id order, from the listing. */
    static Map<Long, String> fetch(URI base, String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<Long, String> urls = new LinkedHashMap<>();
        String next = "/api/v1/profiles?limit=1000";
        while (next != null) {
            HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(base.resolve(next))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (page.statusCode() != 200) {
                throw new IOException("the listing answered " + page.statusCode());
            }
            JsonNode body = Json.MAPPER.readTree(page.body());
            body.get("items").forEach(item -> urls.put(item.get("record_id").asLong(), item.get("picture_url").asText()));
            next = body.get("next").isNull() ? null : body.get("next").asText();
        }
        return urls;
    }

    /** The lines {@link #main} wrote. */
    static Map<Long, String> read(Path file) {
        Map<Long, String> urls = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                urls.put(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls;
    }
}
