package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Answers that list others' profiles (the listing's pages, search's items) as the caller sees
 * them: public views for people, each with its {@code picture_url} where the caller sees it.
 */
final class ProfileItems {

    private final PictureLinks links;
    private final AccessPolicy access;

    ProfileItems(PictureLinks links, AccessPolicy access) {
        this.links = Objects.requireNonNull(links, "links");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** {@code {"items":[...],"next":...}}; {@code next} is the next page's URL, or null on the last page. */
    CompletableFuture<Answer> page(Call call, List<StoredProfile> found, String next) {
        return links.ready().thenApply(ready -> {
            long expiresAt = links.expiresAt();
            return JsonAnswers.page(views(call, found), next, linkField(call),
                    profile -> links.url(call.request(), profile, expiresAt));
        });
    }

    /** {@code {"items":[...]}}, in the order found. */
    CompletableFuture<Answer> items(Call call, List<StoredProfile> found) {
        return links.ready().thenApply(ready -> {
            long expiresAt = links.expiresAt();
            return JsonAnswers.items(views(call, found), linkField(call),
                    profile -> links.url(call.request(), profile, expiresAt));
        });
    }

    private List<StoredProfile> views(Call call, List<StoredProfile> found) {
        return found.stream().map(stored -> access.view(call.caller(), stored)).toList();
    }

    private String linkField(Call call) {
        return access.shows(call.caller(), PictureLinks.FIELD) ? PictureLinks.FIELD : null;
    }
}
