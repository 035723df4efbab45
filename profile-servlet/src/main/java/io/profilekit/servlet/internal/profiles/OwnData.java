package io.profilekit.servlet.internal.profiles;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.StoredDocument;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.JsonAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A person's copy of what profilekit keeps about them (GDPR articles 15 and 20), as one JSON
 * download: {@code {"profile": {...}, "picture": {...} | null}}, each document as it is stored
 * (the picture's bytes in base64, as the store keeps them). Lookup entries and search words are
 * derived from the profile and hold nothing more; nothing else is kept about a person.
 */
final class OwnData {

    private OwnData() {
    }

    static CompletableFuture<Answer> export(AsyncProfileRepository repository, StoredProfile profile) {
        Long pictureId = profile.profile().picture();
        CompletableFuture<Optional<StoredPicture>> picture = pictureId == null
                ? CompletableFuture.completedFuture(Optional.empty()) : repository.findPicture(pictureId);
        return picture.thenApply(found -> Answer.of(200, JsonAnswers.JSON, body(profile, found))
                .header("Content-Disposition", "attachment; filename=\"my-profile.json\"")
                .header("Cache-Control", "no-store"));
    }

    private static byte[] body(StoredProfile profile, Optional<StoredPicture> picture) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(profile.jsonLength()
                + picture.map(StoredDocument::jsonLength).orElse(0) + 64);
        try (JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeFieldName("profile");
            out.writeRawValue(json(profile));
            out.writeFieldName("picture");
            if (picture.isPresent()) {
                out.writeRawValue(json(picture.get()));
            } else {
                out.writeNull();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String json(StoredDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(document.jsonLength());
        document.writeJson(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
