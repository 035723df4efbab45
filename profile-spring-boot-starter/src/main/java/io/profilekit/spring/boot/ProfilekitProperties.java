package io.profilekit.spring.boot;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code profilekit.*} in {@code application.properties}: where the API is mounted, the
 * services' tokens, what search matches, whether SCIM is served, and the Couchbase keyspace. Without {@code profilekit.db.connection-string}
 * (and without a {@code Cluster} bean) profiles are kept in memory.
 */
@ConfigurationProperties("profilekit")
public class ProfilekitProperties {

    /** Where the API answers in the application: /profiles serves /profiles/api/v1/... */
    private String path = "/profiles";
    /** Bearer tokens of the services that may call the API with full access. */
    private List<String> tokens = new ArrayList<>();
    /** The fields services' searches (/api/v1/search) match: name, first_name, last_name, user_id, nickname, email. */
    private List<String> searchFields = new ArrayList<>(List.of("name", "user_id", "nickname", "email"));
    /** Whether to serve SCIM 2.0 under {path}/scim/v2 for identity providers (Okta, Entra ID). */
    private boolean scimEnabled;
    /** The Couchbase store. */
    private final Db db = new Db();

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<String> getTokens() {
        return tokens;
    }

    public void setTokens(List<String> tokens) {
        this.tokens = tokens;
    }

    public List<String> getSearchFields() {
        return searchFields;
    }

    public void setSearchFields(List<String> searchFields) {
        this.searchFields = searchFields;
    }

    public boolean isScimEnabled() {
        return scimEnabled;
    }

    public void setScimEnabled(boolean scimEnabled) {
        this.scimEnabled = scimEnabled;
    }

    public Db getDb() {
        return db;
    }

    /** {@code profilekit.db.*}: the cluster and the keyspace; the seed's keyspace unless set. */
    public static class Db {

        /** Couchbase's connection string (couchbases://...); profiles are kept in memory without it. */
        private String connectionString;
        /** The Couchbase user. */
        private String username;
        /** The Couchbase user's password. */
        private String password;
        /** The bucket. */
        private String bucket = CouchbaseKeyspace.defaults().bucket();
        /** The scope. */
        private String scope = CouchbaseKeyspace.defaults().scope();
        /** The profiles' collection. */
        private String profilesCollection = CouchbaseKeyspace.defaults().profiles();
        /** The images' collection. */
        private String imagesCollection = CouchbaseKeyspace.defaults().images();
        /** The service token's collection. */
        private String authCollection = CouchbaseKeyspace.defaults().auth();
        /** profilekit's lookup and counter documents' collection. */
        private String lookupsCollection = CouchbaseKeyspace.defaults().lookups();

        CouchbaseKeyspace keyspace() {
            return new CouchbaseKeyspace(bucket, scope, profilesCollection, imagesCollection, authCollection,
                    lookupsCollection);
        }

        public String getConnectionString() {
            return connectionString;
        }

        public void setConnectionString(String connectionString) {
            this.connectionString = connectionString;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getBucket() {
            return bucket;
        }

        public void setBucket(String bucket) {
            this.bucket = bucket;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        public String getProfilesCollection() {
            return profilesCollection;
        }

        public void setProfilesCollection(String profilesCollection) {
            this.profilesCollection = profilesCollection;
        }

        public String getImagesCollection() {
            return imagesCollection;
        }

        public void setImagesCollection(String imagesCollection) {
            this.imagesCollection = imagesCollection;
        }

        public String getAuthCollection() {
            return authCollection;
        }

        public void setAuthCollection(String authCollection) {
            this.authCollection = authCollection;
        }

        public String getLookupsCollection() {
            return lookupsCollection;
        }

        public void setLookupsCollection(String lookupsCollection) {
            this.lookupsCollection = lookupsCollection;
        }
    }
}
