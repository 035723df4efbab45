package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Runs work on the ImageIO reader for an image's bytes within a time budget, and turns every way
 * a reader fails on bad bytes into one {@link InvalidProfileException}: no reader, an I/O or
 * runtime error, JJ2000's {@code ThreadDeath} for a truncated JPEG 2000 codestream, and work
 * that outlasts the budget (the reader is asked to abort then; readers that check for it stop).
 */
final class ImageReaders {

    /** How long decoding one picture may take, unless a caller says otherwise. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

    private static final ScheduledExecutorService ABORTS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "profilekit-decode-budget");
        thread.setDaemon(true);
        return thread;
    });

    /** Work on a reader whose input is set. */
    interface Work<T> {
        T on(ImageReader reader) throws IOException;
    }

    private ImageReaders() {
    }

    /** {@link #read(byte[], Duration, Work, Supplier)} within {@link #DEFAULT_BUDGET}. */
    static <T> T read(byte[] bytes, Work<T> work, Supplier<InvalidProfileException> corrupt) {
        return read(bytes, DEFAULT_BUDGET, work, corrupt);
    }

    /**
     * Runs {@code work} on the first reader for {@code bytes}; {@code corrupt} says why it could
     * not. Work that takes longer than {@code budget} fails, whatever it read.
     */
    static <T> T read(byte[] bytes, Duration budget, Work<T> work, Supplier<InvalidProfileException> corrupt) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw corrupt.get();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long started = System.nanoTime();
                ScheduledFuture<?> abort = ABORTS.schedule(reader::abort, budget.toNanos(), TimeUnit.NANOSECONDS);
                T result;
                try {
                    result = work.on(reader);
                } catch (IOException | RuntimeException failed) {
                    if (overBudget(started, budget)) {
                        throw tooSlow(budget);
                    }
                    throw failed;
                } finally {
                    abort.cancel(false);
                }
                if (overBudget(started, budget)) {
                    throw tooSlow(budget);
                }
                return result;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidProfileException invalid) {
                throw invalid;
            }
            throw corrupt.get();
        } catch (ThreadDeath jpeg2000Failure) {
            // JJ2000, the JPEG 2000 decoder, signals a truncated codestream this way (after
            // printing its stack trace to standard error); the thread itself goes on.
            throw corrupt.get();
        }
    }

    private static boolean overBudget(long started, Duration budget) {
        return System.nanoTime() - started > budget.toNanos();
    }

    private static InvalidProfileException tooSlow(Duration budget) {
        return new InvalidProfileException("the picture takes longer than " + budget.toMillis() + " ms to decode");
    }
}
