package io.profilekit.core.transfer;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Futures;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Imports people from a file: each record becomes a profile ({@link ImportFormat}), validated as
 * an API create is; a record that fails goes to the reject file with its line and the reason,
 * and the import goes on. Usernames that exist are skipped or updated ({@link OnConflict}), so a
 * second run creates nothing twice. Up to {@code parallelism} writes are in flight; after a stop,
 * {@link Builder#resumeAfter} skips the lines {@link Progress#resumeAfter} says are done.
 *
 * <pre>{@code
 * ProfileImport.Result result = ProfileImport.builder(repository, ImportFormat.AUTH0)
 *         .rejects(rejectFile).parallelism(16).build().run(in);
 * }</pre>
 */
public final class ProfileImport {

    /**
     * How far an import is.
     *
     * @param read records read
     * @param created profiles created (or that would be, in a dry run)
     * @param updated profiles updated
     * @param skipped records whose username was taken, left as stored
     * @param rejected records written to the reject file
     * @param bytesRead bytes of the file read so far
     * @param resumeAfter the line up to which every record is done: {@link Builder#resumeAfter} takes it
     */
    public record Progress(long read, long created, long updated, long skipped, long rejected, long bytesRead,
            long resumeAfter) {
    }

    private final ImportFormat format;
    private final ImportWrites writes;
    private final int parallelism;
    private final long resumeAfter;
    private final RejectFile rejects;
    private final Consumer<Progress> progress;
    private final int progressEvery;

    private ProfileImport(Builder builder) {
        this.format = builder.format;
        this.writes = new ImportWrites(builder.repository, builder.onConflict, builder.dryRun);
        this.parallelism = builder.parallelism;
        this.resumeAfter = builder.resumeAfter;
        this.rejects = new RejectFile(builder.rejects);
        this.progress = builder.progress;
        this.progressEvery = builder.progressEvery;
    }

    public static Builder builder(ProfileRepository repository, ImportFormat format) {
        return new Builder(repository, format);
    }

    /**
     * Reads {@code in} to its end and imports every record after the resume line.
     *
     * @return the counts, once every write is done
     * @throws ImportStoppedException when the store failed (unreachable, misconfigured) or the
     *     file broke off; it says which line to resume after
     */
    public Progress run(InputStream in) throws IOException {
        Counts counts = new Counts();
        CountingInput input = new CountingInput(in);
        Semaphore slots = new Semaphore(parallelism);
        ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
        Stop stop = new Stop();
        long lastSubmitted = resumeAfter;
        try (ImportRecords records = ImportRecords.open(input, format)) {
            ImportRecords.Record record;
            while (!stop.stopped() && (record = stop.next(records)) != null) {
                if (record.line() <= resumeAfter) {
                    continue;
                }
                slots.acquireUninterruptibly();
                inFlight.add(record.line());
                lastSubmitted = record.line();
                counts.read.incrementAndGet();
                ImportRecords.Record current = record;
                write(current).whenComplete((outcome, error) -> {
                    Throwable cause = Futures.unwrap(error);
                    if (cause instanceof InvalidProfileException invalid) {
                        counts.rejected.incrementAndGet();
                        rejects.write(current.line(), invalid.getMessage(), current.bytes());
                    } else if (cause != null) {
                        stop.failed(current.line(), cause);
                    } else {
                        counts.count(outcome);
                    }
                    inFlight.remove(current.line());
                    slots.release();
                });
                if (counts.read.get() % progressEvery == 0) {
                    Long first = inFlight.isEmpty() ? null : inFlight.first();
                    progress.accept(counts.progress(input.count, first == null ? lastSubmitted : first - 1));
                }
            }
            slots.acquireUninterruptibly(parallelism);
        } finally {
            rejects.flush();
        }
        if (stop.stopped()) {
            throw stop.exception(lastSubmitted);
        }
        return counts.progress(input.count, lastSubmitted);
    }

    private CompletableFuture<ImportWrites.Outcome> write(ImportRecords.Record record) {
        try {
            Profile profile = format.profile(record.bytes());
            return record.picture() == null ? writes.write(profile)
                    : writes.write(profile, PictureLines.image(record.picture()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Why and where an import stopped: the first store failure (and its line), or a file that broke off. */
    private static final class Stop {
        private final AtomicReference<Throwable> cause = new AtomicReference<>();
        private final AtomicLong firstFailedLine = new AtomicLong(Long.MAX_VALUE);

        boolean stopped() {
            return cause.get() != null;
        }

        ImportRecords.Record next(ImportRecords records) {
            try {
                return records.next();
            } catch (InvalidProfileException broken) {
                cause.compareAndSet(null, broken);
                return null;
            }
        }

        void failed(long line, Throwable error) {
            cause.compareAndSet(null, error);
            firstFailedLine.accumulateAndGet(line, Math::min);
        }

        ImportStoppedException exception(long lastSubmitted) {
            return new ImportStoppedException(cause.get(), Math.min(lastSubmitted, firstFailedLine.get() - 1));
        }
    }

    /** The running counts. */
    private static final class Counts {
        final AtomicLong read = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();

        void count(ImportWrites.Outcome outcome) {
            (outcome == ImportWrites.Outcome.CREATED ? created
                    : outcome == ImportWrites.Outcome.UPDATED ? updated : skipped).incrementAndGet();
        }

        Progress progress(long bytes, long resumeAfter) {
            return new Progress(read.get(), created.get(), updated.get(), skipped.get(), rejected.get(), bytes,
                    resumeAfter);
        }
    }

    /** Counts the bytes read from the file, for progress against its size. */
    private static final class CountingInput extends FilterInputStream {
        volatile long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Builds a {@link ProfileImport}; not thread-safe. */
    public static final class Builder {
        /** The most writes in flight. */
        public static final int MAX_PARALLELISM = 256;

        private final ProfileRepository repository;
        private final ImportFormat format;
        private OnConflict onConflict = OnConflict.SKIP;
        private boolean dryRun;
        private int parallelism = 8;
        private long resumeAfter;
        private OutputStream rejects = OutputStream.nullOutputStream();
        private Consumer<Progress> progress = done -> { };
        private int progressEvery = 1000;

        private Builder(ProfileRepository repository, ImportFormat format) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.format = Objects.requireNonNull(format, "format");
        }

        /** {@link OnConflict#SKIP} unless set. */
        public Builder onConflict(OnConflict value) {
            onConflict = Objects.requireNonNull(value, "onConflict");
            return this;
        }

        /** Checks every record and counts what would happen, writing nothing. */
        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** How many writes may be in flight at once, 1 to {@link #MAX_PARALLELISM}; 8 unless set. */
        public Builder parallelism(int value) {
            if (value < 1 || value > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM);
            }
            parallelism = value;
            return this;
        }

        /** Skips the records that start on or before this line (a stopped import's {@link Progress#resumeAfter}). */
        public Builder resumeAfter(long line) {
            if (line < 0) {
                throw new IllegalArgumentException("resumeAfter must not be negative");
            }
            resumeAfter = line;
            return this;
        }

        /** Where rejected records go, one JSON object per line ({@link RejectFile}); nowhere unless set. */
        public Builder rejects(OutputStream value) {
            rejects = Objects.requireNonNull(value, "rejects");
            return this;
        }

        /** Told the progress every {@code every} records read; {@link #run} answers the last. */
        public Builder progress(int every, Consumer<Progress> value) {
            if (every < 1) {
                throw new IllegalArgumentException("every must be positive");
            }
            progressEvery = every;
            progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        public ProfileImport build() {
            return new ProfileImport(this);
        }
    }
}
