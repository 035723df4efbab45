package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.pictures.PictureSignatures;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.parameters.PathParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code picture_url} of every profile the resource API answers, and the check of such a
 * URL when {@code /pictures/{id}} is asked for, made before anything is looked up.
 *
 * <p>Signed, the default: {@code /pictures/{id}?v=<profile version>&exp=<epoch second>&sig=<HMAC>}.
 * A profile's version changes with its picture, so the URL does too, and what it shows can be
 * cached as immutable. The expiry moves in steps of one lifetime, so the answers of one step
 * carry the same URL (one cached copy), valid for at least one lifetime and at most two. The
 * key is the configured one, or the store's shared secret, so every instance on one store
 * accepts every other's URLs. Public: {@code /pictures/{id}?v=<version>}, with no check.
 */
public final class PictureLinks {

    /** The field of a profile answer that holds its picture URL. */
    public static final String FIELD = "picture_url";
    /** The name of the store's shared secret that signs picture URLs when no key is configured. */
    static final String SECRET_NAME = "picture-urls";

    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final String REFUSED = "this picture URL is not one this service signed, or it was changed;"
            + " take picture_url from a fresh answer about the profile";
    private static final String EXPIRED = "this picture URL has expired; take picture_url from a fresh answer"
            + " about the profile";

    private final ProfileRepository repository;
    private final boolean publicPictures;
    private final long lifetimeSeconds;
    private final String baseUrl;
    private final Clock clock;
    /** The signatures, once the key is known; {@code null} until then, or after a failed attempt to load it. */
    private volatile CompletableFuture<PictureSignatures> signatures;

    /**
     * @param key the signing key, or {@code null} for the store's shared secret
     * @param publicPictures whether picture URLs are unsigned and every picture public
     * @param lifetime the step in which a signed URL's expiry moves (at least a second)
     * @param baseUrl where clients reach the API (scheme, host, context path), or {@code null}
     *     to take it from each request
     */
    public PictureLinks(ProfileRepository repository, byte[] key, boolean publicPictures, Duration lifetime,
            String baseUrl, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.publicPictures = publicPictures;
        this.lifetimeSeconds = Math.max(1, lifetime.toSeconds());
        this.baseUrl = baseUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatures = key == null ? null : CompletableFuture.completedFuture(new PictureSignatures(key));
    }

    /**
     * Completes once picture URLs can be made and checked: at once with public pictures or a
     * configured key; with the store's shared secret, once it was read (the first time, or again
     * after a failure), without blocking.
     */
    public CompletableFuture<PictureLinks> ready() {
        if (publicPictures) {
            return CompletableFuture.completedFuture(this);
        }
        CompletableFuture<PictureSignatures> current = signatures;
        if (current == null || current.isCompletedExceptionally()) {
            current = repository.async().sharedSecret(SECRET_NAME).thenApply(PictureSignatures::new);
            signatures = current;
        }
        return current.thenApply(loaded -> this);
    }

    /**
     * When picture URLs made now expire: read once per answer and passed to {@link #url} and
     * {@link #entityTag}, so that an answer's URL and its tag name the same step. Unused with
     * public pictures.
     */
    public long expiresAt() {
        return (clock.instant().getEpochSecond() / lifetimeSeconds + 2) * lifetimeSeconds;
    }

    /**
     * The absolute picture URL of {@code profile}, expiring at {@code expiresAt} if signed; once
     * {@link #ready()}.
     */
    public String url(Request request, StoredProfile profile, long expiresAt) {
        StringBuilder url = new StringBuilder(128).append(baseUrl != null ? baseUrl : request.baseUrl())
                .append(Route.PICTURE_LINK.template(), 0, Route.PICTURE_LINK.template().indexOf('{'))
                .append(profile.recordId()).append("?v=").append(profile.version());
        if (!publicPictures) {
            url.append("&exp=").append(expiresAt).append("&sig=")
                    .append(signatures().sign(profile.recordId(), profile.version(), expiresAt));
        }
        return url.toString();
    }

    /**
     * The entity tag of an answer about {@code version} that carries its picture URL: with
     * signed URLs it changes with the URL's expiry step, so a revalidated answer never keeps
     * an expired URL.
     */
    public String entityTag(Version version, long expiresAt) {
        return publicPictures ? EntityTags.of(version) : EntityTags.of(version, expiresAt);
    }

    /**
     * Checks a picture URL's parameters, as they came; once {@link #ready()}.
     *
     * @return the {@code Cache-Control} of the answer
     * @throws HttpProblem 403 for a URL that is unsigned, changed or expired (never saying
     *     whether the profile exists)
     */
    public String check(long recordId, String version, String expires, String signature) {
        boolean versioned = version != null && isVersion(version);
        if (publicPictures) {
            return versioned ? immutableFor(YEAR_SECONDS) : "public, no-cache";
        }
        if (!versioned || !PathParameters.isDigits(expires, 12) || signature == null
                || !signatures().verify(recordId, version, Long.parseLong(expires), signature)) {
            throw HttpProblem.forbidden(REFUSED);
        }
        long left = Long.parseLong(expires) - clock.instant().getEpochSecond();
        if (left <= 0) {
            throw HttpProblem.forbidden(EXPIRED);
        }
        return immutableFor(Math.min(left, YEAR_SECONDS));
    }

    /** A 403 for a path that names no record id: no URL this service makes looks like it. */
    public HttpProblem refusedPath() {
        return publicPictures ? HttpProblem.notFound("no picture is at this path: /pictures/ takes a record id")
                : HttpProblem.forbidden(REFUSED);
    }

    private PictureSignatures signatures() {
        CompletableFuture<PictureSignatures> current = signatures;
        if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
            throw new IllegalStateException("picture URLs are used before ready() completed");
        }
        return current.join();
    }

    private static String immutableFor(long seconds) {
        return "public, max-age=" + seconds + ", immutable";
    }

    private static boolean isVersion(String text) {
        try {
            return Version.parse(text).toString().equals(text);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
