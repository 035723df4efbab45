package io.profilekit.servlet;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.Page;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredDocument;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.internal.ImageInspector;
import io.profilekit.core.internal.Json;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource API under {@code /api/v1/profiles}: the collection (list, create), a profile
 * (read, replace, merge-patch, delete; ETags from the store's versions) and its picture. Every
 * error is an RFC 9457 problem.
 */
final class ProfilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProfilesServlet.class);

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String COLLECTION_METHODS = "GET, HEAD, POST";
    private static final String PROFILE_METHODS = "GET, HEAD, PUT, PATCH, DELETE";
    private static final String PICTURE_METHODS = "GET, HEAD, PUT, DELETE";
    private static final Set<String> PROFILE_METHOD_SET = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");
    private static final Set<String> PICTURE_METHOD_SET = Set.of("GET", "HEAD", "PUT", "DELETE");
    /** Attempts at a write without If-Match that keeps meeting concurrent writers. */
    private static final int ATTEMPTS = 16;

    private final transient ProfileRepository repository;
    private final ApiLimits limits;

    ProfilesServlet(ProfileRepository repository, ApiLimits limits) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response);
        } catch (HttpProblem problem) {
            problem.write(request, response);
        } catch (ProfileException e) {
            ErrorResponses.write(request, response, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), Routes.template(request), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorResponses.write(request, response, 500, null);
            }
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            switch (method) {
                case "GET", "HEAD" -> list(request, response);
                case "POST" -> create(request, response);
                default -> throw HttpProblem.methodNotAllowed(method, COLLECTION_METHODS);
            }
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        boolean picture = segments.length == 2 && segments[1].equals("picture");
        if (segments.length > 2 || segments.length == 2 && !picture) {
            throw HttpProblem.notFound("no route matches " + request.getRequestURI());
        }
        if (!(picture ? PICTURE_METHOD_SET : PROFILE_METHOD_SET).contains(method)) {
            throw HttpProblem.methodNotAllowed(method, picture ? PICTURE_METHODS : PROFILE_METHODS);
        }
        OptionalLong parsed = PathParameters.recordId(segments[0]);
        if (parsed.isEmpty()) {
            throw HttpProblem.notFound("'" + segments[0] + "' is no record id: record ids are positive whole numbers");
        }
        long id = parsed.getAsLong();
        if (picture) {
            switch (method) {
                case "GET", "HEAD" -> readPicture(request, response, id);
                case "PUT" -> putPicture(request, response, id);
                default -> deletePicture(response, id);
            }
        } else {
            switch (method) {
                case "GET", "HEAD" -> read(request, response, id);
                case "PUT" -> replace(request, response, id);
                case "PATCH" -> patch(request, response, id);
                default -> delete(request, response, id);
            }
        }
    }

    // --- the collection ---

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProfileQuery query = ListingParameters.parse(request.getParameterMap());
        Page<StoredProfile> page = repository.list(query);
        String next = page.next().isPresent()
                ? ListingParameters.nextPage(request.getContextPath() + "/api/v1/profiles", query, page.next().getAsLong())
                : null;
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + page.items().size() * 512);
        body.write("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            page.items().get(i).writeJson(body);
        }
        body.write("],\"next\":".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator out = Json.FACTORY.createGenerator(body)) {
            out.writeString(next);
        }
        body.write('}');
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Profile profile = ProfileJson.fromJson(profileBody(request, "application/json"));
        StoredProfile created = repository.create(profile);
        response.setHeader("Location", profileUrl(request, created.recordId()));
        writeProfile(response, 201, created);
    }

    // --- a profile ---

    private void read(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        StoredProfile stored = repository.findById(id).orElseThrow(() -> noProfile(id));
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), stored.version())) {
            notModified(response, stored.version());
            return;
        }
        writeProfile(response, 200, stored);
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Profile replacement = ProfileJson.fromJson(profileBody(request, "application/json"));
        if (replacement.recordId() != null && replacement.recordId() != id) {
            throw HttpProblem.unprocessable("record_id cannot be changed: it is " + id);
        }
        EntityTags.Condition condition = EntityTags.ifMatch(request.getHeader("If-Match"));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredProfile current = current(id, condition);
            Long picture = current.profile().picture();
            if (replacement.picture() != null && !replacement.picture().equals(picture)) {
                throw pictureIsASubresource(id);
            }
            try {
                StoredProfile stored = repository.replace(
                        replacement.toBuilder().recordId(id).picture(picture).build(), current.version());
                writeProfile(response, 200, stored);
                return;
            } catch (PreconditionFailedException changed) {
                if (condition.present()) {
                    throw changed;
                }
            }
        }
        throw HttpProblem.preconditionFailed("profile " + id + " kept changing; read it again and retry");
    }

    private void patch(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        byte[] patch;
        try {
            patch = profileBody(request, MERGE_PATCH);
        } catch (HttpProblem problem) {
            throw problem.status() == 415 ? problem.with("Accept-Patch", MERGE_PATCH) : problem;
        }
        EntityTags.Condition condition = EntityTags.ifMatch(request.getHeader("If-Match"));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredProfile current = current(id, condition);
            Profile patched = ProfileJson.mergePatch(current.json(), patch);
            if (patched.recordId() == null || patched.recordId() != id) {
                throw HttpProblem.unprocessable("record_id cannot be changed or removed: it is " + id);
            }
            if (!Objects.equals(patched.picture(), current.profile().picture())) {
                throw pictureIsASubresource(id);
            }
            try {
                writeProfile(response, 200, repository.replace(patched, current.version()));
                return;
            } catch (PreconditionFailedException changed) {
                if (condition.present()) {
                    throw changed;
                }
            }
        }
        throw HttpProblem.preconditionFailed("profile " + id + " kept changing; read it again and retry");
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, long id) {
        EntityTags.Condition condition = EntityTags.ifMatch(request.getHeader("If-Match"));
        Version expected = condition.present() ? current(id, condition).version() : null;
        repository.delete(id, expected);
        response.setStatus(204);
    }

    /** The stored profile, checked against {@code If-Match} when the request has one. */
    private StoredProfile current(long id, EntityTags.Condition condition) {
        StoredProfile current = repository.findById(id).orElse(null);
        if (current == null) {
            throw condition.present()
                    ? HttpProblem.preconditionFailed("If-Match names a version, but there is no profile " + id)
                    : noProfile(id);
        }
        if (condition.present() && !condition.matches(current.version())) {
            throw HttpProblem.preconditionFailed("profile " + id + " is at version " + EntityTags.of(current.version())
                    + ", not the one If-Match names; read it again and retry");
        }
        return current;
    }

    // --- its picture ---

    private void readPicture(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        StoredProfile profile = repository.findById(id).orElseThrow(() -> noProfile(id));
        Long pictureId = profile.profile().picture();
        StoredPicture picture = (pictureId == null ? Optional.<StoredPicture>empty() : repository.findPicture(pictureId))
                .orElseThrow(() -> HttpProblem.notFound("profile " + id + " has no picture"));
        response.setHeader("Vary", "Accept");
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), picture.version())) {
            notModified(response, picture.version());
            return;
        }
        response.setStatus(200);
        response.setHeader("ETag", EntityTags.of(picture.version()));
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            writeJson(response, picture);
        } else {
            response.setHeader("Content-Security-Policy", "default-src 'none'");
            response.setContentType(picture.mediaType());
            response.setContentLength(picture.imageLength());
            picture.writeImage(response.getOutputStream());
        }
    }

    private void putPicture(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        RequestBodies.refuseDeclaredOver(request, "the picture", limits.maxPictureBytes());
        StoredProfile profile = repository.findById(id).orElseThrow(() -> noProfile(id));
        byte[] bytes = RequestBodies.read(request, "the picture", limits.maxPictureBytes());
        if (bytes.length == 0) {
            throw HttpProblem.badRequest("the picture is empty: send the image's bytes as the body");
        }
        ProfilePicture picture = ProfilePicture.of(bytes);
        ImageInspector.check(picture, limits.maxPictureSide());
        boolean replacing = profile.profile().picture() != null;
        StoredPicture stored = repository.putPicture(id, picture);
        response.setHeader("ETag", EntityTags.of(stored.version()));
        if (replacing) {
            response.setStatus(204);
        } else {
            response.setHeader("Location", profileUrl(request, id) + "/picture");
            response.setStatus(201);
        }
    }

    private void deletePicture(HttpServletResponse response, long id) {
        repository.deletePicture(id);
        response.setStatus(204);
    }

    // --- writing ---

    private byte[] profileBody(HttpServletRequest request, String mediaType) throws IOException {
        RequestBodies.requireMediaType(request, mediaType);
        return RequestBodies.read(request, "the profile", limits.maxProfileBytes());
    }

    private static void writeProfile(HttpServletResponse response, int status, StoredProfile stored) throws IOException {
        response.setStatus(status);
        response.setHeader("ETag", EntityTags.of(stored.version()));
        response.setHeader("Cache-Control", "private, no-cache");
        writeJson(response, stored);
    }

    private static void writeJson(HttpServletResponse response, StoredDocument document) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(document.jsonLength());
        ServletOutputStream out = response.getOutputStream();
        document.writeJson(out);
    }

    private static void notModified(HttpServletResponse response, Version version) {
        response.setStatus(304);
        response.setHeader("ETag", EntityTags.of(version));
        response.setHeader("Cache-Control", "private, no-cache");
    }

    private static String profileUrl(HttpServletRequest request, long id) {
        return request.getContextPath() + "/api/v1/profiles/" + id;
    }

    private static HttpProblem noProfile(long id) {
        return HttpProblem.notFound("no profile with record_id " + id);
    }

    private static HttpProblem pictureIsASubresource(long id) {
        return HttpProblem.unprocessable("picture cannot be set here: send the image to /api/v1/profiles/" + id
                + "/picture");
    }
}
