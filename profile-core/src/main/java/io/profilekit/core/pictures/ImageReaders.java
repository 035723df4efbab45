package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Runs work on the ImageIO reader for an image's bytes within a time budget, and turns every way
 * a reader fails on bad bytes into one {@link InvalidProfileException}: no reader, an I/O or
 * runtime error, JJ2000's {@code ThreadDeath} for a truncated JPEG 2000 codestream, and work
 * that outlasts the budget. A reader that reports its progress is asked to abort as soon as the
 * budget is spent (on the decoding thread itself: no timer thread, so nothing outlives a web
 * application that unloads); one that does not is refused when it returns.
 */
final class ImageReaders {

    /** How long decoding one picture may take, unless a caller says otherwise. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

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
                reader.addIIOReadProgressListener(new Deadline(started + budget.toNanos()));
                T result;
                try {
                    result = work.on(reader);
                } catch (IOException | RuntimeException failed) {
                    if (overBudget(started, budget)) {
                        throw tooSlow(budget);
                    }
                    throw failed;
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

    /** Asks the reader to abort once {@code deadline} (a {@link System#nanoTime()}) has passed. */
    private record Deadline(long deadline) implements IIOReadProgressListener {

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (System.nanoTime() - deadline > 0) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
