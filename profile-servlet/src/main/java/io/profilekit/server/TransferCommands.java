package io.profilekit.server;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.transfer.ImportFormat;
import io.profilekit.core.transfer.ImportStoppedException;
import io.profilekit.core.transfer.OnConflict;
import io.profilekit.core.transfer.ProfileExport;
import io.profilekit.core.transfer.ProfileImport;
import io.profilekit.server.settings.BulkSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.DemoSettings;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The jar's {@code import} and {@code export} commands (docs/moving-people.md). Both work on the
 * configured store: Couchbase, or, without one, a store in memory that ends with the command
 * (an import then checks a file, counting what it would create and writing its rejects; an
 * export writes the demo profiles).
 */
final class TransferCommands {

    private final Settings settings;
    private final PrintStream out;

    TransferCommands(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * {@code import --format F --in FILE [--rejects FILE] [--on-conflict skip|update] [--dry-run]
     * [--parallelism P] [--resume LINE]}.
     */
    void importFile(String[] args) {
        try {
            importFrom(args);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private void importFrom(String[] args) throws IOException {
        ImportFormat format = null;
        Path in = null;
        Path rejects = null;
        OnConflict onConflict = OnConflict.SKIP;
        boolean dryRun = false;
        int parallelism = BulkSettings.from(settings).parallelism();
        long resume = 0;
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--format" -> format = format(value);
                case "--in" -> in = Path.of(value);
                case "--rejects" -> rejects = Path.of(value);
                case "--on-conflict" -> onConflict = onConflict(value);
                case "--dry-run" -> {
                    dryRun = true;
                    i--;
                }
                case "--parallelism" -> parallelism = (int) BulkCommands.number("--parallelism", value, 1,
                        ProfileImport.Builder.MAX_PARALLELISM);
                case "--resume" -> resume = BulkCommands.number("--resume", value, 0, Long.MAX_VALUE);
                default -> throw new ConfigurationException("unknown option '" + args[i] + "'; " + CommandLine.USAGE);
            }
        }
        if (format == null || in == null) {
            throw new ConfigurationException("import needs --format (" + ImportFormat.names() + ") and --in FILE");
        }
        Path rejectFile = rejects != null ? rejects : in.resolveSibling(in.getFileName() + ".rejects.ndjson");
        long size = size(in);
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        try (ProfileRepository repository = open(couchbase, false, false);
             InputStream file = Files.newInputStream(in);
             OutputStream rejected = new BufferedOutputStream(Files.newOutputStream(rejectFile))) {
            long started = System.nanoTime();
            String again = "import --format " + format.name().toLowerCase(Locale.ROOT) + " --in " + in + " --resume ";
            TimeLeft timeLeft = new TimeLeft(1.0);
            ProfileImport.Progress done = ProfileImport.builder(repository, format).onConflict(onConflict)
                    .dryRun(dryRun).parallelism(parallelism).resumeAfter(resume).rejects(rejected)
                    .progress(5000, sofar -> progress(sofar, size, started, again, timeLeft)).build().run(file);
            out.printf(Locale.ROOT, "%s %d records in %.1f s: %d created, %d updated, %d skipped (taken), %d rejected"
                    + "%s%n", dryRun ? "Checked" : "Imported", done.read(), seconds(started), done.created(),
                    done.updated(), done.skipped(), done.rejected(),
                    done.rejected() > 0 ? " (see " + rejectFile + ")" : "");
            if (done.rejected() == 0) {
                rejected.close();
                Files.deleteIfExists(rejectFile);
            }
            if (couchbase.isEmpty() && !dryRun) {
                out.println("Nothing was kept: without " + StoreSettings.CONNECTION_STRING.name()
                        + ", the store is in memory and ends with this command.");
            }
        } catch (ImportStoppedException stopped) {
            out.println("Rejected records so far are in " + rejectFile + ".");
            out.println("To resume: java -jar profile-server.jar import --format "
                    + format.name().toLowerCase(Locale.ROOT) + " --in " + in + " --resume " + stopped.resumeAfter());
            throw stopped;
        }
    }

    /** {@code export --out FILE [--after ID] [--pictures]}. */
    void export(String[] args) {
        try {
            exportTo(args);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private void exportTo(String[] args) throws IOException {
        Path to = null;
        long after = 0;
        boolean pictures = false;
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--out" -> to = Path.of(value);
                case "--pictures" -> {
                    pictures = true;
                    i--;
                }
                case "--after" -> after = BulkCommands.number("--after", value, 0, Long.MAX_VALUE);
                default -> throw new ConfigurationException("unknown option '" + args[i] + "'; " + CommandLine.USAGE);
            }
        }
        if (to == null) {
            throw new ConfigurationException("export needs --out FILE");
        }
        long started = System.nanoTime();
        try (ProfileRepository repository = open(StoreSettings.from(settings).couchbase(), true, pictures);
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(to), 256 * 1024)) {
            long count = new ProfileExport(repository, pictures).write(file, after, last -> { });
            out.printf(Locale.ROOT, "Exported %d profiles to %s in %.1f s%n", count, to, seconds(started));
        }
    }

    /** The configured store; without Couchbase, one in memory (with the demo profiles for an export). */
    private ProfileRepository open(Optional<CouchbaseSettings> couchbase, boolean demo, boolean pictures) {
        if (couchbase.isPresent()) {
            return ProfileRepository.of(CouchbaseProfileStore.connect(couchbase.get()));
        }
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        if (demo) {
            DemoSettings profiles = DemoSettings.from(settings);
            DemoData.fill(repository, new DemoSettings(profiles.profiles(), pictures && profiles.pictures()));
        }
        return repository;
    }

    private void progress(ProfileImport.Progress sofar, long size, long started, String again, TimeLeft timeLeft) {
        double seconds = Math.max(seconds(started), 1e-9);
        double rate = sofar.read() / seconds;
        double share = size > 0 ? Math.min(1.0, (double) sofar.bytesRead() / size) : 0;
        out.printf(Locale.ROOT, "  %d records (%d%%), %.0f/s%s (to resume: %s%d)%n", sofar.read(),
                Math.round(share * 100), rate, timeLeft.after(seconds, share), again, sofar.resumeAfter());
    }

    private static long size(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("--in " + file + ": no such file");
        }
    }

    /** A file that cannot be read or written, said in one line. */
    private static ConfigurationException unusable(IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied" : "cannot be read or written";
        String file = e instanceof FileSystemException io ? io.getFile() : e.getMessage();
        return new ConfigurationException(file + ": " + why);
    }

    private static ImportFormat format(String name) {
        try {
            return ImportFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--format: " + e.getMessage());
        }
    }

    private static OnConflict onConflict(String name) {
        return switch (name) {
            case "skip" -> OnConflict.SKIP;
            case "update" -> OnConflict.UPDATE;
            default -> throw new ConfigurationException("--on-conflict takes skip or update, not '" + name + "'");
        };
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
