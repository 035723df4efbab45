package io.profilekit.bench;

import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo store's documents for the other parties of a benchmark: {@code documents.json}
 * (every profile and image document, exactly as stored) for the seed's design in Python, and
 * {@code usernames.txt} (one per line, in record id order) for the load generators.
 *
 * <pre>java -cp profile-bench.jar io.profilekit.bench.SeedDocuments PROFILES DIRECTORY</pre>
 */
public final class SeedDocuments {

    private SeedDocuments() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path directory = Files.createDirectories(Path.of(args[1]));
        DemoDocuments demo = DemoDocuments.generate(count);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(directory.resolve("documents.json")))) {
            out.write("{\"profiles\":{".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < demo.profiles.size(); i++) {
                StoredProfile profile = demo.profiles.get(i);
                out.write(((i > 0 ? "," : "") + "\"" + profile.recordId() + "\":").getBytes(StandardCharsets.US_ASCII));
                profile.writeJson(out);
            }
            out.write("},\"pictures\":{".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < demo.pictures.size(); i++) {
                StoredPicture picture = demo.pictures.get(i);
                out.write(((i > 0 ? "," : "") + "\"" + picture.recordId() + "\":").getBytes(StandardCharsets.US_ASCII));
                picture.writeJson(out);
            }
            out.write("}}".getBytes(StandardCharsets.US_ASCII));
        }
        try (PrintWriter usernames = new PrintWriter(Files.newBufferedWriter(directory.resolve("usernames.txt")))) {
            demo.profiles.forEach(profile -> usernames.println(profile.profile().userId()));
        }
        System.out.println("wrote " + count + " profiles to " + directory);
    }
}
