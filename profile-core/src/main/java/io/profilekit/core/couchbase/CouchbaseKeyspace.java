package io.profilekit.core.couchbase;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where profilekit's documents live: a bucket, a scope, and the collections for profiles,
 * images, the service token, and profilekit's own lookup and counter documents. Document keys
 * carry their kind's prefix ({@code user_data:1}, {@code user_images:1}, {@code service_auth:1},
 * {@code lookup::user_id::ada}, {@code counter::user_data}) whatever the collections are
 * called, so all of them may share one collection, {@code _default} included. Kept apart (the
 * default), the seed's collections hold only the seed's documents, as its tools expect.
 *
 * @param bucket the bucket, {@code sample_app} by default
 * @param scope the scope, {@code profiles} by default
 * @param profiles the profiles' collection, {@code user_data} by default
 * @param images the images' collection, {@code user_images} by default
 * @param auth the service token's collection, {@code service_auth} by default
 * @param lookups the lookup and counter documents' collection, {@code profile_lookups} by default
 */
public record CouchbaseKeyspace(String bucket, String scope, String profiles, String images, String auth,
        String lookups) {

    /** The default scope or collection of a bucket. */
    public static final String DEFAULT = "_default";

    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9_.%-]{1,100}");
    private static final Pattern COLLECTION_NAME = Pattern.compile("_default|[A-Za-z0-9-][A-Za-z0-9_%-]{0,250}");

    public CouchbaseKeyspace {
        check("bucket", bucket, BUCKET_NAME);
        check("scope", scope, COLLECTION_NAME);
        check("profiles collection", profiles, COLLECTION_NAME);
        check("images collection", images, COLLECTION_NAME);
        check("auth collection", auth, COLLECTION_NAME);
        check("lookups collection", lookups, COLLECTION_NAME);
    }

    /**
     * The seed's keyspace, {@code sample_app.profiles.{user_data,user_images,service_auth}},
     * and profilekit's {@code profile_lookups} beside it.
     */
    public static CouchbaseKeyspace defaults() {
        return new CouchbaseKeyspace("sample_app", "profiles", "user_data", "user_images", "service_auth",
                "profile_lookups");
    }

    /** Everything in the bucket's default collection, as on servers before 7.0. */
    public static CouchbaseKeyspace defaultCollection(String bucket) {
        return new CouchbaseKeyspace(bucket, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT);
    }

    /** Whether this keyspace is the bucket's default collection alone (as on servers before 7.0). */
    public boolean isDefaultCollection() {
        return DEFAULT.equals(scope) && DEFAULT.equals(profiles) && DEFAULT.equals(images)
                && DEFAULT.equals(auth) && DEFAULT.equals(lookups);
    }

    /** The distinct collections, the profiles' first: one name when all share a collection. */
    public Set<String> collections() {
        return new LinkedHashSet<>(List.of(profiles, images, auth, lookups));
    }

    private static void check(String what, String name, Pattern pattern) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid Couchbase " + what + " name");
        }
    }
}
