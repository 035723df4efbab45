package io.profilekit.server.war;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the WAR puts the token it generated when none is configured: a file only the
 * container's user may read, in the application's temporary directory, so that the token is
 * never written to a log that others read or collect.
 */
final class GeneratedTokenFile {

    static final String NAME = "profilekit-api-token";

    private GeneratedTokenFile() {
    }

    /** Writes {@code token} to the file (replacing an earlier deployment's) and answers its path. */
    static Path write(ServletContext context, String token) throws IOException {
        Object directory = context.getAttribute(ServletContext.TEMPDIR);
        Path parent = directory instanceof File file ? file.toPath() : Files.createTempDirectory("profilekit");
        Path path = parent.resolve(NAME);
        Files.deleteIfExists(path);
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else { // Windows: readable and writable by its owner alone, as far as java.io.File can say it
            File file = Files.createFile(path).toFile();
            file.setReadable(false, false);
            file.setReadable(true, true);
            file.setWritable(false, false);
            file.setWritable(true, true);
        }
        Files.writeString(path, token + "\n", StandardCharsets.US_ASCII);
        return path;
    }
}
