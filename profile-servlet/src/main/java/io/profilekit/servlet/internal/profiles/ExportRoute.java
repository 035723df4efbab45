package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileWalk;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.parameters.QueryString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/profiles/export}: every profile as NDJSON, in record id order, each as
 * stored, the format {@code import --format ndjson} reads. Streamed a page at a time as a
 * {@link ProfileWalk} reads them; {@code after} resumes after the last record id a client got.
 * The first page is read before the answer starts, so that a store that cannot list answers
 * its error; a failure later cuts the answer short.
 */
public final class ExportRoute implements RouteHandler {

    public static final String NDJSON = "application/x-ndjson";

    private final AsyncProfileRepository repository;

    public ExportRoute(AsyncProfileRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        Map<String, String[]> parameters = QueryString.parse(call.request().query());
        QueryString.checkKnown(parameters, List.of("after"), call.route().template());
        long after = after(QueryString.first(parameters, "after"));
        return repository.walk(after).thenCompose(walk -> walk.nextAsync()
                .thenApply(first -> Answer.of(200).header("Cache-Control", "no-store")
                        .stream(NDJSON, new Pages(walk, first))));
    }

    private static long after(String value) {
        if (value == null) {
            return 0;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw HttpProblem.badRequest("after must be a record id: a whole number from 0");
        }
        return Long.parseLong(value);
    }

    /** The pieces of the body: a page's profiles, a line each, the following page read while they are written. */
    private static final class Pages implements Answer.Chunks {
        private final ProfileWalk walk;
        /** The page to write next; {@code null} once the last is written. */
        private CompletableFuture<List<StoredProfile>> following;

        Pages(ProfileWalk walk, List<StoredProfile> first) {
            this.walk = walk;
            following = CompletableFuture.completedFuture(first);
        }

        @Override
        public synchronized CompletableFuture<byte[]> next() {
            if (following == null) {
                return CompletableFuture.completedFuture(new byte[0]);
            }
            return following.thenApply(page -> {
                synchronized (this) {
                    following = page.isEmpty() ? null : walk.nextAsync();
                }
                return lines(page);
            });
        }
    }

    private static byte[] lines(List<StoredProfile> page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.size() * 512);
        try {
            for (StoredProfile stored : page) {
                stored.writeJson(out);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
